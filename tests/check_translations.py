#!/usr/bin/env python3
"""Fails when a user-facing text in the sources lacks its English or Swedish side.

barnplan writes every message as a pair {English, Swedish} (the Text struct):
{"…", "…"}, {fmt::format("…", …), fmt::format("…", …)}, across lines or not.
This scans src/ and include/ for such pairs of string literals and fails on
  - a side that is empty ("" or fmt::format("")), and
  - two sides that are the same text, unless the text is the same word in
    both languages (the ALLOWED set below).
The unit test tests/unit/test_translations.cpp checks the texts built at run
time; this catches the literal that no test plan happens to reach.

    check_translations.py SOURCE_DIR
"""

import pathlib
import re
import sys

# The same in English and Swedish, or not language at all.
ALLOWED = {
    "Plan", "plan", "Period", "Start", "start", "Status", "status", "Id", "vision", "text",
    "Barnrättsresan",
    "?",              # an impossible enum value
    "'thresholds'",   # a key of the configuration, quoted
    "git: {}",        # git's own message, passed on
    "'{}'",           # a value quoted from the plan
    "{}: {} [{}]",    # built from texts that are themselves pairs
}

LITERAL = r'"(?:[^"\\\n]|\\.)*"'
# One side: adjacent string literals, optionally the format string of fmt::format.
SIDE = r'(?:fmt::format\(\s*(?:fmt::runtime\(\s*)?)?((?:%s\s*)+)' % LITERAL
# A brace, one side, what may follow it inside the call (no braces or strings), a comma, the other side.
PAIR = re.compile(r'\{\s*' + SIDE + r'(?:[^{}";]|\{\})*?,\s*' + SIDE + r'(?:[^{}";]|\{\})*?\}', re.S)


def text_of(group):
    """The value of adjacent C++ string literals, escapes left as written."""
    return "".join(s[1:-1] for s in re.findall(LITERAL, group))


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    files = sorted(p for d in ("src", "include") for p in (root / d).rglob("*") if p.suffix in (".cpp", ".hpp"))
    problems = []
    pairs = 0
    for path in files:
        source = path.read_text(encoding="utf-8")
        for m in PAIR.finditer(source):
            en, sv = text_of(m.group(1)), text_of(m.group(2))
            pairs += 1
            line = source.count("\n", 0, m.start()) + 1
            where = f"{path.relative_to(root)}:{line}"
            if en == "" or sv == "":
                side = "English" if en == "" else "Swedish"
                problems.append(f"{where}: the {side} side is empty: {m.group(0)[:120]!r}")
            elif en == sv and en not in ALLOWED:
                problems.append(f"{where}: the same text in English and Swedish (untranslated?): {en!r}")
    for p in problems:
        print("FAIL:", p)
    if pairs < 500:
        # The pattern stopped matching the way the sources are written.
        print(f"FAIL: only {pairs} text pairs found; has the way texts are written changed?")
        return 1
    print(f"{pairs} text pairs checked in {len(files)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
