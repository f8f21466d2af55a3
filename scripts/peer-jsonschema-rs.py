#!/usr/bin/env python3
"""The jsonschema-rs side of the whole-process lint benchmark: validates JSON configs against the
project's multi-file schema (schemas/krakend.json), resolving every $ref offline from schemas/.

Usage: peer-jsonschema-rs.py CONFIG.json [CONFIG.json...] [--schemas DIR] [--timings]
The schema is compiled once for all the files. Exit status 0 when every config is valid, 1 when one
is not (the first errors are printed), 2 on bad usage. With --timings, prints the in-process seconds of each step (read + parse, compile, validate)
so the benchmark can separate the validation itself from the interpreter's start-up.
"""
import argparse
import json
import pathlib
import sys
import time

import jsonschema_rs

BASE = "https://krakenlint.dev/schema/v3/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("configs", nargs="+", metavar="config")
    parser.add_argument("--schemas", default=str(pathlib.Path(__file__).resolve().parent.parent / "schemas"))
    parser.add_argument("--timings", action="store_true")
    options = parser.parse_args()
    schemas = pathlib.Path(options.schemas)

    def retrieve(uri):
        if not uri.startswith(BASE):
            raise ValueError(f"refusing to fetch {uri}: only {BASE}... is resolved, from {schemas}")
        return json.loads((schemas / uri[len(BASE):]).read_text(encoding="utf-8"))

    started = time.perf_counter()
    configs = []
    for path in options.configs:
        with open(path, "rb") as file:
            configs.append(json.load(file))
    parsed = time.perf_counter()
    validator = jsonschema_rs.validator_for(retrieve(BASE + "krakend.json"), retriever=retrieve)
    compiled = time.perf_counter()
    verdicts = [validator.is_valid(config) for config in configs]
    checked = time.perf_counter()
    for path, config, valid in zip(options.configs, configs, verdicts):
        if valid:
            continue
        prefix = f"{path}: " if len(configs) > 1 else ""
        for number, error in enumerate(validator.iter_errors(config)):
            if number == 10:
                print("...")
                break
            print(f"{prefix}/{'/'.join(map(str, error.instance_path))}: {error.message}")
    if options.timings:
        print(f"TIMING parse {parsed - started:.4f} compile {compiled - parsed:.4f} validate {checked - compiled:.4f}")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
