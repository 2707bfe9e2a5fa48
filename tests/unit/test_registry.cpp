// SPDX-License-Identifier: Apache-2.0
// The model registry: every model listed once, its rules in the catalog
// (each skeleton is checked in test_format.cpp).

#include "support.hpp"

#include <barnplan/models.hpp>
#include <barnplan/rules.hpp>

#include <doctest/doctest.h>

#include <set>
#include <string>

TEST_CASE("registry: every model once, found by its id, named in both languages")
{
    std::set<std::string_view> ids;
    for (const barnplan::ModelInfo& m : barnplan::registered_models()) {
        CHECK(ids.insert(m.id).second);
        REQUIRE(barnplan::find_model(m.id) != nullptr);
        CHECK(barnplan::find_model(m.id)->model == m.model);
        CHECK(barnplan::model_info(m.model).id == m.id);
        CHECK(barnplan::to_string(m.model) == m.id);
        CHECK_FALSE(m.name.en.empty());
        CHECK_FALSE(m.name.sv.empty());
        CHECK(m.name.en != m.name.sv);
    }
    CHECK(ids == std::set<std::string_view>{"unicef-bvk", "barnrattsresan", "partnership"});
    CHECK(barnplan::find_model("unicef") == nullptr);
}

TEST_CASE("registry: each model's rules are in the catalog once, under its family")
{
    std::set<std::string_view> seen;
    for (const barnplan::RuleInfo& r : barnplan::rule_catalog()) {
        CHECK_MESSAGE(seen.insert(r.id).second, "rule id listed twice: " << r.id);
        const bool shared = r.family == "loader" || r.family == "common";
        CHECK_MESSAGE((shared || barnplan::find_model(r.family) != nullptr), "family is no model: " << r.family);
    }
    CHECK(barnplan::find_rule("vision-required") != nullptr);
    CHECK(barnplan::find_rule("area-goal") != nullptr);
    CHECK(barnplan::find_rule("joint-meetings-per-year") != nullptr);
    CHECK(barnplan::find_rule("no-such-rule") == nullptr);
}
