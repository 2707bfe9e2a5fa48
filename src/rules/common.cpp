// Rules that hold for every model: the period, dates in order, nothing
// recorded in the future.

#include "support.hpp"

#include <fmt/format.h>

namespace barnplan::rules {
namespace {

void check_period(Findings& f)
{
    const Plan& plan = f.plan();
    auto require = [&](const Located<Date>& date, std::string_view key, std::string_view key_sv) {
        if (date.present) {
            return;
        }
        const bool written = date.key.known();
        const Position at = written ? date.key : (plan.period.known() ? plan.period : plan_anchor(plan));
        f.add("period-required", at,
              {fmt::format("the plan's period has no {} date", key), fmt::format("planens period saknar {}datum", key_sv)},
              {written ? fmt::format("write the date after '{}:' (YYYY-MM-DD)", key)
                       : fmt::format("add '{}: YYYY-MM-DD' under 'period:'", key),
               written ? fmt::format("skriv datumet efter '{}:' (ÅÅÅÅ-MM-DD)", key)
                       : fmt::format("lägg till '{}: ÅÅÅÅ-MM-DD' under 'period:'", key)});
    };
    if (!plan.period_start.key.known() && !plan.period_end.key.known()) {
        // No period at all (or an empty one): one finding, not one per date.
        f.add("period-required", plan.period.known() ? plan.period : plan_anchor(plan),
              {"the plan has no period with a start and an end date", "planen saknar period med start- och slutdatum"},
              {"add 'period: { start: YYYY-MM-DD, end: YYYY-MM-DD }'",
               "lägg till 'period: { start: ÅÅÅÅ-MM-DD, end: ÅÅÅÅ-MM-DD }'"});
        return;
    }
    require(plan.period_start, "start", "start");
    require(plan.period_end, "end", "slut");
    if (plan.period_start.ok() && plan.period_end.ok() && plan.period_end.value < plan.period_start.value) {
        f.add("date-order", plan.period_end.at,
              {fmt::format("the period ends ({}) before it starts ({})", plan.period_end.value.iso(),
                           plan.period_start.value.iso()),
               fmt::format("perioden slutar ({}) innan den börjar ({})", plan.period_end.value.iso(),
                           plan.period_start.value.iso())},
              {"swap the dates or correct the year", "byt plats på datumen eller rätta året"});
    }
}

void check_action_dates(Findings& f)
{
    for (const Goal& g : f.plan().goals) {
        for (const Action& a : g.actions) {
            if (a.start.ok() && a.due.ok() && a.due.value < a.start.value) {
                f.add("date-order", a.due.at,
                      {fmt::format("action {} is due ({}) before it starts ({})", id_of(a.id), a.due.value.iso(),
                                   a.start.value.iso()),
                       fmt::format("åtgärd {} ska vara klar ({}) innan den börjar ({})", id_of(a.id), a.due.value.iso(),
                                   a.start.value.iso())},
                      {"correct 'start' or 'due'", "rätta 'start' eller 'due'"});
            }
        }
    }
}

void check_history_order(Findings& f)
{
    const auto& history = f.plan().history;
    for (std::size_t i = 1; i < history.size(); ++i) {
        const auto& prev = history[i - 1];
        const auto& cur = history[i];
        if (prev.date.ok() && cur.date.ok() && cur.date.value < prev.date.value) {
            f.add("history-order", cur.date.at,
                  {fmt::format("history entry dated {} comes after one dated {}", cur.date.value.iso(),
                               prev.date.value.iso()),
                   fmt::format("historikposten daterad {} står efter en daterad {}", cur.date.value.iso(),
                               prev.date.value.iso())},
                  {"keep the history in date order, oldest first", "håll historiken i datumordning, äldst först"});
        }
    }
}

void check_future(Findings& f, const RuleContext& context)
{
    auto future = [&](const Located<Date>& date, const Text& what) {
        if (!date.ok() || date.value <= context.today) {
            return;
        }
        f.add("measurement-future", date.at,
              {fmt::format("{} is dated {}, after today ({})", what.en, date.value.iso(), context.today.iso()),
               fmt::format("{} är daterad {}, efter i dag ({})", what.sv, date.value.iso(), context.today.iso())},
              {"record only what has happened; check the year", "registrera bara det som har hänt; kontrollera året"});
    };
    for (const Goal& g : f.plan().goals) {
        for (const LevelEntry& e : g.levels) {
            future(e.date, {fmt::format("a level assessment of goal {}", id_of(g.id)),
                            fmt::format("en nivåbedömning av målsättning {}", id_of(g.id))});
        }
        for (const Action& a : g.actions) {
            for (const ActionUpdate& u : a.updates) {
                future(u.date, {fmt::format("an update of action {}", id_of(a.id)),
                                fmt::format("en uppdatering av åtgärd {}", id_of(a.id))});
            }
        }
        for (const Meter& m : g.meters) {
            for (const Measurement& x : m.measurements) {
                future(x.date, {fmt::format("a measurement of meter {}", id_of(m.id)),
                                fmt::format("en mätning av mätare {}", id_of(m.id))});
            }
        }
    }
}

} // namespace

void check_common(Findings& findings, const RuleContext& context)
{
    check_period(findings);
    check_action_dates(findings);
    check_history_order(findings);
    check_future(findings, context);
}

} // namespace barnplan::rules
