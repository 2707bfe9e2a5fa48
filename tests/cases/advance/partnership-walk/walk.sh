# Walks a copy of the Nätverket plan through every partnership stage, each
# gate first refused, then met.
set -u
step() { echo "== $*"; }
run() { "$@"; echo "exit $?"; }
# Back to a draft: no history, one member without a politician, a thin meeting plan.
sed -e 's/^stage: running/stage: draft/' -e '/^history:/,$d' -e '/politician: Omar Said/d' \
    -e '/2026-10-08, kind: joint/d' -e 's/2027-03-11, kind: joint, host: asby/2027-03-11, kind: joint, host: asbyy/' \
    "$EXAMPLES/natverket.yaml" > plan.yaml
B="barnplan --today 2026-12-15"
B2="barnplan --today 2027-12-20"

step "draft -> agreed with a member without a politician and no decision: refused"
run $B advance plan.yaml --date 2024-11-20
sed -i 's/^    official: Lina Berg/    politician: Omar Said (kommunalråd)\n    official: Lina Berg/' plan.yaml
run $B advance plan.yaml --date 2024-11-20 --by "Nätverkets politikermöte" --ref "Överenskommelse 2025–2027"
step "agreed -> running with one joint meeting in 2026 and a host that is no member: refused"
run $B advance plan.yaml --date 2025-01-01
sed -i 's/host: asbyy/host: asby/' plan.yaml
run $B record plan.yaml --meeting 2026-10-08 --kind joint --host norrhamn
run $B advance plan.yaml --date 2025-01-01 --by "Maja Ekström"
step "running -> reviewed before the peer review: refused"
run $B advance plan.yaml --date 2026-06-01
run $B advance plan.yaml --date 2026-09-30 --note "Kollegial granskning hållen"
step "reviewed -> closed before the final report: refused"
run $B2 advance plan.yaml --date 2027-11-01
run $B2 advance plan.yaml --date 2027-12-01 --by "Nätverkets politikermöte"
step "closed is the last stage"
run $B advance plan.yaml
step "the plan still validates"
run $B validate plan.yaml
step "the stage and the history"
grep -n '^stage:' plan.yaml
sed -n '/^history:/,$p' plan.yaml
