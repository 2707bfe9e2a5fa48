#pragma once

#include <barnplan/report.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace barnplan {

struct RenderOptions {
    Language language = Language::sv;
    bool color = false;       ///< ANSI colour (text format only)
    std::size_t width = 100;  ///< terminal columns (text format only)
    bool detail = false;      ///< with several plans: each plan's detail after the portfolio
    std::string tool_version;
};

/// One report, every format. With one plan: its detail. With several: the
/// portfolio (one row per plan), then each plan's detail if `detail` is set.
[[nodiscard]] std::string render_report_text(const std::vector<PlanReport>& plans, const RenderOptions& options);
[[nodiscard]] std::string render_report_markdown(const std::vector<PlanReport>& plans, const RenderOptions& options);
[[nodiscard]] std::string render_report_csv(const std::vector<PlanReport>& plans, const RenderOptions& options);
[[nodiscard]] std::string render_report_json(const std::vector<PlanReport>& plans, const RenderOptions& options);
[[nodiscard]] std::string render_report_html(const std::vector<PlanReport>& plans, const RenderOptions& options);

/// The words of the report in every language, shared by all formats so that a
/// heading reads the same in the terminal, the CSV and the web page.
namespace words {

/// A fixed label by key, e.g. "goal", "meter", "coverage"; see labels.cpp.
[[nodiscard]] const std::string& get(std::string_view key, Language lang);
/// Every fixed label with its key, for the test that each one is translated.
[[nodiscard]] std::vector<std::pair<std::string_view, Text>> all_labels();

[[nodiscard]] Text basis(GoalBasis basis);
[[nodiscard]] Text action_status(ActionStatus status);
[[nodiscard]] Text model(Model model);
[[nodiscard]] Text stage(std::string_view stage);

/// A mark per status that reads without colour too (printouts, NO_COLOR):
/// ✔ achieved, ● on track, ▲ at risk, ✖ late, ? cannot assess.
[[nodiscard]] std::string_view status_mark(Status status);

/// "35,5" in Swedish, "35.5" in English; whole numbers without decimals.
[[nodiscard]] std::string number(double value, Language lang);
/// A meter value with its unit: "35 %", "ja"/"yes", "nivå 3"/"level 3".
[[nodiscard]] std::string meter_value(const MeterValue& value, MeterKind kind, std::string_view unit, Language lang);
/// "45 %" / "45%".
[[nodiscard]] std::string percent(double share, Language lang);
/// The plan's status of an action for display: "late" overrides what was typed.
[[nodiscard]] Text action_state(const ActionLine& action);
/// "values for 25 of 49 meters" and the like, one sentence.
[[nodiscard]] std::string coverage(const PlanReport& plan, Language lang);
/// "2 due within 30 days, 5 within 90 days".
[[nodiscard]] std::string due_summary(const PlanReport& plan, Language lang);
/// "3 days ago" / "för 3 dagar sedan"; "never" when absent.
[[nodiscard]] std::string days_ago(const std::optional<long>& days, Language lang);

} // namespace words

} // namespace barnplan
