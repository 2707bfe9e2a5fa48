# Walks a copy of the Riverton plan through every unicef-bvk stage, gates enforced.
set -u
step() { echo "== $*"; }
run() { "$@"; echo "exit $?"; }
sed -e 's/^stage: adopted/stage: draft/' -e '/^history:/,$d' "$EXAMPLES/riverton.yaml" > plan.yaml
B="barnplan --today 2027-09-15"

step "draft -> feedback without a follow-up meeting: refused"
run $B advance plan.yaml --date 2025-06-01 --by "Coordination group"
step "record the first follow-up meeting, then advance"
run $B record plan.yaml --meeting 2025-06-11 --kind follow-up --note "First follow-up"
run $B advance plan.yaml --date 2025-06-11 --by UNICEF --note "First follow-up"
step "feedback -> unicef-approved without --date or --by: refused"
run $B advance plan.yaml
run $B advance plan.yaml --date 2025-09-30 --by UNICEF --ref email
step "unicef-approved -> adopted before the approval and without a reference: refused"
run $B advance plan.yaml --date 2025-09-01 --by "Municipal Executive Board"
run $B advance plan.yaml --date 2025-10-20 --by "Municipal Executive Board" --ref "§ 88"
step "adopted -> implementing"
run $B advance plan.yaml --date 2025-11-01 --by "Coordination group"
step "implementing -> evaluation without the evaluation: refused"
run $B advance plan.yaml --date 2027-05-25
printf 'evaluation:\n  meeting: 2027-06-10\n  booked: 2027-05-20\n  form_started: 2027-03-15\n  form_approved: 2027-05-30\n  form_stored: 2027-06-01\n' >> plan.yaml
step "booked and stored too late: refused"
run $B advance plan.yaml --date 2027-05-25
sed -i -e 's/booked: 2027-05-20/booked: 2027-03-01/' -e 's/form_stored: 2027-06-01/form_stored: 2027-05-20/' -e 's/form_approved: 2027-05-30/form_approved: 2027-05-05/' plan.yaml
run $B advance plan.yaml --date 2027-05-25
step "evaluation -> recognized without a reference: refused"
run $B advance plan.yaml --date 2027-09-15 --by UNICEF
run $B advance plan.yaml --date 2027-09-15 --by UNICEF --ref "UNICEF 2027/15"
step "recognized is the last stage"
run $B advance plan.yaml
step "the plan still validates"
run $B validate plan.yaml
step "the stage and the history"
grep -n '^stage:' plan.yaml
sed -n '/^history:/,$p' plan.yaml
