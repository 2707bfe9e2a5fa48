#!/usr/bin/env bash
# Fuzz the plan pipeline with libFuzzer for SECONDS (default 60).
#
#   tests/fuzz/run.sh 600                 # ten minutes, one process
#   FUZZ_FORK=2 tests/fuzz/run.sh 600     # two worker processes; keeps going
#                                         # after a finding and collects them all
#
# Configures build-fuzz with clang++ (-DBARNPLAN_FUZZ=ON), builds fuzz_plan,
# replays every saved regression input, seeds a corpus from examples/*.yaml and
# the plan inputs under tests/cases/ (copied at run time, never committed),
# then fuzzes. Exit status: 0 when nothing was found, 1 on any crash,
# sanitizer report, leak, timeout or out-of-memory (the inputs are in
# build-fuzz/artifacts/; minimise one with
#   build-fuzz/tests/fuzz/fuzz_plan -minimize_crash=1 -runs=10000 \
#       -exact_artifact_path=tests/fuzz/regressions/WHAT-IT-BREAKS.yaml FILE
# and commit it: every run replays tests/fuzz/regressions/ first), 2 on a
# build problem.
set -euo pipefail

seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
    echo "usage: $0 [SECONDS]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BARNPLAN_FUZZ_BUILD:-$root/build-fuzz}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBARNPLAN_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null || exit 2
cmake --build "$build" --target fuzz_plan || exit 2
fuzzer=$build/tests/fuzz/fuzz_plan

common=(-max_len=65536 -timeout=5 -rss_limit_mb=2048 -malloc_limit_mb=2048 -dict="$here/plan.dict")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Every input that ever failed must pass now.
shopt -s nullglob
regressions=("$here"/regressions/*)
if ((${#regressions[@]} > 0)); then
    echo "== replaying ${#regressions[@]} regression input(s)"
    if ! "$fuzzer" "${common[@]}" "${regressions[@]}" >"$build/regressions.log" 2>&1; then
        tail -n 60 "$build/regressions.log" >&2
        echo "FAIL: a saved regression input fails again (log: $build/regressions.log)" >&2
        exit 1
    fi
fi

# Seeds: the example plans and every plan input of the golden cases.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds" "$build/corpus" "$build/artifacts"
n=0
while IFS= read -r -d '' f; do
    n=$((n + 1))
    cp "$f" "$seeds/$(printf '%04d' "$n")-$(basename "$f")"
done < <(find "$root/examples" "$root/tests/cases" -type f \( -name '*.yaml' -o -name '*.yml' \) -size -64k -print0 | sort -z)
for f in "${regressions[@]}"; do
    cp "$f" "$seeds/regression-$(basename "$f")"
done
echo "== $n seed files; fuzzing for ${seconds}s"

before=$(find "$build/artifacts" -type f | wc -l)
extra=()
if [[ -n ${FUZZ_FORK:-} ]]; then
    extra=(-fork="$FUZZ_FORK" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi
status=0
"$fuzzer" "${common[@]}" "${extra[@]}" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/" "$build/corpus" "$seeds" || status=$?
after=$(find "$build/artifacts" -type f | wc -l)

if ((status != 0 || after > before)); then
    echo "FAIL: the fuzzer found $((after - before)) problem input(s) (exit $status):" >&2
    find "$build/artifacts" -type f -newer "$seeds" >&2
    exit 1
fi
echo "OK: no findings in ${seconds}s"
