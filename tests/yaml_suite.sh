#!/usr/bin/env bash
# Feeds every in.yaml of the YAML test suite to `barnplan validate`.
# Passes when each run exits 1 or 2 within its time limit, and every yaml-syntax
# diagnostic carries a line number. Exit 77 (skipped) when the corpus is absent.
set -u
barnplan=$1
suite=$2
if [ ! -d "$suite" ]; then
  echo "skipped: no yaml-test-suite at $suite"
  exit 77
fi
fail=0
count=0
while IFS= read -r -d '' input; do
  count=$((count + 1))
  out=$(timeout 10 "$barnplan" validate --today 2026-01-01 --format json "$input" 2>/dev/null)
  rc=$?
  case $rc in
    1|2) ;;
    124) echo "HANG    $input"; fail=$((fail + 1)); continue ;;
    *) echo "EXIT $rc $input"; fail=$((fail + 1)); continue ;;
  esac
  # A syntax error without a line tells the user nothing about where to look.
  if printf '%s' "$out" | grep -q '"rule": "yaml-syntax"'; then
    if printf '%s' "$out" | grep -B4 '"rule": "yaml-syntax"' | grep -q '"line": 0'; then
      echo "NOLINE  $input"; fail=$((fail + 1))
    fi
  fi
done < <(find "$suite" -name in.yaml -print0 | sort -z)
echo "$count inputs, $fail failed"
[ "$count" -gt 0 ] && [ "$fail" -eq 0 ]
