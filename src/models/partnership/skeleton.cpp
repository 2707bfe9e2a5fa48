// SPDX-License-Identifier: Apache-2.0
// What `barnplan init --model partnership` writes: a partnership of
// municipalities' plan (idea, goals and their ways, strategies, members,
// the meeting timeline), with a comment on every field.

#include "../model.hpp"

namespace barnplan::models::partnership {

extern const std::string_view k_skeleton_sv = R"(# yaml-language-server: $schema={schema}
# Verksamhetsplan för ett partnerskap av kommuner, läst av barnplan (format 1).
# Raden ovan ger redigeraren planformatets JSON Schema (det skriver också: barnplan --lang sv schema).
# Fyll i fälten och kör sedan: barnplan validate {file}
# Datum skrivs ÅÅÅÅ-MM-DD. Tomma fält räknas som ej ifyllda.

barnplan: 1                # filformatets version
model: partnership         # unicef-bvk | barnrattsresan | partnership
language: sv               # sv | en | fi
municipality:              # partnerskapets namn
coordinator:               # samordnaren
period:                    # verksamhetsplanens år
  start:                   # ÅÅÅÅ-MM-DD
  end:                     # ÅÅÅÅ-MM-DD
stage: draft               # draft → agreed → running → reviewed → closed

# Verksamhetsidén: varför kommunerna arbetar tillsammans.
idea:

# Målen och, för varje mål, sätten att genomföra det.
goals:
  - id: N1
    title:                 # målet
    ways: []               # t.ex. Kollegial granskning

# Hur arbetet bedrivs, t.ex. vem som samordnar.
strategies: []

# Medlemskommunerna, var och en med ansvarig politiker och kontaktperson.
members:
  - id: m1
    municipality:          # kommunens namn
    politician:            # ansvarig politiker
    official:              # kontaktperson bland tjänstepersonerna

# Tidplanen: officials, joint (politiker och tjänstepersoner, minst två per år),
# peer-review och final-report; host är värdkommunens id.
meetings: []

# Överenskommelsen och stegen, äldst först.
history: []
)";

extern const std::string_view k_skeleton_en = R"(# yaml-language-server: $schema={schema}
# A plan of a partnership of municipalities, read by barnplan (format 1).
# The line above gives editors the plan format's JSON Schema (also printed by: barnplan schema).
# Fill in the fields, then run: barnplan validate {file}
# Dates are written YYYY-MM-DD. Empty fields count as not filled in.

barnplan: 1                # the file-format version
model: partnership         # unicef-bvk | barnrattsresan | partnership
language: en               # sv | en | fi
municipality:              # the partnership's name
coordinator:               # the coordinator
period:                    # the years of the plan
  start:                   # YYYY-MM-DD
  end:                     # YYYY-MM-DD
stage: draft               # draft → agreed → running → reviewed → closed

# The idea: why the municipalities work together.
idea:

# The goals and, for each goal, the ways it is carried out.
goals:
  - id: N1
    title:                 # the goal
    ways: []               # e.g. Peer review

# How the work is run, e.g. who coordinates it.
strategies: []

# The member municipalities, each with a responsible politician and a contact official.
members:
  - id: m1
    municipality:          # the municipality
    politician:            # the responsible politician
    official:              # the contact official

# The timeline: officials, joint (politicians and officials, at least twice a
# year), peer-review and final-report; host is the hosting member's id.
meetings: []

# The agreement and the steps, oldest first.
history: []
)";

} // namespace barnplan::models::partnership
