# What changed between two meetings of the work group: in the joint plan and
# in both department files.
set -e
cd "$1"
sed -i -e 's/^  realistic: .*/  realistic: Ja./' -e 's/end: 2026-10-31 }/end: 2026-12-15 }/' \
    -e 's/      goal_reached: false/      goal_reached: true/' \
    -e 's/title: Kunskapslyft/title: Kunskapslyft för alla/' plan.yaml
sed -i '/2026-09-15, kind: check-in/a\  - { date: 2026-10-20, kind: check-in, note: Extra avstämning. }' plan.yaml
sed -i -e 's/result: 140 barn deltog/result: 160 barn deltog/' avdelningar/kommunikation.yaml
# KOM.2 serves another area now; UTB.2 goes and UTB.3 comes.
python3 - <<'PY'
text = open("avdelningar/kommunikation.yaml").read()
at = text.index("  - id: KOM.2")
text = text[:at] + text[at:].replace("area: levnadsvillkor", "area: kunskapslyft", 1)
open("avdelningar/kommunikation.yaml", "w").write(text)
text = open("avdelningar/utbildning.yaml").read()
text = text[:text.index("  - id: UTB.2")] + """  - id: UTB.3
    area: barnets-basta
    what: Stödmaterial för prövning av barnets bästa
    who: Utbildningsenheten
    start: 2026-09-01
    due: 2026-12-15
    resources: En handläggare
    indicators: Antal nedladdningar
"""
open("avdelningar/utbildning.yaml", "w").write(text)
PY
