#pragma once

// The model-specific sections of a report (partnership, Barnrättsresan,
// evaluation), rendered once per format; the format renderers call these.

#include <barnplan/report_render.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace barnplan::report_models {

using Escaper = std::string (*)(std::string_view);

[[nodiscard]] std::string text(const PlanReport& plan, const RenderOptions& options);
[[nodiscard]] std::string markdown(const PlanReport& plan, Language lang, std::string_view heading);
[[nodiscard]] std::string html(const PlanReport& plan, Language lang, Escaper esc);
/// Adds the model's sections to a plan's JSON object.
void json(const PlanReport& plan, nlohmann::ordered_json& out);

} // namespace barnplan::report_models
