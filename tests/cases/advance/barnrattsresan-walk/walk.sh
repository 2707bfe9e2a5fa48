# Walks a copy of the Myndigheten plan (with its department files) through
# every barnrattsresan stage, each gate first refused, then met.
set -u
step() { echo "== $*"; }
run() { "$@"; echo "exit $?"; }
cp -r "$EXAMPLES/myndigheten" plan
cd plan
# Back to a draft: no history, no review, no implementation, no meetings, no follow-up.
sed -i -e 's/^stage: followed-up/stage: draft/' -e '/^history:/,$d' -e '/^review:/,/^$/d' \
    -e '/^implementation:/,/^$/d' -e '/^meetings:/,/^$/d' -e '/^    follow_up:/,/^  - id:\|^$/{/^  - id:/!d}' plan.yaml
B="barnplan --today 2026-12-15"

step "an activity in a department file names no priority area of the plan: refused"
sed -i 's/area: levnadsvillkor/area: levnadsvilkor/' avdelningar/kommunikation.yaml
run $B advance plan.yaml --date 2025-12-02 --by Arbetsgruppen
sed -i 's/area: levnadsvilkor/area: levnadsvillkor/' avdelningar/kommunikation.yaml

step "draft -> reviewed without the joint review: refused"
run $B advance plan.yaml --date 2025-12-02 --by Arbetsgruppen
printf 'review:\n  date: 2025-12-02\n  realistic: Ja.\n  reaches_goals: Ja.\n' >> plan.yaml
step "one question unanswered: refused"
run $B advance plan.yaml --date 2025-12-02 --by Arbetsgruppen
printf '  rights_fulfilled: Delvis.\n' >> plan.yaml
run $B advance plan.yaml --date 2025-12-02 --by Arbetsgruppen
step "reviewed -> approved before the review and without a reference: refused"
run $B advance plan.yaml --date 2025-11-30 --by "Myndighetens ledning"
run $B advance plan.yaml --date 2025-12-16 --by "Myndighetens ledning" --ref "Dnr 2025/118"
step "approved -> implementing without a period or meetings: refused"
run $B advance plan.yaml --date 2026-01-15
printf 'implementation: { start: 2026-01-15, end: 2027-06-30 }\n' >> plan.yaml
step "a period of 17 months and nothing booked: refused"
run $B advance plan.yaml --date 2026-01-15
sed -i 's/end: 2027-06-30/end: 2026-10-31/' plan.yaml
run $B record plan.yaml --meeting 2026-03-10 --kind check-in
run $B record plan.yaml --meeting 2026-11-18 --kind follow-up --note "Steg 4"
run $B advance plan.yaml --date 2026-01-15 --by "Elin Sandberg"
step "implementing -> followed-up before the follow-up meeting and without the areas' follow-up: refused"
run $B advance plan.yaml --date 2026-11-01
python3 - <<'PY'
import re
text = open("plan.yaml").read()
follow = ("    follow_up:\n      outcome: Genomfört.\n      effects: Barnen hörs mer.\n"
          "      goal_reached: true\n      more_measures: false\n")
text = re.sub(r"(    goal: .*\n)", lambda m: m.group(1) + follow, text)
open("plan.yaml", "w").write(text)
PY
run $B advance plan.yaml --date 2026-11-18 --by Arbetsgruppen
step "followed-up is the last stage"
run $B advance plan.yaml
step "the plan still validates"
run $B validate plan.yaml
step "the stage and the history"
grep -n '^stage:' plan.yaml
sed -n '/^history:/,$p' plan.yaml
