#pragma once

#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>

#include <string>

namespace barnplan {

/// A new plan with a comment on every field, in `lang`; `barnplan validate`
/// then lists what is left to fill in.
[[nodiscard]] std::string plan_skeleton(Model model, Language lang);

} // namespace barnplan
