#pragma once

#include <barnplan/date.hpp>
#include <barnplan/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace barnplan {

/// A value read from the plan with where it stood. `present` means the key was
/// written with a non-null value; `valid` that the value had the right type, so
/// a rule can tell "missing" from "written wrongly" (the loader reported that).
template <typename T>
struct Located {
    T value{};
    Position key;   ///< the key's position (where diagnostics point)
    Position at;    ///< the value's position
    bool present = false;
    bool valid = false;

    [[nodiscard]] bool ok() const { return present && valid; }
};

enum class Model { unicef_bvk, barnrattsresan, partnership };
enum class GoalBasis { process_indicator, children_views, free_choice };
enum class ActionStatus { planned, started, done, dropped };
enum class MeterKind { number, percent, yes_no, level };

/// A meter's value: a number, a yes/no (1 or 0) or a level (1–4).
struct MeterValue {
    double number = 0.0;
    bool is_boolean = false;
};

struct Measurement {
    Position position; ///< the list item
    Located<Date> date;
    Located<MeterValue> value;
    Located<std::string> note;
};

struct Meter {
    Position position;
    Located<std::string> id;
    Located<std::string> what;
    Located<MeterKind> kind; ///< defaults to number when absent
    Located<std::string> unit;
    Located<MeterValue> baseline;
    Located<MeterValue> target;
    Located<Date> due;
    Located<std::string> source;
    std::vector<Measurement> measurements;
};

struct ActionUpdate {
    Position position;
    Located<Date> date;
    Located<ActionStatus> status;
    Located<std::string> note;
};

struct Action {
    Position position;
    Located<std::string> id;
    Located<std::string> what;
    Located<std::string> who;
    Located<Date> start;
    Located<Date> due;
    Located<std::string> how;
    Located<std::string> children_views;
    Located<ActionStatus> status;
    Located<bool> recurring;
    std::vector<Located<std::string>> depends_on;
    std::vector<ActionUpdate> updates;
};

struct LevelEntry {
    Position position;
    Located<Date> date;
    Located<int> level;
    Located<std::string> note;
};

struct Goal {
    Position position;
    Located<std::string> id;
    Located<std::string> title;
    Located<GoalBasis> basis;
    Located<std::string> indicator;
    Located<std::string> theme;
    Located<bool> welfare_area;
    Located<int> start_level;
    Located<int> target_level;
    Located<int> current_level;
    Located<std::string> children_views;
    std::vector<LevelEntry> levels;
    std::vector<Action> actions;
    std::vector<Meter> meters;
    std::vector<Located<std::string>> ways; ///< partnership: ways of carrying the goal out
};

struct Meeting {
    Position position;
    Located<Date> date;
    Located<std::string> kind;
    Located<std::string> note;
    std::vector<Located<std::string>> goals;
    Located<std::string> host; ///< partnership: the id of the hosting member
};

/// A member municipality of a partnership.
struct Member {
    Position position;
    Located<std::string> id;
    Located<std::string> municipality;
    Located<std::string> politician; ///< the responsible politician
    Located<std::string> official;   ///< the contact official
};

/// Barnrättsresan, step 4: what came of a priority area.
struct AreaFollowUp {
    bool present = false;
    Position key;
    Located<std::string> outcome;
    Located<std::string> effects; ///< effects for children
    Located<bool> goal_reached;
    Located<bool> more_measures; ///< more measures needed
    Located<std::string> note;
};

/// Barnrättsresan: a priority area with its overarching goal.
struct PriorityArea {
    Position position;
    Located<std::string> id;
    Located<std::string> title;
    Located<std::string> goal;
    AreaFollowUp follow_up;
};

/// Barnrättsresan: one department's activity, in the shared template.
struct Activity {
    Position position;
    Located<std::string> id;
    Located<std::string> area; ///< the id of a priority area
    Located<std::string> what;
    Located<std::string> who;
    Located<Date> start;
    Located<Date> due;
    Located<std::string> resources;
    Located<std::string> indicators;
    Located<std::string> result;
    Located<ActionStatus> status;
};

/// Barnrättsresan: a department file, loaded with the main plan.
struct Department {
    std::string file; ///< display name of the department file
    Position position; ///< the `department` key in that file
    Located<std::string> name;
    std::vector<Activity> activities;
};

/// Barnrättsresan: the joint review's three questions, answered.
struct JointReview {
    bool present = false;
    Position key;
    Located<Date> date;
    Located<std::string> realistic;
    Located<std::string> reaches_goals;
    Located<std::string> rights_fulfilled;
};

struct HistoryEntry {
    Position position;
    Located<Date> date;
    Located<std::string> stage;
    Located<std::string> by;
    Located<std::string> ref;
    Located<std::string> note;
};

struct WelfareCommitment {
    Located<std::string> by;
    Located<Date> date;
    Located<std::string> ref;
};

struct Evaluation {
    Located<Date> meeting;
    Located<Date> booked;
    Located<Date> form_started;
    Located<Date> form_approved;
    Located<Date> form_stored;
};

/// One action plan as written, with the position of every key and value.
struct Plan {
    std::string file; ///< display name
    Located<int> format_version;
    Located<Model> model;
    Located<Language> language; ///< sv and en; fi is stored as its own text below
    Located<std::string> language_code;
    Located<std::string> municipality;
    Located<std::string> coordinator;
    Located<Date> period_start;
    Located<Date> period_end;
    Position period; ///< the `period` key
    Located<std::string> stage;
    Located<std::string> vision;
    Located<std::string> strategy_link;
    Located<std::string> informing;
    bool has_welfare_commitment = false;
    Position welfare_commitment_key;
    WelfareCommitment welfare_commitment;
    bool has_evaluation = false;
    Evaluation evaluation;
    Position goals_key;
    std::vector<Goal> goals;
    std::vector<Meeting> meetings;
    std::vector<HistoryEntry> history;
    // partnership
    Located<std::string> idea;
    std::vector<Located<std::string>> strategies;
    Position members_key;
    std::vector<Member> members;
    // barnrattsresan
    Located<std::string> ambition;
    Position areas_key;
    std::vector<PriorityArea> areas;
    Position departments_key;
    std::vector<Located<std::string>> department_paths; ///< as written: paths or globs
    std::vector<Department> departments;                ///< loaded from those files
    JointReview review;
    Position implementation;
    Located<Date> implementation_start;
    Located<Date> implementation_end;
};

[[nodiscard]] std::string_view to_string(Model model);
[[nodiscard]] std::string_view to_string(GoalBasis basis);
[[nodiscard]] std::string_view to_string(ActionStatus status);
[[nodiscard]] std::string_view to_string(MeterKind kind);

/// The stages of a model's lifecycle, in order.
[[nodiscard]] const std::vector<std::string_view>& stages_of(Model model);

} // namespace barnplan
