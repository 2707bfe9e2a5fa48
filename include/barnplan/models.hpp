// SPDX-License-Identifier: Apache-2.0
#pragma once

// The registry of plan models: every model barnplan knows, in one list.
// Each model lives in its own folder under src/models/ and describes itself
// once (its id, names, rules, init skeleton); code outside that folder asks
// the registry instead of comparing model names.

#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace barnplan {

/// What the rest of barnplan may know of a model.
struct ModelInfo {
    Model model;
    std::string_view id; ///< as written in a plan's `model:`, e.g. "unicef-bvk"
    Text name;           ///< for people, e.g. "UNICEF En barnvänlig kommun"
};

/// Every registered model, in the order they are listed (and offered).
[[nodiscard]] const std::vector<ModelInfo>& registered_models();

/// The model whose id is `id`, or nullptr.
[[nodiscard]] const ModelInfo* find_model(std::string_view id);

/// The registered description of `model`.
[[nodiscard]] const ModelInfo& model_info(Model model);

/// The ids of every registered model, in registry order.
[[nodiscard]] std::vector<std::string_view> model_ids();

} // namespace barnplan
