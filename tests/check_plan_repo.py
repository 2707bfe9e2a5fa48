#!/usr/bin/env python3
"""The plan-repository template examples/plan-repo/ does what its README says.

The workflow files parse (python3-yaml) and call ci/install-barnplan.sh, then
ci/check.sh, and publish public/; the commands they run after the install are
taken from them and run, exactly, in a copy of the template made a git
repository, with the built barnplan first on PATH instead of the installed
one: on the template's plan (clean: exit 0, the report written, no finding)
and on a plan with an error (exit 1, a GitHub annotation, a GitLab Code
Quality issue and a failed JUnit case, the report still written). Then the
diff driver of .gitattributes shows a change in meaning in `git diff`, the
pre-commit config names this repository's hook, and `barnplan install-hook`
stops a commit of the broken plan and lets the clean one through.

usage: check_plan_repo.py BARNPLAN SOURCE_DIR
Exit 0 all good, 1 a check failed, 77 (skipped) when python3-yaml or git is missing.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

try:
    import yaml
except ImportError:
    print("python3-yaml is not installed; skipping")
    sys.exit(77)
if not shutil.which("git"):
    print("git is not installed; skipping")
    sys.exit(77)

barnplan = os.path.abspath(sys.argv[1])
source = Path(sys.argv[2]).resolve()
template = source / "examples" / "plan-repo"
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)
    return ok


work = Path(tempfile.mkdtemp(prefix="barnplan-plan-repo-"))
home = work / "home"
home.mkdir()
base_env = {
    "PATH": os.path.dirname(barnplan) + os.pathsep + os.environ.get("PATH", ""),
    "HOME": str(home),
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Koordinator",
    "GIT_AUTHOR_EMAIL": "koordinator@example.org",
    "GIT_COMMITTER_NAME": "Koordinator",
    "GIT_COMMITTER_EMAIL": "koordinator@example.org",
    "LANG": "C.UTF-8",
    "TZ": "UTC",
}


def sh(command, cwd, **env):
    return subprocess.run(["/bin/sh", "-c", command], cwd=cwd, capture_output=True, text=True,
                          env={**base_env, **env})


# --- The workflow files ------------------------------------------------------
github = yaml.safe_load((template / ".github" / "workflows" / "barnplan.yml").read_text(encoding="utf-8"))
gitlab = yaml.safe_load((template / ".gitlab-ci.yml").read_text(encoding="utf-8"))
pre_commit = yaml.safe_load((template / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
hooks = yaml.safe_load((source / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def after_install(commands, where):
    """The commands that follow ci/install-barnplan.sh, which must come first."""
    check(bool(commands) and commands[0].strip() == "ci/install-barnplan.sh",
          f"{where}: the first command is ci/install-barnplan.sh ({commands[:1]})")
    return commands[1:]


# GitHub Actions. PyYAML reads the key `on` as True (YAML 1.1).
triggers = github.get("on", github.get(True)) or {}
check("push" in triggers and "pull_request" in triggers, "GitHub: runs on push and pull_request")
check(len(github.get("jobs", {})) == 1, "GitHub: one job")
job = next(iter(github.get("jobs", {}).values()), {})
check(job.get("container") == "debian:12", "GitHub: in a Debian 12 container")
steps = job.get("steps", [])
github_runs = [s["run"] for s in steps if "run" in s]
github_commands = after_install(github_runs, "GitHub")
check(github_commands == ["ci/check.sh github"], f"GitHub: then ci/check.sh github ({github_commands})")
uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
check(len(uploads) == 1 and uploads[0].get("with", {}).get("path") == "public/"
      and uploads[0].get("if") == "always()", "GitHub: public/ uploaded as an artifact, also after a failure")
check(steps.index(uploads[0]) > max(steps.index(s) for s in steps if "run" in s) if uploads else False,
      "GitHub: the upload comes after the check")

# GitLab CI.
check(list(gitlab) == ["check-plans"], f"GitLab: one job, check-plans ({list(gitlab)})")
gl_job = gitlab.get("check-plans", {})
check(gl_job.get("image") == "debian:12", "GitLab: in a Debian 12 image")
gitlab_commands = after_install(gl_job.get("script", []), "GitLab")
check(gitlab_commands == ["ci/check.sh gitlab"], f"GitLab: then ci/check.sh gitlab ({gitlab_commands})")
artifacts = gl_job.get("artifacts", {})
check(artifacts.get("when") == "always" and "public/" in artifacts.get("paths", []),
      "GitLab: public/ kept as an artifact, also after a failure")
reports = artifacts.get("reports", {})
check(reports.get("codequality") == "gl-code-quality-report.json", "GitLab: the Code Quality report")
check(reports.get("junit") == "barnplan-junit.xml", "GitLab: the JUnit report")

# pre-commit: the hook this repository defines.
hook_ids = [h["id"] for h in hooks]
used = [h["id"] for r in pre_commit.get("repos", []) for h in r.get("hooks", [])]
check(used == ["barnplan-validate"] and "barnplan-validate" in hook_ids,
      f"pre-commit: the template uses this repository's barnplan-validate hook ({used})")

# --- The commands, run in a copy ----------------------------------------------


def fresh_copy(name):
    repo = work / name
    shutil.copytree(template, repo, symlinks=True)
    for p in (repo / "public", repo / "gl-code-quality-report.json", repo / "barnplan-junit.xml"):
        check(not p.exists(), f"the template holds no output of ci/check.sh ({p.name})")
    r = sh("git init -q && git add -A && git commit -qm 'Vår plan'", repo)
    check(r.returncode == 0, f"git init and commit: {r.stderr}")
    return repo


def break_plan(repo):
    """Takes the vision out: the rule vision-required fires."""
    plan = repo / "plans" / "nykommun.yaml"
    text = plan.read_text(encoding="utf-8")
    start, end = text.index("vision: >"), text.index("strategy_link:")
    plan.write_text(text[:start] + text[end:], encoding="utf-8")


def run_github(repo):
    summary = repo.parent / f"{repo.name}-summary.md"
    results = [sh(c, repo, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary)) for c in github_commands]
    return results[-1], summary


def run_gitlab(repo):
    results = [sh(c, repo, GITLAB_CI="true") for c in gitlab_commands]
    return results[-1]


def report_ok(repo, what):
    report = repo / "public" / "report.html"
    check(report.is_file() and "Nykommun" in report.read_text(encoding="utf-8"),
          f"{what}: public/report.html written, naming the municipality")


# The whole template, workflow files and all, checks clean: none of its YAML
# files is taken for a plan (a top-level `barnplan:` key would be).
r = subprocess.run([barnplan, "validate", "--strict", str(template)], capture_output=True, text=True)
check(r.returncode == 0 and r.stdout == "", f"barnplan validate --strict on the template: {r.stdout}{r.stderr}")

# Clean plan: GitHub.
repo = fresh_copy("github-clean")
r, summary = run_github(repo)
check(r.returncode == 0, f"GitHub, clean plan: exit 0 (got {r.returncode}; {r.stderr})")
check(r.stdout.startswith("barnplan ") and "::error" not in r.stdout and "::warning" not in r.stdout,
      f"GitHub, clean plan: the version and no annotation ({r.stdout!r})")
check(summary.is_file() and "barnplan validate" in summary.read_text(encoding="utf-8"),
      "GitHub, clean plan: a job summary")
report_ok(repo, "GitHub, clean plan")

# Broken plan: GitHub.
repo = fresh_copy("github-broken")
break_plan(repo)
r, _ = run_github(repo)
check(r.returncode == 1, f"GitHub, broken plan: exit 1 (got {r.returncode}; {r.stderr})")
check("::error file=plans/nykommun.yaml,line=" in r.stdout and "title=vision-required" in r.stdout,
      f"GitHub, broken plan: an error annotation on the plan ({r.stdout!r})")
report_ok(repo, "GitHub, broken plan")

# Clean plan: GitLab.
repo = fresh_copy("gitlab-clean")
r = run_gitlab(repo)
check(r.returncode == 0, f"GitLab, clean plan: exit 0 (got {r.returncode}; {r.stdout}{r.stderr})")
quality = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
check(quality == [], f"GitLab, clean plan: an empty Code Quality report ({quality})")
suites = ET.parse(repo / "barnplan-junit.xml").getroot()
check(suites.get("failures") == "0" and suites.get("errors") == "0", "GitLab, clean plan: JUnit without failures")
report_ok(repo, "GitLab, clean plan")

# Broken plan: GitLab.
repo = fresh_copy("gitlab-broken")
break_plan(repo)
r = run_gitlab(repo)
check(r.returncode == 1, f"GitLab, broken plan: exit 1 (got {r.returncode}; {r.stderr})")
quality = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
check(any(i.get("location", {}).get("path") == "plans/nykommun.yaml" and "vision-required" in i.get("check_name", "")
          for i in quality), f"GitLab, broken plan: a Code Quality issue on the plan ({quality})")
suites = ET.parse(repo / "barnplan-junit.xml").getroot()
check(suites.get("failures") not in (None, "0"), "GitLab, broken plan: a failed JUnit case")
check("vision-required" in r.stdout, f"GitLab, broken plan: the finding in the job log ({r.stdout!r})")
report_ok(repo, "GitLab, broken plan")

# --- git diff through .gitattributes, and the commit hook ---------------------
repo = fresh_copy("git")
r = sh("git config diff.barnplan.command 'barnplan diff --git-driver'", repo)
plan = repo / "plans" / "nykommun.yaml"
text = plan.read_text(encoding="utf-8")
check("        target: 80\n" in text, "the template's plan has G1.M1's target 80")
plan.write_text(text.replace("        target: 80\n", "        target: 90\n", 1), encoding="utf-8")
r = sh("git diff", repo)
check(r.returncode == 0 and "G1.M1" in r.stdout and "80 → 90" in r.stdout and "@@" not in r.stdout,
      f"git diff shows the change in meaning through .gitattributes ({r.stdout!r})")
r = sh("git checkout -q -- plans/nykommun.yaml", repo)

r = sh("barnplan install-hook", repo)
check(r.returncode == 0 and (repo / ".git" / "hooks" / "pre-commit").is_file(), f"barnplan install-hook: {r.stderr}")
break_plan(repo)
r = sh("git add plans/nykommun.yaml && git commit -qm 'Utan vision'", repo)
check(r.returncode != 0 and "vision-required" in r.stdout + r.stderr,
      f"the hook stops the commit of the broken plan ({r.returncode}: {r.stdout}{r.stderr})")
r = sh("git checkout -q HEAD -- plans/nykommun.yaml && "
       "sed -i 's/        target: 80$/        target: 85/' plans/nykommun.yaml && "
       "git add plans/nykommun.yaml && git commit -qm 'Högre mål'", repo)
check(r.returncode == 0, f"the hook lets a clean plan through ({r.stdout}{r.stderr})")

shutil.rmtree(work)
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("plan-repo template: workflows parse, their commands pass and fail as they should, git diff and the hook work")
