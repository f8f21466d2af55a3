#!/usr/bin/env python3
"""Differential fuzzing of the JSON and YAML readers against real peers.

`scripts/differential.py [--count N] [--jq-count N] [--seed S] [json|yaml|all]`

Mutates seed files (Fuzz/Seeds, examples/, ../shared/corpus/configs) and generated documents, then asks every
reader whether it accepts each input:
  JSON: krakenlint's reader (any top-level value), Python's json module in strict mode (no NaN/Infinity,
        no control characters in strings, input must be UTF-8), and jq 1.6 (`jq .`, one process per input,
        on the first --jq-count inputs).
  YAML: krakenlint's reader and PyYAML's libyaml composer (yaml.compose_all with CSafeLoader).
Disagreements are sorted into documented, deliberate differences (docs/reliability.md) and unexplained ones;
an unexplained difference makes the exit status 1 and is written to fuzz-out/differential/.
"""
import argparse, collections, json, os, random, re, struct, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(os.environ.get("FUZZ_OUT", os.path.join(ROOT, "fuzz-out")), "differential")

JSON_TOKENS = [b",", b"]", b"}", b"[", b"{", b'"', b"\\", b":", b" ", b"\n", b"\t", b"\r", b"\x00", b"\x1f", b"\x7f",
               b"\x0b", b"\x0c", b"NaN", b"Infinity", b"-Infinity", b"-", b"+", b"0", b"01", b"-0", b"1e", b"1e+", b".5", b"5.",
               b"1E400", b"123456789012345678901234567890", b"true", b"tru", b"null", b"nul", b"\\u", b"\\u12", b"\\ud800",
               b"\\udc00", b"\\ud83d\\ude00", b"\\x41", b"\\'", b"'", b"\xff", b"\xc3", b"\xe2\x80", b"\xc0\x80", b"\xed\xa0\x80",
               b"\xf4\x90\x80\x80", b"\xef\xbb\xbf", b"\\u0000", b"//", b"/*", b"\xc2\xa0", b"\xe2\x80\xa8", b"[]", b"{}",
               b'"a":1', b'"a":1,"a":2']
YAML_TOKENS = [b":", b": ", b"- ", b"-", b"&a ", b"*a", b"*b", b"&b ", b"!!str ", b"!!int ", b"!!map ", b"!x ", b"!<tag:x> ",
               b"|", b"|-", b">", b">+", b"---", b"--- ", b"...", b"%YAML 1.2\n", b"%YAML 1.1\n", b"%TAG ! tag:x,2000:\n",
               b"? ", b"{", b"}", b"[", b"]", b"\"", b"'", b"#", b" #", b"\t", b"\n", b"\n  ", b"\n- ", b"<<: *a", b"<<: ",
               b"\\x", b"\\u00", b"\\U0001F600", b"\\", b",", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\x00", b"\x07", b"\r",
               b"~", b"null", b"yes", b"0x1F", b"0o17", b".inf", b".NaN", b"1e3", b"@", b"`", b"%", b"\xe2\x80\xa8",
               b"\xc2\x85", b"  ", b"    "]

def framed(items):
    return b"".join(struct.pack("<I", len(item)) + item for item in items)

def build_checker():
    """The Swift side, linked against the package's debug build of ConfigTree (swift build first)."""
    os.makedirs(OUT, exist_ok=True)
    binary = os.path.join(OUT, "accept-check")
    source = os.path.join(ROOT, "Fuzz", "Differential", "AcceptMain.swift")
    build = os.path.join(ROOT, ".build", "debug")
    objects = sorted(os.path.join(build, "ConfigTree.build", name) for name in os.listdir(os.path.join(build, "ConfigTree.build")) if name.endswith(".o"))
    if not os.path.exists(binary) or any(os.path.getmtime(path) > os.path.getmtime(binary) for path in objects + [source]):
        subprocess.run(["swiftc", "-O", "-parse-as-library", "-module-name", "AcceptCheck", "-I", os.path.join(build, "Modules"),
                        "-I", os.path.join(ROOT, "Sources", "CYAML"), source, *objects, "-lyaml", "-o", binary], check=True)
    return binary

def ours(binary, mode, inputs):
    lines = subprocess.run([binary, mode], input=framed(inputs), capture_output=True, check=True).stdout.decode().splitlines()
    assert len(lines) == len(inputs), (len(lines), len(inputs))
    # "1", or "0 CODE MESSAGE": the code first, the message for sorting YAML differences.
    return [(True, None, None) if line == "1" else (False, line.split(" ", 2)[1], line.split(" ", 2)[2] if line.count(" ") > 1 else "") for line in lines]

def seeds(kind):
    folders = [os.path.join(ROOT, "Fuzz", "Seeds", kind + "-reader"), os.path.join(ROOT, "examples"),
               os.path.join(ROOT, "..", "shared", "corpus", "configs"), "/work/shared/corpus/configs"]
    suffixes = (".json",) if kind == "json" else (".yaml", ".yml")
    found = []
    for folder in folders:
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(suffixes) or kind + "-reader" in folder:
                with open(os.path.join(folder, name), "rb") as handle:
                    found.append(handle.read()[:16384])
    return found

def generated_json(rng, depth=0):
    choice = rng.randrange(9 if depth < 6 else 5)
    if choice == 0: return rng.choice(["0", "-0", "1.5e10", "1E-400", "123456789012345678901234567890", "3", "-12.5e+3"])
    if choice == 1: return json.dumps(rng.choice(["", "a", "\u00e9", "\U0001F600", "\u2028", "a\\b", "\"", "\x7f", "\u202e"]), ensure_ascii=rng.random() < 0.5)
    if choice == 2: return rng.choice(["true", "false", "null"])
    if choice in (3, 4): return '"' + rng.choice(["\\u00e9", "\\ud83d\\ude00", "\\n", "\\/", "x"]) + '"'
    if choice in (5, 6):
        return "{" + ",".join(json.dumps(rng.choice(["a", "b", "version", ""])) + ":" + generated_json(rng, depth + 1) for _ in range(rng.randrange(4))) + "}"
    return "[" + ",".join(generated_json(rng, depth + 1) for _ in range(rng.randrange(4))) + "]"

def generated_yaml(rng, depth=0, indent=0):
    pad = " " * indent
    if depth > 3 or rng.random() < 0.3:
        return rng.choice(["a", "'q'", '"d\\x41"', "1", "0x1F", "yes", "~", ".inf", "[1, 2]", "{a: b}", "*a", "&a x", "!!str 3", "|\n" + pad + "  t"])
    if rng.random() < 0.5:
        return "\n" + "".join(f"{pad}{rng.choice(['a', 'b', 'version', '? c', '<<'])}: {generated_yaml(rng, depth + 1, indent + 2)}\n" for _ in range(1 + rng.randrange(3)))
    return "\n" + "".join(f"{pad}- {generated_yaml(rng, depth + 1, indent + 2)}\n" for _ in range(1 + rng.randrange(3)))

def mutate(rng, data, tokens):
    data = bytearray(data)
    for _ in range(1 + rng.randrange(3)):
        where = rng.randrange(len(data) + 1)
        action = rng.randrange(6)
        if action == 0 and data:
            del data[where:where + 1 + rng.randrange(8)]
        elif action == 1:
            data[where:where] = rng.choice(tokens)
        elif action == 2 and data:
            data[min(where, len(data) - 1)] = rng.randrange(256)
        elif action == 3 and data:
            start = rng.randrange(len(data)); data[where:where] = data[start:start + rng.randrange(32)]
        elif action == 4:
            data = data[:where]
        else:
            data[where:where] = rng.choice(tokens) + rng.choice(tokens)
    return bytes(data)

def make_inputs(rng, kind, count):
    pool = seeds(kind)
    tokens = JSON_TOKENS if kind == "json" else YAML_TOKENS
    inputs = []
    while len(inputs) < count:
        if rng.random() < 0.3:
            base = (generated_json(rng) if kind == "json" else "a: " + generated_yaml(rng, 0, 2)).encode()
        else:
            base = rng.choice(pool)
        inputs.append(base if rng.random() < 0.15 else mutate(rng, base, tokens))
    return inputs

def reject_constant(name):
    raise ValueError("non-standard constant " + name)

def python_json(data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    try:
        json.loads(text, parse_constant=reject_constant)
        return True
    except (ValueError, RecursionError):
        return False

def jq_accepts(data):
    return subprocess.run(["jq", "."], input=data, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0

LONE_SURROGATE = re.compile(rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<![0-9a-fA-F]{2}[dD][89abAB][0-9a-fA-F]{2})(?<!\\u[dD][89abAB][0-9a-fA-F])\\u[dD][c-fC-F][0-9a-fA-F]{2}")

def json_reason(data, our_code, peer):
    """The documented difference this disagreement is an instance of, or None."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "byte-order mark: we accept it with a warning; Python's json refuses it, jq skips it"
    if our_code == "encoding" and peer == "jq":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return "ill-formed UTF-8: we (and Python) refuse it; jq 1.6 replaces it with U+FFFD"
    if our_code == "syntax" and LONE_SURROGATE.search(data):
        return "lone surrogate escape: we refuse it (no Unicode text holds it); Python keeps it, jq 1.6 writes U+FFFD"
    if peer == "jq":
        stripped = data.strip(b" \t\r\n")
        if not stripped:
            return "empty input: jq reads it as a stream of zero values"
        if our_code == "syntax" and jq_multi_value(data):
            return "several top-level values: jq reads a stream of values, JSON is one value"
        if re.search(rb'"[^"]*[\x00-\x1f][^"]*"', data) and our_code == "syntax":
            return "raw control character inside a string: jq 1.6 accepts U+0000-U+001F unescaped, JSON does not"
        if our_code == "encoding" and b"\x00" in data:
            return "a NUL byte: we refuse binary data; jq 1.6 reads past it"
        if our_code == "syntax" and any(space in data for space in (b"\x0b", b"\x0c", b"\x1e")):
            return "vertical tab, form feed or U+001E between values: jq 1.6 skips them as whitespace, JSON has only four"
        if our_code == "syntax" and re.search(rb'(^|[\[,:\s])(\+?\.\d|\+\d|-?0\d)', data):
            return "numbers outside JSON's grammar (.5, +.5, 0901): jq 1.6 reads them with a lenient number parser"
        if any(token in data for token in (b"nan", b"NaN", b"Infinity", b"infinity")):
            return "nan and infinity literals: jq 1.6 takes them as numbers"
        return "jq 1.6 leniency (see docs/reliability.md)"
    return None

def jq_multi_value(data):
    try:
        text = data.decode("utf-8", errors="replace")
        decoder = json.JSONDecoder(strict=False)
        value, end = decoder.raw_decode(text.lstrip(" \t\r\n"))
        return bool(text.lstrip(" \t\r\n")[end:].strip(" \t\r\n"))
    except ValueError:
        return False

def run_json(args, rng, binary):
    inputs = make_inputs(rng, "json", args.count)
    verdicts = ours(binary, "json", inputs)
    tally = collections.Counter()
    unexplained = []
    for index, data in enumerate(inputs):
        accepted, code, _ = verdicts[index]
        python = python_json(data)
        tally["python agree" if python == accepted else "python differ"] += 1
        if python != accepted:
            reason = json_reason(data, code, "python")
            tally["python: " + (reason or "UNEXPLAINED")] += 1
            if reason is None: unexplained.append(("python", data, accepted, code))
        if index < args.jq_count:
            jq = jq_accepts(data)
            tally["jq agree" if jq == accepted else "jq differ"] += 1
            if jq != accepted:
                reason = json_reason(data, code, "jq")
                tally["jq: " + (reason or "UNEXPLAINED")] += 1
                tally["jq: accepts what we refuse" if jq else "jq: refuses what we accept"] += 1
                if reason is None or "leniency" in reason: unexplained.append(("jq", data, accepted, code))
    tally["inputs"] = len(inputs)
    tally["accepted by us"] = sum(1 for accepted, _, _ in verdicts if accepted)
    return tally, unexplained

def pyyaml(data):
    """(accepted, error message) from PyYAML's composer over libyaml."""
    import yaml
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False, "not UTF-8"
    try:
        for _ in yaml.compose_all(text, Loader=yaml.CSafeLoader):
            pass
        return True, ""
    except yaml.YAMLError as error:
        return False, str(error)
    except (RecursionError, ValueError) as error:
        return False, str(error)

def run_yaml(args, rng, binary):
    import yaml
    assert yaml.__with_libyaml__, "PyYAML was built without libyaml"
    inputs = make_inputs(rng, "yaml", args.count)
    verdicts = ours(binary, "yaml", inputs)
    tally = collections.Counter()
    unexplained = []
    for data, (accepted, code, message) in zip(inputs, verdicts):
        peer, peer_message = pyyaml(data)
        if not accepted and code in ("structure", "limit"):
            # Not one mapping document (empty, a scalar or a list at the top, several documents), or an alias bomb:
            # a configuration rule, not a syntax verdict.
            tally["refused by us as a configuration (%s), peer %s" % (code, "accepts" if peer else "refuses")] += 1
            continue
        tally["compared"] += 1
        tally["agree" if peer == accepted else "differ"] += 1
        if peer != accepted:
            reason = yaml_reason(accepted, message, peer_message)
            tally[reason or "UNEXPLAINED"] += 1
            if reason is None: unexplained.append(("pyyaml", data, accepted, code))
    tally["inputs"] = len(inputs)
    return tally, unexplained

def yaml_reason(accepted, message, peer_message):
    """The documented difference this disagreement is an instance of, or None. krakenlint resolves YAML as
    go-yaml v3 decodes a KrakenD configuration; PyYAML's composer builds a node graph and checks less."""
    if not accepted and "already defined at line" in message:
        return "duplicate key: we refuse it, as go-yaml v3 does (mapping key already defined); PyYAML's composer keeps both"
    if not accepted and "a mapping key must be a scalar" in message:
        return "a mapping or sequence used as a key: we refuse it (a configuration's keys are strings; go-yaml cannot decode it into a map of strings); PyYAML's composer accepts it"
    if not accepted and message.startswith("cannot decode a"):
        return "an explicit tag the value cannot have (!!int on text): we refuse it as go-yaml does; the composer does not construct values"
    if accepted and "found duplicate anchor" in peer_message:
        return "an anchor defined twice: YAML 1.2 and go-yaml let the later one win, as we do; PyYAML refuses it"
    return None

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("which", nargs="?", default="all", choices=["json", "yaml", "all"])
    parser.add_argument("--count", type=int, default=100000)
    parser.add_argument("--jq-count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    binary = build_checker()
    failed = False
    for kind in (["json", "yaml"] if args.which == "all" else [args.which]):
        tally, unexplained = (run_json if kind == "json" else run_yaml)(args, random.Random(args.seed), binary)
        print(f"== {kind} (seed {args.seed})")
        for key in sorted(tally):
            print(f"  {key}: {tally[key]}")
        if unexplained:
            failed = True
            path = os.path.join(OUT, f"{kind}-unexplained")
            os.makedirs(path, exist_ok=True)
            for number, (peer, data, accepted, code) in enumerate(unexplained[:200]):
                with open(os.path.join(path, f"{number:03}-{peer}-{'we-accept' if accepted else 'we-refuse-' + str(code)}.bin"), "wb") as handle:
                    handle.write(data)
            print(f"  {len(unexplained)} unexplained differences written to {path}")
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
