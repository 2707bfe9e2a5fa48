#include <barnplan/lifecycle.hpp>
#include <barnplan/models.hpp>
#include <barnplan/plan.hpp>

namespace barnplan {

std::string_view to_string(Model model) { return model_info(model).id; }

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
    // The lifecycle table is the one list of stages.
    return lifecycle_of(model).stages;
}

} // namespace barnplan
