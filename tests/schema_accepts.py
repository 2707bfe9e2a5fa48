#!/usr/bin/env python3
"""Checks every example plan against the JSON Schema with a validator barnplan
did not write (python3-jsonschema), the way an editor's YAML server would."""
import pathlib
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:
    print(f"skipped: {e.name} is not installed (apt-get install python3-jsonschema python3-yaml)")
    sys.exit(77)
import json


class PlanLoader(yaml.SafeLoader):
    """YAML as an editor sees it: dates stay text (YAML 1.2 core schema)."""


PlanLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

schema = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
failed = 0
plans = sorted(pathlib.Path(sys.argv[2]).rglob("*.yaml"))
for path in plans:
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=PlanLoader)
    if not isinstance(document, dict) or "barnplan" not in document:
        continue
    errors = list(validator.iter_errors(document))
    for error in errors:
        print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    failed += bool(errors)
    print(f"{path}: {'rejected' if errors else 'accepted'}")
print(f"{len(plans) - failed} accepted, {failed} rejected")
sys.exit(1 if failed else 0)
