// Rules of UNICEF's "En barnvänlig kommun" action plan (seeds 000 and 002).

#include "../../rules/support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace barnplan::rules {
namespace {

bool in_period(const Plan& plan, const Date& d)
{
    // A reversed period is date-order's finding; measuring against it would
    // only repeat it for every date in the plan.
    if (plan.period_start.ok() && plan.period_end.ok() && plan.period_end.value < plan.period_start.value) {
        return true;
    }
    return !(plan.period_start.ok() && d < plan.period_start.value) && !(plan.period_end.ok() && plan.period_end.value < d);
}

/// " (2025-01-01 – 2026-12-31)", or nothing when the period is not known.
std::string period_text(const Plan& plan)
{
    if (plan.period_start.ok() && plan.period_end.ok()) {
        return fmt::format(" ({} – {})", plan.period_start.value.iso(), plan.period_end.value.iso());
    }
    return "";
}

void check_texts(Findings& f)
{
    const Plan& plan = f.plan();
    if (!plan.vision.present) {
        const bool written = plan.vision.key.known();
        f.add("vision-required", written ? plan.vision.key : plan_anchor(plan),
              {"the plan has no vision", "planen saknar vision"},
              {fmt::format("{} 'vision:' the municipality's long-term vision from the child's point of view",
                           written ? "write after" : "add"),
               fmt::format("{} 'vision:' kommunens långsiktiga vision ur barnets synvinkel",
                           written ? "skriv efter" : "lägg till")});
    }
    if (!plan.strategy_link.present) {
        const bool written = plan.strategy_link.key.known();
        f.add("strategy-link-required", written ? plan.strategy_link.key : plan_anchor(plan),
              {"the plan does not say how it connects to the municipal strategy",
               "planen säger inte hur den hänger ihop med kommunstrategin"},
              {fmt::format("{} 'strategy_link:' the strategy and the part of it the plan serves",
                           written ? "write after" : "add"),
               fmt::format("{} 'strategy_link:' strategin och den del av den som planen hör till",
                           written ? "skriv efter" : "lägg till")});
    }
}

void check_period_length(Findings& f)
{
    const Plan& plan = f.plan();
    if (!plan.period_start.ok() || !plan.period_end.ok() || plan.period_end.value <= plan.period_start.value) {
        return;
    }
    // Whole months from start to the day after the end: 2025-01-01 – 2026-12-31 is 24.
    const Date after = plan.period_end.value.add_days(1);
    const Date& s = plan.period_start.value;
    int months = (after.year() - s.year()) * 12 + (after.month() - s.month());
    if (after.day() < s.day()) {
        --months;
    }
    const bool about_two = months >= 21 && months <= 27;
    const bool about_four = months >= 45 && months <= 51;
    if (!about_two && !about_four) {
        f.add("period-length", plan.period,
              {fmt::format("the period is {} months; UNICEF's cycle is about 2 years (first plan) or 4 years", months),
               fmt::format("perioden är {} månader; UNICEFs cykel är cirka 2 år (första planen) eller 4 år", months)},
              {"check the start and end dates", "kontrollera start- och slutdatum"});
    }
}

std::string goals_en(int n)
{
    return fmt::format("{} {}", n, n == 1 ? "goal" : "goals");
}

std::string goals_sv(int n)
{
    return fmt::format("{} {}", n, n == 1 ? "målsättning" : "målsättningar");
}

void check_goal_mix(Findings& f)
{
    const Plan& plan = f.plan();
    int process = 0;
    int children = 0;
    int free = 0;
    for (const Goal& g : plan.goals) {
        if (g.basis.present && !g.basis.valid) {
            return; // invalid-value said which; counting without it would mislead
        }
        if (!g.basis.ok()) {
            continue;
        }
        switch (g.basis.value) {
        case GoalBasis::process_indicator:
            ++process;
            break;
        case GoalBasis::children_views:
            ++children;
            break;
        case GoalBasis::free_choice:
            ++free;
            break;
        }
    }
    const Position at = plan.goals_key.known() ? plan.goals_key : plan_anchor(plan);
    if (process < 3 || process > 4) {
        f.add("goal-count-process", at,
              {fmt::format("{} based on process indicators; the model asks for 3–4", goals_en(process)),
               fmt::format("{} bygger på processindikatorer; modellen kräver 3–4", goals_sv(process))},
              {"choose 3–4 goals from the process indicators of the current-state mapping",
               "välj 3–4 målsättningar ur kartläggningens processindikatorer"});
    }
    if (children != 1) {
        f.add("goal-count-children-views", at,
              {fmt::format("{} based on children's views; the model asks for exactly one", goals_en(children)),
               fmt::format("{} bygger på barnens åsikter; modellen kräver exakt en", goals_sv(children))},
              children == 0 ? Text{"mark one goal 'basis: children-views'", "markera en målsättning med 'basis: children-views'"}
                            : Text{"keep one goal based on children's views; base the others on indicators or free choice",
                                   "behåll en målsättning som bygger på barnens åsikter; låt de andra bygga på indikatorer eller fritt val"});
    }
    if (free > 1) {
        f.add("goal-count-free-choice", at,
              {fmt::format("{} of free choice; the model allows one", goals_en(free)),
               fmt::format("{} efter fritt val; modellen tillåter en", goals_sv(free))},
              {"keep one free-choice goal", "behåll en målsättning efter fritt val"});
    }
    if (plan.goals.size() < 5) {
        f.add("goal-count-total", at,
              {fmt::format("the plan has {}; a cycle needs at least 5", goals_en(static_cast<int>(plan.goals.size()))),
               fmt::format("planen har {}; en cykel kräver minst 5", goals_sv(static_cast<int>(plan.goals.size())))},
              {"3–4 from process indicators, one from children's views and one of free choice",
               "3–4 från processindikatorer, en från barnens åsikter och en efter fritt val"});
    }
}

void check_goal(Findings& f, const Goal& g)
{
    const std::string id = id_of(g.id);
    const Position at = g.id.present ? g.id.key : g.position;
    if (!g.title.present) {
        f.add("goal-title", g.title.key.known() ? g.title.key : at, {fmt::format("goal {} has no title", id), fmt::format("målsättning {} saknar rubrik", id)},
              {"add 'title:' with the goal, in the indicator's wording where it rests on one",
               "lägg till 'title:' med målsättningen, med indikatorns formulering när den bygger på en"});
    }
    if (!g.basis.present) {
        f.add("goal-basis", at,
              {fmt::format("goal {} does not say what it is based on", id),
               fmt::format("målsättning {} säger inte vad den bygger på", id)},
              {"add 'basis: process-indicator', 'children-views' or 'free-choice'",
               "lägg till 'basis: process-indicator', 'children-views' eller 'free-choice'"});
    } else if (g.basis.ok() && g.basis.value == GoalBasis::process_indicator && !g.indicator.present) {
        f.add("goal-indicator", g.basis.key,
              {fmt::format("goal {} rests on a process indicator but does not name it", id),
               fmt::format("målsättning {} bygger på en processindikator men anger inte vilken", id)},
              {"add 'indicator:' with the indicator's number, e.g. \"P2.1\"",
               "lägg till 'indicator:' med indikatorns nummer, t.ex. \"P2.1\""});
    }
    if (!g.start_level.present) {
        f.add("start-level", at,
              {fmt::format("goal {} has no start level", id), fmt::format("målsättning {} saknar startnivå", id)},
              {"add 'start_level:' 1 or 2 from the current-state mapping",
               "lägg till 'start_level:' 1 eller 2 enligt kartläggningen"});
    } else if (g.start_level.ok() && g.start_level.value > 2) {
        f.add("start-level", g.start_level.at,
              {fmt::format("goal {} starts at level {}; a goal's start level must be 1 or 2", id, g.start_level.value),
               fmt::format("målsättning {} startar på nivå {}; startnivån ska vara 1 eller 2", id, g.start_level.value)},
              {"choose goals where the municipality is at level 1 or 2 today",
               "välj målsättningar där kommunen i dag är på nivå 1 eller 2"});
    }
    if (!g.target_level.present) {
        f.add("target-level", at,
              {fmt::format("goal {} has no target level", id), fmt::format("målsättning {} saknar målnivå", id)},
              {"add 'target_level:' above the start level, at most 4",
               "lägg till 'target_level:' över startnivån, högst 4"});
    } else if (g.target_level.ok() && g.start_level.ok() && g.target_level.value <= g.start_level.value) {
        f.add("target-level", g.target_level.at,
              {fmt::format("goal {} aims at level {} but starts at level {}; the target must be higher", id,
                           g.target_level.value, g.start_level.value),
               fmt::format("målsättning {} siktar på nivå {} men startar på nivå {}; målnivån ska vara högre", id,
                           g.target_level.value, g.start_level.value)},
              {"raise 'target_level' (at most 4)", "höj 'target_level' (högst 4)"});
    }
    if (g.actions.empty()) {
        f.add("goal-has-action", at,
              {fmt::format("goal {} has no action", id), fmt::format("målsättning {} saknar åtgärder", id)},
              {"add 'actions:' with what is done, by whom, when and how",
               "lägg till 'actions:' med vad som görs, av vem, när och hur"});
    }
    if (g.meters.empty()) {
        f.add("goal-has-meter", at,
              {fmt::format("goal {} has no meter", id), fmt::format("målsättning {} saknar mätare", id)},
              {"add at least one concrete, time-bound meter under 'meters:'",
               "lägg till minst en konkret och tidsbunden mätare under 'meters:'"});
    }
    const bool every_action_says = !g.actions.empty() && std::all_of(g.actions.begin(), g.actions.end(), [](const Action& a) {
        return a.children_views.present;
    });
    if (!g.children_views.present && !every_action_says) {
        f.add("children-views", at,
              {fmt::format("goal {} does not say how children's views were taken into account", id),
               fmt::format("målsättning {} säger inte hur barnens åsikter har beaktats", id)},
              {"add 'children_views:' to the goal (or to each of its actions)",
               "lägg till 'children_views:' i målsättningen (eller i var och en av dess åtgärder)"});
    }
}

void check_action(Findings& f, const Action& a)
{
    const std::string id = id_of(a.id);
    const Position at = a.id.present ? a.id.key : a.position;
    struct Part {
        bool present;
        std::string_view key;
        Text what;
    };
    const Part parts[] = {
        {a.what.present, "what", {"what is done", "vad som görs"}},
        {a.who.present, "who", {"who does it", "vem som gör det"}},
        {a.due.present, "due", {"when it is to be done", "när den ska vara klar"}},
        {a.how.present, "how", {"how it proceeds", "hur den går framåt"}},
    };
    for (const Part& part : parts) {
        if (!part.present) {
            f.add("action-incomplete", at,
                  {fmt::format("action {} does not say {}", id, part.what.en),
                   fmt::format("åtgärd {} säger inte {}", id, part.what.sv)},
                  {fmt::format("add '{}:'", part.key), fmt::format("lägg till '{}:'", part.key)});
        }
    }
    const bool dropped = a.status.ok() && a.status.value == ActionStatus::dropped;
    const bool written_wrongly = a.recurring.present && !a.recurring.valid; // the loader said so
    if (!dropped && !written_wrongly && !(a.recurring.ok() && a.recurring.value)) {
        f.add("one-off-action", a.recurring.present ? a.recurring.at : at,
              {fmt::format("action {} is not marked recurring; the model wants continuous or recurring actions", id),
               fmt::format("åtgärd {} är inte markerad som återkommande; modellen vill ha fortlöpande eller återkommande åtgärder",
                           id)},
              a.recurring.present
                  ? Text{"a one-off event (a single training) does not change practice; make it continuous or recurring, "
                         "then write 'recurring: true'",
                         "en engångsinsats (en enstaka utbildning) ändrar inte arbetssättet; gör den fortlöpande eller "
                         "återkommande och skriv sedan 'recurring: true'"}
                  : Text{"a one-off event (a single training) does not change practice; make it recurring and add "
                         "'recurring: true'",
                         "en engångsinsats (en enstaka utbildning) ändrar inte arbetssättet; gör den återkommande och "
                         "lägg till 'recurring: true'"});
    }
    const Plan& plan = f.plan();
    for (const Located<Date>* d : {&a.start, &a.due}) {
        if (d->ok() && !in_period(plan, d->value)) {
            f.add("date-outside-period", d->at,
                  {fmt::format("action {}: {} is outside the plan period{}", id, d->value.iso(), period_text(plan)),
                   fmt::format("åtgärd {}: {} ligger utanför planperioden{}", id, d->value.iso(), period_text(plan))},
                  {"move the date inside the period, or the action to the next plan",
                   "flytta datumet in i perioden, eller åtgärden till nästa plan"});
        }
    }
}

void check_meter(Findings& f, const Meter& m)
{
    const std::string id = id_of(m.id);
    const Position at = m.id.present ? m.id.key : m.position;
    if (!m.what.present) {
        f.add("meter-concrete", at,
              {fmt::format("meter {} does not say what is measured", id), fmt::format("mätare {} säger inte vad som mäts", id)},
              {"add 'what:'", "lägg till 'what:'"});
    }
    if (!m.target.present) {
        f.add("meter-concrete", at,
              {fmt::format("meter {} has no target value", id), fmt::format("mätare {} saknar målvärde", id)},
              {"add 'target:' with the value to reach (true for yes-no meters, a level for level meters)",
               "lägg till 'target:' med värdet som ska nås (true för ja/nej-mätare, en nivå för nivåmätare)"});
    }
    const Plan& plan = f.plan();
    if (!m.due.present) {
        f.add("meter-time-bound", at,
              {fmt::format("meter {} has no due date", id), fmt::format("mätare {} saknar klardatum", id)},
              {fmt::format("add 'due: YYYY-MM-DD' inside the plan period{}", period_text(plan)),
               fmt::format("lägg till 'due: ÅÅÅÅ-MM-DD' inom planperioden{}", period_text(plan))});
    } else if (m.due.ok() && !in_period(plan, m.due.value)) {
        f.add("meter-time-bound", m.due.at,
              {fmt::format("meter {} is due {}, outside the plan period{}", id, m.due.value.iso(), period_text(plan)),
               fmt::format("mätare {} ska nås {}, utanför planperioden{}", id, m.due.value.iso(), period_text(plan))},
              {"a meter must be reached within the plan's own period", "en mätare ska nås inom planens egen period"});
    }
}

void check_welfare(Findings& f)
{
    const Plan& plan = f.plan();
    if (plan.has_welfare_commitment && plan.welfare_commitment.by.present) {
        return;
    }
    for (const Goal& g : plan.goals) {
        if (g.welfare_area.ok() && g.welfare_area.value) {
            f.add("welfare-commitment", g.welfare_area.key,
                  {fmt::format("goal {} rests on the wellbeing services county's responsibility, but the plan records "
                               "no commitment from the county",
                               id_of(g.id)),
                   fmt::format("målsättning {} vilar på välfärdsområdets ansvar, men planen anger inget åtagande från "
                               "välfärdsområdet",
                               id_of(g.id))},
                  {"add 'welfare_commitment: { by: …, date: …, ref: … }', or choose a goal the municipality can influence",
                   "lägg till 'welfare_commitment: { by: …, date: …, ref: … }', eller välj en målsättning som kommunen själv kan påverka"});
        }
    }
}

/// Owner names compared without case and spaces. Latin-1 capitals (Å, Ä, Ö,
/// É…) are two bytes, C3 80–9E, and fold by setting bit 5 of the second.
std::string normalized_owner(const std::string& who)
{
    std::string out;
    for (std::size_t i = 0; i < who.size(); ++i) {
        const auto c = static_cast<unsigned char>(who[i]);
        if (c == ' ' || c == '\t' || c == '\n') {
            continue;
        }
        if (c == 0xC3U && i + 1 < who.size()) {
            const auto next = static_cast<unsigned char>(who[i + 1]);
            out += who[i];
            out += static_cast<char>(next >= 0x80U && next <= 0x9EU && next != 0x97U ? next | 0x20U : next);
            ++i;
            continue;
        }
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

void check_single_owner(Findings& f)
{
    const Plan& plan = f.plan();
    std::map<std::string, std::pair<int, std::string>> owners;
    int total = 0;
    for (const Goal& g : plan.goals) {
        for (const Action& a : g.actions) {
            if (!a.who.ok()) {
                continue;
            }
            ++total;
            auto& entry = owners[normalized_owner(a.who.value)];
            ++entry.first;
            if (entry.second.empty()) {
                entry.second = a.who.value;
            }
        }
    }
    // With few actions a majority says little; from four on it is a pattern.
    if (total < 4) {
        return;
    }
    for (const auto& [key, entry] : owners) {
        if (entry.first * 2 > total) {
            f.add("single-owner", plan.goals_key.known() ? plan.goals_key : plan_anchor(plan),
                  {fmt::format("{} of {} actions rest on '{}'; the work must not depend on one person or sector",
                               entry.first, total, entry.second),
                   fmt::format("{} av {} åtgärder vilar på '{}'; arbetet får inte vara beroende av en person eller en sektor",
                               entry.first, total, entry.second)},
                  {"share the actions among more units of the municipality",
                   "fördela åtgärderna på fler av kommunens verksamheter"});
        }
    }
}

void check_approval_order(Findings& f)
{
    const auto& history = f.plan().history;
    const HistoryEntry* approved = nullptr;
    for (const HistoryEntry& h : history) {
        if (h.stage.ok() && h.stage.value == "unicef-approved" && approved == nullptr) {
            approved = &h;
        }
        if (h.stage.ok() && h.stage.value == "adopted") {
            if (approved == nullptr || (h.date.ok() && approved->date.ok() && h.date.value < approved->date.value)) {
                f.add("history-order", h.stage.at,
                      {"the municipal decision comes before UNICEF's approval; UNICEF approves the plan first",
                       "kommunens beslut kommer före UNICEFs godkännande; UNICEF godkänner planen först"},
                      {"record UNICEF's approval ('stage: unicef-approved') before the decision",
                       "för in UNICEFs godkännande ('stage: unicef-approved') före beslutet"});
            }
            return;
        }
    }
}

} // namespace

void check_unicef(Findings& findings, const RuleContext& /*context*/)
{
    check_texts(findings);
    check_period_length(findings);
    check_goal_mix(findings);
    for (const Goal& g : findings.plan().goals) {
        check_goal(findings, g);
        for (const Action& a : g.actions) {
            check_action(findings, a);
        }
        for (const Meter& m : g.meters) {
            check_meter(findings, m);
        }
    }
    check_welfare(findings);
    check_single_owner(findings);
    check_approval_order(findings);
}

} // namespace barnplan::rules
