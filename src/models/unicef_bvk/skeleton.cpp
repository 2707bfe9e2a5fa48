// SPDX-License-Identifier: Apache-2.0
// What `barnplan init` writes for UNICEF's "En barnvänlig kommun": the
// action plan with a comment on every field.

#include "../model.hpp"

namespace barnplan::models::unicef_bvk {

extern const std::string_view k_skeleton_sv = R"(# yaml-language-server: $schema={schema}
# Handlingsplan för barnets rättigheter, läst av barnplan (format 1).
# Raden ovan ger redigeraren planformatets JSON Schema (det skriver också: barnplan --lang sv schema).
# Fyll i fälten och kör sedan: barnplan validate {file}
# Datum skrivs ÅÅÅÅ-MM-DD. Tomma fält räknas som ej ifyllda.

barnplan: 1                # filformatets version
model: {model}          # unicef-bvk | barnrattsresan | partnership
language: sv               # sv | en | fi
municipality:              # kommunens eller organisationens namn
coordinator:               # koordinator eller processledare
period:                    # den första planen cirka 2 år, senare planer cirka 4 år
  start:                   # ÅÅÅÅ-MM-DD
  end:                     # ÅÅÅÅ-MM-DD
stage: draft               # draft → feedback → unicef-approved → adopted → implementing → evaluation → recognized

# Kommunens långsiktiga vision ur barnvänlighetens synvinkel, utifrån kartläggningen.
vision:

# Hur planen hänger ihop med kommunstrategin och kommunens övriga utveckling.
strategy_link:

# Hur övriga myndigheter och förtroendevalda informeras om planen.
informing:

# Om en målsättning vilar på välfärdsområdets ansvar: dess åtagande.
# welfare_commitment: {{ by: , date: , ref: }}

# 3–4 målsättningar utifrån processindikatorerna, en utifrån barnens åsikter
# och en efter fritt val. Kopiera blocket nedan för varje målsättning.
goals:
  - id: G1
    title:                   # målsättningen, med indikatorns formulering
    basis: process-indicator # process-indicator | children-views | free-choice
    indicator:               # indikatorns nummer, t.ex. "P2.1"
    theme:                   # indikatorns tema, t.ex. structures
    start_level:             # startnivå enligt kartläggningen: 1 eller 2
    target_level:            # nivån som ska nås, högst 4
    children_views:          # hur barnens åsikter har beaktats i åtgärderna
    actions:                 # så många åtgärder som behövs, gärna 3–6
      - id: G1.A1
        what:                # vad som görs
        who:                 # vem eller vilken enhet som gör det
        start:               # ÅÅÅÅ-MM-DD
        due:                 # ÅÅÅÅ-MM-DD
        how:                 # hur arbetet går framåt och enligt vilken tidtabell
        status: planned      # planned | started | done | dropped
        recurring: true      # fortlöpande eller återkommande (inte en engångsinsats)
    meters:                  # minst en konkret och tidsbunden mätare
      - id: G1.M1
        what:                # vad som mäts
        kind: percent        # number | percent | yes-no | level
        baseline:            # värdet vid start
        target:              # värdet som ska nås
        due:                 # ÅÅÅÅ-MM-DD, inom planperioden
        measurements: []     # {{ date: ÅÅÅÅ-MM-DD, value: … }} efter varje uppföljning

# Möten där planen behandlades: coordination-group, follow-up, evaluation, …
meetings: []

# Godkännanden och beslut, äldst först. UNICEF godkänner före kommunen.
history: []
)";

extern const std::string_view k_skeleton_en = R"(# yaml-language-server: $schema={schema}
# A child-rights action plan, read by barnplan (format 1).
# The line above gives editors the plan format's JSON Schema (also printed by: barnplan schema).
# Fill in the fields, then run: barnplan validate {file}
# Dates are written YYYY-MM-DD. Empty fields count as not filled in.

barnplan: 1                # the file-format version
model: {model}          # unicef-bvk | barnrattsresan | partnership
language: en               # sv | en | fi
municipality:              # the municipality or organisation
coordinator:               # the coordinator or process leader
period:                    # about 2 years for the first plan, about 4 for later ones
  start:                   # YYYY-MM-DD
  end:                     # YYYY-MM-DD
stage: draft               # draft → feedback → unicef-approved → adopted → implementing → evaluation → recognized

# The municipality's long-term vision from the child's point of view, based on the mapping.
vision:

# How the plan connects to the municipal strategy and the municipality's wider development.
strategy_link:

# How other bodies and elected officials are informed about the plan.
informing:

# If a goal rests on the wellbeing services county's responsibility: its commitment.
# welfare_commitment: {{ by: , date: , ref: }}

# 3–4 goals from the process indicators, one from children's views and one of
# free choice. Copy the block below for each goal.
goals:
  - id: G1
    title:                   # the goal, in the indicator's wording
    basis: process-indicator # process-indicator | children-views | free-choice
    indicator:               # the indicator's number, e.g. "P2.1"
    theme:                   # the indicator's theme, e.g. structures
    start_level:             # start level from the mapping: 1 or 2
    target_level:            # the level to reach, at most 4
    children_views:          # how children's views were taken into account in the actions
    actions:                 # as many actions as needed, typically 3–6
      - id: G1.A1
        what:                # what is done
        who:                 # who or which unit does it
        start:               # YYYY-MM-DD
        due:                 # YYYY-MM-DD
        how:                 # how it proceeds, on what schedule
        status: planned      # planned | started | done | dropped
        recurring: true      # continuous or recurring (not a one-off event)
    meters:                  # at least one concrete, time-bound meter
      - id: G1.M1
        what:                # what is measured
        kind: percent        # number | percent | yes-no | level
        baseline:            # the value at the start
        target:              # the value to reach
        due:                 # YYYY-MM-DD, inside the plan period
        measurements: []     # {{ date: YYYY-MM-DD, value: … }} after each follow-up

# Meetings where the plan was discussed: coordination-group, follow-up, evaluation, …
meetings: []

# Approvals and decisions, oldest first. UNICEF approves before the municipality.
history: []
)";

} // namespace barnplan::models::unicef_bvk
