#!/usr/bin/env python3
"""Parses barnplan's iCalendar output back with a parser barnplan did not
write (python3-icalendar) and checks RFC 5545's framing: CRLF line ends,
every line at most 75 octets, UTF-8 never split, unique UIDs."""
import subprocess
import sys

try:
    import icalendar
except ImportError as e:
    print(f"skipped: {e.name} is not installed (apt-get install python3-icalendar)")
    sys.exit(77)

barnplan, *plans = sys.argv[1:]
data = subprocess.run([barnplan, "calendar", "--today", "2026-11-23", *plans],
                      check=True, capture_output=True).stdout
failed = 0
assert data.endswith(b"\r\n"), "the file must end with CRLF"
for n, line in enumerate(data.split(b"\r\n")[:-1], 1):
    if b"\n" in line or b"\r" in line:
        print(f"line {n}: a bare line break"); failed += 1
    if len(line) > 75:
        print(f"line {n}: {len(line)} octets"); failed += 1
    line.decode("utf-8")  # a fold inside a sequence would leave invalid UTF-8
calendar = icalendar.Calendar.from_ical(data)
events = [c for c in calendar.walk() if c.name == "VEVENT"]
uids = [str(e["UID"]) for e in events]
if len(set(uids)) != len(uids):
    print("duplicate UIDs"); failed += 1
for e in events:
    start, end = e.decoded("DTSTART"), e.decoded("DTEND")
    if (end - start).days != 1 or hasattr(start, "hour"):
        print(f"{e['UID']}: not a one-day all-day event"); failed += 1
    str(e["SUMMARY"])
print(f"{len(events)} events")
sys.exit(1 if failed or not events else 0)
