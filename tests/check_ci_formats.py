#!/usr/bin/env python3
"""Checks barnplan's CI output formats with parsers barnplan did not write:
SARIF and GitLab Code Quality against JSON Schemas (python3-jsonschema; the
schemas in tests/schemas/ are hand-written subsets of the published ones, see
their $comment), JUnit with xml.etree, and the GitHub step summary's presence.

    check_ci_formats.py BARNPLAN SOURCE_DIR
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET

try:
    import jsonschema
except ImportError as e:
    print(f"skipped: {e.name} is not installed (apt-get install python3-jsonschema)")
    sys.exit(77)

barnplan, source = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2])
cases = source / "tests" / "cases" / "validate"
inputs = [
    source / "examples" / "exempelby.yaml",
    source / "examples" / "riverton.yaml",
    cases / "output-github" / "plan.yaml",
    cases / "output-warnings-only" / "plan.yaml",
    cases / "output-junit-escaping" / 'plan "<&>".yaml',
    cases / "output-github-escaping" / "plan,v1%.yaml",
    cases / "rule-yaml-syntax-fires" / "plan.yaml",
    cases / "rule-invalid-utf8-fires" / "plan.yaml",
    cases / "rule-duplicate-key-fires" / "plan.yaml",
]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


work = pathlib.Path(tempfile.mkdtemp(prefix="barnplan-ci-formats-"))
names = []
for i, path in enumerate(inputs):
    # Each in its own directory, so the displayed names are the hostile ones.
    target = work / f"p{i}" / path.name
    target.parent.mkdir()
    shutil.copyfile(path, target)
    names.append(f"p{i}/{path.name}")
env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}


def run(fmt, files=None, extra_env=None, args=()):
    result = subprocess.run([barnplan, "validate", "--today", "2026-11-23", *args, *(["--format", fmt] if fmt else []),
                             *(files or names)], cwd=work, capture_output=True, env={**env, **(extra_env or {})})
    check(result.returncode in (0, 1), f"{fmt}: exit status {result.returncode}: {result.stderr!r}")
    return result.stdout.decode("utf-8")


def load_schema(name):
    schema = json.loads((source / "tests" / "schemas" / name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


# RFC 3986 relative-ref made of path characters only: what a file name must become.
uri_path = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})+$")

# --- SARIF 2.1.0
sarif = json.loads(run("sarif"))
for error in load_schema("sarif-2.1.0-subset.schema.json").iter_errors(sarif):
    check(False, f"sarif: {'/'.join(map(str, error.absolute_path))}: {error.message}")
driver = sarif["runs"][0]["tool"]["driver"]
rule_ids = [r["id"] for r in driver["rules"]]
listed = subprocess.run([barnplan, "rules"], capture_output=True, text=True, env=env).stdout
check(all(rule in listed for rule in rule_ids), "sarif: every driver rule is in `barnplan rules`")
check(len(set(rule_ids)) == len(rule_ids), "sarif: rule ids unique")
results = sarif["runs"][0]["results"]
check(len(results) > 10, f"sarif: results found ({len(results)})")
for r in results:
    if "ruleIndex" in r:
        check(rule_ids[r["ruleIndex"]] == r["ruleId"], f"sarif: ruleIndex of {r['ruleId']}")
    uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    check(uri_path.match(uri) is not None, f"sarif: uri {uri!r} is a URI reference")
    check(urllib.parse.unquote(uri) in names, f"sarif: uri {uri!r} names an input")
check(any("<b>&amp;\"q'" in r["message"]["text"] for r in results), "sarif: hostile text kept as data")

# --- GitLab Code Quality
gitlab_schema = load_schema("gitlab-code-quality.schema.json")
gitlab = json.loads(run("gitlab"))
for error in gitlab_schema.iter_errors(gitlab):
    check(False, f"gitlab: {'/'.join(map(str, error.absolute_path))}: {error.message}")
prints = [i["fingerprint"] for i in gitlab]
check(len(set(prints)) == len(prints), "gitlab: fingerprints unique")
check(prints == [i["fingerprint"] for i in json.loads(run("gitlab"))], "gitlab: fingerprints stable across runs")
check({i["location"]["path"] for i in gitlab} <= set(names), "gitlab: paths are the inputs")
# A line added above the findings moves them, and leaves their fingerprints.
moved = work / names[2]
before = {i["fingerprint"] for i in json.loads(run("gitlab", [names[2]]))}
moved.write_text("# a comment line\n" + moved.read_text(encoding="utf-8"), encoding="utf-8")
after_issues = json.loads(run("gitlab", [names[2]]))
check(before == {i["fingerprint"] for i in after_issues}, "gitlab: fingerprints survive a moved line")
check(len(before) > 0, "gitlab: the moved plan has findings")

# --- JUnit XML
junit_text = run("junit")
root = ET.fromstring(junit_text.encode("utf-8"))
check(root.tag == "testsuites", "junit: root is <testsuites>")
suites = root.findall("testsuite")
check([s.get("name") for s in suites] == names, "junit: one testsuite per plan, in order")
total = 0
for s in suites:
    testcases = s.findall("testcase")
    total += len(testcases)
    check(int(s.get("tests")) == len(testcases), f"junit: {s.get('name')}: tests= counts the testcases")
    failed = [c for c in testcases if c.find("failure") is not None]
    check(int(s.get("failures")) == len(failed), f"junit: {s.get('name')}: failures= counts the failures")
    for c in testcases:
        check(c.get("classname") == s.get("name") and c.get("name"), "junit: testcase has classname and name")
        for f in c.findall("failure"):
            check(f.get("message") and f.text, "junit: failure has a message and text")
check(int(root.get("tests")) == total, "junit: testsuites tests= is the total")
messages = [f.get("message") for f in root.iter("failure")]
check(any("<b>&amp;\"q' 100%::x,y ]]> --" in m for m in messages), "junit: hostile text round-trips")
check(any("next line\r\n::error::x" in m for m in messages), "junit: line breaks in attributes survive")
check(any("\\x01\\x1B[31m\\x0C\\uFFFE\\x7F" in m for m in messages), "junit: forbidden characters are made visible")
strict = ET.fromstring(run("junit", [names[3]], args=("--strict",)).encode("utf-8"))
check(int(strict.get("failures")) > 0, "junit: warnings are failures under --strict")
lenient = ET.fromstring(run("junit", [names[3]]).encode("utf-8"))
check(int(lenient.get("failures")) == 0, "junit: warnings pass without --strict")

# --- GitHub Actions: the default there, and the step summary
summary = work / "summary.md"
annotations = run(None, extra_env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
check(annotations.startswith("::error ") or annotations.startswith("::warning "), "github: default under Actions")
check(summary.read_text(encoding="utf-8").startswith("## barnplan validate\n"), "github: step summary written")
run(None, extra_env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
check(summary.read_text(encoding="utf-8").count("## barnplan validate\n") == 2, "github: step summary appended")
check(run(None).startswith("p"), "text is the default outside Actions")

shutil.rmtree(work)
print(f"{len(failures)} failed" if failures else "all CI formats check out")
sys.exit(1 if failures else 0)
