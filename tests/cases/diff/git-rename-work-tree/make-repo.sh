#!/bin/sh
# Builds ./repo, the history of a small plan. Fixed names and dates make every
# commit id the same on every run, so the expected output can name them.
#
#   main:  Adopt the plan (2025-02-12)           plans/riverton.yaml, config/settings.yaml (no plan)
#          June measurements                     G1.M1 2025-06-30: 21
#          G1.A1 done                 (tag v1.0) status started -> done, one update
#          Annual follow-up: G1 to level 2       current_level 1 -> 2, one level entry
#          Name the plan after its period        git mv to plans/riverton-2025.yaml
#          December measurements                 G1.M1 2025-12-31: 38; settings pages 2 -> 3
#          Add the Youth Council's plan          plans/youth.yaml (new)
#   draft: from "December measurements": Draft: aim higher for G2.M1 (target 75 -> 80)
set -e
export HOME="$PWD" GIT_CONFIG_NOSYSTEM=1 TZ=UTC
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
commit() {
    GIT_AUTHOR_DATE="$1T10:00:00+01:00" GIT_COMMITTER_DATE="$1T10:00:00+01:00" \
        git -c user.name=T -c user.email=t@example.invalid commit -q -m "$2"
}
git init -q -b main repo
cd repo
mkdir plans config
cat > plans/riverton.yaml <<'PLAN'
# Riverton's plan. Comments and layout are not part of its meaning.
barnplan: 1
model: unicef-bvk
language: en
municipality: Riverton Municipality
coordinator: Sam Okafor
period: { start: 2025-01-01, end: 2026-12-31 }
stage: implementing
vision: Every child in Riverton is heard, safe and included.
strategy_link: The plan delivers the "Good everyday life" priority of the Riverton Strategy 2030.
informing: The council was briefed on 3 February 2025.
goals:
  - id: G1
    title: Decisions that affect children are assessed for their impact on children.
    basis: process-indicator
    indicator: "P1.2"
    theme: structures
    start_level: 1
    target_level: 3
    current_level: 1
    levels:
      - { date: 2025-02-12, level: 1, note: "Baseline" }
    children_views: The Youth Council chose this goal.
    actions:
      - id: G1.A1
        what: A child impact assessment in the decision template
        who: City Office
        start: 2025-02-01
        due: 2025-09-30
        how: The template and the drafting guide are extended.
        children_views: The Youth Council tried the template on two cases.
        status: started
        recurring: true
        updates:
          - { date: 2025-02-03, status: started }
    meters:
      - id: G1.M1
        what: Share of decisions about children with a documented assessment
        kind: percent
        unit: "%"
        baseline: 12
        target: 80
        due: 2026-12-31
        source: The City Office's review of the minutes, twice a year
        measurements:
          - { date: 2025-01-31, value: 12 }
  - id: G2
    title: Young people feel safe in the town centre in the evening.
    basis: children-views
    start_level: 1
    target_level: 3
    current_level: 1
    levels:
      - { date: 2025-02-12, level: 1 }
    children_views: Feeling unsafe in the evening was the most common answer in the child survey.
    actions:
      - id: G2.A1
        what: Lighting at the places on the children's safety map
        who: Technical Services
        start: 2025-04-01
        due: 2026-10-31
        how: Five places a year, chosen with the pupil councils.
        children_views: The pupil councils choose the order.
        status: planned
        recurring: true
    meters:
      - id: G2.M1
        what: Share of young people who feel safe in the centre in the evening
        kind: percent
        unit: "%"
        baseline: 52
        target: 75
        due: 2026-12-31
        source: The youth survey, every September
        measurements:
          - { date: 2025-01-31, value: 52 }
meetings:
  - { date: 2025-02-12, kind: coordination-group, note: "Levels confirmed" }
history:
  - { date: 2025-01-15, stage: unicef-approved, by: UNICEF }
  - { date: 2025-01-27, stage: adopted, by: Municipal Board, ref: "§ 57" }
  - { date: 2025-02-01, stage: implementing, by: Coordination group }
PLAN
cat > config/settings.yaml <<'CONF'
# Not a plan: barnplan leaves it alone.
report:
  title: Riverton
  pages: 2
CONF
git add -A
commit 2025-02-12 "Adopt the plan"

# A measurement in June.
sed -i 's/          - { date: 2025-01-31, value: 12 }/&\n          - { date: 2025-06-30, value: 21 }/' plans/riverton.yaml
git add -A
commit 2025-06-30 "June measurements"

# The template is finished.
sed -i 's/        status: started/        status: done/; s/          - { date: 2025-02-03, status: started }/&\n          - { date: 2025-09-15, status: done, note: "New template from 1 September" }/' plans/riverton.yaml
git add -A
commit 2025-09-30 "G1.A1 done"
git tag v1.0

# The annual follow-up raises G1 to level 2.
sed -i '0,/    current_level: 1/s//    current_level: 2/; s/      - { date: 2025-02-12, level: 1, note: "Baseline" }/&\n      - { date: 2025-11-26, level: 2, note: "In the template" }/' plans/riverton.yaml
git add -A
commit 2025-11-26 "Annual follow-up: G1 to level 2"

# The file gets the period in its name.
git mv plans/riverton.yaml plans/riverton-2025.yaml
commit 2025-12-01 "Name the plan after its period"

# December: a measurement in the renamed file, and the report settings.
sed -i 's/          - { date: 2025-06-30, value: 21 }/&\n          - { date: 2025-12-31, value: 38 }/' plans/riverton-2025.yaml
sed -i 's/  pages: 2/  pages: 3/' config/settings.yaml
git add -A
commit 2025-12-31 "December measurements"

# A draft on a branch: a higher target for G2.
git checkout -q -b draft
sed -i 's/        target: 75/        target: 80/' plans/riverton-2025.yaml
git add -A
commit 2026-01-20 "Draft: aim higher for G2.M1"
git checkout -q main

# The Youth Council's own plan joins.
sed -e 's/^municipality: .*/municipality: Riverton Youth Council/' \
    -e 's/^coordinator: .*/coordinator: Ada Berg/' plans/riverton-2025.yaml > plans/youth.yaml
git add -A
commit 2026-02-11 "Add the Youth Council's plan"
