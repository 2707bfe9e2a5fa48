# The network after a year: a new member, a new contact, a strategy and a way
# added, a meeting moved to another host and a new joint meeting.
set -e
sed -e 's/    official: Lina Berg/    official: Anna Berg/' \
    -e 's/^  Nätverket har bildats för att förbättra barns villkor./  Nätverket har bildats för att förbättra barns och ungas villkor./' \
    -e 's/      - En gemensam webbplats/      - En gemensam webbplats\n      - Ett årligt nyhetsbrev/' \
    -e '/^  - Varje kommun deltar/d' \
    -e 's/{ date: 2026-03-12, kind: joint, host: dalstad }/{ date: 2026-03-12, kind: joint, host: norrhamn }/' \
    -e 's/^meetings:/  - id: ekby\n    municipality: Ekby kommun\n    politician: Ali Khan (kommunalråd)\n    official: Greta Ek\n\nmeetings:/' \
    -e 's/^history:/  - { date: 2027-05-18, kind: joint, host: ekby, note: Extra möte om barnbudget }\n\nhistory:/' \
    old.yaml > new.yaml
