#include <barnplan/plan.hpp>

namespace barnplan {

std::string_view to_string(Model model)
{
    switch (model) {
    case Model::unicef_bvk:
        return "unicef-bvk";
    case Model::barnrattsresan:
        return "barnrattsresan";
    case Model::partnership:
        return "partnership";
    }
    return "?";
}

std::string_view to_string(GoalBasis basis)
{
    switch (basis) {
    case GoalBasis::process_indicator:
        return "process-indicator";
    case GoalBasis::children_views:
        return "children-views";
    case GoalBasis::free_choice:
        return "free-choice";
    }
    return "?";
}

std::string_view to_string(ActionStatus status)
{
    switch (status) {
    case ActionStatus::planned:
        return "planned";
    case ActionStatus::started:
        return "started";
    case ActionStatus::done:
        return "done";
    case ActionStatus::dropped:
        return "dropped";
    }
    return "?";
}

std::string_view to_string(MeterKind kind)
{
    switch (kind) {
    case MeterKind::number:
        return "number";
    case MeterKind::percent:
        return "percent";
    case MeterKind::yes_no:
        return "yes-no";
    case MeterKind::level:
        return "level";
    }
    return "?";
}

const std::vector<std::string_view>& stages_of(Model model)
{
    static const std::vector<std::string_view> k_unicef{"draft",       "feedback",     "unicef-approved", "adopted",
                                                        "implementing", "evaluation", "recognized"};
    static const std::vector<std::string_view> k_barnrattsresan{"draft", "reviewed", "approved", "implementing",
                                                                "followed-up"};
    static const std::vector<std::string_view> k_partnership{"draft", "agreed", "running", "reviewed", "closed"};
    switch (model) {
    case Model::barnrattsresan:
        return k_barnrattsresan;
    case Model::partnership:
        return k_partnership;
    case Model::unicef_bvk:
        break;
    }
    return k_unicef;
}

} // namespace barnplan
