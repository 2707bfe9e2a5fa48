#pragma once

#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>

#include <string>
#include <vector>

namespace barnplan {

/// One change in meaning between two versions of a plan. Entries are matched
/// by their ids (measurements and level entries by date, meetings by date and
/// kind, history by date and stage), never by their place in the file, so
/// reordering, comments, quoting and white space make no change.
struct Change {
    enum class Kind { added, removed, changed };

    Kind kind = Kind::changed;
    std::string goal;      ///< the goal (or priority area) it belongs to; empty for the plan as a whole
    std::string department; ///< Barnrättsresan: the department whose activity it is
    std::string subject;   ///< what changed: "G2", "G2.A1", "G2.M1", "G2.M1 2025-11-20", "meeting 2025-03-01"
    std::string field;     ///< the key for a changed value ("current_level"); empty for added/removed
    std::string before;    ///< value before, as shown to people; empty when added
    std::string after;     ///< value after; empty when removed
    Text what;             ///< the kind of entry: "goal", "action", "measurement" …
};

struct PlanDiff {
    std::vector<Change> changes; ///< plan-level first, then per goal in the new plan's order
    /// Goal (or priority area) id → title (the newer one), for headings when
    /// changes are grouped.
    std::vector<std::pair<std::string, std::string>> goal_titles;

    [[nodiscard]] bool empty() const { return changes.empty(); }
};

/// The changes in meaning from `before` to `after`. Ids are taken to be
/// unique, as they are in a plan the loader reports no error in; of a
/// duplicated id only the first entry is compared.
[[nodiscard]] PlanDiff diff_plans(const Plan& before, const Plan& after);

struct DiffRenderOptions {
    Language language = Language::en;
    bool color = false;
    std::string old_name; ///< e.g. "HEAD:plans/x.yaml"
    std::string new_name;
    /// The file's older path when it was renamed: shown as a note, since a
    /// rename alone changes no meaning.
    std::string renamed_from;
};

/// Text for a terminal or a log, grouped per goal: "G2 current level 1 → 2".
[[nodiscard]] std::string render_diff_text(const PlanDiff& diff, const DiffRenderOptions& options);
/// GitHub-flavoured Markdown for pull-request comments and meeting memos.
[[nodiscard]] std::string render_diff_markdown(const PlanDiff& diff, const DiffRenderOptions& options);
/// Every change as a JSON object with stable keys (`department` is null
/// outside a department's activities).
[[nodiscard]] std::string render_diff_json(const PlanDiff& diff, const DiffRenderOptions& options);

} // namespace barnplan
