#!/usr/bin/env bash
# Benchmark: barnplan against yamllint, ajv and the bare yaml-cpp parse, on the
# same generated plans, in one run. Not a test; nothing here is in ctest.
#
#   bench/run.sh                       # builds build-bench (Release) and runs
#   BARNPLAN=path/to/barnplan bench/run.sh
#   BENCH_KEEP=dir bench/run.sh        # keep hyperfine's JSON and logs in dir
#
# Needs: hyperfine, yamllint, /usr/bin/time, g++ and libyaml-cpp-dev, python3;
# ajv through npm (installed once into bench/.node; skipped when npm fails).
# The generated plans live in a temporary directory, removed at the end.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
today=2026-11-23

for tool in hyperfine yamllint python3 g++ /usr/bin/time; do
    if ! command -v "$tool" >/dev/null; then
        echo "missing: $tool (apt-get install -y hyperfine yamllint python3 g++ time)" >&2
        exit 2
    fi
done

if [[ -z ${BARNPLAN:-} ]]; then
    cmake -S "$root" -B "$root/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
    cmake --build "$root/build-bench" --target barnplan >/dev/null
    BARNPLAN=$root/build-bench/barnplan
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/barnplan-bench.XXXXXX")
cleanup() {
    if [[ -n ${BENCH_KEEP:-} && -d $work/results ]]; then
        mkdir -p "$BENCH_KEEP" && cp -r "$work/results/." "$BENCH_KEEP/"
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== generating plans into $work"
python3 "$here/generate.py" "$work/p1" --count 1
python3 "$here/generate.py" "$work/p100" --count 100
python3 "$here/generate.py" "$work/p1000" --count 1000
python3 "$here/generate.py" "$work/big" --count 1 --scale 4
"$BARNPLAN" schema >"$work/schema.json"
g++ -O2 -std=c++17 "$here/floor.cpp" -lyaml-cpp -o "$work/floor"

# Every plan must be clean, or the timings would measure error output.
"$BARNPLAN" validate --strict --today "$today" "$work/p1" "$work/p100" "$work/p1000" "$work/big"

ajv=""
if [[ ! -x $here/.node/node_modules/.bin/ajv ]]; then
    npm install --silent --prefix "$here/.node" ajv-cli ajv-formats >/dev/null 2>&1 ||
        echo "note: npm install of ajv-cli failed; ajv is left out" >&2
fi
if [[ -x $here/.node/node_modules/.bin/ajv ]]; then
    ajv="$here/.node/node_modules/.bin/ajv"
    export NODE_OPTIONS="--require $here/yaml-core-schema.js"
fi

# name -> command, per workload. Files are passed as the tools take them best:
# barnplan and yamllint a directory, ajv a glob, the floor every path.
declare -A label=([p1]="1 plan" [p100]="100 plans" [p1000]="1000 plans" [big]="1 plan, 4x")
results=$work/results
mkdir -p "$results"
for set in p1 p100 p1000 big; do
    dir=$work/$set
    files=$(cd "$dir" && ls | sed "s|^|$dir/|" | tr '\n' ' ')
    cmds=(
        "barnplan=$BARNPLAN validate --today $today $dir"
        "yamllint=yamllint -d relaxed $dir"
        "floor=$work/floor $files"
    )
    if [[ -n $ajv ]]; then
        cmds+=("ajv=$ajv validate -s $work/schema.json -d '$dir/*.yaml' -c ajv-formats --strict=false")
    fi
    if [[ $set == p1 || $set == big ]]; then
        cmds+=("report=$BARNPLAN report --as-of $today $dir/plan-0001.yaml")
    fi
    if [[ $set == p1 ]]; then
        # Two different plans of the same size: a diff with changes everywhere.
        cmds+=("diff=$BARNPLAN diff $dir/plan-0001.yaml $work/p100/plan-0002.yaml")
    fi
    runs=(--warmup 1 --min-runs 5)
    if [[ $set == p1000 ]]; then
        runs=(--warmup 0 --runs 3) # yamllint takes about two minutes a run here
    fi
    args=()
    for c in "${cmds[@]}"; do
        args+=(-n "${c%%=*}" "${c#*=}")
        # Peak memory from one separate run.
        /usr/bin/time -f '%M' -o "$results/$set.${c%%=*}.rss" bash -c "${c#*=}" >/dev/null 2>&1 || true
    done
    echo "== ${label[$set]}"
    # -N: no shell between hyperfine and the tool, so its start-up is not timed.
    if ! hyperfine --style basic -N "${runs[@]}" --export-json "$results/$set.json" "${args[@]}" >"$results/$set.log" 2>&1; then
        cat "$results/$set.log" >&2
        exit 1
    fi
done

echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "barnplan validate checks up to $(nproc) files at a time (one per core)."
python3 - "$results" <<'EOF'
import json, os, sys
res = sys.argv[1]
sets = [("p1", "1 plan"), ("p100", "100 plans"), ("p1000", "1000 plans"), ("big", "1 plan, 4x")]
tools = ["barnplan", "report", "diff", "yamllint", "ajv", "floor"]
def load(s, key="median"):
    with open(os.path.join(res, s + ".json")) as f:
        out = {}
        for r in json.load(f)["results"]:
            out[r["command"]] = r["median"] if key == "median" else r["user"] + r["system"]
        return out
def rss(s, t):
    p = os.path.join(res, f"{s}.{t}.rss")
    if not os.path.exists(p):
        return None
    try:
        return int(open(p).read().split()[-1]) / 1024
    except (ValueError, IndexError):
        return None
def ms(v):
    return "-" if v is None else (f"{v * 1000:.1f}" if v < 10 else f"{v * 1000:.0f}")
def ratio(a, b):
    return "-" if a is None or b is None else f"{a / b:.2f}"
def table(title, key):
    print()
    print(title)
    head = f"{'workload':<12}" + "".join(f"{t:>10}" for t in tools) + f"{'bp/yamllint':>13}{'bp/ajv':>8}{'bp/floor':>10}"
    print(head)
    print("-" * len(head))
    for s, name in sets:
        m = load(s, key)
        row = f"{name:<12}" + "".join(f"{ms(m.get(t)):>10}" for t in tools)
        row += f"{ratio(m.get('barnplan'), m.get('yamllint')):>13}{ratio(m.get('barnplan'), m.get('ajv')):>8}"
        row += f"{ratio(m.get('barnplan'), m.get('floor')):>10}"
        print(row)
table("median wall time in ms (hyperfine); 'barnplan' is `barnplan validate`, 'report' `barnplan report` of one plan,"
      " 'diff' `barnplan diff` of two",
      "median")
table("CPU time in ms (mean user + system): steadier than wall time on a busy machine", "cpu")
print()
print("peak memory in MB (/usr/bin/time %M, one run)")
head = f"{'workload':<12}" + "".join(f"{t:>10}" for t in tools)
print(head)
print("-" * len(head))
for s, name in sets:
    print(f"{name:<12}" + "".join(f"{('-' if rss(s, t) is None else f'{rss(s, t):.1f}'):>10}" for t in tools))
EOF
