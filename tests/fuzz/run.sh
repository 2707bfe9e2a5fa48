#!/usr/bin/env bash
# Fuzz barnplan with libFuzzer under ASan and UBSan, each target for SECONDS
# (default 60):
#
#   tests/fuzz/run.sh                     # every target, 60 s each
#   tests/fuzz/run.sh 1800 fuzz_diff      # one target, half an hour
#   FUZZ_FORK=2 tests/fuzz/run.sh 600     # two worker processes per target;
#                                         # keeps going after a finding and
#                                         # collects them all
#
# Targets: fuzz_plan (bytes -> load -> every rule -> every report and
# diagnostic format), fuzz_diff (two versions -> diff -> text, Markdown,
# JSON), fuzz_edit (an example plan, or a fuzzed one, plus fuzzed record and
# advance arguments -> edit engine -> re-parse; the result must load, keep
# every comment, and mean what was asked). Configures build-fuzz with clang++ (-DBARNPLAN_FUZZ=ON; override the
# directory with BARNPLAN_FUZZ_BUILD), builds the core and the fuzzers only,
# replays every saved regression input of the target, seeds a corpus from
# examples/ and the plan inputs under tests/cases/ (made at run time, never
# committed), then fuzzes.
#
# Exit status: 0 when nothing was found, 1 on any crash, sanitizer report,
# leak, timeout or out-of-memory, 2 on a build or usage problem. Failing
# inputs land in build-fuzz/artifacts/TARGET/; minimise one with
#   build-fuzz/tests/fuzz/TARGET -minimize_crash=1 -runs=10000 \
#       -exact_artifact_path=tests/fuzz/regressions/TARGET/WHAT-IT-BREAKS FILE
# and commit it with the fix: every run replays tests/fuzz/regressions/TARGET/.
set -euo pipefail

seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
    echo "usage: $0 [SECONDS] [TARGET...]" >&2
    exit 2
fi
shift || true
all_targets=(fuzz_plan fuzz_diff fuzz_edit)
targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=("${all_targets[@]}")
fi
for t in "${targets[@]}"; do
    if [[ " ${all_targets[*]} " != *" $t "* ]]; then
        echo "$0: unknown target '$t' (targets: ${all_targets[*]})" >&2
        exit 2
    fi
done

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BARNPLAN_FUZZ_BUILD:-$root/build-fuzz}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBARNPLAN_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null || exit 2
cmake --build "$build" --target "${targets[@]}" || exit 2

common=(-max_len=65536 -timeout=5 -rss_limit_mb=2048 -malloc_limit_mb=2048 -dict="$here/plan.dict")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
separator=$'\n#barnplan-fuzz-next-version\n' # as in fuzz_diff.cpp
fuzz_edit_separator=$'\n#barnplan-fuzz-plan\n' # as in fuzz_edit.cpp

shopt -s nullglob
mapfile -d '' plans < <(find "$root/examples" "$root/tests/cases" -type f \( -name '*.yaml' -o -name '*.yml' \) \
    -size -64k -print0 | sort -z)

# Seeds for TARGET into directory $2, made fresh from the committed plans.
make_seeds() {
    local target=$1 dir=$2 n=0 f
    rm -rf "$dir"
    mkdir -p "$dir"
    case $target in
    fuzz_plan)
        for f in "${plans[@]}"; do
            n=$((n + 1))
            cp "$f" "$dir/$(printf '%04d' "$n")-$(basename "$f")"
        done
        ;;
    fuzz_diff)
        # Every plan alone (compared with itself), each golden diff case's
        # old/new pair, and the examples against each other.
        for f in "${plans[@]}"; do
            n=$((n + 1))
            cp "$f" "$dir/$(printf '%04d' "$n")-$(basename "$f")"
        done
        local d
        for d in "$root"/tests/cases/diff/*/; do
            if [[ -f $d/old.yaml && -f $d/new.yaml ]]; then
                n=$((n + 1))
                { cat "$d/old.yaml"; printf '%s' "$separator"; cat "$d/new.yaml"; } >"$dir/$(printf '%04d' "$n")-pair"
            fi
        done
        local a b
        for a in "$root"/examples/*.yaml; do
            for b in "$root"/examples/*.yaml; do
                n=$((n + 1))
                { cat "$a"; printf '%s' "$separator"; cat "$b"; } >"$dir/$(printf '%04d' "$n")-examples"
            done
        done
        ;;
    fuzz_edit)
        # A selector byte (operation in the low bits, example in the high
        # nibble), then id, value, date, note, kind, by, ref, one per line:
        # the arguments record and advance pass on, for ids the examples have.
        local line
        while IFS= read -r line; do
            n=$((n + 1))
            printf '%b' "$line" >"$dir/$(printf '%04d' "$n")-args"
        done <<'SEEDS'
\x00G1.M1\n63\n2026-11-30\nmätning i november
\x08G1.M1\n63\n2026-11-30\n\n
\x00G2.A2\ndone\n2026-11-27\nNätverket fortsätter
\x00G2\n3\n2026-11-27\nbedömt i styrgruppen
\x01\n\n2026-12-03\nuppföljning med UNICEF\nfollow-up
\x01\n\n2026-12-03\n\ncoordination-group
\x02\n\n2026-12-10\n\nevaluation\nKommunstyrelsen\n§ 12
\x03note\nen "citerad" text: med kolon\n
\x04meetings\nprotokoll, bilaga 2\n2026-12-03
\x10G1.M1\n12\n2026-11-30
\x21\n\n2026-05-04\nmöte\njoint
\x22\n\n2026-06-01\n\nrunning\nStyrgruppen\nprotokoll 3
\x32\n\n2026-06-01\n\nreviewed\nLedningsgruppen\nbeslut 4
SEEDS
        for f in "${plans[@]}"; do
            n=$((n + 1))
            { printf '\x00G1.M1\n5\n2026-11-30'; printf '%s' "$fuzz_edit_separator"; cat "$f"; } \
                >"$dir/$(printf '%04d' "$n")-plan"
        done
        ;;
    esac
    echo "$n"
}

failed=0
for target in "${targets[@]}"; do
    fuzzer=$build/tests/fuzz/$target
    artifacts=$build/artifacts/$target
    corpus=$build/corpus/$target
    seeds=$build/seeds/$target
    mkdir -p "$artifacts" "$corpus"

    # Every input that ever failed must pass now.
    regressions=("$here/regressions/$target"/*)
    if ((${#regressions[@]} > 0)); then
        echo "== $target: replaying ${#regressions[@]} regression input(s)"
        if ! "$fuzzer" "${common[@]}" "${regressions[@]}" >"$build/$target-regressions.log" 2>&1; then
            tail -n 60 "$build/$target-regressions.log" >&2
            echo "FAIL: $target: a saved regression input fails again (log: $build/$target-regressions.log)" >&2
            failed=1
            continue
        fi
    fi

    n=$(make_seeds "$target" "$seeds")
    for f in "${regressions[@]}"; do
        cp "$f" "$seeds/regression-$(basename "$f")"
    done
    echo "== $target: $n seed inputs; fuzzing for ${seconds}s"

    before=$(find "$artifacts" -type f | wc -l)
    extra=()
    if [[ -n ${FUZZ_FORK:-} ]]; then
        extra=(-fork="$FUZZ_FORK" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    fi
    status=0
    # The whole log goes to a file (follow it with tail -f); the summary here.
    "$fuzzer" "${common[@]}" "${extra[@]}" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$build/$target.log" 2>&1 || status=$?
    grep -E '^(#[0-9]+ +(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb)' "$build/$target.log" || true
    after=$(find "$artifacts" -type f | wc -l)
    if ((status != 0 || after > before)); then
        tail -n 80 "$build/$target.log" >&2
        echo "FAIL: $target found $((after - before)) problem input(s) (exit $status, log: $build/$target.log):" >&2
        find "$artifacts" -type f -newer "$seeds" >&2
        failed=1
    else
        echo "OK: $target: no findings in ${seconds}s"
    fi
done
exit "$failed"
