#include "support.hpp"

#include <barnplan/format.hpp>
#include <barnplan/plan.hpp>
#include <barnplan/skeleton.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace format = barnplan::format;
using barnplan::Language;
using barnplan::Model;
using barnplan::test::describe;
using nlohmann::json;

namespace {

/// The JSON types a schema allows: "type" is a name or a list of names.
std::set<std::string> types_of(const json& schema)
{
    std::set<std::string> out;
    const json& type = schema.at("type");
    if (type.is_array()) {
        for (const json& t : type) {
            out.insert(t.get<std::string>());
        }
    } else {
        out.insert(type.get<std::string>());
    }
    return out;
}

/// Walks the schema along the format's objects and checks each against its
/// table: every field a property, the same required keys, nothing else allowed.
void check_object(const json& schema, const format::Object& object, std::set<const format::Object*>& seen)
{
    CAPTURE(object.name);
    seen.insert(&object);
    REQUIRE(schema.is_object());
    CHECK(types_of(schema).count("object") == 1);
    CHECK(schema.value("additionalProperties", true) == false);
    CHECK_FALSE(schema.value("description", "").empty());
    const json& properties = schema.at("properties");
    CHECK(properties.size() == object.fields.size());

    std::vector<std::string> required;
    for (const format::Field& field : object.fields) {
        CAPTURE(field.key);
        const std::string key(field.key);
        REQUIRE(properties.contains(key));
        const json& property = properties[key];
        CHECK_FALSE(property.value("description", "").empty());
        if (field.required) {
            required.push_back(key);
            // the loader reports a required key left empty
            CHECK(types_of(property).count("null") == 0);
        }
        switch (field.type) {
        case format::FieldType::object:
            REQUIRE(field.object != nullptr);
            check_object(property, *field.object, seen);
            break;
        case format::FieldType::object_list:
            REQUIRE(field.object != nullptr);
            CHECK(types_of(property).count("array") == 1);
            check_object(property.at("items"), *field.object, seen);
            break;
        case format::FieldType::enumeration: {
            const json& values = property.at("enum");
            for (std::string_view v : field.values) {
                CHECK(std::find(values.begin(), values.end(), json(std::string(v))) != values.end());
            }
            break;
        }
        case format::FieldType::level:
            CHECK(property.at("minimum") == 1);
            CHECK(property.at("maximum") == 4);
            break;
        case format::FieldType::date:
            CHECK(property.contains("pattern"));
            break;
        default:
            break;
        }
    }
    if (required.empty()) {
        CHECK_FALSE(schema.contains("required"));
    } else {
        REQUIRE(schema.contains("required"));
        CHECK(schema.at("required").get<std::vector<std::string>>() == required);
    }
}

} // namespace

TEST_CASE("json_schema is draft-07 JSON that follows the format's tables")
{
    for (Language lang : {Language::en, Language::sv}) {
        CAPTURE(static_cast<int>(lang));
        const std::string text = format::json_schema(lang);
        const json schema = json::parse(text);
        CHECK(schema.at("$schema") == "http://json-schema.org/draft-07/schema#");
        CHECK_FALSE(schema.value("title", "").empty());
        CHECK(schema.at("properties").at("barnplan").at("const") == format::k_version);

        std::set<const format::Object*> seen;
        check_object(schema, format::plan_object(), seen);

        // Every object of the format is reached from the top level.
        const auto objects = format::all_objects();
        CHECK(objects.front() == &format::plan_object());
        for (const format::Object* object : objects) {
            CAPTURE(object->name);
            CHECK(seen.count(object) == 1);
            CHECK_FALSE(object->name_sv.empty());
            CHECK_FALSE(object->description.en.empty());
            CHECK_FALSE(object->description.sv.empty());
        }
        CHECK(seen.size() == objects.size());
    }
}

TEST_CASE("json_schema describes fields in the language asked for")
{
    const json en = json::parse(format::json_schema(Language::en));
    const json sv = json::parse(format::json_schema(Language::sv));
    const format::Field* vision = format::plan_object().find("vision");
    REQUIRE(vision != nullptr);
    CHECK(en["properties"]["vision"]["description"] == vision->description.en);
    CHECK(sv["properties"]["vision"]["description"] == vision->description.sv);
    CHECK(en["properties"]["vision"]["description"] != sv["properties"]["vision"]["description"]);
}

TEST_CASE("the format's tables hang together")
{
    for (const format::Object* object : format::all_objects()) {
        CAPTURE(object->name);
        std::set<std::string_view> keys;
        for (const format::Field& field : object->fields) {
            CAPTURE(field.key);
            CHECK(keys.insert(field.key).second);
            CHECK(object->find(field.key) == &field);
            CHECK_FALSE(field.description.en.empty());
            CHECK_FALSE(field.description.sv.empty());
            const bool nested = field.type == format::FieldType::object || field.type == format::FieldType::object_list;
            CHECK(nested == (field.object != nullptr));
            CHECK((field.type == format::FieldType::enumeration) == !field.values.empty());
        }
        CHECK(object->find("no-such-key") == nullptr);
    }
    SUBCASE("the enumerations list the model names and every model's stages")
    {
        const auto& models = format::model_names();
        CHECK(std::find(models.begin(), models.end(), "unicef-bvk") != models.end());
        const auto& all_stages = format::all_stage_names();
        for (Model model : {Model::unicef_bvk, Model::barnrattsresan, Model::partnership}) {
            CHECK(std::find(models.begin(), models.end(), barnplan::to_string(model)) != models.end());
            for (std::string_view stage : barnplan::stages_of(model)) {
                CAPTURE(stage);
                CHECK(std::find(all_stages.begin(), all_stages.end(), stage) != all_stages.end());
            }
        }
    }
}

TEST_CASE("plan_skeleton loads as a plan of its model and language, with rule findings left to fix")
{
    for (Model model : {Model::unicef_bvk, Model::barnrattsresan, Model::partnership}) {
        for (Language lang : {Language::sv, Language::en}) {
            CAPTURE(barnplan::to_string(model));
            CAPTURE(static_cast<int>(lang));
            const std::string text = barnplan::plan_skeleton(model, lang);
            const barnplan::LoadResult result = barnplan::test::load(text);
            CHECK(result.is_plan);
            REQUIRE(result.plan.has_value());
            CHECK(result.plan->model.ok());
            CHECK(result.plan->model.value == model);
            CHECK(result.plan->language.value == lang);
            CHECK(result.plan->stage.value == "draft");
            // Each model's skeleton starts one entry of its own kind.
            CHECK(result.plan->goals.size() == (model == Model::barnrattsresan ? 0 : 1));
            CHECK(result.plan->areas.size() == (model == Model::barnrattsresan ? 1 : 0));
            CHECK(result.plan->members.size() == (model == Model::partnership ? 1 : 0));

            // What is left to fill in shows as rule findings.
            const auto findings =
                barnplan::check_plan(*result.plan, barnplan::RuleContext{*barnplan::Date::parse("2025-01-01")});
            barnplan::test::check_well_formed(findings);
            if (model == Model::unicef_bvk) {
                CHECK(barnplan::test::has_rule(findings, "vision-required"));
                CHECK(barnplan::test::has_rule(findings, "goal-title"));
                CHECK(barnplan::test::has_rule(findings, "start-level"));
            } else if (model == Model::barnrattsresan) {
                CHECK(barnplan::test::has_rule(findings, "ambition-required"));
                CHECK(barnplan::test::has_rule(findings, "area-goal"));
            } else {
                CHECK(barnplan::test::has_rule(findings, "idea-required"));
                CHECK(barnplan::test::has_rule(findings, "partnership-goals"));
                CHECK(barnplan::test::has_rule(findings, "member-incomplete"));
            }
        }
    }
}

// The skeleton leaves period start and end empty, and the loader reports a
// required key left empty as missing-key: `barnplan init` then `validate`
// shows format errors for a file barnplan itself wrote.
TEST_CASE("plan_skeleton loads without a loader finding, in Swedish and English")
{
    for (Model model : {Model::unicef_bvk, Model::barnrattsresan, Model::partnership}) {
        for (Language lang : {Language::sv, Language::en}) {
            CAPTURE(barnplan::to_string(model));
            CAPTURE(static_cast<int>(lang));
            const barnplan::LoadResult result = barnplan::test::load(barnplan::plan_skeleton(model, lang));
            INFO("loader findings:\n" << describe(result.diagnostics));
            CHECK(result.diagnostics.empty());
        }
    }
}

TEST_CASE("plan_skeleton's first line is the modeline naming the schema it is given")
{
    for (Language lang : {Language::sv, Language::en}) {
        const std::string text =
            barnplan::plan_skeleton(Model::unicef_bvk, lang, "/usr/share/barnplan/barnplan.schema.sv.json");
        CHECK(text.rfind("# yaml-language-server: $schema=/usr/share/barnplan/barnplan.schema.sv.json\n", 0) == 0);
        CHECK(text.find("{schema}") == std::string::npos);
    }
    CHECK(barnplan::plan_skeleton(Model::unicef_bvk, Language::en)
              .rfind("# yaml-language-server: $schema=barnplan.schema.json\n", 0) == 0);
}

TEST_CASE("plan_skeleton has a comment on every field, in its language")
{
    const std::string sv = barnplan::plan_skeleton(Model::unicef_bvk, Language::sv);
    const std::string en = barnplan::plan_skeleton(Model::unicef_bvk, Language::en);
    CHECK(sv.find("model: unicef-bvk") != std::string::npos);
    CHECK(sv.find("language: sv") != std::string::npos);
    CHECK(en.find("language: en") != std::string::npos);
    CHECK(sv.find("ÅÅÅÅ-MM-DD") != std::string::npos);
    CHECK(en.find("YYYY-MM-DD") != std::string::npos);
    CHECK(en.find("ÅÅÅÅ") == std::string::npos);
    for (const std::string& text : {sv, en}) {
        // no format placeholder left behind
        CHECK(text.find("{model}") == std::string::npos);
        CHECK(text.find("{file}") == std::string::npos);
        CHECK(text.find("{{") == std::string::npos);
    }
}
