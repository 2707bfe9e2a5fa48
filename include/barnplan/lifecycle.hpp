#pragma once

// The lifecycle of each model as a table: its stages in order and, for every
// step from one stage to the next, the gates a plan must pass. A model is
// data here, not a branch in the code: `barnplan advance` only walks the table.

#include <barnplan/date.hpp>
#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace barnplan {

/// What `barnplan advance` was asked to do.
struct AdvanceRequest {
    std::string from;        ///< the plan's stage now
    std::string to;          ///< the stage asked for
    Date date;               ///< the day of the step (the decision)
    bool date_given = false; ///< --date was given, not taken from today
    std::string by;          ///< who approved or decided
    std::string ref;         ///< the decision's reference, e.g. "§ 57"
    std::string note;
};

/// What a gate looks at.
struct GateInput {
    const Plan& plan;
    const AdvanceRequest& request;
    const Diagnostics& problems; ///< the plan's validation errors (loader and rules)
};

/// Where a gate writes the conditions that are not met.
class GateReport {
public:
    GateReport(std::string_view gate, const std::string& file, Diagnostics& out)
        : m_gate(gate), m_file(file), m_out(out)
    {
    }
    /// One unmet condition: where to fix it, what is missing, how to fix it.
    void fail(Position where, Text message, Text hint);
    /// The same in another file of the plan (a department file).
    void fail_in(const std::string& file, Position where, Text message, Text hint);

private:
    std::string_view m_gate;
    const std::string& m_file;
    Diagnostics& m_out;
};

/// One condition of a step; its id is the rule id of its diagnostics.
struct Gate {
    std::string_view id;
    Text summary; ///< what it requires, for docs and listings
    void (*check)(const GateInput& input, GateReport& report);
};

/// A step from one stage to the next and what it requires.
struct Transition {
    std::string_view from;
    std::string_view to;
    std::vector<const Gate*> gates;
};

/// A model's stages in order and the steps between them.
struct Lifecycle {
    Model model;
    std::vector<std::string_view> stages;
    std::vector<Transition> transitions; ///< stages[i] → stages[i + 1]
};

/// Every model's lifecycle.
[[nodiscard]] const std::vector<Lifecycle>& lifecycles();
[[nodiscard]] const Lifecycle& lifecycle_of(Model model);

/// Every gate of every model, once each, in table order.
[[nodiscard]] std::vector<const Gate*> all_gates();

/// The stage after `stage`, or nullopt at the last (or an unknown) stage.
[[nodiscard]] std::optional<std::string_view> next_stage(Model model, std::string_view stage);

/// The index of `stage` in the model's stages, or nullopt.
[[nodiscard]] std::optional<std::size_t> stage_index(Model model, std::string_view stage);

/// The unmet conditions of every step from `request.from` to `request.to`
/// (skipping a stage means passing its gates too); empty when all pass.
[[nodiscard]] Diagnostics check_gates(const Plan& plan, const AdvanceRequest& request, const Diagnostics& problems);

/// The last day of a recognition granted on `date`: 2 years for a plan of
/// about two years (the first cycle), 4 for a longer one.
[[nodiscard]] Date recognition_valid_until(const Plan& plan, Date date);

} // namespace barnplan
