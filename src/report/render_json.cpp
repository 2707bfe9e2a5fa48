#include "models.hpp"
#include <barnplan/report_render.hpp>

#include <nlohmann/json.hpp>

namespace barnplan {
namespace {

using nlohmann::ordered_json;

template <typename T, typename F>
ordered_json or_null(const std::optional<T>& v, F convert)
{
    return v ? ordered_json(convert(*v)) : ordered_json(nullptr);
}

ordered_json date_or_null(const std::optional<Date>& d)
{
    return or_null(d, [](const Date& x) { return x.iso(); });
}

ordered_json value_json(const MeterValue& v)
{
    return v.is_boolean ? ordered_json(v.number != 0.0) : ordered_json(v.number);
}

ordered_json value_or_null(const std::optional<MeterValue>& v)
{
    return v ? value_json(*v) : ordered_json(nullptr);
}

ordered_json meter_json(const MeterLine& m, Language lang)
{
    ordered_json j;
    j["id"] = m.id;
    j["what"] = m.what;
    j["kind"] = to_string(m.kind);
    j["unit"] = m.unit;
    j["baseline"] = value_or_null(m.baseline);
    j["target"] = value_or_null(m.target);
    j["due"] = date_or_null(m.due);
    j["latest"] = m.latest ? ordered_json{{"date", m.latest_date->iso()}, {"value", value_json(*m.latest)}}
                           : ordered_json(nullptr);
    j["measurements"] = m.measurements;
    j["progress"] = or_null(m.progress, [](double p) { return p; });
    j["status"] = to_string(m.status);
    j["reason"] = localized(m.reason, lang);
    return j;
}

ordered_json action_json(const ActionLine& a)
{
    ordered_json j;
    j["id"] = a.id;
    j["what"] = a.what;
    j["who"] = a.who;
    j["start"] = date_or_null(a.start);
    j["due"] = date_or_null(a.due);
    j["status"] = or_null(a.declared, [](ActionStatus s) { return std::string(to_string(s)); });
    j["late"] = a.late;
    j["last_update"] = date_or_null(a.last_update);
    j["days_since_update"] = or_null(a.days_since_update, [](long d) { return d; });
    return j;
}

ordered_json plan_json(const PlanReport& p, Language lang)
{
    ordered_json j;
    j["file"] = p.file;
    j["municipality"] = p.municipality;
    j["model"] = or_null(p.model, [](Model m) { return std::string(to_string(m)); });
    j["period"] = {{"start", date_or_null(p.period_start)}, {"end", date_or_null(p.period_end)}};
    j["stage"] = p.stage;
    j["elapsed"] = or_null(p.elapsed, [](double e) { return e; });
    j["last_update"] = date_or_null(p.last_update);
    j["days_since_update"] = or_null(p.days_since_update, [](long d) { return d; });
    j["coverage"] = {{"meters", p.meters_total},
                     {"meters_with_values", p.meters_with_values},
                     {"meters_current", p.meters_current}};
    j["actions"] = {{"total", p.actions_total}, {"done", p.actions_done}, {"late", p.actions_late}};
    j["meters_late"] = p.meters_late;
    j["goal_counts"] = {{"total", p.goals_total},
                        {"listed", p.goals.size()},
                        {"achieved", p.goals_achieved},
                        {"cannot_assess", p.goals_cannot_assess}};
    j["next_deadline"] = date_or_null(p.next_deadline);
    j["due"] = {{"within_days", p.soon_days},
                {"count", p.due_soon},
                {"horizon_days", p.horizon_days},
                {"horizon_count", p.upcoming.size()}};
    ordered_json upcoming = ordered_json::array();
    for (const Upcoming& u : p.upcoming) {
        upcoming.push_back({{"date", u.date.iso()}, {"id", u.id}, {"what", u.what}, {"kind", u.kind.en}});
    }
    j["upcoming"] = std::move(upcoming);
    ordered_json goals = ordered_json::array();
    for (const GoalSection& g : p.goals) {
        ordered_json goal;
        goal["id"] = g.id;
        goal["title"] = g.title;
        goal["basis"] = or_null(g.basis, [](GoalBasis b) { return std::string(to_string(b)); });
        goal["start_level"] = or_null(g.start_level, [](int l) { return l; });
        goal["current_level"] = or_null(g.current_level, [](int l) { return l; });
        goal["target_level"] = or_null(g.target_level, [](int l) { return l; });
        goal["progress"] = or_null(g.progress, [](double x) { return x; });
        goal["status"] = to_string(g.status);
        ordered_json meters = ordered_json::array();
        for (const MeterLine& m : g.meters) {
            meters.push_back(meter_json(m, lang));
        }
        goal["meters"] = std::move(meters);
        ordered_json actions = ordered_json::array();
        for (const ActionLine& a : g.actions) {
            actions.push_back(action_json(a));
        }
        goal["actions"] = std::move(actions);
        goals.push_back(std::move(goal));
    }
    j["goals"] = std::move(goals);
    report_models::json(p, j);
    return j;
}

} // namespace

std::string render_report_json(const std::vector<PlanReport>& plans, const RenderOptions& options)
{
    ordered_json root;
    root["tool"] = "barnplan";
    root["version"] = options.tool_version;
    root["report_version"] = 1;
    root["as_of"] = plans.empty() ? ordered_json(nullptr) : ordered_json(plans.front().as_of.iso());
    ordered_json list = ordered_json::array();
    for (const PlanReport& p : plans) {
        list.push_back(plan_json(p, options.language));
    }
    root["plans"] = std::move(list);
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

} // namespace barnplan
