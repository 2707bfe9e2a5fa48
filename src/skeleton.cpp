#include <barnplan/skeleton.hpp>

#include "models/model.hpp"

#include <fmt/format.h>

namespace barnplan {

std::string plan_skeleton(Model model, Language lang, std::string_view schema)
{
    const models::ModelDescription& m = models::description(model);
    const std::string_view text = lang == Language::sv ? m.skeleton_sv : m.skeleton_en;
    return fmt::format(fmt::runtime(text), fmt::arg("model", fmt::format("{:<10}", m.info.id)),
                       fmt::arg("file", lang == Language::sv ? "<fil>" : "<file>"), fmt::arg("schema", schema));
}

} // namespace barnplan
