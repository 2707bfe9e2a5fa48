// SPDX-License-Identifier: Apache-2.0
#pragma once

// A model's description, as its folder under src/models/ defines it. Not part
// of the public interface: the CLI sees ModelInfo (barnplan/models.hpp).

#include "../rules/support.hpp"

#include <barnplan/models.hpp>
#include <barnplan/rules.hpp>

#include <string_view>
#include <vector>

namespace barnplan::models {

struct ModelDescription {
    ModelInfo info;
    /// The rules only this model has, as `barnplan rules` lists them.
    const std::vector<RuleInfo>* rules;
    /// Runs those rules on a plan of this model.
    void (*check)(rules::Findings& findings, const RuleContext& context);
    /// What `barnplan init --model ID` writes, with {schema}, {file} and
    /// {model} to fill in (fmt syntax; braces of the text doubled).
    std::string_view skeleton_en;
    std::string_view skeleton_sv;
};

/// Every model's description, in registry order (src/models/registry.cpp).
[[nodiscard]] const std::vector<const ModelDescription*>& descriptions();

/// The description of `model`.
[[nodiscard]] const ModelDescription& description(Model model);

namespace unicef_bvk {
extern const ModelDescription k_description;
} // namespace unicef_bvk
namespace barnrattsresan {
extern const ModelDescription k_description;
} // namespace barnrattsresan
namespace partnership {
extern const ModelDescription k_description;
} // namespace partnership

} // namespace barnplan::models
