// SPDX-License-Identifier: Apache-2.0
// What `barnplan init --model barnrattsresan` writes: the joint action plan of
// Barnombudsmannen's Barnrättsresan (step 3), with a comment on every field.

#include "../model.hpp"

namespace barnplan::models::barnrattsresan {

extern const std::string_view k_skeleton_sv = R"(# yaml-language-server: $schema={schema}
# Gemensam handlingsplan i Barnrättsresan, läst av barnplan (format 1).
# Raden ovan ger redigeraren planformatets JSON Schema (det skriver också: barnplan --lang sv schema).
# Fyll i fälten och kör sedan: barnplan validate {file}
# Datum skrivs ÅÅÅÅ-MM-DD. Tomma fält räknas som ej ifyllda.

barnplan: 1                # filformatets version
model: barnrattsresan      # unicef-bvk | barnrattsresan | partnership
language: sv               # sv | en | fi
municipality:              # myndighetens, regionens eller kommunens namn
coordinator:               # processledaren
period:                    # planens tid; ambitionen gäller två till tre år
  start:                   # ÅÅÅÅ-MM-DD
  end:                     # ÅÅÅÅ-MM-DD
stage: draft               # draft → reviewed → approved → implementing → followed-up

# Hur områdena prioriterades och vad som ska uppnås på två till tre års sikt.
ambition:

# De prioriterade områdena, vart och ett med ett övergripande mål.
# Kopiera blocket nedan för varje område.
areas:
  - id: A1
    title:                 # områdets namn, t.ex. Barns levnadsvillkor
    goal:                  # det övergripande målet för området

# Avdelningarnas aktiviteter, en fil per avdelning med samma mall
# (department: och activities:), t.ex. avdelningar/*.yaml.
departments: []

# Den gemensamma genomgången före beslutet (steg 3, moment C).
# review:
#   date:                  # ÅÅÅÅ-MM-DD
#   realistic:             # är planen realistisk?
#   reaches_goals:         # leder aktiviteterna till målen?
#   rights_fulfilled:      # tillgodoses barnets rättigheter?

# Genomförandet, alltifrån 3 till 12 månader.
# implementation: {{ start: , end: }}

# Möten: coordination-group, check-in, follow-up, …
meetings: []

# Beslut och steg, äldst först.
history: []
)";

extern const std::string_view k_skeleton_en = R"(# yaml-language-server: $schema={schema}
# A joint action plan of Barnrättsresan, read by barnplan (format 1).
# The line above gives editors the plan format's JSON Schema (also printed by: barnplan schema).
# Fill in the fields, then run: barnplan validate {file}
# Dates are written YYYY-MM-DD. Empty fields count as not filled in.

barnplan: 1                # the file-format version
model: barnrattsresan      # unicef-bvk | barnrattsresan | partnership
language: en               # sv | en | fi
municipality:              # the agency, region or municipality
coordinator:               # the process leader
period:                    # the plan's time; the ambition covers two to three years
  start:                   # YYYY-MM-DD
  end:                     # YYYY-MM-DD
stage: draft               # draft → reviewed → approved → implementing → followed-up

# How the areas were prioritised and what is to be achieved in two to three years.
ambition:

# The priority areas, each with an overarching goal.
# Copy the block below for each area.
areas:
  - id: A1
    title:                 # the area, e.g. Children's living conditions
    goal:                  # the area's overarching goal

# The departments' activities, one file per department on the same template
# (department: and activities:), e.g. departments/*.yaml.
departments: []

# The joint review before the decision (step 3, part C).
# review:
#   date:                  # YYYY-MM-DD
#   realistic:             # is the plan realistic?
#   reaches_goals:         # will the activities reach the goals?
#   rights_fulfilled:      # will children's rights be fulfilled?

# The implementation, anything from 3 to 12 months.
# implementation: {{ start: , end: }}

# Meetings: coordination-group, check-in, follow-up, …
meetings: []

# Decisions and steps, oldest first.
history: []
)";

} // namespace barnplan::models::barnrattsresan
