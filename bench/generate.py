#!/usr/bin/env python3
"""Write realistic unicef-bvk plans for the benchmark, deterministically.

    bench/generate.py OUT_DIR [--count N] [--scale S] [--seed K]

Each plan looks like examples/exempelby.yaml: Swedish text, a four-year
period, six goals (four on process indicators, one on children's views, one
free choice), 3–5 actions and 1–3 meters per goal with measurements, level
entries, updates, meetings and history: about 21 kB. --scale 4 writes four
times as many actions, meters and meetings (about 80 kB; the model caps a cycle
at six goals, so the goals stay six, and each action and meter keeps its usual
number of updates and measurements). The same seed gives the same bytes, and
every plan validates clean (`barnplan validate --strict --today 2026-11-23`).
"""

import argparse
import datetime
import os
import random

TODAY = datetime.date(2026, 11, 23)  # the bench passes --today with this date
START = datetime.date(2025, 1, 1)
END = datetime.date(2028, 12, 31)

PREFIXES = ["Ek", "Björk", "Sjö", "Lind", "Berg", "Ås", "Strand", "Hag", "Norr", "Söder", "Väster", "Öster",
            "Älv", "Gran", "Tall", "Kvarn", "Mal", "Sten", "Hav", "Ljung"]
SUFFIXES = ["by", "sund", "vik", "köping", "hamn", "berga", "holm", "näs", "fors", "dal", "å", "stad", "ryd"]
FIRST = ["Anna", "Erik", "Maria", "Johan", "Karin", "Lars", "Sofia", "Mikael", "Elin", "Peter", "Ida", "Jonas"]
LAST = ["Lindqvist", "Nyström", "Berg", "Holm", "Sjöberg", "Åkerlund", "Lund", "Ek", "Wikström", "Forsman"]
OWNERS = ["Kommunkansliet", "Personalenheten", "Ekonomienheten", "Ungdomsfullmäktige", "Småbarnspedagogiken",
          "Grundläggande utbildningen", "Biblioteks- och kulturtjänsterna", "Planläggningen", "Ungdomstjänsten",
          "Bildningsförvaltningen", "Kommunikationsenheten", "Kommunteknik", "Elevhälsan", "Fritidstjänsterna",
          "Välfärdsområdets familjecenter", "Idrottstjänsterna", "Socialtjänsten", "Musikinstitutet"]
THEMES = [("P1.2", "strukturer"), ("P2.1", "kännedom om barnets rättigheter"), ("P3.2", "delaktighet"),
          ("P4.3", "stöd och välbefinnande"), ("P1.1", "strukturer"), ("P3.1", "delaktighet")]
GOAL_TITLES = [
    "Konsekvenserna för barn bedöms och beaktas systematiskt i beredningen av beslut som gäller barn.",
    "De vuxna som arbetar med barn känner till barnets rättigheter och tillämpar dem i sitt arbete.",
    "Barn och unga kan påverka planeringen av sin närmiljö och kommunens tjänster.",
    "Barn och familjer får stöd i tid genom ett fungerande samarbete mellan kommunen och välfärdsområdet.",
    "Barn och unga känner sig trygga på väg till skolan och i centrum.",
    "Varje barn har en meningsfull fritidsaktivitet som barnet själv har valt.",
]
VERBS = ["Utbilda", "Införa", "Utveckla", "Samordna", "Kartlägga", "Följa upp", "Pröva", "Sprida"]
OBJECTS = ["barnkonsekvensbedömning i beredningen", "barnrättsombud i varje skola", "en responskanal för unga",
           "barnvandringar i nya detaljplaner", "delaktighetsbudget för unga", "trygghetskartan med elevråden",
           "hobbyverksamhet under skoldagen", "kvällsträffar för föräldrar", "barnbudgetering i budgetboken",
           "introduktion för nyanställda", "barnpaneler för lekparkerna", "samarbetet med elevhälsan"]
HOWS = ["Två halvdagar per år och en extra omgång för nya medarbetare.",
        "Planeras varje september tillsammans med skolor och föreningar.",
        "Ett avsnitt i programmet som ses över varje år utifrån responsen.",
        "En gång per termin; resultatet redovisas för koordinationsgruppen.",
        "Rutinen skrivs in i ledningssystemet och följs upp varje juni."]
VIEWS = ["Ungdomsfullmäktige har kommenterat förslaget.", "Elevråden bestämmer dagordningen.",
         "En barnpanel med tio barn (8–12 år) väljer årets tema.", "Barnens egna förslag samlas in via enkäten.",
         "Unga föreslår teman i ungdomsenkäten."]
METERS = [("percent", "Andel beslutsärenden om barn med dokumenterad bedömning", "%"),
          ("percent", "Andel unga i åk 8–9 som upplever att de kan påverka", "%"),
          ("number", "Antal unga som röstade i delaktighetsbudgeten", "personer"),
          ("number", "Väntetid till skolkurator, median", "dagar"),
          ("yes-no", "Barnbudgeten ingår i budgetboken", None),
          ("level", "Nivå för indikatorn enligt självvärderingen", None)]
SOURCES = ["Kansliets genomgång av protokollen", "THL Hälsa i skolan", "Kommunens ungdomsenkät",
           "Personalenhetens utbildningsregister", "Självvärdering i UNICEFs digitaltjänst"]


def q(text):
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def day(rng, lo, hi):
    return lo + datetime.timedelta(days=rng.randint(0, (hi - lo).days))


def plan_text(rng, index, scale):
    name = rng.choice(PREFIXES) + rng.choice(SUFFIXES)
    if index > 0:
        name = f"{name} {index}"  # unique municipality names across the set
    lines = [
        "# yaml-language-server: $schema=../schema/barnplan.schema.json",
        f"# {name} kommun: verksamhetsplan för En barnvänlig kommun 2025–2028 (genererad för mätningar).",
        "",
        "barnplan: 1",
        "model: unicef-bvk",
        "language: sv",
        f"municipality: {name} kommun",
        f"coordinator: {rng.choice(FIRST)} {rng.choice(LAST)}, välfärdssamordnare, kommunkansliet",
        f"period: {{ start: {START}, end: {END} }}",
        "stage: implementing",
        "",
        "vision: >",
        f"  I {name} är barnets rättigheter en självklar del av vardagen. Varje barn blir",
        "  hört i frågor som gäller det, känner sig tryggt i skolan och på fritiden och",
        "  har en vuxen att vända sig till. Beslutsfattarna bedömer alltid hur deras",
        "  beslut påverkar barn.",
        "strategy_link: >",
        f"  Planen genomför målområdet \"Ett gott liv i alla åldrar\" i Kommunstrategi {name} 2030",
        f"  (kf {rng.randint(1, 28)}.{rng.randint(1, 12)}.2023 § {rng.randint(10, 99)}).",
        "informing: Fullmäktige får en lägesrapport varje år i samband med välfärdsberättelsen.",
        "welfare_commitment:",
        "  by: Välfärdsområdesstyrelsen",
        f"  date: 2024-12-{rng.randint(1, 20):02d}",
        f"  ref: {q('§ ' + str(rng.randint(100, 300)))}",
        "",
        "goals:",
    ]
    bases = ["process-indicator"] * 4 + ["children-views", "free-choice"]
    owners = OWNERS[:]
    rng.shuffle(owners)
    owner_at = 0
    for g in range(6):
        gid = f"G{g + 1}"
        indicator, theme = THEMES[g]
        start_level = rng.randint(1, 2)
        target_level = rng.randint(start_level + 1, 4)
        current = rng.randint(start_level, target_level)
        lines += [
            f"  - id: {gid}",
            "    title: >",
            f"      {GOAL_TITLES[g]}",
            f"    basis: {bases[g]}",
        ]
        if bases[g] == "process-indicator":
            lines.append(f"    indicator: {q(indicator)}")
        lines += [f"    theme: {theme}"]
        if g == 3:
            lines.append("    welfare_area: true")
        lines += [
            f"    start_level: {start_level}",
            f"    target_level: {target_level}",
            f"    current_level: {current}",
            "    levels:",
            f"      - {{ date: 2025-02-{rng.randint(1, 28):02d}, level: {start_level}, note: \"Utgångsläge\" }}",
            f"      - {{ date: 2026-11-{rng.randint(1, 20):02d}, level: {current} }}",
            "    children_views: >",
            f"      {rng.choice(VIEWS)} Målsättningen bygger på barnenkäten hösten 2024.",
            "    actions:",
        ]
        action_ids = []
        for a in range(rng.randint(3, 5) * scale):
            aid = f"{gid}.A{a + 1}"
            start = day(rng, START, datetime.date(2026, 6, 30))
            due = day(rng, start + datetime.timedelta(days=60), END)
            status = "started" if start <= TODAY else "planned"
            if due < TODAY and rng.random() < 0.8:
                status = "done"
            owner = owners[owner_at % len(owners)]
            owner_at += 1
            lines += [
                f"      - id: {aid}",
                f"        what: {rng.choice(VERBS)} {rng.choice(OBJECTS)}",
                f"        who: {owner}",
                f"        start: {start}",
                f"        due: {due}",
                f"        how: {rng.choice(HOWS)}",
                f"        children_views: {rng.choice(VIEWS)}",
                f"        status: {status}",
                "        recurring: true",
            ]
            if action_ids and rng.random() < 0.3:
                lines.append(f"        depends_on: [{rng.choice(action_ids)}]")
            if status != "planned":
                lines.append("        updates:")
                when = start
                for u in range(rng.randint(1, 2)):
                    when = min(when + datetime.timedelta(days=rng.randint(10, 90)), TODAY)
                    lines.append(f"          - {{ date: {when}, status: started, note: \"Uppföljning {u + 1}\" }}")
            action_ids.append(aid)
        lines.append("    meters:")
        for m in range(rng.randint(1, 3) * scale):
            kind, what, unit = METERS[(g + m) % len(METERS)]
            lines += [f"      - id: {gid}.M{m + 1}", f"        what: {what}", f"        kind: {kind}"]
            if unit:
                lines.append(f"        unit: {q(unit)}")
            if kind == "percent":
                baseline = rng.randint(5, 40)
                target = rng.randint(baseline + 10, 95)
                values = [rng.randint(baseline, target) for _ in range(rng.randint(2, 4))]
            elif kind == "number":
                baseline = rng.randint(0, 200)
                target = baseline + rng.randint(5, 400)
                values = [rng.randint(baseline, target) for _ in range(rng.randint(2, 4))]
            elif kind == "yes-no":
                baseline, target = "false", "true"
                values = ["false", "false", "true"]
            else:
                baseline = rng.randint(1, 2)
                target = rng.randint(baseline + 1, 4)
                values = [rng.randint(baseline, target) for _ in range(rng.randint(2, 4))]
            lines += [
                f"        baseline: {baseline}",
                f"        target: {target}",
                f"        due: {day(rng, datetime.date(2027, 1, 1), datetime.date(2028, 10, 31))}",
                f"        source: {rng.choice(SOURCES)}",
                "        measurements:",
            ]
            when = datetime.date(2025, 3, 1)
            step = (TODAY - when).days // (len(values) + 1)
            for v in values:
                when = when + datetime.timedelta(days=step)
                lines.append(f"          - {{ date: {when}, value: {v} }}")
        lines.append("")
    lines.append("meetings:")
    when = datetime.date(2025, 2, 1)
    meetings = 12 * scale
    step = (TODAY - when).days // (meetings + 1)
    for k in range(meetings):
        when = when + datetime.timedelta(days=step)
        goals = sorted(rng.sample(range(1, 7), rng.randint(1, 6)))
        kind = "follow-up" if k % 6 == 5 else ("children" if k % 6 == 2 else "coordination-group")
        lines += [
            f"  - date: {when}",
            f"    kind: {kind}",
            f"    note: Genomgång av mätarna och åtgärderna, möte {k + 1}.",
            "    goals: [" + ", ".join(f"G{x}" for x in goals) + "]",
        ]
    lines += [
        "",
        "history:",
        "  - { date: 2024-10-02, stage: draft, by: Koordinationsgruppen }",
        "  - { date: 2024-11-13, stage: feedback, by: UNICEF, note: \"Första träffen\" }",
        "  - { date: 2025-01-15, stage: unicef-approved, by: UNICEF, ref: \"e-post\" }",
        f"  - {{ date: 2025-01-27, stage: adopted, by: Kommunstyrelsen, ref: \"§ {rng.randint(10, 99)}\" }}",
        "  - { date: 2025-02-01, stage: implementing, by: Koordinationsgruppen }",
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--count", type=int, default=1, help="number of plans (default 1)")
    parser.add_argument("--scale", type=int, default=1, help="4 for the large variant (default 1)")
    parser.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    for i in range(args.count):
        # One generator per plan: plan i is the same whatever --count says.
        rng = random.Random(f"{args.seed}-{args.scale}-{i}")
        path = os.path.join(args.out_dir, f"plan-{i + 1:04d}.yaml")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(plan_text(rng, i, args.scale))


if __name__ == "__main__":
    main()
