#!/usr/bin/env python3
"""Loopback HTTP/1.1 servers whose NTLM work is done by pyspnego, for the prober's tests and benchmark.

One process serves several listeners, each with its own behaviour:

    python3 ntlm_server.py --listen ntlm --listen negotiate-only --listen silent ...

Each listener binds 127.0.0.1 on a free port and the process prints one line per listener,
`READY <name> <port>`, then `READY` alone when all are listening. A listener spec is
`NAME[:KIND][@tls]`; KIND defaults to NAME. Kinds:

  ntlm            401 offering NTLM (then Negotiate); NTLM done by pyspnego, one acceptor per connection
  negotiate-only  401 offering only Negotiate; the raw NTLMSSP token is accepted under it
  basic-only      401 offering only Basic
  no-auth         200 to everything
  silent          accepts the connection, reads, never answers
  malformed       answers the NEGOTIATE with a challenge whose TargetInfo points past the message end
  oversized       answers the NEGOTIATE with a 256 KiB WWW-Authenticate header
  key-exchange    answers the NEGOTIATE with a well-formed challenge that sets KEY_EXCH
  bare-challenge  answers the NEGOTIATE with a bare `NTLM` header (no token)

Credentials come from the file named by NTLM_USER_FILE (`DOMAIN:USER:PASSWORD` lines), as pyspnego
reads them. The process exits after --lifetime seconds, or on SIGTERM/SIGINT.
"""

import argparse
import base64
import os
import signal
import socket
import socketserver
import ssl
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler

import spnego

KINDS = {
    "ntlm", "negotiate-only", "basic-only", "no-auth", "silent",
    "malformed", "oversized", "key-exchange", "bare-challenge",
}


def log(message):
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def message_type(token):
    if len(token) >= 12 and token[:8] == b"NTLMSSP\x00":
        return struct.unpack("<I", token[8:12])[0]
    return 0


def crafted_challenge(flags, target_info_fields=None):
    """A CHALLENGE with TargetName "SRV" and optional custom TargetInfo varField."""
    name = "SRV".encode("utf-16-le")
    info = struct.pack("<HH", 1, len(name)) + name + struct.pack("<HH", 0, 0)
    header_len = 56
    target_name_fields = struct.pack("<HHI", len(name), len(name), header_len)
    if target_info_fields is None:
        target_info_fields = struct.pack("<HHI", len(info), len(info), header_len + len(name))
    body = (b"NTLMSSP\x00" + struct.pack("<I", 2) + target_name_fields + struct.pack("<I", flags)
            + os.urandom(8) + b"\x00" * 8 + target_info_fields + b"\x06\x01\xb1\x1d\x00\x00\x00\x0f")
    return body + name + info


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "probe-test-server"
    sys_version = ""

    def log_message(self, format, *args):
        pass

    def setup(self):
        super().setup()
        self.acceptor = None
        self.acceptor_scheme = None

    @property
    def kind(self):
        return self.server.kind

    def drain_body(self):
        length = self.headers.get("Content-Length")
        if length is not None:
            remaining = int(length)
            while remaining > 0:
                chunk = self.rfile.read(min(remaining, 65536))
                if not chunk:
                    break
                remaining -= len(chunk)
            return
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            while True:
                size_line = self.rfile.readline(1024)
                size = int(size_line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    return
                self.rfile.read(size)
                self.rfile.readline(1024)

    def reply(self, status, headers=(), body=b""):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def offered(self):
        if self.kind == "negotiate-only":
            return [("WWW-Authenticate", "Negotiate")]
        if self.kind == "basic-only":
            return [("WWW-Authenticate", 'Basic realm="probe"')]
        return [("WWW-Authenticate", "NTLM"), ("WWW-Authenticate", "Negotiate")]

    def accepted_schemes(self):
        if self.kind == "negotiate-only":
            return ("Negotiate",)
        if self.kind == "basic-only":
            return ()
        return ("NTLM", "Negotiate")

    def handle_one_request(self):
        if self.kind == "silent":
            try:
                while self.rfile.read(1):
                    pass
            except OSError:
                pass
            self.close_connection = True
            return
        super().handle_one_request()

    def do_any(self):
        self.drain_body()
        if self.kind == "no-auth":
            self.reply(200, body=b"no authentication here\n")
            return
        header = self.headers.get("Authorization")
        if not header:
            self.reply(401, self.offered(), b"authentication required\n")
            return
        scheme, _, token_text = header.partition(" ")
        try:
            token = base64.b64decode(token_text.strip(), validate=True) if token_text.strip() else b""
        except ValueError:
            token = b""
        kind = message_type(token)
        log("%s %s leg type=%d length=%d" % (self.server.name, scheme, kind, len(token)))
        if scheme not in self.accepted_schemes():
            self.reply(401, self.offered(), b"unsupported scheme\n")
            return
        if kind == 1:
            self.answer_negotiate(scheme, token)
        elif kind == 3:
            self.answer_authenticate(scheme, token)
        else:
            self.reply(401, self.offered(), b"not an NTLM token\n")

    def answer_negotiate(self, scheme, token):
        if self.kind == "malformed":
            # TargetInfo {Len 16, MaxLen 16, Offset 0xFFFFFFF8}: offset + length overflows 32 bits.
            challenge = crafted_challenge(0xA2898205, struct.pack("<HHI", 16, 16, 0xFFFFFFF8))
            self.reply(401, [("WWW-Authenticate", scheme + " " + base64.b64encode(challenge).decode())])
            return
        if self.kind == "oversized":
            self.reply(401, [("WWW-Authenticate", scheme + " " + "A" * (256 * 1024))])
            return
        if self.kind == "key-exchange":
            challenge = crafted_challenge(0xE2898205)
            self.reply(401, [("WWW-Authenticate", scheme + " " + base64.b64encode(challenge).decode())])
            return
        if self.kind == "bare-challenge":
            self.reply(401, [("WWW-Authenticate", scheme)])
            return
        protocol = "negotiate" if scheme == "Negotiate" else "ntlm"
        self.acceptor = spnego.server(hostname="probe-test", service="HTTP", protocol=protocol)
        self.acceptor_scheme = scheme
        try:
            challenge = self.acceptor.step(token)
        except Exception as error:  # pyspnego raises several error types for a bad token
            log("negotiate refused: %s" % error)
            self.acceptor = None
            self.reply(401, self.offered())
            return
        log("challenge flags=0x%08x" % struct.unpack("<I", challenge[20:24])[0])
        self.reply(401, [("WWW-Authenticate", scheme + " " + base64.b64encode(challenge).decode())],
                   b"challenge\n")

    def answer_authenticate(self, scheme, token):
        acceptor, self.acceptor = self.acceptor, None
        if acceptor is None or scheme != self.acceptor_scheme:
            log("authenticate without a pending challenge on this connection")
            self.reply(401, self.offered())
            return
        nt_length = struct.unpack("<H", token[20:22])[0] if len(token) >= 22 else 0
        try:
            acceptor.step(token)
        except Exception as error:
            log("authenticate rejected (nt response %d bytes): %s" % (nt_length, error))
            self.reply(401, self.offered(), b"rejected\n")
            return
        user = acceptor.client_principal or ""
        log("authenticated %s (nt response %d bytes)" % (user, nt_length))
        self.reply(200, [("X-Authenticated-User", user)], b"hello\n")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_any


class Listener(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, name, kind, tls_context):
        self.name = name
        self.kind = kind
        self.tls_context = tls_context
        super().__init__(("127.0.0.1", 0), Handler)

    def get_request(self):
        sock, address = super().get_request()
        if self.tls_context is not None:
            sock.settimeout(10)
            sock = self.tls_context.wrap_socket(sock, server_side=True)
            sock.settimeout(None)
        return sock, address

    def handle_error(self, request, client_address):
        log("%s: connection error: %s" % (self.name, sys.exc_info()[1]))


def parse_spec(spec):
    tls = spec.endswith("@tls")
    if tls:
        spec = spec[:-4]
    name, _, kind = spec.partition(":")
    kind = kind or name
    if kind not in KINDS:
        raise SystemExit("unknown listener kind %r (known: %s)" % (kind, ", ".join(sorted(KINDS))))
    return name, kind, tls


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", action="append", required=True, help="NAME[:KIND][@tls]")
    parser.add_argument("--cert", help="PEM certificate chain for @tls listeners")
    parser.add_argument("--key", help="PEM private key for @tls listeners")
    parser.add_argument("--lifetime", type=float, default=300.0, help="seconds before exiting by itself")
    args = parser.parse_args()

    if not os.environ.get("NTLM_USER_FILE"):
        raise SystemExit("NTLM_USER_FILE must name a DOMAIN:USER:PASSWORD file")

    tls_context = None
    if any(spec.endswith("@tls") for spec in args.listen):
        tls_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls_context.load_cert_chain(args.cert, args.key)
        tls_context.set_alpn_protocols(["http/1.1"])

    listeners = []
    for spec in args.listen:
        name, kind, tls = parse_spec(spec)
        listener = Listener(name, kind, tls_context if tls else None)
        listeners.append(listener)
        threading.Thread(target=listener.serve_forever, daemon=True).start()
        print("READY %s %d" % (name, listener.server_address[1]), flush=True)
    print("READY", flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait(args.lifetime)
    # Daemon threads holding idle keep-alive connections die with the process.
    os._exit(0)


if __name__ == "__main__":
    main()
