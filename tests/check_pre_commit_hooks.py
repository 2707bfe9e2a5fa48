#!/usr/bin/env python3
"""Checks .pre-commit-hooks.yaml as pre-commit reads it (python3-yaml), then
runs the hook's entry the way pre-commit does: the entry, then the staged
files its `files` pattern matches, in the repository's top directory.

    check_pre_commit_hooks.py BARNPLAN SOURCE_DIR
"""
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError as e:
    print(f"skipped: {e.name} is not installed (apt-get install python3-yaml)")
    sys.exit(77)

barnplan, source = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2])
hooks = yaml.safe_load((source / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
failures = []


def check(condition, what):
    print(("ok: " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


check(isinstance(hooks, list) and len(hooks) == 1, "one hook")
hook = hooks[0]
for key in ("id", "name", "entry", "language"):
    check(isinstance(hook.get(key), str) and hook[key], f"required key {key}")
check(hook["id"] == "barnplan-validate", "id is barnplan-validate")
check(hook["language"] == "system", "language: system (barnplan on PATH)")
entry = shlex.split(hook["entry"])
check(entry[:2] == ["barnplan", "validate"], "entry runs barnplan validate")
pattern = re.compile(hook["files"])
check(all(pattern.search(n) for n in ("plans/a.yaml", "b.yml")), "files matches .yaml and .yml")
check(not any(pattern.search(n) for n in ("a.yaml.bak", "README.md", "yaml")), "files leaves other files")

cases = source / "tests" / "cases" / "validate"
work = pathlib.Path(tempfile.mkdtemp(prefix="barnplan-pre-commit-"))
(work / "plans").mkdir()
(work / ".github" / "workflows").mkdir(parents=True)
shutil.copyfile(cases / "base-plan-clean" / "plan.yaml", work / "plans" / "clean.yaml")
shutil.copyfile(cases / "rule-vision-required-fires" / "plan.yaml", work / "plans" / "broken.yaml")
(work / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
(work / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
(work / "README.md").write_text("# plans\n", encoding="utf-8")
env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
env["PATH"] = os.path.dirname(barnplan) + os.pathsep + env.get("PATH", "")


def run_hook(staged):
    files = [f for f in staged if pattern.search(f)]
    return subprocess.run(entry + files, cwd=work, capture_output=True, text=True, env=env)


everything = ["plans/clean.yaml", ".github/workflows/ci.yml", ".pre-commit-config.yaml", "README.md"]
r = run_hook(everything)
check(r.returncode == 0, f"a clean plan and YAML files that are no plans pass ({r.returncode}: {r.stderr.strip()})")
r = run_hook(["README.md", ".pre-commit-config.yaml"])
check(r.returncode == 0, f"a commit without plans passes ({r.returncode}: {r.stderr.strip()})")
r = run_hook(everything + ["plans/broken.yaml"])
check(r.returncode == 1 and "plans/broken.yaml" in r.stdout and "vision-required" in r.stdout,
      f"a broken plan stops the commit ({r.returncode})")
shutil.rmtree(work)
sys.exit(1 if failures else 0)
