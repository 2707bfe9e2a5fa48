// SPDX-License-Identifier: Apache-2.0
// Barnombudsmannen's Barnrättsresan, seeds 001 and 004: the model's description, registered in
// src/models/registry.cpp.

#include "../model.hpp"

namespace barnplan::rules {
void check_barnrattsresan(Findings& findings, const RuleContext& context);
} // namespace barnplan::rules

namespace barnplan::models::barnrattsresan {

extern const std::string_view k_skeleton_en;
extern const std::string_view k_skeleton_sv;

namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;

const std::vector<RuleInfo> k_rules{
    {"ambition-required", E, "barnrattsresan", {"The plan has no ambition statement.", "Planen saknar ambitionsnivå."}},
    {"areas-required", E, "barnrattsresan", {"The plan has no priority areas.", "Planen saknar prioriterade områden."}},
    {"area-goal", E, "barnrattsresan",
     {"A priority area without a title or an overarching goal.", "Ett prioriterat område utan rubrik eller övergripande mål."}},
    {"area-without-activities", W, "barnrattsresan",
     {"No department has an activity for a priority area.", "Ingen avdelning har en aktivitet för ett prioriterat område."}},
    {"department-activities", W, "barnrattsresan", {"A department file lists no activities.", "En avdelningsfil listar inga aktiviteter."}},
    {"activity-area", E, "barnrattsresan",
     {"An activity names no priority area, or one the plan lacks.", "En aktivitet anger inget prioriterat område, eller ett som saknas."}},
    {"activity-incomplete", E, "barnrattsresan",
     {"An activity leaves out part of the template.", "En aktivitet saknar en del av mallen."}},
    {"review-before-decision", E, "barnrattsresan",
     {"Approved without the joint review's three answers, or reviewed after the decision.",
      "Beslutad utan den gemensamma genomgångens tre svar, eller genomgången efter beslutet."}},
    {"implementation-period", E, "barnrattsresan",
     {"An approved plan without an implementation period.", "En beslutad plan utan genomförandeperiod."}},
    {"implementation-length", W, "barnrattsresan",
     {"The implementation is not 3–12 months.", "Genomförandet är inte 3–12 månader."}},
    {"check-in-meetings", E, "barnrattsresan",
     {"No check-in meeting during the implementation.", "Inget avstämningsmöte under genomförandet."}},
    {"follow-up-booked", E, "barnrattsresan", {"The step-4 follow-up meeting is not booked.", "Uppföljningsmötet i steg 4 är inte bokat."}},
    {"area-follow-up", E, "barnrattsresan",
     {"A priority area's follow-up is incomplete.", "Uppföljningen av ett prioriterat område är ofullständig."}},
};

} // namespace

const ModelDescription k_description{
    {Model::barnrattsresan, "barnrattsresan", {"The Ombudsman for Children's Barnrättsresan", "Barnombudsmannens Barnrättsresan"}},
    &k_rules,
    &rules::check_barnrattsresan,
    k_skeleton_en,
    k_skeleton_sv,
};

} // namespace barnplan::models::barnrattsresan
