#!/usr/bin/env bash
# Resource bounds on hostile input, proven by running the real binary:
#
#   tests/limits/limits.sh path/to/barnplan
#
# Generates each input into a temporary directory (nothing big is committed),
# runs `barnplan validate` on it under /usr/bin/time, and requires: exit 1 or 2,
# the expected rule id in the output, at most 10 s and at most 512 MB peak
# memory. Prints a table; exit 0 when every row passes, 1 otherwise, 77 when a
# tool is missing (ctest SKIP_RETURN_CODE).
#
# The 10 s are wall-clock time, as a user or a CI job waits; on a loaded
# machine LIMITS_CLOCK=cpu judges user+system time instead (both are printed).
# LIMITS_MAX_SECONDS and LIMITS_MAX_MB change the bounds, LIMITS_KILL_SECONDS
# the wall-clock time after which a run is killed (3x the bound).
set -uo pipefail

if (($# != 1)) || [[ ! -x $1 ]]; then
    echo "usage: $0 path/to/barnplan" >&2
    exit 2
fi
barnplan=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
max_seconds=${LIMITS_MAX_SECONDS:-10}
# wall: the bound is on elapsed time, as a user waits (the default); cpu: on
# user+system time, for a loaded machine where elapsed time says little.
clock=${LIMITS_CLOCK:-wall}
max_mb=${LIMITS_MAX_MB:-512}
# Wall-clock seconds after which a run is killed and fails.
kill_seconds=${LIMITS_KILL_SECONDS:-$((max_seconds * 3))}
for tool in /usr/bin/time python3 timeout; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is missing (apt-get install -y time python3 coreutils)" >&2
        exit 77
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/barnplan-limits.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Every input is generated here: name, expected rule id, python generator.
# The generators write to the file named by sys.argv[1].
cases=(
"huge-100MB.yaml|file-too-large|
with open(p, 'wb') as f:
    f.write(b'barnplan: 1\n')
    line = b'# ' + b'x' * 1021 + b'\n'
    for _ in range(100 * 1024):
        f.write(line)"

"flow-deep-100k.yaml|too-deep|
n = 100_000
open(p, 'w').write('barnplan: 1\ngoals: ' + '[' * n + 'x' + ']' * n + '\n')"

"block-deep-100k.yaml|too-deep|
# '- - - x' nests block sequences without growing the indentation.
n = 100_000
open(p, 'w').write('barnplan: 1\ngoals:\n' + '- ' * n + 'x\n')"

"block-map-deep-2k.yaml|too-deep|
# Mapping nesting by indentation: 2,000 levels is already ~2 MB.
n = 2_000
open(p, 'w').write('barnplan: 1\n' + ''.join(' ' * i + f'k{i}:\n' for i in range(n)) + ' ' * n + 'x\n')"

"billion-laughs.yaml|yaml-alias|
# Ten levels of ten aliases each: 10^10 nodes if aliases were expanded.
lines = ['barnplan: 1', 'lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]']
for i in range(1, 10):
    lines.append(f'lol{i}: &l{i} [' + ', '.join([f'*l{i-1}'] * 10) + ']')
lines.append('vision: *l9')
open(p, 'w').write('\n'.join(lines) + '\n')"

"line-8MB-scalar.yaml|period-required|
# One line of 8,000,000 bytes, below the 8 MiB limit: a legal plan value.
open(p, 'w').write('barnplan: 1\nmodel: unicef-bvk\nvision: ' + 'a' * 8_000_000 + '\n')"

"line-8MB-flow-nodes.yaml|too-many-nodes|
# One line just below the limit holding a flow list of 4 million items.
n = 4_190_000
open(p, 'w').write('barnplan: 1\nvision: [' + '1,' * n + '1]\n')"

"line-8MB-flow-wide.yaml|wrong-type|
# One line of 4 MB: 249,000 nodes of 16 bytes, under the node limit, so
# every node is placed (line, column) on the same long line.
n = 249_000
open(p, 'w').write('barnplan: 1\nvision: [' + 'aaaaaaaaaaaaaaa,' * n + '1]\n')"

"line-10MB.yaml|file-too-large|
open(p, 'w').write('barnplan: 1\nvision: ' + 'a' * 10_000_000 + '\n')"

"nul-bytes-1MB.yaml|control-character|
open(p, 'wb').write(b'\0' * (1024 * 1024))"

"items-250001.yaml|too-many-nodes|
open(p, 'w').write('barnplan: 1\nmodel: unicef-bvk\ngoals:\n' + '- 1\n' * 250_001)"

)

# Inputs that draw hundreds of thousands of findings: only the first
# k_max_findings per file and pass are kept, the rest are counted in one note.
finding_cases=(
"line-diags-120k.yaml|unknown-key|
# One 1.4 MB line with 120,000 findings on it (unknown keys in a flow
# mapping): each diagnostic shows a window of the same long line.
n = 120_000
open(p, 'w').write('barnplan: 1\nmodel: unicef-bvk\nwelfare_commitment: {' + ', '.join(f'k{i}: 1' for i in range(n)) + '}\n')"

"unknown-keys-40k.yaml|unknown-key|
# 40,000 goals with a misspelt key: 320,000 findings from 1.1 MB.
body = ''.join(f'  - id: G{i}\n    titel: x\n' for i in range(40_000))
open(p, 'w').write('barnplan: 1\nmodel: unicef-bvk\ngoals:\n' + body)"

"empty-goals-249k.yaml|missing-key|
# 249,000 empty goals, just under the node limit, in 1.2 MB: each one draws
# about eight findings (no id, title, basis, levels, action, meter…).
open(p, 'w').write('barnplan: 1\nmodel: unicef-bvk\ngoals:\n' + '- {}\n' * 249_000)"

"unknown-refs-20k.yaml|unknown-reference|
# 20,000 actions each naming an action that does not exist (1.4 MB): every
# unknown id is looked up for a did-you-mean among all the others.
body = ''.join(f'      - {{id: A{i}, what: w, who: o, depends_on: [X{i}]}}\n' for i in range(20_000))
open(p, 'w').write('barnplan: 1\nmodel: unicef-bvk\ngoals:\n  - id: G1\n    title: t\n    actions:\n' + body)"
)
cases+=("${finding_cases[@]}")

echo "bounds: exit 1 or 2 with the rule, at most ${max_seconds}s ($clock clock), at most ${max_mb} MB;" \
    "$(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %10s %5s %-18s %8s %8s %6s  %s\n' file bytes exit rule seconds cpu-s MB result
failed=0
for spec in "${cases[@]}"; do
    name=${spec%%|*}
    rest=${spec#*|}
    rule=${rest%%|*}
    code=${rest#*|}
    input=$work/$name
    python3 -c "import sys
p = sys.argv[1]
$code" "$input" || { echo "cannot generate $name" >&2; exit 2; }
    bytes=$(stat -c %s "$input")

    # timeout keeps a hang from blocking the run (the kill time still measures
    # it) and ulimit -v (RLIMIT_AS) a memory blow-up from taking the machine
    # (4x the bound: address space, not resident memory).
    ( ulimit -v $((max_mb * 4 * 1024)); exec /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
        timeout -k 5 "$kill_seconds" "$barnplan" --lang en --color never validate --today 2026-11-23 "$input" \
        >"$work/out" 2>&1 )
    status=$?
    read -r seconds user sys kb < <(tail -n 1 "$work/time")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    mb=$(( (kb + 1023) / 1024 ))
    found=$(grep -o "\[$rule\]" "$work/out" | head -n 1 | tr -d '[]')

    problems=()
    if ((status != 1 && status != 2 && status != 124 && status != 137)); then
        problems+=("exit $status")
    fi
    if [[ -z $found ]]; then
        problems+=("no $rule")
    fi
    judged=$seconds
    if [[ $clock == cpu ]]; then
        judged=$cpu
    fi
    if ((status == 124 || status == 137)); then
        problems+=("killed after ${kill_seconds}s")
    elif awk -v s="$judged" -v m="$max_seconds" 'BEGIN { exit !(s > m) }'; then
        problems+=("over ${max_seconds}s ($clock)")
    fi
    if ((mb > max_mb)); then
        problems+=("over ${max_mb} MB")
    fi
    result=ok
    if ((${#problems[@]} > 0)); then
        result="FAIL: $(IFS=,; echo "${problems[*]}")"
        failed=1
        cp "$work/out" "${TMPDIR:-/tmp}/barnplan-limits-$name.out" 2>/dev/null || true
    fi
    printf '%-26s %10s %5s %-18s %8s %8s %6s  %s\n' "$name" "$bytes" "$status" "${found:--}" "$seconds" "$cpu" "$mb" "$result"
    rm -f "$input"
done
if ((failed)); then
    echo "FAIL: some inputs broke a bound (outputs kept as ${TMPDIR:-/tmp}/barnplan-limits-*.out)" >&2
fi
exit "$failed"
