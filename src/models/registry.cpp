// SPDX-License-Identifier: Apache-2.0
// The one list of models. A new model is a folder under src/models/ with its
// description, and one line here.

#include "model.hpp"

namespace barnplan {
namespace models {

const std::vector<const ModelDescription*>& descriptions()
{
    static const std::vector<const ModelDescription*> k_registry{
        &unicef_bvk::k_description,
        &barnrattsresan::k_description,
        &partnership::k_description,
    };
    return k_registry;
}

const ModelDescription& description(Model model)
{
    for (const ModelDescription* d : descriptions()) {
        if (d->info.model == model) {
            return *d;
        }
    }
    return *descriptions().front();
}

} // namespace models

const std::vector<ModelInfo>& registered_models()
{
    static const std::vector<ModelInfo> k_infos = [] {
        std::vector<ModelInfo> out;
        for (const models::ModelDescription* d : models::descriptions()) {
            out.push_back(d->info);
        }
        return out;
    }();
    return k_infos;
}

const ModelInfo* find_model(std::string_view id)
{
    for (const ModelInfo& m : registered_models()) {
        if (m.id == id) {
            return &m;
        }
    }
    return nullptr;
}

const ModelInfo& model_info(Model model) { return models::description(model).info; }

std::vector<std::string_view> model_ids()
{
    std::vector<std::string_view> out;
    for (const ModelInfo& m : registered_models()) {
        out.push_back(m.id);
    }
    return out;
}

} // namespace barnplan
