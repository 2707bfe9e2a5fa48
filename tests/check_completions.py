#!/usr/bin/env python3
"""The shell completions in completions/ against the CLI.

Every command and option that `barnplan --help` and `barnplan CMD --help` list
must be offered; option values in braces ({text,json}) must be the values
offered; the stages for `advance --to` must be those barnplan names in its
error for a stage that does not exist, per model; meeting kinds and action
statuses those of `barnplan schema`; the goal, action and meter ids offered
those python3-yaml reads from the plan.

bash: the completion function is called in a bash subprocess with COMP_WORDS
and COMP_CWORD set, and COMPREPLY compared. fish: `complete -C 'LINE'`.
zsh: each line typed with a TAB into an interactive `zsh -f` on a
pseudo-terminal (zsh/zpty) after compinit, with compadd wrapped to print the
matches. All three: `bash -n`-style syntax checks first (`zsh -n`, `fish -n`).

usage: check_completions.py BARNPLAN SOURCE_DIR
Exit 0 all good, 1 a check failed, 77 (skipped) when python3-yaml, zsh or fish
is missing (what could be checked is checked first).
"""

import concurrent.futures
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import yaml
except ImportError:
    print("python3-yaml is not installed; skipping")
    sys.exit(77)

barnplan = os.path.abspath(sys.argv[1])
source = Path(sys.argv[2]).resolve()
completions = source / "completions"
failures = []
missing_shells = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def run(args, **kwargs):
    env = dict(os.environ, LANG="C", NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(args, capture_output=True, text=True, env=env, **kwargs)


def parse_help(text):
    """Options of a --help text: {name: [values] or None}, and the commands."""
    options, commands = {}, []
    section = None
    for line in text.splitlines():
        if re.match(r"^\S.*:$", line):
            section = line[:-1]
            continue
        if section == "Subcommands" and re.match(r"^  [a-z]", line):
            commands.append(line.split()[0])
        if re.match(r"^  -", line):
            head = line.split()
            names = head[0].split(",")
            values = None
            m = re.search(r":\{([^}]*)\}", head[1] if len(head) > 1 else "")
            if m:
                values = m.group(1).split(",")
            for n in names:
                options[n] = values
    return options, commands


top_options, commands = parse_help(run([barnplan, "--help"]).stdout)
check(len(commands) >= 10, f"barnplan --help lists the commands ({commands})")
global_options = {k: v for k, v in top_options.items() if k not in ("-h", "--help", "--version")}
check("--lang" in global_options, "barnplan --help lists --lang")
command_options = {}
for c in commands:
    opts, _ = parse_help(run([barnplan, c, "--help"]).stdout)
    check("--help" in opts, f"barnplan {c} --help lists its options")
    command_options[c] = opts

# The oracle: values from barnplan itself.
schema = json.loads(run([barnplan, "schema"]).stdout)


goal_items = schema["properties"]["goals"]["items"]["properties"]
statuses = [s for s in goal_items["actions"]["items"]["properties"]["status"]["enum"] if s is not None]
meeting_kinds = schema["properties"]["meetings"]["items"]["properties"]["kind"]["enum"]

work = Path(tempfile.mkdtemp(prefix="barnplan-completions-"))
shutil.copytree(source / "examples", work / "examples")
plans = work / "examples"
# Ids written every way YAML allows that a plan might use: quoted, with a
# comment, a compact list (items at the key's indentation), CRLF.
(plans / "odd-ids.yaml").write_bytes(
    b"barnplan: 1\r\nmodel: partnership\r\ngoals:\r\n"
    b"- id: \"Q1\"   # the first\r\n  title: x\r\n  actions:\r\n  - id: 'Q1.A1'\r\n    title: y\r\n"
    b"  meters:\r\n    -   id: Q1.M1 # a comment\r\n        title: z\r\n"
    b"members:\r\n  - id: not-a-goal\r\n"
)

(plans / "with space.yaml").write_text("barnplan: 1\n", encoding="utf-8")
(plans / "with space.txt").write_text("not a plan\n", encoding="utf-8")

stages = {}
for plan, model in (("exempelby.yaml", "unicef-bvk"), ("myndigheten/plan.yaml", "barnrattsresan"),
                    ("natverket.yaml", "partnership")):
    r = run([barnplan, "--lang", "en", "advance", "-n", "--to", "no-such-stage", str(plans / plan)])
    m = re.search(r"is not a stage of " + re.escape(model) + r" \(([^)]*)\)", r.stderr)
    check(m is not None, f"barnplan advance names the stages of {model}: {r.stderr!r}")
    stages[plan] = m.group(1).split(", ") if m else []


def plan_ids(path, kinds=("goal", "action", "meter")):
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    ids = []
    for g in doc.get("goals") or []:
        if "goal" in kinds:
            ids.append(str(g["id"]))
        for a in g.get("actions") or []:
            if "action" in kinds:
                ids.append(str(a["id"]))
        for m in g.get("meters") or []:
            if "meter" in kinds:
                ids.append(str(m["id"]))
    return ids


# The questions, the same for bash and fish: (words, expected, exact).
# exact: the offers must be the expected set; else they must include it.
questions = []


def ask(words, expected, exact=True):
    questions.append((words, sorted(set(expected)), exact))


ask(["barnplan", ""], commands)
ask(["barnplan", "-"], top_options.keys(), exact=False)
ask(["barnplan", "help", ""], commands)
for name, values in global_options.items():
    if values:
        ask(["barnplan", name, ""], values)
for c, opts in command_options.items():
    ask(["barnplan", c, "-"], list(opts.keys()) + list(global_options.keys()), exact=False)
    for name, values in opts.items():
        if values:
            ask(["barnplan", c, name, ""], values)
for plan, names in stages.items():
    ask(["barnplan", "advance", plan, "--to", ""], names)
for plan in ("exempelby.yaml", "riverton.yaml", "odd-ids.yaml"):
    ask(["barnplan", "record", plan, ""], plan_ids(plans / plan))
check(plan_ids(plans / "odd-ids.yaml") == ["Q1", "Q1.A1", "Q1.M1"], "python3-yaml reads the odd ids")
ask(["barnplan", "report", "exempelby.yaml", "--goal", ""], plan_ids(plans / "exempelby.yaml", ("goal",)))
ask(["barnplan", "log", "exempelby.yaml", "--meter", ""], plan_ids(plans / "exempelby.yaml", ("meter",)))
# A file name with a space is one offer (fish and zsh offer other files too
# when asked for plans, zsh through the test's compadd wrapper).
ask(["barnplan", "validate", "with"], ["with space.yaml"], exact=False)
ask(["barnplan", "record", "with"], ["with space.yaml"], exact=False)
ask(["barnplan", "record", "exempelby.yaml", "G1.A1", ""], statuses)
ask(["barnplan", "record", "exempelby.yaml", "G1", ""], ["1", "2", "3", "4"])
ask(["barnplan", "record", "exempelby.yaml", "--meeting", "2026-01-01", "--kind", ""], meeting_kinds)

marker = "--barnplan-completion-answer--"


def answers(output):
    parts = output.split(marker + "\n")
    return [sorted(set(p.split("\n")) - {""}) for p in parts[:-1]]


def compare(shell, got):
    check(len(got) == len(questions), f"{shell}: an answer to every question ({len(got)} of {len(questions)})")
    for (words, expected, exact), offered in zip(questions, got):
        line = " ".join(words)
        if exact:
            check(offered == expected, f"{shell}: '{line}' offers {offered}, not {expected}")
        else:
            missing = sorted(set(expected) - set(offered))
            check(not missing, f"{shell}: '{line}' does not offer {missing} (add them to completions/)")


# bash
script = [f"source {shlex.quote(str(completions / 'barnplan.bash'))}"]
for words, _, _ in questions:
    script.append("COMP_WORDS=(" + " ".join(shlex.quote(w) for w in words) + f"); COMP_CWORD={len(words) - 1}")
    script.append(f"COMPREPLY=(); _barnplan; printf '%s\\n' \"${{COMPREPLY[@]}}\"; echo {marker}")
r = run(["bash", "--norc", "--noprofile", "-c", "\n".join(script)], cwd=plans)
check(r.returncode == 0 and r.stderr == "", f"bash: the completion runs without errors: {r.stderr}")
compare("bash", answers(r.stdout))

# fish
fish = shutil.which("fish")
if fish:
    r = run([fish, "--no-config", "-n", str(completions / "barnplan.fish")])
    check(r.returncode == 0, f"fish -n: {r.stderr}")
    script = [f"source {shlex.quote(str(completions / 'barnplan.fish'))}"]
    for words, _, _ in questions:
        script.append(f"complete -C {shlex.quote(' '.join(words))} | string replace -r '\\t.*' ''; echo {marker}")
    r = run([fish, "--no-config", "-c", "\n".join(script)], cwd=plans)
    check(r.returncode == 0 and r.stderr == "", f"fish: the completion runs without errors: {r.stderr}")
    compare("fish", answers(r.stdout))
else:
    print("fish is not installed: fish completion not checked")
    missing_shells.append("fish")

# zsh: each question typed into an interactive zsh on a pseudo-terminal
# (zpty), with compadd wrapped to print what the completion system adds.
zsh_capture = r"""
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z 'bindkey "^I" complete-word'
zpty -w z 'null-line () { echo -E - $'\''\0'\'' }'
zpty -w z 'compprefuncs=( null-line )'
zpty -w z 'comppostfuncs=( null-line exit )'
zpty -w z 'zstyle ":completion:*" insert-tab false'
zpty -w z 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits
  builtin compadd -A __hits "$@"
  [[ -n $__hits ]] || return
  local h; for h in $__hits; do echo -E - "HIT:$h"; done
}'
zpty -w z "cd ${(q)PWD}"
zpty -w z "$2"$'\t'
integer tog=0
while zpty -r z; do :; done | while IFS= read -r line; do
  if [[ $line == *$'\0\r' ]]; then (( tog++ )) && exit 0 || continue; fi
  (( tog )) && [[ $line == HIT:* ]] && echo -E - ${${line#HIT:}%$'\r'}
done
"""
zsh = shutil.which("zsh")
if zsh:
    r = run([zsh, "-n", str(completions / "_barnplan")])
    check(r.returncode == 0, f"zsh -n: {r.stderr}")
    capture = work / "capture.zsh"
    capture.write_text(zsh_capture, encoding="utf-8")

    def zsh_ask(words):
        try:
            r = run([zsh, "-f", str(capture), str(completions), " ".join(shlex.quote(w) if w else "" for w in words)],
                    cwd=plans, timeout=60)
        except subprocess.TimeoutExpired:
            return ["(timed out)"]
        return sorted(set(line.replace("\\ ", " ") for line in r.stdout.split("\n")) - {""})

    # Mostly waiting on the terminal, so several at a time even on 2 cores.
    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        compare("zsh", list(pool.map(zsh_ask, [w for w, _, _ in questions])))
else:
    print("zsh is not installed: zsh completion not checked")
    missing_shells.append("zsh")

shutil.rmtree(work)
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
if missing_shells:
    print(f"bash checked; skipped because {' and '.join(missing_shells)} missing (.ci/packages has them)")
    sys.exit(77)
print(f"completions: {len(questions)} questions, each to bash, fish and zsh")
