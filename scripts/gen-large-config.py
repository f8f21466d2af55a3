#!/usr/bin/env python3
"""Writes a large, realistic KrakenD v3 configuration for the whole-process lint benchmark.

Every endpoint has two or three backends, and there are extra_config namespaces at every level:
service (telemetry/logging, router, security/cors, security/http, auth/validator), endpoint
(qos/ratelimit/router, proxy, auth/validator or validation/cel) and backend (qos/circuit-breaker,
modifier/martian with a nested fifo.Group now and then, qos/http-cache, backend/http,
qos/ratelimit/proxy, and auth/ntlm with flexible-config env templates on every fourth endpoint).
The clean variant is valid against the project's schema in schemas/ and gets no error or warning
(only the info ntlm/deprecated that any config using NTLM gets); the "errors" variant is the same
configuration with five mistakes a person makes (a misspelt key, a wrong type, a bad duration, a
misspelt namespace, a missing field).

Usage: gen-large-config.py [--endpoints N] [--out DIR]
Writes DIR/big.json, DIR/big.yaml, DIR/big-errors.json and DIR/big-errors.yaml, and prints the
size of each file and, for the error variants, where each mistake was put.
"""
import argparse
import json
import pathlib
import re

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
REGIONS = ["eu-west", "eu-central", "us-east", "us-west", "ap-south"]


def backend(index, position, with_ntlm):
    """One backend of endpoint `index`; `position` tells the backends of one endpoint apart."""
    service = f"svc-{(index * 7 + position) % 211}"
    extra = {
        "qos/circuit-breaker": {"interval": 60, "timeout": 10 + position, "max_errors": 5},
        "modifier/martian": {"header.Modifier": {"scope": ["request"], "name": "X-Tenant", "value": f"t{index % 17}"}},
    }
    if position == 0:
        extra["qos/http-cache"] = {"shared": index % 2 == 0}
        extra["backend/http"] = {"return_error_code": True}
    else:
        extra["qos/ratelimit/proxy"] = {"max_rate": 250 + index % 100, "capacity": 250}
    if index % 10 == 0:
        # A nested martian group now and then, so recursive $refs are exercised.
        extra["modifier/martian"] = {
            "fifo.Group": {
                "scope": ["request"],
                "modifiers": [
                    {"header.Modifier": {"scope": ["request"], "name": "X-Gateway", "value": "krakend"}},
                    {"header.Modifier": {"scope": ["request"], "name": "X-Tenant", "value": f"t{index % 17}"}},
                ],
            }
        }
    if with_ntlm:
        extra["auth/ntlm"] = {
            "user": "{{ env \"NTLM_USER_%d\" }}" % (index % 13),
            "password": "{{ env \"NTLM_PASSWORD_%d\" }}" % (index % 13),
        }
    result = {
        "url_pattern": f"/v{1 + position}/{service}/items/{{id}}",
        "host": [f"https://{service}.{REGIONS[index % len(REGIONS)]}.example.com"],
        "group": f"part{position}",
    }
    if position == 0:
        result["allow"] = ["id", "name", "price", "updated_at"]
        result["mapping"] = {"name": "title"}
    result["extra_config"] = extra
    return result


def endpoint(index):
    backends = 3 if index % 3 == 0 else 2
    ntlm_position = 1 if index % 4 == 0 else None
    extra = {
        "qos/ratelimit/router": {"max_rate": 100 + index % 50, "client_max_rate": 10.5, "strategy": "ip"},
        "proxy": {"sequential": False},
    }
    if index % 2 == 0:
        extra["auth/validator"] = {
            "alg": "RS256",
            "jwk_url": "https://idp.example.com/jwks.json",
            "roles": ["reader", "editor"],
            "propagate_claims": [["sub", "X-User"]],
        }
    else:
        extra["validation/cel"] = [{"check_expr": "'Bearer' in req_headers['Authorization'][0]"}]
    return {
        "@comment": f"endpoint {index}",
        "endpoint": f"/api/v1/area-{index % 50}/resource-{index}/{{id}}",
        "method": METHODS[index % len(METHODS)],
        "timeout": f"{1 + index % 9}s",
        "input_headers": ["Authorization", "X-Request-Id"],
        "extra_config": extra,
        "backend": [backend(index, position, position == ntlm_position) for position in range(backends)],
    }


def configuration(endpoints):
    return {
        "$schema": "https://www.krakend.io/schema/v2.13/krakend.json",
        "version": 3,
        "name": "whole-process lint benchmark gateway",
        "port": 8080,
        "timeout": "3000ms",
        "cache_ttl": "300s",
        "output_encoding": "json",
        "host": ["https://default-backend.internal.example.com"],
        "extra_config": {
            "telemetry/logging": {"level": "WARNING", "prefix": "[KRAKEND]", "stdout": True},
            "router": {"return_error_msg": True, "health_path": "/__health", "logger_skip_paths": ["/__health"]},
            "security/cors": {"allow_origins": ["https://app.example.com"], "allow_methods": ["GET", "POST"], "max_age": "12h"},
            "auth/validator": {"shared_cache_duration": 900},
            "security/http": {"frame_deny": True, "content_type_nosniff": True, "sts_seconds": 31536000},
        },
        "endpoints": [endpoint(index) for index in range(endpoints)],
    }


def add_mistakes(config):
    """Puts five mistakes into the configuration; returns a description of each."""
    endpoints = config["endpoints"]
    count = len(endpoints)
    picks = [count // 10, count // 3, count // 2, (2 * count) // 3, count - 1]
    notes = []

    first = endpoints[picks[0]]
    first["timout"] = first.pop("timeout")
    notes.append(f"/endpoints/{picks[0]}: key \"timeout\" misspelt \"timout\"")

    second = endpoints[picks[1]]["extra_config"]["qos/ratelimit/router"]
    second["max_rate"] = "fast"
    notes.append(f"/endpoints/{picks[1]}/extra_config/qos~1ratelimit~1router/max_rate: a string where a number belongs")

    third = endpoints[picks[2]]
    third["timeout"] = "5 minutes"
    notes.append(f"/endpoints/{picks[2]}/timeout: \"5 minutes\" is not a duration")

    fourth = endpoints[picks[3]]["backend"][0]["extra_config"]
    fourth["qos/circuit-breakr"] = fourth.pop("qos/circuit-breaker")
    notes.append(f"/endpoints/{picks[3]}/backend/0/extra_config: namespace \"qos/circuit-breaker\" misspelt")

    fifth = endpoints[picks[4]]["backend"][0]
    del fifth["url_pattern"]
    notes.append(f"/endpoints/{picks[4]}/backend/0: \"url_pattern\" missing")
    return notes


INLINE_WIDTH = 120


def json_text(value, indent=0):
    """Indented JSON where a container holding only scalars fits on one line, as people write configs."""
    if not isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    one_line = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    scalars_only = all(not isinstance(v, (dict, list)) for v in (value.values() if isinstance(value, dict) else value))
    if not value or (scalars_only and len(one_line) + indent <= INLINE_WIDTH):
        return one_line
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        members = [pad + json.dumps(k, ensure_ascii=False) + ": " + json_text(v, indent + 2) for k, v in value.items()]
        return "{\n" + ",\n".join(members) + "\n" + " " * indent + "}"
    elements = [pad + json_text(v, indent + 2) for v in value]
    return "[\n" + ",\n".join(elements) + "\n" + " " * indent + "]"


PLAIN_SCALAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_./-]*$")
YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def yaml_scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if PLAIN_SCALAR.match(value) and value.lower() not in YAML_WORDS:
        return value
    # A JSON string literal is a valid YAML double-quoted scalar with the same value.
    return json.dumps(value, ensure_ascii=False)


def write_yaml(value, indent, lines):
    pad = " " * indent
    if isinstance(value, dict):
        for key, member in value.items():
            write_yaml_member(pad + yaml_scalar(key) + ":", member, indent, lines)
    else:
        for element in value:
            write_yaml_member(pad + "-", element, indent, lines, in_sequence=True)


def write_yaml_member(head, member, indent, lines, in_sequence=False):
    if isinstance(member, (dict, list)) and not member:
        lines.append(head + (" {}" if isinstance(member, dict) else " []"))
    elif isinstance(member, dict) and in_sequence:
        nested = []
        write_yaml(member, indent + 2, nested)
        lines.append(head + " " + nested[0].lstrip())
        lines.extend(nested[1:])
    elif isinstance(member, list) and all(not isinstance(e, (dict, list)) for e in member):
        lines.append(head + " [" + ", ".join(yaml_scalar(e) for e in member) + "]")
    elif isinstance(member, (dict, list)):
        lines.append(head)
        write_yaml(member, indent + 2, lines)
    else:
        lines.append(head + " " + yaml_scalar(member))


def yaml_text(config):
    lines = []
    write_yaml(config, 0, lines)
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--endpoints", type=int, default=5000)
    parser.add_argument("--out", default=".build-bench")
    options = parser.parse_args()
    if options.endpoints < 10:
        parser.error("--endpoints must be at least 10, so the mistakes land on different endpoints")
    out = pathlib.Path(options.out)
    out.mkdir(parents=True, exist_ok=True)

    clean = configuration(options.endpoints)
    broken = configuration(options.endpoints)
    notes = add_mistakes(broken)
    for name, config in (("big", clean), ("big-errors", broken)):
        (out / f"{name}.json").write_text(json_text(config) + "\n", encoding="utf-8")
        (out / f"{name}.yaml").write_text(yaml_text(config), encoding="utf-8")
    for name in ("big.json", "big.yaml", "big-errors.json", "big-errors.yaml"):
        path = out / name
        print(f"{path}: {path.stat().st_size} bytes, {options.endpoints} endpoints")
    for note in notes:
        print(f"mistake at {note}")


if __name__ == "__main__":
    main()
