// Computes the state of a plan for `barnplan report`: progress, statuses,
// coverage and what comes up next. Every output format renders this one model.

#include <barnplan/escape.hpp>
#include <barnplan/evaluation.hpp>
#include <barnplan/report.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <tuple>

namespace barnplan {

std::string_view to_string(Status status)
{
    switch (status) {
    case Status::on_track:
        return "on-track";
    case Status::at_risk:
        return "at-risk";
    case Status::late:
        return "late";
    case Status::achieved:
        return "achieved";
    case Status::cannot_assess:
        return "cannot-assess";
    }
    return "?";
}

Text status_label(Status status)
{
    switch (status) {
    case Status::on_track:
        return {"on track", "enligt plan"};
    case Status::at_risk:
        return {"at risk", "i riskzonen"};
    case Status::late:
        return {"late", "försenad"};
    case Status::achieved:
        return {"achieved", "uppnådd"};
    case Status::cannot_assess:
        return {"cannot assess", "kan inte bedömas"};
    }
    return {"?", "?"};
}

std::optional<double> meter_progress(MeterKind kind, const std::optional<MeterValue>& baseline,
                                     const std::optional<MeterValue>& target, const std::optional<MeterValue>& latest)
{
    if (!latest || !target) {
        return std::nullopt;
    }
    if (kind == MeterKind::yes_no || latest->is_boolean) {
        return latest->number == target->number ? 1.0 : 0.0;
    }
    if (!baseline) {
        return std::nullopt;
    }
    const double span = target->number - baseline->number;
    if (span == 0.0) {
        // Nothing to gain: the aim is to hold the value.
        return latest->number == target->number ? 1.0 : 0.0;
    }
    const double p = (latest->number - baseline->number) / span;
    return std::clamp(p, 0.0, 1.0);
}

namespace {

template <typename T>
std::optional<T> value_of(const Located<T>& v)
{
    return v.ok() ? std::optional<T>(v.value) : std::nullopt;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

void newest(std::optional<Date>& into, const Located<Date>& date, const Date& as_of)
{
    // Dates after the report date are plans, not updates.
    if (date.ok() && date.value <= as_of && (!into || *into < date.value)) {
        into = date.value;
    }
}

MeterLine meter_line(const Meter& m, const Plan& plan, const ReportOptions& options)
{
    MeterLine line;
    line.id = m.id.value;
    line.what = single_line(m.what.value);
    line.unit = single_line(m.unit.value);
    line.kind = m.kind.valid ? m.kind.value : MeterKind::number;
    line.baseline = value_of(m.baseline);
    line.target = value_of(m.target);
    line.due = value_of(m.due);
    for (const Measurement& x : m.measurements) {
        if (!x.date.ok() || !x.value.ok() || options.as_of < x.date.value) {
            continue;
        }
        ++line.measurements;
        if (!line.latest_date || !(x.date.value < *line.latest_date)) {
            line.latest_date = x.date.value;
            line.latest = x.value.value;
        }
    }
    line.progress = meter_progress(line.kind, line.baseline, line.target, line.latest);
    const bool past_due = line.due && *line.due < options.as_of;
    if (!line.latest) {
        // Past due with nothing to show is late: the date decides, not the gap.
        line.status = past_due ? Status::late : Status::cannot_assess;
        line.reason = past_due ? Text{"past its due date with no value recorded", "klardatumet har passerat utan registrerat värde"}
                               : Text{"no value recorded yet", "inget värde registrerat ännu"};
        return line;
    }
    if (!line.progress) {
        line.status = Status::cannot_assess;
        line.reason = {"no baseline or target to measure against", "inget utgångs- eller målvärde att jämföra med"};
        return line;
    }
    if (*line.progress >= 1.0) {
        line.status = Status::achieved;
        return line;
    }
    const long age = options.as_of.days() - line.latest_date->days();
    if (age > options.stale_days && !past_due) {
        line.status = Status::cannot_assess;
        line.reason = {"the last value is " + std::to_string(age) + " days old",
                       "senaste värdet är " + std::to_string(age) + " dagar gammalt"};
        return line;
    }
    if (past_due) {
        line.status = Status::late;
        line.reason = {"past its due date and not reached", "klardatumet har passerat och målet är inte nått"};
        return line;
    }
    // Compare with a straight line from the period's start to the due date.
    if (line.due && plan.period_start.ok() && plan.period_start.value < *line.due) {
        const double span = static_cast<double>(line.due->days() - plan.period_start.value.days());
        const double gone = static_cast<double>(options.as_of.days() - plan.period_start.value.days());
        const double expected = std::clamp(gone / span, 0.0, 1.0);
        if (*line.progress < expected - options.risk_margin) {
            line.status = Status::at_risk;
            line.reason = {"behind the pace the due date needs", "efter den takt som klardatumet kräver"};
            return line;
        }
    }
    line.status = Status::on_track;
    return line;
}

ActionLine action_line(const Action& a, const ReportOptions& options)
{
    ActionLine line;
    line.id = a.id.value;
    line.what = single_line(a.what.value);
    line.who = single_line(a.who.value);
    line.start = value_of(a.start);
    line.due = value_of(a.due);
    line.declared = value_of(a.status);
    const bool closed = line.declared && (*line.declared == ActionStatus::done || *line.declared == ActionStatus::dropped);
    // Status follows the dates: past due and not done is late, whatever was typed.
    line.late = !closed && line.due && *line.due < options.as_of;
    for (const ActionUpdate& u : a.updates) {
        newest(line.last_update, u.date, options.as_of);
    }
    if (line.last_update) {
        line.days_since_update = options.as_of.days() - line.last_update->days();
    }
    return line;
}

Status goal_status(const GoalSection& goal)
{
    if (goal.start_level && goal.current_level && goal.target_level && *goal.current_level >= *goal.target_level) {
        return Status::achieved;
    }
    if (!goal.meters.empty() && std::all_of(goal.meters.begin(), goal.meters.end(), [](const MeterLine& m) {
            return m.status == Status::achieved;
        })) {
        return Status::achieved;
    }
    auto any = [&](Status s) {
        return std::any_of(goal.meters.begin(), goal.meters.end(), [&](const MeterLine& m) { return m.status == s; });
    };
    if (any(Status::late)) {
        return Status::late;
    }
    const bool assessable = std::any_of(goal.meters.begin(), goal.meters.end(), [](const MeterLine& m) {
        return m.status != Status::cannot_assess;
    });
    if (!assessable && !goal.current_level) {
        return Status::cannot_assess;
    }
    const bool actions_late =
        std::any_of(goal.actions.begin(), goal.actions.end(), [](const ActionLine& a) { return a.late; });
    if (any(Status::at_risk) || actions_late) {
        return Status::at_risk;
    }
    if (!assessable) {
        // Only a level assessment: it shows movement, not pace.
        return goal.current_level && goal.start_level && *goal.current_level > *goal.start_level ? Status::on_track
                                                                                                  : Status::cannot_assess;
    }
    return Status::on_track;
}

} // namespace

static PartnershipSection build_partnership(const Plan& plan)
{
    PartnershipSection out;
    out.idea = single_line(plan.idea.value);
    for (const auto& s : plan.strategies) {
        out.strategies.push_back(single_line(s.value));
    }
    for (const Goal& g : plan.goals) {
        PartnershipGoal goal{g.id.value, single_line(g.title.value), {}};
        for (const auto& w : g.ways) {
            goal.ways.push_back(single_line(w.value));
        }
        out.goals.push_back(std::move(goal));
    }
    for (const Member& m : plan.members) {
        out.members.push_back({m.id.value, single_line(m.municipality.value), single_line(m.politician.value),
                               single_line(m.official.value)});
    }
    auto host_name = [&](const Located<std::string>& host) -> std::string {
        if (!host.ok()) {
            return {};
        }
        for (const Member& m : plan.members) {
            if (m.id.ok() && m.id.value == host.value && m.municipality.ok()) {
                return single_line(m.municipality.value);
            }
        }
        return single_line(host.value);
    };
    for (const Meeting& m : plan.meetings) {
        if (!m.date.ok() || !m.kind.ok()) {
            continue;
        }
        out.meetings.push_back({m.date.value, m.kind.value, host_name(m.host), single_line(m.note.value), {}});
    }
    std::stable_sort(out.meetings.begin(), out.meetings.end(),
                     [](const TimelineMeeting& a, const TimelineMeeting& b) { return a.date < b.date; });
    std::vector<std::size_t> joint;
    for (std::size_t i = 0; i < out.meetings.size(); ++i) {
        if (out.meetings[i].kind == "joint") {
            joint.push_back(i);
        }
    }
    for (std::size_t j = 0; j < joint.size(); ++j) {
        TimelineMeeting& m = out.meetings[joint[j]];
        m.trio = {j > 0 ? out.meetings[joint[j - 1]].host : std::string(), m.host,
                  j + 1 < joint.size() ? out.meetings[joint[j + 1]].host : std::string()};
    }
    if (plan.period_start.ok() && plan.period_end.ok() && plan.period_start.value <= plan.period_end.value) {
        out.first_year = plan.period_start.value.year();
        out.last_year = plan.period_end.value.year();
    } else if (!out.meetings.empty()) {
        out.first_year = out.meetings.front().date.year();
        out.last_year = out.meetings.back().date.year();
    }
    // A grid of a century would help nobody; past ten years only the meetings'
    // years, and never more than eleven rows (a mistyped year such as 9445
    // would otherwise draw thousands); the meeting list still has them all.
    constexpr int k_max_span = 10;
    if (out.last_year - out.first_year > k_max_span && !out.meetings.empty()) {
        out.first_year = std::max(out.first_year, out.meetings.front().date.year());
        out.last_year = std::min(out.last_year, out.meetings.back().date.year());
    }
    out.last_year = std::min(out.last_year, out.first_year + k_max_span);
    return out;
}

static BarnrattsresanSection build_barnrattsresan(const Plan& plan, const ReportOptions& options, PlanReport& report)
{
    BarnrattsresanSection out;
    out.ambition = single_line(plan.ambition.value);
    out.implementation_start = value_of(plan.implementation_start);
    out.implementation_end = value_of(plan.implementation_end);
    out.review_answers = (plan.review.realistic.present ? 1 : 0) + (plan.review.reaches_goals.present ? 1 : 0) +
                         (plan.review.rights_fulfilled.present ? 1 : 0);
    const std::string wanted = lower(options.department);
    for (const Department& d : plan.departments) {
        if (!wanted.empty() && lower(single_line(d.name.value)) != wanted) {
            continue;
        }
        DepartmentLine line{single_line(d.name.value), d.file, {}};
        for (const Activity& a : d.activities) {
            ActivityLine al;
            al.id = a.id.value;
            al.area = a.area.value;
            al.what = single_line(a.what.value);
            al.who = single_line(a.who.value);
            al.start = value_of(a.start);
            al.due = value_of(a.due);
            al.resources = single_line(a.resources.value);
            al.indicators = single_line(a.indicators.value);
            al.result = single_line(a.result.value);
            al.declared = value_of(a.status);
            const bool closed =
                al.declared && (*al.declared == ActionStatus::done || *al.declared == ActionStatus::dropped);
            al.late = al.due && *al.due < options.as_of && !closed;
            // Activities are the plan's actions: counted and listed as due like them.
            ++report.actions_total;
            report.actions_done += al.declared == ActionStatus::done ? 1U : 0U;
            report.actions_late += al.late ? 1U : 0U;
            if (al.due && options.as_of <= *al.due && !closed) {
                report.upcoming.push_back({*al.due, al.id, al.what, {"activity due", "aktivitet ska vara klar"}});
            }
            if (!options.late_only || al.late) {
                line.activities.push_back(std::move(al));
            }
        }
        out.departments.push_back(std::move(line));
    }
    for (const PriorityArea& a : plan.areas) {
        AreaLine area;
        area.id = a.id.value;
        area.title = single_line(a.title.value);
        area.goal = single_line(a.goal.value);
        for (const DepartmentLine& d : out.departments) {
            for (const ActivityLine& act : d.activities) {
                if (act.area == area.id) {
                    ++area.activities;
                    area.done += act.declared == ActionStatus::done ? 1U : 0U;
                    area.late += act.late ? 1U : 0U;
                }
            }
        }
        area.outcome = single_line(a.follow_up.outcome.value);
        area.effects = single_line(a.follow_up.effects.value);
        area.goal_reached = value_of(a.follow_up.goal_reached);
        area.more_measures = value_of(a.follow_up.more_measures);
        out.areas.push_back(std::move(area));
    }
    return out;
}

static EvaluationSection build_evaluation(const Plan& plan, const ReportOptions& options, PlanReport& report)
{
    EvaluationSection out;
    out.meeting = value_of(plan.evaluation.meeting);
    for (const EvaluationStep& s : evaluation_steps(plan)) {
        EvaluationLine line{std::string(s.key), s.what, s.deadline, value_of(*s.done), "open"};
        if (line.done) {
            line.state = s.deadline < *line.done ? "done-late" : "done";
        } else if (s.deadline < options.as_of) {
            line.state = "missed";
        } else {
            if (s.deadline.days() - options.as_of.days() <= options.soon_days) {
                line.state = "due-soon";
            }
            report.upcoming.push_back({s.deadline, line.key, localized(s.what, report.language),
                                       {"evaluation deadline", "utvärderingen, sista dag"}});
        }
        out.steps.push_back(std::move(line));
    }
    // The criteria UNICEF weighs (seed 002), over the whole plan.
    std::size_t actions = 0;
    std::size_t done = 0;
    std::size_t goals = 0;
    std::size_t raised = 0;
    for (const Goal& g : plan.goals) {
        for (const Action& a : g.actions) {
            if (a.status.ok() && a.status.value == ActionStatus::dropped) {
                continue;
            }
            ++actions;
            done += a.status.ok() && a.status.value == ActionStatus::done ? 1U : 0U;
        }
        if (g.start_level.ok()) {
            ++goals;
            raised += g.current_level.ok() && g.current_level.value > g.start_level.value ? 1U : 0U;
        }
    }
    const bool children = std::any_of(plan.meetings.begin(), plan.meetings.end(), [&](const Meeting& m) {
        return m.kind.ok() && m.kind.value == "children" && m.date.ok() &&
               (!plan.period_start.ok() || plan.period_start.value <= m.date.value);
    });
    out.readiness.push_back({"actions_done", {"actions carried out", "åtgärderna genomförda"}, actions > 0 && done == actions,
                             done, actions});
    out.readiness.push_back({"levels_raised", {"indicator levels raised from the start", "indikatornivåerna höjda från start"},
                             goals > 0 && raised == goals, raised, goals});
    out.readiness.push_back({"meters_recent", {"meters with a recent value", "mätare med ett aktuellt värde"},
                             report.meters_total > 0 && report.meters_current == report.meters_total,
                             report.meters_current, report.meters_total});
    out.readiness.push_back({"children_evaluated",
                             {"children's evaluation recorded (a 'children' meeting)", "barnens utvärdering registrerad (ett möte 'children')"},
                             children, children ? 1U : 0U, 0});
    return out;
}

PlanReport build_report(const Plan& plan, const ReportOptions& options)
{
    PlanReport report;
    report.file = plan.file;
    report.municipality = single_line(plan.municipality.value);
    report.model = value_of(plan.model);
    report.language = plan.language.ok() ? plan.language.value : Language::sv;
    report.period_start = value_of(plan.period_start);
    report.period_end = value_of(plan.period_end);
    report.stage = plan.stage.value;
    report.as_of = options.as_of;
    report.horizon_days = options.horizon_days;
    report.soon_days = options.soon_days;
    if (report.period_start && report.period_end && *report.period_start < *report.period_end) {
        const double span = static_cast<double>(report.period_end->days() - report.period_start->days() + 1);
        const double gone = static_cast<double>(options.as_of.days() - report.period_start->days());
        report.elapsed = std::clamp(gone / span, 0.0, 1.0);
    }
    const std::string owner = lower(options.owner);
    for (const Goal& g : plan.goals) {
        GoalSection goal;
        goal.id = g.id.value;
        goal.title = single_line(g.title.value);
        goal.indicator = single_line(g.indicator.value);
        goal.basis = value_of(g.basis);
        goal.start_level = value_of(g.start_level);
        goal.current_level = value_of(g.current_level);
        goal.target_level = value_of(g.target_level);
        if (goal.start_level && goal.current_level && goal.target_level && *goal.target_level > *goal.start_level) {
            goal.progress = std::clamp(static_cast<double>(*goal.current_level - *goal.start_level) /
                                           static_cast<double>(*goal.target_level - *goal.start_level),
                                       0.0, 1.0);
        }
        for (const LevelEntry& e : g.levels) {
            newest(report.last_update, e.date, options.as_of);
        }
        for (const Meter& m : g.meters) {
            MeterLine line = meter_line(m, plan, options);
            ++report.meters_total;
            report.meters_late += line.status == Status::late ? 1U : 0U;
            report.meters_with_values += line.measurements > 0 ? 1U : 0U;
            if (line.latest_date && options.as_of.days() - line.latest_date->days() <= options.stale_days) {
                ++report.meters_current;
            }
            if (line.latest_date && (!report.last_update || *report.last_update < *line.latest_date)) {
                report.last_update = line.latest_date;
            }
            if (line.due && options.as_of <= *line.due && line.status != Status::achieved) {
                report.upcoming.push_back({*line.due, line.id, line.what, {"meter due", "mätare ska vara nådd"}});
            }
            goal.meters.push_back(std::move(line));
        }
        for (const Action& a : g.actions) {
            ActionLine line = action_line(a, options);
            ++report.actions_total;
            report.actions_late += line.late ? 1U : 0U;
            report.actions_done += line.declared == ActionStatus::done ? 1U : 0U;
            if (line.last_update && (!report.last_update || *report.last_update < *line.last_update)) {
                report.last_update = line.last_update;
            }
            const bool closed =
                line.declared && (*line.declared == ActionStatus::done || *line.declared == ActionStatus::dropped);
            if (line.due && options.as_of <= *line.due && !closed) {
                report.upcoming.push_back({*line.due, line.id, line.what, {"action due", "åtgärd ska vara klar"}});
            }
            goal.actions.push_back(std::move(line));
        }
        goal.status = goal_status(goal);
        ++report.goals_total;
        report.goals_achieved += goal.status == Status::achieved ? 1U : 0U;
        report.goals_cannot_assess += goal.status == Status::cannot_assess ? 1U : 0U;

        // Filters narrow what is listed; the totals above stay the whole plan's.
        if (!options.goal.empty() && goal.id != options.goal) {
            continue;
        }
        if (!owner.empty()) {
            std::erase_if(goal.actions, [&](const ActionLine& a) { return lower(a.who).find(owner) == std::string::npos; });
            goal.meters.clear();
            if (goal.actions.empty()) {
                continue;
            }
        }
        if (options.late_only) {
            std::erase_if(goal.meters, [](const MeterLine& m) {
                return m.status != Status::late && m.status != Status::at_risk;
            });
            std::erase_if(goal.actions, [](const ActionLine& a) { return !a.late; });
            if (goal.meters.empty() && goal.actions.empty() && goal.status != Status::late &&
                goal.status != Status::at_risk) {
                continue;
            }
        }
        report.goals.push_back(std::move(goal));
    }
    for (const Meeting& m : plan.meetings) {
        newest(report.last_update, m.date, options.as_of);
    }
    for (const HistoryEntry& h : plan.history) {
        newest(report.last_update, h.date, options.as_of);
    }
    if (plan.model.ok() && plan.model.value == Model::partnership) {
        report.partnership = build_partnership(plan);
    }
    if (plan.model.ok() && plan.model.value == Model::barnrattsresan) {
        report.barnrattsresan = build_barnrattsresan(plan, options, report);
    }
    if (plan.model.ok() && plan.model.value == Model::unicef_bvk && plan.has_evaluation) {
        report.evaluation = build_evaluation(plan, options, report);
    }
    if (report.last_update) {
        report.days_since_update = options.as_of.days() - report.last_update->days();
    }
    std::sort(report.upcoming.begin(), report.upcoming.end(),
              [](const Upcoming& a, const Upcoming& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); });
    if (!report.upcoming.empty()) {
        report.next_deadline = report.upcoming.front().date;
    }
    const Date horizon = options.as_of.add_days(options.horizon_days);
    std::erase_if(report.upcoming, [&](const Upcoming& u) { return horizon < u.date; });
    const Date soon = options.as_of.add_days(options.soon_days);
    report.due_soon = static_cast<std::size_t>(
        std::count_if(report.upcoming.begin(), report.upcoming.end(), [&](const Upcoming& u) { return !(soon < u.date); }));
    return report;
}

} // namespace barnplan
