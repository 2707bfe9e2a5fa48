// SPDX-License-Identifier: Apache-2.0
// UNICEF's "En barnvänlig kommun" (Child Friendly Municipality), seeds 000
// and 002: the model's description, registered in
// src/models/registry.cpp.

#include "../model.hpp"

namespace barnplan::rules {
void check_unicef(Findings& findings, const RuleContext& context);
void check_evaluation(Findings& findings, const RuleContext& context);
} // namespace barnplan::rules

namespace barnplan::models::unicef_bvk {

extern const std::string_view k_skeleton_en;
extern const std::string_view k_skeleton_sv;

namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;

const std::vector<RuleInfo> k_rules{
    {"vision-required", E, "unicef-bvk", {"The plan has no vision.", "Planen saknar vision."}},
    {"strategy-link-required", E, "unicef-bvk",
     {"The plan does not say how it connects to the municipal strategy.", "Planen säger inte hur den hänger ihop med kommunstrategin."}},
    {"period-length", W, "unicef-bvk", {"The period is not about 2 or 4 years.", "Perioden är inte cirka 2 eller 4 år."}},
    {"goal-count-process", E, "unicef-bvk", {"Not 3–4 goals based on process indicators.", "Inte 3–4 målsättningar som bygger på processindikatorer."}},
    {"goal-count-children-views", E, "unicef-bvk",
     {"Not exactly one goal based on children's views.", "Inte exakt en målsättning som bygger på barnens åsikter."}},
    {"goal-count-free-choice", E, "unicef-bvk", {"More than one free-choice goal.", "Mer än en målsättning efter fritt val."}},
    {"goal-count-total", E, "unicef-bvk", {"Fewer than 5 goals in the cycle.", "Färre än 5 målsättningar i cykeln."}},
    {"goal-title", E, "unicef-bvk", {"A goal has no title.", "En målsättning saknar rubrik."}},
    {"goal-basis", E, "unicef-bvk", {"A goal does not say what it is based on.", "En målsättning säger inte vad den bygger på."}},
    {"goal-indicator", E, "unicef-bvk",
     {"A process-indicator goal does not name its indicator.", "En målsättning som bygger på en processindikator anger inte indikatorn."}},
    {"start-level", E, "unicef-bvk", {"A goal's start level is missing or not 1 or 2.", "En målsättnings startnivå saknas eller är inte 1 eller 2."}},
    {"target-level", E, "unicef-bvk",
     {"A goal's target level is missing or not above its start level.", "En målsättnings målnivå saknas eller ligger inte över startnivån."}},
    {"goal-has-action", E, "unicef-bvk", {"A goal has no action.", "En målsättning saknar åtgärder."}},
    {"goal-has-meter", E, "unicef-bvk", {"A goal has no meter.", "En målsättning saknar mätare."}},
    {"action-incomplete", E, "unicef-bvk",
     {"An action does not say what, who, when or how.", "En åtgärd säger inte vad, vem, när eller hur."}},
    {"children-views", E, "unicef-bvk",
     {"A goal does not say how children's views were taken into account.", "En målsättning säger inte hur barnens åsikter har beaktats."}},
    {"meter-concrete", E, "unicef-bvk", {"A meter has no target value or no description.", "En mätare saknar målvärde eller beskrivning."}},
    {"meter-time-bound", E, "unicef-bvk",
     {"A meter has no due date inside the plan period.", "En mätare saknar klardatum inom planperioden."}},
    {"date-outside-period", W, "unicef-bvk", {"An action's dates lie outside the plan period.", "En åtgärds datum ligger utanför planperioden."}},
    {"welfare-commitment", E, "unicef-bvk",
     {"A welfare-area goal without the county's recorded commitment.", "En målsättning inom välfärdsområdets ansvar utan dess åtagande."}},
    {"single-owner", W, "unicef-bvk",
     {"One owner holds most of the actions.", "En ansvarig står för de flesta åtgärderna."}},
    {"one-off-action", W, "unicef-bvk",
     {"An action is not continuous or recurring.", "En åtgärd är inte fortlöpande eller återkommande."}},
    {"evaluation-deadline-missed", E, "unicef-bvk",
     {"An evaluation preparation deadline passed unmet.", "En sista dag för att förbereda utvärderingen passerade."}},
    {"evaluation-deadline-near", W, "unicef-bvk",
     {"An evaluation preparation deadline is near (within 30 days unless configured).",
      "En sista dag för att förbereda utvärderingen är nära (inom 30 dagar om inget annat är inställt)."}},
    {"evaluation-deadline-late", W, "unicef-bvk",
     {"An evaluation preparation step was done after its deadline.", "Ett steg i förberedelsen av utvärderingen gjordes för sent."}},
    {"evaluation-order", E, "unicef-bvk",
     {"The evaluation form approved before started, or stored before approved.",
      "Utvärderingsblanketten godkänd före start eller sparad före godkännandet."}},
};

void check(rules::Findings& findings, const RuleContext& context)
{
    rules::check_unicef(findings, context);
    rules::check_evaluation(findings, context);
}

} // namespace

const ModelDescription k_description{
    {Model::unicef_bvk, "unicef-bvk", {"UNICEF Child Friendly Municipality", "UNICEF En barnvänlig kommun"}},
    &k_rules,
    &check,
    k_skeleton_en,
    k_skeleton_sv,
};

} // namespace barnplan::models::unicef_bvk
