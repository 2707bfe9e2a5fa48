// Rules of Barnombudsmannen's Barnrättsresan (seeds 001 and 004): priority
// areas with overarching goals, the ambition, departments' activities in one
// template, the joint review before the management decision, implementation
// of 3–12 months with check-ins, and the step-4 follow-up.

#include "../../rules/support.hpp"

#include <barnplan/loader.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace barnplan::rules {
namespace {

constexpr std::size_t k_stage_approved = 2; // index in stages_of(barnrattsresan)

std::size_t stage_index(const std::string& stage)
{
    const auto& stages = stages_of(Model::barnrattsresan);
    auto it = std::find(stages.begin(), stages.end(), stage);
    return it == stages.end() ? 0 : static_cast<std::size_t>(it - stages.begin());
}

/// The day of the management decision: the history entry that reached `approved`.
const HistoryEntry* decision(const Plan& plan)
{
    for (const HistoryEntry& h : plan.history) {
        if (h.stage.ok() && h.stage.value == "approved") {
            return &h;
        }
    }
    return nullptr;
}

void check_texts(Findings& f)
{
    const Plan& plan = f.plan();
    if (!plan.ambition.present) {
        const bool written = plan.ambition.key.known();
        f.add("ambition-required", written ? plan.ambition.key : plan_anchor(plan),
              {"the plan has no ambition statement", "planen saknar ambitionsnivå"},
              {fmt::format("{} 'ambition:' how the areas were prioritised and what is to be reached in 2–3 years",
                           written ? "write after" : "add"),
               fmt::format("{} 'ambition:' hur områdena prioriterats och vad ni vill uppnå på 2–3 års sikt",
                           written ? "skriv efter" : "lägg till")});
    }
}

void check_areas(Findings& f)
{
    const Plan& plan = f.plan();
    if (plan.areas.empty()) {
        f.add("areas-required", plan.areas_key.known() ? plan.areas_key : plan_anchor(plan),
              {"the plan has no priority areas", "planen saknar prioriterade områden"},
              {"add 'areas:' with an id, a title and an overarching goal for each area",
               "lägg till 'areas:' med id, rubrik och övergripande mål för varje område"});
        return;
    }
    for (const PriorityArea& a : plan.areas) {
        if (!a.title.present || !a.goal.present) {
            const bool no_goal = !a.goal.present;
            f.add("area-goal", a.id.key.known() ? a.id.key : a.position,
                  {fmt::format("priority area {} has no {}", id_of(a.id), no_goal ? "overarching goal" : "title"),
                   fmt::format("det prioriterade området {} saknar {}", id_of(a.id),
                               no_goal ? "övergripande mål" : "rubrik")},
                  {no_goal ? "write the overarching goal in 'goal:'" : "name the area in 'title:'",
                   no_goal ? "skriv det övergripande målet i 'goal:'" : "namnge området i 'title:'"});
        }
    }
}

void check_activities(Findings& f)
{
    const Plan& plan = f.plan();
    std::vector<std::string_view> areas;
    for (const PriorityArea& a : plan.areas) {
        if (a.id.ok()) {
            areas.push_back(a.id.value);
        }
    }
    for (const Department& d : plan.departments) {
        if (d.activities.empty()) {
            f.add_in(d.file, "department-activities", d.position,
                     {fmt::format("department '{}' has no activities", d.name.value),
                      fmt::format("avdelningen '{}' har inga aktiviteter", d.name.value)},
                     {"break the overarching goals down into activities under 'activities:'",
                      "bryt ner de övergripande målen till aktiviteter under 'activities:'"});
        }
        for (const Activity& a : d.activities) {
            const Position at = a.id.key.known() ? a.id.key : a.position;
            if (!a.area.present) {
                f.add_in(d.file, "activity-area", at,
                         {fmt::format("activity {} does not say which priority area it serves", id_of(a.id)),
                          fmt::format("aktiviteten {} anger inte vilket prioriterat område den hör till", id_of(a.id))},
                         {"add 'area:' with the id of a priority area in the main plan",
                          "lägg till 'area:' med id för ett prioriterat område i huvudplanen"});
            } else if (a.area.ok() && std::find(areas.begin(), areas.end(), a.area.value) == areas.end()) {
                Text hint{"use the id of a priority area listed under 'areas:' in the main plan",
                          "använd id för ett prioriterat område under 'areas:' i huvudplanen"};
                for (std::string_view id : areas) {
                    if (edit_distance(id, a.area.value) <= 2) {
                        hint = {fmt::format("did you mean '{}'?", id), fmt::format("menade du '{}'?", id)};
                        break;
                    }
                }
                f.add_in(d.file, "activity-area", a.area.at,
                         {fmt::format("activity {} refers to priority area '{}', which the plan does not have",
                                      id_of(a.id), a.area.value),
                          fmt::format("aktiviteten {} hänvisar till det prioriterade området '{}', som planen inte har",
                                      id_of(a.id), a.area.value)},
                         std::move(hint));
            }
            std::vector<std::string_view> missing;
            if (!a.what.present) {
                missing.emplace_back("what");
            }
            if (!a.who.present) {
                missing.emplace_back("who");
            }
            if (!a.due.present) {
                missing.emplace_back("due");
            }
            if (!a.resources.present) {
                missing.emplace_back("resources");
            }
            if (!a.indicators.present) {
                missing.emplace_back("indicators");
            }
            if (!missing.empty()) {
                std::string keys;
                for (std::string_view k : missing) {
                    keys += (keys.empty() ? "" : ", ") + std::string(k);
                }
                f.add_in(d.file, "activity-incomplete", at,
                         {fmt::format("activity {} leaves out {} of the template", id_of(a.id), keys),
                          fmt::format("aktiviteten {} saknar {} i mallen", id_of(a.id), keys)},
                         {"every department fills in activity, responsible, time, resources and indicators",
                          "alla avdelningar fyller i aktivitet, ansvarig, tid, resurser och indikatorer"});
            }
            if (a.start.ok() && a.due.ok() && a.due.value < a.start.value) {
                f.add_in(d.file, "date-order", a.due.at,
                         {fmt::format("activity {} is due ({}) before it starts ({})", id_of(a.id), a.due.value.iso(),
                                      a.start.value.iso()),
                          fmt::format("aktiviteten {} ska vara klar ({}) innan den börjar ({})", id_of(a.id),
                                      a.due.value.iso(), a.start.value.iso())},
                         {"correct 'start' or 'due'", "rätta 'start' eller 'due'"});
            }
        }
    }
    for (const PriorityArea& area : plan.areas) {
        if (!area.id.ok() || plan.departments.empty()) {
            continue;
        }
        const bool served = std::any_of(plan.departments.begin(), plan.departments.end(), [&](const Department& d) {
            return std::any_of(d.activities.begin(), d.activities.end(),
                               [&](const Activity& a) { return a.area.ok() && a.area.value == area.id.value; });
        });
        if (!served) {
            f.add("area-without-activities", area.id.key,
                  {fmt::format("no department has an activity for priority area {}", area.id.value),
                   fmt::format("ingen avdelning har en aktivitet för det prioriterade området {}", area.id.value)},
                  {"add activities with this 'area:' in a department file, or drop the area",
                   "lägg till aktiviteter med detta 'area:' i en avdelningsfil, eller stryk området"});
        }
    }
}

void check_review(Findings& f)
{
    const Plan& plan = f.plan();
    const HistoryEntry* decided = decision(plan);
    const bool approved = decided != nullptr || (plan.stage.ok() && stage_index(plan.stage.value) >= k_stage_approved);
    if (!approved) {
        return; // the questions are the review's to answer; until the decision nothing is late
    }
    const Position anchor = decided != nullptr ? decided->stage.at : plan.stage.at;
    const JointReview& r = plan.review;
    std::vector<std::string_view> open;
    if (!r.realistic.present) {
        open.emplace_back("realistic");
    }
    if (!r.reaches_goals.present) {
        open.emplace_back("reaches_goals");
    }
    if (!r.rights_fulfilled.present) {
        open.emplace_back("rights_fulfilled");
    }
    if (!open.empty()) {
        std::string keys;
        for (std::string_view k : open) {
            keys += (keys.empty() ? "" : ", ") + std::string(k);
        }
        f.add("review-before-decision", r.present ? r.key : anchor,
              {fmt::format("the plan is approved but the joint review leaves {} unanswered", keys),
               fmt::format("planen är godkänd men den gemensamma genomgången lämnar {} obesvarad", keys)},
              {"under 'review:' answer: is the plan realistic? will the activities reach the goals? will children's "
               "rights be fulfilled?",
               "besvara under 'review:': är handlingsplanen realistisk? når aktiviteterna målen? tillgodoses barnets "
               "rättigheter?"});
        return;
    }
    if (decided != nullptr && decided->date.ok() && r.date.ok() && decided->date.value < r.date.value) {
        f.add("review-before-decision", r.date.at,
              {fmt::format("the joint review ({}) is dated after the management decision ({})", r.date.value.iso(),
                           decided->date.value.iso()),
               fmt::format("den gemensamma genomgången ({}) är daterad efter ledningens beslut ({})", r.date.value.iso(),
                           decided->date.value.iso())},
              {"the process leader finalises the plan for the decision after the review; check the dates",
               "processledaren färdigställer planen för beslut efter genomgången; kontrollera datumen"});
    }
}

void check_implementation(Findings& f)
{
    const Plan& plan = f.plan();
    const bool approved = decision(plan) != nullptr ||
                          (plan.stage.ok() && stage_index(plan.stage.value) >= k_stage_approved);
    if (!plan.implementation_start.ok() || !plan.implementation_end.ok()) {
        if (approved) {
            f.add("implementation-period", plan.implementation.known() ? plan.implementation : plan_anchor(plan),
                  {"the approved plan has no implementation period", "den godkända planen saknar genomförandeperiod"},
                  {"add 'implementation: { start: YYYY-MM-DD, end: YYYY-MM-DD }'",
                   "lägg till 'implementation: { start: ÅÅÅÅ-MM-DD, end: ÅÅÅÅ-MM-DD }'"});
        }
        return;
    }
    const Date& start = plan.implementation_start.value;
    const Date& end = plan.implementation_end.value;
    if (end < start) {
        f.add("date-order", plan.implementation_end.at,
              {fmt::format("the implementation ends ({}) before it starts ({})", end.iso(), start.iso()),
               fmt::format("genomförandet slutar ({}) innan det börjar ({})", end.iso(), start.iso())},
              {"swap the dates or correct the year", "byt plats på datumen eller rätta året"});
        return;
    }
    const Date after = end.add_days(1);
    int months = (after.year() - start.year()) * 12 + (after.month() - start.month());
    if (after.day() < start.day()) {
        --months;
    }
    if (months < 3 || months > 12) {
        f.add("implementation-length", plan.implementation,
              {fmt::format("the implementation takes {} months; Barnrättsresan plans 3–12", months),
               fmt::format("genomförandet tar {} månader; Barnrättsresan räknar med 3–12", months)},
              {"check the dates, or split the plan", "kontrollera datumen, eller dela upp planen"});
    }
    const bool check_in = std::any_of(plan.meetings.begin(), plan.meetings.end(), [&](const Meeting& m) {
        return m.kind.ok() && m.kind.value == "check-in" && m.date.ok() && start <= m.date.value && m.date.value <= end;
    });
    if (!check_in) {
        f.add("check-in-meetings", plan.implementation,
              {fmt::format("no check-in meeting during the implementation ({} – {})", start.iso(), end.iso()),
               fmt::format("inget avstämningsmöte under genomförandet ({} – {})", start.iso(), end.iso())},
              {"book check-in meetings: meetings with 'kind: check-in' inside the implementation period",
               "boka in avstämningsmöten: möten med 'kind: check-in' inom genomförandeperioden"});
    }
    const bool follow_up = std::any_of(plan.meetings.begin(), plan.meetings.end(), [&](const Meeting& m) {
        return m.kind.ok() && m.kind.value == "follow-up" && m.date.ok() && start <= m.date.value;
    });
    if (!follow_up) {
        f.add("follow-up-booked", plan.implementation,
              {"the step-4 follow-up meeting is not booked", "arbetsgruppsmötet i steg 4 (uppföljning) är inte bokat"},
              {"add a meeting with 'kind: follow-up' after the implementation starts",
               "lägg till ett möte med 'kind: follow-up' efter att genomförandet börjat"});
    }
}

void check_follow_up(Findings& f)
{
    const Plan& plan = f.plan();
    const bool followed_up = plan.stage.ok() && plan.stage.value == "followed-up";
    for (const PriorityArea& a : plan.areas) {
        if (!followed_up && !a.follow_up.present) {
            continue;
        }
        const AreaFollowUp& u = a.follow_up;
        std::vector<std::string_view> missing;
        if (!u.outcome.present) {
            missing.emplace_back("outcome");
        }
        if (!u.effects.present) {
            missing.emplace_back("effects");
        }
        if (!u.goal_reached.present) {
            missing.emplace_back("goal_reached");
        }
        if (!u.more_measures.present) {
            missing.emplace_back("more_measures");
        }
        if (missing.empty()) {
            continue;
        }
        std::string keys;
        for (std::string_view k : missing) {
            keys += (keys.empty() ? "" : ", ") + std::string(k);
        }
        f.add("area-follow-up", u.present ? u.key : (a.id.key.known() ? a.id.key : a.position),
              {fmt::format("the follow-up of priority area {} leaves out {}", id_of(a.id), keys),
               fmt::format("uppföljningen av det prioriterade området {} saknar {}", id_of(a.id), keys)},
              {"under 'follow_up:' write the outcome, the effects for children, whether the goal was reached and "
               "whether more measures are needed",
               "skriv under 'follow_up:' utfallet, effekterna för barnen, om målet nåddes och om fler åtgärder behövs"});
    }
}

} // namespace

void check_barnrattsresan(Findings& findings, const RuleContext& context)
{
    (void)context;
    check_texts(findings);
    check_areas(findings);
    check_activities(findings);
    check_review(findings);
    check_implementation(findings);
    check_follow_up(findings);
}

} // namespace barnplan::rules
