#!/usr/bin/env python3
"""Writes a generated KrakenD CE flexible-configuration project for the render benchmark (issue 15, item 9).

The project (all paths inside DIR):

  krakend.tmpl                 base template: service fields from settings, an `include` of a partial for the
                               service extra_config, and a `range` over the endpoint array of the settings with
                               `{{ if $i }},{{ end }}` separators, each endpoint rendered by
                               `{{ template "endpoint.tmpl" $e }}`
  templates/endpoint.tmpl      one endpoint: fields printed from the settings, the backend host list through
                               `marshal`, an `include` of a partial, and an `if` on the endpoint's flag
  partials/service-extra.json  service extra_config (raw JSON, inserted by include)
  partials/circuit-breaker.json  a backend extra_config entry (raw JSON, inserted by include)
  settings/service.json        {"name", "port", "timeout"}
  settings/endpoints.json      {"items": [N endpoint objects]}: path, method, url, hosts (list), timeout, rate_limited
                               (KrakenD wants every settings file to be an object, so the array is under "items")

Rendered with the templates folder, the partials folder and the settings folder (KrakenD: FC_ENABLE=1
FC_SETTINGS=settings FC_PARTIALS=partials FC_TEMPLATES=templates, working directory DIR), it is a valid
KrakenD v3 configuration with N endpoints.

Usage: gen-fc-project.py [--endpoints N] [--out DIR]     (defaults: 5000, .build-bench/fc-project)
"""
import argparse
import json
import pathlib

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
REGIONS = ["eu-west", "eu-central", "us-east", "us-west", "ap-south"]

BASE_TEMPLATE = """\
{
  "$schema": "https://www.krakend.io/schema/v2.13/krakend.json",
  "version": 3,
  "name": "{{ .service.name }}",
  "port": {{ .service.port }},
  "timeout": "{{ .service.timeout }}",
  "extra_config": {{ include "service-extra.json" }},
  "endpoints": [
    {{- range $i, $e := .endpoints.items }}{{ if $i }},{{ end }}
    {{ template "endpoint.tmpl" $e }}
    {{- end }}
  ]
}
"""

ENDPOINT_TEMPLATE = """\
{
      "endpoint": "{{ .path }}",
      "method": "{{ .method }}",
      "timeout": "{{ .timeout }}",
      "input_headers": ["Authorization", "X-Request-Id"],
      "backend": [
        {
          "url_pattern": "{{ .url }}",
          "host": {{ marshal .hosts }},
          "extra_config": {
            {{ include "circuit-breaker.json" }}{{ if .rate_limited }},
            "qos/ratelimit/proxy": {"max_rate": 250, "capacity": 250}{{ end }}
          }
        }
      ]
    }"""

SERVICE_EXTRA = """\
{
    "telemetry/logging": {"level": "WARNING", "prefix": "[KRAKEND]", "stdout": true},
    "router": {"return_error_msg": true, "health_path": "/__health"},
    "security/cors": {"allow_origins": ["https://app.example.com"], "allow_methods": ["GET", "POST"], "max_age": "12h"}
  }"""

CIRCUIT_BREAKER = """"qos/circuit-breaker": {"interval": 60, "timeout": 10, "max_errors": 5}"""


def endpoint(index):
    service = f"svc-{(index * 7) % 211}"
    hosts = [f"https://{service}.{REGIONS[(index + k) % len(REGIONS)]}.example.com" for k in range(1 + index % 3)]
    return {
        "path": f"/api/v1/area-{index % 50}/resource-{index}/{{id}}",
        "method": METHODS[index % len(METHODS)],
        "url": f"/v1/{service}/items/{{id}}",
        "hosts": hosts,
        "timeout": f"{1 + index % 9}s",
        "rate_limited": index % 4 == 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--endpoints", type=int, default=5000)
    parser.add_argument("--out", default=".build-bench/fc-project")
    args = parser.parse_args()
    root = pathlib.Path(args.out)
    for folder in ("settings", "partials", "templates"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    files = {
        "krakend.tmpl": BASE_TEMPLATE,
        "templates/endpoint.tmpl": ENDPOINT_TEMPLATE,
        "partials/service-extra.json": SERVICE_EXTRA,
        "partials/circuit-breaker.json": CIRCUIT_BREAKER,
        "settings/service.json": json.dumps({"name": "generated flexible-configuration gateway", "port": 8080,
                                             "timeout": "3000ms"}, indent=2) + "\n",
        "settings/endpoints.json": json.dumps({"items": [endpoint(i) for i in range(args.endpoints)]}, indent=1) + "\n",
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    for name in files:
        print(f"{root / name}: {(root / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
