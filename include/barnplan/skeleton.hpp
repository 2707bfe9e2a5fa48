#pragma once

#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>

#include <string>
#include <string_view>

namespace barnplan {

/// A new plan with a comment on every field, in `lang`; `barnplan validate`
/// then lists what is left to fill in. Its first line is the modeline that
/// points editors (yaml-language-server) at the JSON Schema `schema`, a path
/// or URL the caller has checked holds no whitespace or control character.
[[nodiscard]] std::string plan_skeleton(Model model, Language lang,
                                        std::string_view schema = "barnplan.schema.json");

} // namespace barnplan
