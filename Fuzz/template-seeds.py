#!/usr/bin/env python3
"""Seeds for the template fuzz target, in its input format (Fuzz/Targets/TemplateFuzzer.swift): templates as
`NAME\\x01TEXT` sections, then the data, separated by NUL bytes.

  template-seeds.py cases OUT        one seed for every 16th case of Tests/GoTemplateTests/Cases (committed
                                     as Fuzz/Seeds/template)
  template-seeds.py fc-corpus DIR OUT  one seed per flexible-configuration project of DIR (../shared/fc-corpus):
                                     base template, sub-templates and settings; written at campaign time only,
                                     the corpus is not ours to commit
"""
import glob
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT = 8192  # bytes a seed may take (the smoke run's -max_len)


def encode(templates, data_text, missing_key=None):
    sections = [name.encode() + b"\x01" + text.encode() for name, text in templates]
    prefix = {"error": b"!", "zero": b"?"}.get(missing_key, b"")
    return b"\x00".join(sections + [prefix + data_text.encode()])


def write(out, payload):
    name = hashlib.sha1(payload).hexdigest()[:16]
    with open(os.path.join(out, name), "wb") as handle:
        handle.write(payload)


def cases(out):
    data_folder = os.path.join(ROOT, "Tests/GoTemplateTests/Cases/Data")
    shared = {os.path.splitext(os.path.basename(p))[0]: open(p).read() for p in glob.glob(data_folder + "/*.json")}
    count = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests/GoTemplateTests/Cases/*.json"))):
        for index, case in enumerate(json.load(open(path))):
            if index % 16:
                continue
            if "dataJSON" in case:
                data = case["dataJSON"]
            elif "data" in case:
                data = json.dumps(case["data"])
            else:
                data = shared.get(case.get("dataRef", ""), "")
            templates = [(t["name"], t["text"]) for t in case["templates"]]
            executed = case.get("execute")
            if executed:
                templates.sort(key=lambda t: t[0] != executed)
            payload = encode(templates, data, (case.get("options") or {}).get("missingkey"))
            if len(payload) <= LIMIT:
                write(out, payload)
                count += 1
    print(f"{count} seeds from the engine's test cases")


def fc_corpus(folder, out):
    count = 0
    for project in sorted(glob.glob(os.path.join(folder, "*", "run.env"))):
        base = os.path.dirname(project)
        env = dict(line.split("=", 1) for line in open(project).read().splitlines() if "=" in line and not line.startswith("#"))
        main = env["BASE_TEMPLATE"]
        templates = [(os.path.basename(main), open(os.path.join(base, main), errors="replace").read())]
        for tmpl in sorted(glob.glob(os.path.join(base, env.get("FC_TEMPLATES", "-"), "*.tmpl"))):
            templates.append((os.path.basename(tmpl), open(tmpl, errors="replace").read()))
        settings = {}
        for path in sorted(glob.glob(os.path.join(base, env.get("FC_SETTINGS", "-"), "*.json"))):
            try:
                settings[os.path.splitext(os.path.basename(path))[0]] = json.load(open(path))
            except ValueError:
                pass
        data = json.dumps(settings)
        # Projects larger than a seed may be are cut to their base template and the first sub-templates.
        while len(templates) > 1 and len(encode(templates, data)) > LIMIT * 4:
            templates.pop()
        write(out, encode(templates, data))
        count += 1
    print(f"{count} seeds from {folder}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "cases":
        os.makedirs(sys.argv[2], exist_ok=True)
        cases(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "fc-corpus":
        os.makedirs(sys.argv[3], exist_ok=True)
        fc_corpus(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
