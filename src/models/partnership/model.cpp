// SPDX-License-Identifier: Apache-2.0
// A partnership of municipalities, seed 003: the model's description, registered in
// src/models/registry.cpp.

#include "../model.hpp"

namespace barnplan::rules {
void check_partnership(Findings& findings, const RuleContext& context);
} // namespace barnplan::rules

namespace barnplan::models::partnership {

extern const std::string_view k_skeleton_en;
extern const std::string_view k_skeleton_sv;

namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;

const std::vector<RuleInfo> k_rules{
    {"idea-required", E, "partnership", {"The partnership has no idea (verksamhetsidé).", "Partnerskapet saknar verksamhetsidé."}},
    {"strategies-required", W, "partnership", {"The partnership lists no strategies.", "Partnerskapet anger inga strategier."}},
    {"partnership-goals", E, "partnership", {"No goals, or a goal without a title.", "Inga mål, eller ett mål utan rubrik."}},
    {"goal-ways", W, "partnership",
     {"A goal does not say how it is carried out.", "Ett mål säger inte hur det genomförs."}},
    {"member-count", W, "partnership", {"Fewer than three member municipalities.", "Färre än tre medlemskommuner."}},
    {"member-incomplete", E, "partnership",
     {"A member without municipality, politician or official.", "En medlem utan kommun, politiker eller tjänsteperson."}},
    {"meeting-host-member", E, "partnership", {"A meeting's host is not a member.", "Ett mötes värd är ingen medlem."}},
    {"joint-meeting-host", E, "partnership", {"A joint meeting has no host.", "Ett gemensamt möte saknar värd."}},
    {"joint-meetings-per-year", E, "partnership",
     {"Fewer than two joint meetings in a year of the period.", "Färre än två gemensamma möten ett år under perioden."}},
    {"peer-review-required", E, "partnership", {"No peer review during the period.", "Ingen kollegial granskning under perioden."}},
    {"final-report-required", E, "partnership", {"No final report at the end of the period.", "Ingen slutrapport i slutet av perioden."}},
};

} // namespace

const ModelDescription k_description{
    {Model::partnership, "partnership", {"A partnership of municipalities", "Ett partnerskap av kommuner"}},
    &k_rules,
    &rules::check_partnership,
    k_skeleton_en,
    k_skeleton_sv,
};

} // namespace barnplan::models::partnership
