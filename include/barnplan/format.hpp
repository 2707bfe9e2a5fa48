#pragma once

#include <barnplan/diagnostic.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace barnplan::format {

/// The version of the plan file format this build reads and writes.
inline constexpr int k_version = 1;

enum class FieldType {
    string,      ///< any scalar, read as text
    integer,     ///< a whole number
    level,       ///< an indicator level, 1–4
    value,       ///< a meter value: a number, or true/false for yes/no meters
    boolean,     ///< exactly true or false
    date,        ///< YYYY-MM-DD, a day that exists
    enumeration, ///< one of `values`
    object,      ///< a mapping described by `object`
    object_list, ///< a list of mappings described by `object`
    string_list, ///< a list of strings (ids)
};

struct Object;

/// One key of the format: its type, whether it is required, and what it means.
struct Field {
    std::string_view key;
    FieldType type = FieldType::string;
    bool required = false;
    const Object* object = nullptr;
    std::vector<std::string_view> values;
    Text description;
};

/// A mapping in the format, e.g. a goal or a meter.
struct Object {
    std::string_view name;    ///< with its article, for messages: "a goal"
    std::string_view name_sv; ///< "en målsättning"
    Text description;
    std::vector<Field> fields;

    [[nodiscard]] const Field* find(std::string_view key) const;
};

/// The top level of a plan file; every other object hangs below it.
[[nodiscard]] const Object& plan_object();

/// The top level of a Barnrättsresan department file (`department:` marks it).
[[nodiscard]] const Object& department_object();

/// The objects of a department file, top level first.
[[nodiscard]] std::vector<const Object*> department_objects();

/// Every object of the format, top level first.
[[nodiscard]] std::vector<const Object*> all_objects();

/// The format as a JSON Schema (draft-07), for editors' YAML language servers.
[[nodiscard]] std::string json_schema(Language lang);

/// Values of the enumerations, shared by loader, rules and docs.
[[nodiscard]] const std::vector<std::string_view>& model_names();
[[nodiscard]] const std::vector<std::string_view>& language_codes();
[[nodiscard]] const std::vector<std::string_view>& meeting_kinds();
[[nodiscard]] const std::vector<std::string_view>& all_stage_names();

} // namespace barnplan::format
