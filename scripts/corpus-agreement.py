#!/usr/bin/env python3
"""Checks the project's KrakenD schema (schemas/) against the upstream verdicts of the corpus.

For every file of ../shared/corpus/configs it validates the file against schemas/krakend.json (all
schema files are registered offline; nothing is fetched) and compares with upstream-verdicts.tsv:

- upstream "invalid": we must report an error at upstream's first error pointer or at an ancestor of it;
- upstream "valid": we must report no error;
- upstream "parse-error": the file must not parse.

Every disagreement must be listed in docs/schema-differences.md (table rows starting with "| `FILE`").
It also checks the verdict examples written in ../shared/krakend/*.md (section "examples").

Usage: scripts/corpus-agreement.py [--shared DIR] [--schemas DIR] [--verbose]
Exit status: 0 when every disagreement is documented, 1 otherwise, 2 when the inputs are missing.
"""
import argparse
import json
import os
import re
import sys

try:
    import yaml
    from jsonschema import Draft201909Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT201909
except ImportError as missing:  # pragma: no cover
    sys.exit(f"needs jsonschema>=4.18, referencing and PyYAML: {missing}")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTRY = "https://krakenlint.dev/schema/v3/krakend.json"


def load_registry(schemas_dir):
    """Registers every *.json under schemas_dir that has an $id (data files such as the alias table have none)."""
    resources = []
    for folder, _, names in os.walk(schemas_dir):
        for name in sorted(names):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                contents = json.load(handle)
            if isinstance(contents, dict) and "$id" in contents:
                resources.append((contents["$id"], Resource(contents=contents, specification=DRAFT201909)))
    return Registry().with_resources(resources)


def make_validator(registry):
    entry = registry.get_or_retrieve(ENTRY).value.contents
    Draft201909Validator.check_schema(entry)
    return Draft201909Validator(entry, registry=registry)


def pointer(path):
    """The error location written like upstream-verdicts.tsv writes it: parts joined by "/", not escaped."""
    return "".join("/" + str(part) for part in path) or "/"


def is_ancestor_or_same(ours, theirs):
    if ours == "/" or ours == theirs:
        return True
    return theirs.startswith(ours + "/")


def read_config(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if path.endswith((".yaml", ".yml")):
        return yaml.safe_load(data.decode("utf-8"))
    if data.startswith(b"\xef\xbb\xbf"):
        raise ValueError("byte-order mark")
    return json.loads(data.decode("utf-8"))


def documented_differences(doc_path):
    """File names listed in the differences table of docs/schema-differences.md."""
    if not os.path.exists(doc_path):
        return {}
    found = {}
    with open(doc_path, encoding="utf-8") as handle:
        for line in handle:
            match = re.match(r"^\| `([^`]+)` \| ([^|]+)\|", line)
            if match:
                found[match.group(1)] = match.group(2).strip()
    return found


def read_verdicts(tsv_path):
    verdicts = {}
    with open(tsv_path, encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        for line in handle:
            fields = dict(zip(header, line.rstrip("\n").split("\t")))
            verdicts[fields["file"]] = fields
    return verdicts


def compare_corpus(validator, shared, documented, verbose):
    configs = os.path.join(shared, "corpus", "configs")
    verdicts = read_verdicts(os.path.join(shared, "corpus", "upstream-verdicts.tsv"))
    rows, undocumented = [], []
    for name in sorted(os.listdir(configs)):
        expected = verdicts.get(name)
        if expected is None:
            rows.append((name, "?", "?", "no upstream verdict"))
            undocumented.append(name)
            continue
        upstream = expected["verdict"]
        try:
            document = read_config(os.path.join(configs, name))
        except (ValueError, yaml.YAMLError) as error:
            ours, detail, agree = "parse-error", str(error).splitlines()[0], upstream == "parse-error"
        else:
            errors = sorted(validator.iter_errors(document), key=lambda e: pointer(e.absolute_path))
            pointers = [pointer(e.absolute_path) for e in errors]
            ours = f"invalid ({len(errors)})" if errors else "valid"
            if upstream == "valid":
                agree = not errors
                detail = "" if agree else f"{pointers[0]}: {errors[0].message[:90]}"
            elif upstream == "invalid":
                wanted = expected["first_error_path"] or "/"
                agree = any(is_ancestor_or_same(p, wanted) for p in pointers)
                detail = f"upstream {wanted}" + ("" if agree else f"; ours {pointers[:3]}")
            else:
                agree, detail = False, "parses here"
            if verbose:
                for error in errors:
                    print(f"    {name} {pointer(error.absolute_path)}: {error.message[:140]}")
        status = "agree" if agree else ("documented" if name in documented else "DISAGREE")
        if not agree and name not in documented:
            undocumented.append(name)
        rows.append((name, upstream if upstream != "invalid" else f"invalid ({expected['n_errors']})", ours, status, detail))
    return rows, undocumented


# Verdict examples stated in ../shared/krakend/*.md: (where, JSON value, expected validity, source).
# "where" places the value in a minimal configuration; see place().
EXAMPLES = [
    ("backend:auth/ntlm", {"user": "svc", "password": "p"}, True, "auth-ntlm.md 1"),
    ("backend:auth/ntlm", {"user": "", "password": ""}, True, "auth-ntlm.md 1"),
    ("backend:auth/ntlm", {"user": "DOMAIN\\svc", "password": "p"}, True, "auth-ntlm.md 1"),
    ("backend:auth/ntlm", {"user": "svc", "password": "p", "@comment": "x"}, True, "auth-ntlm.md 1"),
    ("backend:auth/ntlm", {"user": "svc"}, False, "auth-ntlm.md 1"),
    ("backend:auth/ntlm", {"user": "svc", "password": "p", "domain": "D"}, False, "auth-ntlm.md 1"),
    ("backend:auth/ntlm", {"user": 1, "password": "p"}, False, "auth-ntlm.md 1"),
    ("backend:auth/ntlm", None, False, "auth-ntlm.md 1"),
    ("backend:auth/ntlm", "x", False, "auth-ntlm.md 1"),
    ("backend:auth/ntlm", [], False, "auth-ntlm.md 1"),
    ("endpoint:auth/ntlm", {"user": "svc", "password": "p"}, False, "auth-ntlm.md 1"),
    ("service:auth/ntlm", {"user": "svc", "password": "p"}, False, "auth-ntlm.md 1"),
    ("workflow-backend:auth/ntlm", {"user": "svc", "password": "p"}, True, "auth-ntlm.md 1"),
    ("async-backend:auth/ntlm", {"user": "svc", "password": "p"}, True, "auth-ntlm.md 1"),
    ("root:version", 3.0, True, "config-reference.md (a)"),
    ("root:version", "3", False, "config-reference.md (a)"),
    ("root:version", 2, False, "config-reference.md (a)"),
    ("root:port", "8080", False, "config-reference.md (a)"),
    ("root:port", 8080.0, True, "config-reference.md 0.5"),
    ("root:port", 65536, False, "config-reference.md (a)"),
    ("root:host", "http://a", False, "config-reference.md (a)"),
    ("root:host", [""], True, "config-reference.md (a)"),
    ("root:tls", None, True, "config-reference.md (a)"),
    ("root:tls", {}, False, "config-reference.md (a)"),
    ("root:tls", {"keys": []}, False, "config-reference.md (a)"),
    ("root:tls", {"keys": [{"public_key": "c", "private_key": "k"}], "public_key": "x"}, False, "config-reference.md (a)"),
    ("root:client_tls", "x", True, "config-reference.md (a)"),
    ("root:allow_insecure_connections", True, False, "config-reference.md (a)"),
    ("root:plugin", {"pattern": ".so"}, False, "config-reference.md (a)"),
    ("root:timeout", "1m30s", False, "config-reference.md 0.3"),
    ("root:timeout", "1.5s", False, "config-reference.md 0.3"),
    ("root:timeout", "2 s", False, "config-reference.md 0.3"),
    ("root:timeout", "-1s", False, "config-reference.md 0.3"),
    ("root:timeout", 2000, False, "config-reference.md 0.3"),
    ("root:timeout", "250µs", True, "config-reference.md 0.3"),
    ("root:@comment", {"anything": 1}, True, "config-reference.md 0.2"),
    ("root:_disabled", [1, 2], True, "config-reference.md 0.2"),
    ("endpoint:path", "/a/{id}/*", True, "config-reference.md (b)"),
    ("endpoint:path", "a", False, "config-reference.md (b)"),
    ("endpoint:path", "/a?b", False, "config-reference.md (b)"),
    ("endpoint:path", "/__health", True, "config-reference.md (b)"),
    ("endpoint:method", "OPTIONS", False, "config-reference.md (b)"),
    ("endpoint:method", "GET,POST", False, "config-reference.md (b)"),
    ("endpoint:cache_ttl", 3600, False, "config-reference.md (b)"),
    ("endpoint:concurrent_calls", 6, False, "config-reference.md (b)"),
    ("endpoint:headers_to_pass", ["a"], False, "config-reference.md (b)"),
    ("backend:timeout", "2s", False, "config-reference.md (c)"),
    ("backend:host", ["\n"], False, "config-reference.md (c)"),
    ("backend:host", [""], False, "config-reference.md (c)"),
    ("backend:method", "TRACE", True, "config-reference.md (c)"),
    ("backend:qos/http-cache", {}, True, "config-reference.md qos/http-cache"),
    ("backend:qos/http-cache", {"shared": True}, True, "config-reference.md qos/http-cache"),
    ("backend:qos/http-cache", {"max_size": 1024, "max_items": 1}, True, "config-reference.md qos/http-cache"),
    ("backend:qos/http-cache", {"max_size": 1024}, False, "config-reference.md qos/http-cache"),
    ("backend:qos/http-cache", {"max_size": 1024, "max_items": 1, "shared": True}, False, "config-reference.md qos/http-cache"),
    ("backend:qos/http-cache", {"@c": 1}, False, "config-reference.md qos/http-cache"),
    ("backend:backend/http", {}, False, "config-reference.md backend/http"),
    ("backend:backend/http", {"return_error_code": True}, True, "config-reference.md backend/http"),
    ("backend:backend/http", {"return_error_code": True, "return_error_details": "x"}, False, "config-reference.md backend/http"),
    ("backend:backend/http", "x", False, "config-reference.md backend/http"),
    ("backend:modifier/martian", {}, True, "config-reference.md modifier/martian"),
    ("backend:modifier/martian", {"@c": 1}, False, "config-reference.md modifier/martian"),
    ("backend:modifier/martian", {"header.Modifier": {"scope": ["request"], "name": "X", "value": "1"}}, True, "config-reference.md modifier/martian"),
    ("backend:modifier/martian", {"header.Modifier": {"scope": "request", "name": "X", "value": "1"}}, False, "config-reference.md modifier/martian"),
    ("backend:modifier/martian", {"header.Modifier": {"scope": ["response", "request"], "name": "X", "value": "1"}}, False, "config-reference.md modifier/martian"),
    ("backend:modifier/martian", {"fifo.Group": {"scope": ["request"], "modifiers": [{"header.Modifier": {"scope": ["request"], "name": "X", "value": "1"}}]}}, True, "config-reference.md modifier/martian"),
    ("service:security/bot-detector", {}, False, "config-reference.md security/bot-detector"),
    ("service:security/bot-detector", {"@c": 1}, True, "config-reference.md security/bot-detector"),
    ("service:security/cors", {"allow_origins": ["*"], "allow_methods": ["TRACE"]}, False, "config-reference.md security/cors"),
    ("service:security/cors", {"allow_origins": ["*"], "unknown": 1}, True, "config-reference.md security/cors"),
    ("endpoint:security/cors", {"unknown": 1}, False, "config-reference.md security/cors"),
    ("service:telemetry/logging", {"level": "error"}, False, "config-reference.md telemetry/logging"),
    ("service:telemetry/logging", {"level": "ERROR"}, True, "config-reference.md telemetry/logging"),
    ("service:telemetry/metrics", {"listen_address": "0.0.0.0:8090"}, False, "config-reference.md telemetry/metrics"),
    ("service:telemetry/metrics", {"listen_address": ":8090"}, True, "config-reference.md telemetry/metrics"),
    ("service:auth/validator", {"alg": "RS256", "jwk_url": "http://x"}, False, "config-reference.md auth/validator"),
    ("service:auth/validator", {"shared_cache_duration": 60}, True, "config-reference.md auth/validator"),
    ("endpoint:auth/validator", {"alg": "RS256", "jwk_url": "http://x"}, True, "config-reference.md auth/validator"),
    ("endpoint:auth/validator", {"alg": "RS256", "jwk_url": "http://x", "jwk_local_path": "k"}, False, "config-reference.md auth/validator"),
    ("endpoint:auth/validator", {"alg": "RS256", "jwk_url": "http://x", "propagate_claims": [["sub"]]}, False, "config-reference.md auth/validator"),
    ("endpoint:auth/signer", {"alg": "HS256", "kid": "k", "keys_to_sign": [], "jwk_local_path": "p"}, False, "config-reference.md auth/signer"),
    ("endpoint:auth/signer", {"alg": "HS256", "kid": "k", "keys_to_sign": [], "jwk_local_path": "p", "disable_jwk_security": False}, True, "config-reference.md auth/signer"),
    ("service:documentation/postman", {"version": "1x2x3"}, True, "config-reference.md documentation/postman"),
    ("service:plugin/http-server", {"name": "x"}, False, "config-reference.md plugin/http-server"),
    ("service:plugin/http-server", {"name": ["x"], "anything": 1}, True, "config-reference.md plugin/http-server"),
    ("service:auth/basic", {"users": {"@c": 1}}, False, "config-reference.md 0.2"),
    ("service:github_com/devopsfaith/krakend-cors", {"allow_origins": ["*"]}, False, "runtime-checks.md 4"),
    ("service:telemetry/ganalytics", {}, False, "config-reference.md (d)"),
    ("endpoint:validation/cel", [], False, "config-reference.md validation/cel"),
    ("endpoint:validation/cel", [{"check_expr": "true"}], True, "config-reference.md validation/cel"),
    ("endpoint:validation/json-schema", {"type": "object", "anything": [1]}, True, "config-reference.md validation/json-schema"),
    ("backend:auth/gcp", {"credentials_file": "f"}, False, "config-reference.md auth/gcp"),
    ("backend:auth/gcp", {"audience": "a", "credentials_file": "f", "credentials_json": {}}, True, "config-reference.md auth/gcp"),
    ("service:modifier/response-headers", {}, False, "config-reference.md modifier/response-headers"),
    ("service:modifier/response-headers", {"add": {}}, False, "config-reference.md modifier/response-headers"),
    ("service:modifier/response-headers", {"delete": []}, False, "config-reference.md modifier/response-headers"),
    ("service:modifier/response-headers", {"add": {"X-A": ["1"]}, "delete": ["Server"]}, True, "config-reference.md modifier/response-headers"),
    ("endpoint:validation/cel", {"check_expr": "true"}, False, "config-reference.md validation/cel"),
    ("service:auth/revoker", {"n": 1, "p": 0.1, "hash_name": "optimal", "ttl": 1, "port": 1, "token_keys": []}, False, "config-reference.md auth/revoker"),
    ("service:auth/revoker", {"N": 1, "P": 0.1, "hash_name": "optimal", "TTL": 1, "port": 1, "token_keys": []}, True, "config-reference.md auth/revoker"),
    ("backend:qos/circuit-breaker", {"interval": "60s", "timeout": 10, "max_errors": 1}, False, "config-reference.md qos/circuit-breaker"),
    ("backend:qos/circuit-breaker", {"interval": 60, "timeout": 10, "max_errors": 1}, True, "config-reference.md qos/circuit-breaker"),
    ("backend:qos/circuit-breaker/http", {"interval": 60, "timeout": 10, "max_errors": 1, "valid_status_codes": [600]}, False, "config-reference.md qos/circuit-breaker/http"),
    ("backend:qos/circuit-breaker/http", {"interval": 60, "timeout": 10, "max_errors": 1, "valid_status_codes": []}, False, "config-reference.md qos/circuit-breaker/http"),
    ("backend:qos/ratelimit/proxy", {"max_rate": 1}, False, "config-reference.md qos/ratelimit/proxy"),
    ("endpoint:qos/ratelimit/router", {"capacity": 1}, False, "config-reference.md qos/ratelimit/router"),
    ("endpoint:qos/ratelimit/router", {"client_max_rate": 1}, True, "config-reference.md qos/ratelimit/router"),
    ("endpoint:qos/ratelimit/router/redis", {"connection_name": "r", "max_rate": 1, "anything": True}, True, "config-reference.md qos/ratelimit/router/redis"),
    ("endpoint:qos/ratelimit/router/redis", {"max_rate": 1}, False, "config-reference.md qos/ratelimit/router/redis"),
    ("backend:backend/graphql", {"type": "query", "query": "{a}", "query_path": "q"}, False, "config-reference.md backend/graphql"),
    ("backend:backend/graphql", {"type": "subscription", "query": "{a}"}, False, "config-reference.md backend/graphql"),
    ("backend:backend/amqp/consumer", {"name": "q", "exchange": "x", "routing_key": "#"}, False, "config-reference.md backend/amqp/consumer"),
    ("backend:backend/amqp/producer", {"name": "q", "exchange": "x", "routing_key": "#"}, True, "config-reference.md backend/amqp/producer"),
    ("backend:ai/llm", {}, True, "config-reference.md ai/llm"),
    ("backend:ai/llm", {"openai": {"v1": {"credentials": "k", "variables": {"model": "m"}}}, "gemini": {"v1beta": {"credentials": "k"}}}, False, "config-reference.md ai/llm"),
    ("service:router", {"decompress_gzip": True}, False, "config-reference.md router"),
    ("service:router", {"error_body": {"404": {"msg": "x"}, "500": {}}}, False, "config-reference.md router"),
    ("service:server/virtualhost", {"hosts": ["a"], "aliased_hosts": {"a": "b"}}, False, "config-reference.md server/virtualhost"),
    ("service:server/virtualhost", {"aliased_hosts": {"any key": 1}}, True, "config-reference.md server/virtualhost"),
    ("service:telemetry/opentelemetry", {"exporters": {}}, False, "config-reference.md telemetry/opentelemetry"),
    ("service:telemetry/opentelemetry", {"exporters": {"otlp": [{"name": "o", "host": "h"}]}}, True, "config-reference.md telemetry/opentelemetry"),
    ("service:telemetry/opentelemetry", {"exporters": {"otlp": [{"name": "o", "host": "h"}]}, "layers": {"global": {"traces_static_attributes": [{"key": "k", "value": "v", "@c": 1}]}}}, False, "config-reference.md 0.2"),
    ("backend:telemetry/logging", {"backend": {}}, False, "config-reference.md telemetry/logging"),
    ("backend:proxy", {"sequential": True}, False, "config-reference.md proxy"),
    ("endpoint:proxy", {"shadow": True}, False, "config-reference.md proxy"),
    ("endpoint:proxy", {"sequential": True, "sequential_propagated_params": ["resp0_id"]}, True, "config-reference.md proxy"),
    ("endpoint:proxy", {"sequential_propagated_params": ["id"]}, False, "config-reference.md proxy"),
    ("endpoint:security/policies", {"jwt": {"policies": ["true"]}}, True, "config-reference.md security/policies"),
    ("backend:security/policies", {"jwt": {"policies": ["true"]}}, False, "config-reference.md security/policies"),
    ("service:documentation/openapi", {"response_definition": {"@c": {}}}, False, "config-reference.md 0.2"),
    ("service:documentation/openapi", {"response_definition": {"200": {"description": "ok"}, "mydefault": {}}}, True, "config-reference.md documentation/openapi"),
    ("service:grpc", {"catalog": ["a.pb"], "server": {"services": [{"name": "s", "methods": [{"name": "m", "backend": [{"url_pattern": "/"}], "extra_config": {"proxy": {}}}]}]}}, False, "config-reference.md grpc"),
    ("service:grpc", {"catalog": ["a.pb"], "server": {"services": [{"name": "s", "methods": [{"name": "m", "backend": [{"url_pattern": "/"}], "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "u"}}}]}]}}, True, "config-reference.md grpc"),
]


SLASHLESS_NAMESPACES = {"grpc", "proxy", "redis", "router", "websocket", "workflow"}


def place(where, value):
    """Builds a minimal configuration that puts value at the spot named by where: a property of the
    root, endpoint or backend, or a namespace (a key with a slash, or one of SLASHLESS_NAMESPACES) of
    that level's extra_config."""
    level, _, key = where.partition(":")
    is_namespace = "/" in key or key in SLASHLESS_NAMESPACES
    backend = {"url_pattern": "/u", "host": ["http://h"]}
    endpoint = {"endpoint": "/e", "backend": [backend]}
    config = {"version": 3, "endpoints": [endpoint]}
    if level == "root" and is_namespace:
        raise ValueError("use service: for a root namespace")
    if level == "root":
        config[key] = value
    elif level == "service":
        config["extra_config"] = {key: value}
    elif level == "endpoint" and key in ("path",):
        endpoint["endpoint"] = value
    elif level == "endpoint" and not is_namespace:
        endpoint[key] = value
    elif level == "endpoint":
        endpoint["extra_config"] = {key: value}
    elif level == "backend" and not is_namespace:
        backend[key] = value
    elif level == "backend":
        backend["extra_config"] = {key: value}
    elif level == "workflow-backend":
        inner = {"url_pattern": "/w", "extra_config": {key: value}}
        backend["extra_config"] = {"workflow": {"endpoint": "/w", "backend": [inner]}}
    elif level == "async-backend":
        config["async_agent"] = [{
            "name": "a", "consumer": {"topic": "t"}, "backend": [{"url_pattern": "/a", "extra_config": {key: value}}],
            "extra_config": {"async/amqp": {"name": "q", "host": "amqp://h", "exchange": "x"}},
        }]
    else:
        raise ValueError(where)
    return config


def check_examples(validator):
    failures = []
    for where, value, expected, source in EXAMPLES:
        valid = validator.is_valid(place(where, value))
        if valid != expected:
            failures.append(f"{where} = {json.dumps(value)}: expected {'valid' if expected else 'invalid'} ({source})")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("KRAKENLINT_SHARED", os.path.join(ROOT, "..", "shared")))
    parser.add_argument("--schemas", default=os.path.join(ROOT, "schemas"))
    parser.add_argument("--verbose", action="store_true", help="print every error we report")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "corpus")):
        print(f"shared facts not found at {args.shared} (set KRAKENLINT_SHARED)", file=sys.stderr)
        return 2

    validator = make_validator(load_registry(args.schemas))
    documented = documented_differences(os.path.join(ROOT, "docs", "schema-differences.md"))
    rows, undocumented = compare_corpus(validator, args.shared, documented, args.verbose)

    widths = [max(len(str(row[i])) for row in rows) for i in range(4)]
    print(f"{'file':<{widths[0]}}  {'upstream':<{widths[1]}}  {'ours':<{widths[2]}}  {'result':<{widths[3]}}  detail")
    for row in rows:
        print("  ".join(f"{str(row[i]):<{widths[i]}}" for i in range(4)) + "  " + (row[4] if len(row) > 4 else ""))
    agreed = sum(1 for row in rows if row[3] == "agree")
    print(f"\n{len(rows)} files: {agreed} agree, {len(rows) - agreed - len(undocumented)} documented differences, "
          f"{len(undocumented)} undocumented disagreements")
    stale = sorted(name for name in documented if not any(row[0] == name and row[3] == "documented" for row in rows))
    if stale:
        print("documented but no longer different: " + ", ".join(stale))

    failures = check_examples(validator)
    print(f"\nexamples from ../shared/krakend/*.md: {len(EXAMPLES) - len(failures)}/{len(EXAMPLES)} as stated")
    for failure in failures:
        print("  MISMATCH " + failure)
    return 0 if not undocumented and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
