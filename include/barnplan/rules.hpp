#pragma once

#include <barnplan/date.hpp>
#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>

#include <string_view>
#include <vector>

namespace barnplan {

/// What the rules need to know beyond the plan itself.
struct RuleContext {
    Date today; ///< "now", fixed by --today or SOURCE_DATE_EPOCH in tests
    /// evaluation-deadline-near warns this many days before a deadline
    /// (thresholds.deadline-warning-days in barnplan-config(5)).
    int deadline_warning_days = 30;
};

/// A rule or loader check, as documented and configurable.
struct RuleInfo {
    std::string_view id;
    Severity severity;
    std::string_view family; ///< "loader", "unicef-bvk", …
    Text summary;
};

/// Every diagnostic id barnplan can emit, loader checks first.
[[nodiscard]] const std::vector<RuleInfo>& rule_catalog();
[[nodiscard]] const RuleInfo* find_rule(std::string_view id);

/// Runs the rules of the plan's model; the loader's own findings are separate.
[[nodiscard]] Diagnostics check_plan(const Plan& plan, const RuleContext& context);

} // namespace barnplan
