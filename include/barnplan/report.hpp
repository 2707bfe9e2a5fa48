#pragma once

#include <barnplan/date.hpp>
#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>

#include <optional>
#include <string>
#include <vector>

namespace barnplan {

/// Where an item stands as of the report date. A missing value is never
/// progress: without a measurement the state is `cannot_assess`.
enum class Status { on_track, at_risk, late, achieved, cannot_assess };

[[nodiscard]] std::string_view to_string(Status status);
[[nodiscard]] Text status_label(Status status);

struct ReportOptions {
    Date as_of;
    int stale_days = 365;   ///< a measurement older than this cannot show the state
    int soon_days = 30;     ///< "due soon" window
    int horizon_days = 90;  ///< second window of the "coming up" summary
    /// Progress this far behind what the elapsed time would predict is "at risk".
    double risk_margin = 0.25;
    std::string goal;       ///< only this goal (empty: all)
    std::string owner;      ///< only actions of this owner (case-insensitive substring)
    bool late_only = false; ///< only what is late or at risk
    std::string department; ///< Barnrättsresan: only this department (case-insensitive name)
};

struct MeterLine {
    std::string id;
    std::string what;
    std::string unit;
    MeterKind kind = MeterKind::number;
    std::optional<MeterValue> baseline;
    std::optional<MeterValue> target;
    std::optional<Date> due;
    std::optional<MeterValue> latest;
    std::optional<Date> latest_date;
    std::size_t measurements = 0;
    std::optional<double> progress; ///< 0–1, absent when it cannot be computed
    Status status = Status::cannot_assess;
    Text reason; ///< why cannot_assess, at_risk or late
};

struct ActionLine {
    std::string id;
    std::string what;
    std::string who;
    std::optional<Date> start;
    std::optional<Date> due;
    std::optional<ActionStatus> declared; ///< as written in the plan
    bool late = false;                    ///< past due and neither done nor dropped
    std::optional<Date> last_update;
    std::optional<long> days_since_update;
};

struct GoalSection {
    std::string id;
    std::string title;
    std::optional<GoalBasis> basis;
    std::string indicator;
    std::optional<int> start_level;
    std::optional<int> current_level;
    std::optional<int> target_level;
    std::optional<double> progress; ///< by level: (current − start) / (target − start)
    Status status = Status::cannot_assess;
    std::vector<MeterLine> meters;
    std::vector<ActionLine> actions;
};

struct Upcoming {
    Date date;
    std::string id;
    std::string what;
    Text kind; ///< "action due", "meter due"
};

/// partnership: a meeting on the timeline.
struct TimelineMeeting {
    Date date;
    std::string kind;
    std::string host; ///< the host's municipality, else its id; may be empty
    std::string note;
    /// Joint meetings: the hosts of the previous, this and the next joint
    /// meeting, who coordinate the work meanwhile ("" where there is none).
    std::vector<std::string> trio;
};

struct MemberLine {
    std::string id;
    std::string municipality;
    std::string politician;
    std::string official;
};

struct PartnershipGoal {
    std::string id;
    std::string title;
    std::vector<std::string> ways;
};

struct PartnershipSection {
    std::string idea;
    std::vector<std::string> strategies;
    std::vector<PartnershipGoal> goals;
    std::vector<MemberLine> members;
    std::vector<TimelineMeeting> meetings; ///< date order
    int first_year = 0;                    ///< the grid's rows: the period's years
    int last_year = 0;
};

/// Barnrättsresan: one department's activity.
struct ActivityLine {
    std::string id;
    std::string area;
    std::string what;
    std::string who;
    std::optional<Date> start;
    std::optional<Date> due;
    std::string resources;
    std::string indicators;
    std::string result;
    std::optional<ActionStatus> declared;
    bool late = false; ///< past due and neither done nor dropped
};

/// Barnrättsresan: a priority area with what the departments do for it.
struct AreaLine {
    std::string id;
    std::string title;
    std::string goal;
    std::size_t activities = 0; ///< of the departments shown
    std::size_t done = 0;
    std::size_t late = 0;
    std::string outcome;        ///< follow-up, empty until written
    std::string effects;
    std::optional<bool> goal_reached;
    std::optional<bool> more_measures;
};

struct DepartmentLine {
    std::string name;
    std::string file;
    std::vector<ActivityLine> activities;
};

struct BarnrattsresanSection {
    std::string ambition;
    std::vector<AreaLine> areas;
    std::vector<DepartmentLine> departments; ///< those shown (--department narrows)
    std::optional<Date> implementation_start;
    std::optional<Date> implementation_end;
    int review_answers = 0; ///< of the joint review's three questions
};

/// UNICEF's evaluation: one preparation deadline and where it stands.
struct EvaluationLine {
    std::string key; ///< booked, form_started, form_approved, form_stored
    Text what;
    Date deadline;
    std::optional<Date> done;
    /// "done", "done-late", "missed", "due-soon" (within 30 days) or "open".
    std::string state;
};

/// One criterion UNICEF weighs for recognition, as a checklist line.
struct ReadinessItem {
    std::string key; ///< actions_done, levels_raised, meters_recent, children_evaluated
    Text what;
    bool met = false;
    std::size_t count = 0; ///< how many meet it…
    std::size_t of = 0;    ///< …of how many (0 when not counted)
};

struct EvaluationSection {
    std::optional<Date> meeting;
    std::vector<EvaluationLine> steps;
    std::vector<ReadinessItem> readiness;
};

/// Everything a meeting needs to see of one plan, computed once for every format.
struct PlanReport {
    std::string file;
    std::string municipality;
    std::optional<Model> model;
    Language language = Language::sv;
    std::optional<Date> period_start;
    std::optional<Date> period_end;
    std::string stage;
    Date as_of;
    std::optional<double> elapsed;           ///< share of the period behind us, 0–1
    std::optional<Date> last_update;         ///< newest recorded date of any kind
    std::optional<long> days_since_update;
    std::vector<GoalSection> goals;
    std::size_t meters_total = 0;
    std::size_t meters_with_values = 0;      ///< coverage: values for N of M meters
    std::size_t meters_current = 0;          ///< …of which recent enough to assess
    std::size_t meters_late = 0;
    std::size_t actions_total = 0;
    std::size_t actions_done = 0;
    std::size_t actions_late = 0;
    std::size_t goals_total = 0;             ///< in the plan, whatever the filters list
    std::size_t goals_achieved = 0;
    std::size_t goals_cannot_assess = 0;
    int horizon_days = 90;
    int soon_days = 30;
    std::size_t due_soon = 0;                ///< of `upcoming`, due within soon_days
    std::vector<Upcoming> upcoming;          ///< due within horizon_days, soonest first
    std::optional<Date> next_deadline;
    std::optional<PartnershipSection> partnership;
    std::optional<BarnrattsresanSection> barnrattsresan;
    std::optional<EvaluationSection> evaluation; ///< unicef-bvk plans with an `evaluation:`
};

/// Meter progress: (latest − baseline) / (target − baseline) clamped to 0–1;
/// yes/no meters 0 or 1; nullopt when a value is missing.
[[nodiscard]] std::optional<double> meter_progress(MeterKind kind, const std::optional<MeterValue>& baseline,
                                                   const std::optional<MeterValue>& target,
                                                   const std::optional<MeterValue>& latest);

[[nodiscard]] PlanReport build_report(const Plan& plan, const ReportOptions& options);

} // namespace barnplan
