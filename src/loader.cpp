#include <barnplan/format.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/models.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

namespace barnplan {

std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

namespace {

using format::Field;
using format::FieldType;
using format::Object;

// ---------------------------------------------------------------------------
// Scalar conversions, shared by the checking pass and the extraction so the two
// cannot disagree about what a valid value is.

std::optional<std::string> as_string(const YamlNode& node)
{
    if (!node.is_scalar()) {
        return std::nullopt;
    }
    return node.value;
}

std::optional<long long> as_integer(const YamlNode& node)
{
    if (!node.is_plain_scalar() || node.value.empty()) {
        return std::nullopt;
    }
    long long v = 0;
    const char* begin = node.value.data();
    const char* end = begin + node.value.size();
    if (*begin == '+') {
        ++begin;
    }
    auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return v;
}

std::optional<double> as_number(const YamlNode& node)
{
    if (!node.is_plain_scalar() || node.value.empty()) {
        return std::nullopt;
    }
    const std::string& s = node.value;
    // Digits, one optional sign, one optional decimal point, optional exponent:
    // what a person writes, and nothing from_chars would read as inf or nan.
    const char* begin = s.data();
    const char* end = begin + s.size();
    if (*begin == '+') {
        ++begin;
    }
    double v = 0;
    auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec != std::errc() || ptr != end || !std::isfinite(v)) {
        return std::nullopt;
    }
    for (const char* p = begin; p != end; ++p) {
        if (std::isalpha(static_cast<unsigned char>(*p)) != 0 && *p != 'e' && *p != 'E') {
            return std::nullopt;
        }
    }
    return v;
}

std::optional<bool> as_boolean(const YamlNode& node)
{
    if (!node.is_plain_scalar()) {
        return std::nullopt;
    }
    if (node.value == "true") {
        return true;
    }
    if (node.value == "false") {
        return false;
    }
    return std::nullopt;
}

/// YAML 1.1 booleans (yes, no, on, off…) that other tools read as true/false.
bool looks_like_other_boolean(const YamlNode& node)
{
    static const std::vector<std::string_view> k_words{"yes", "no", "on", "off", "y", "n", "True", "False", "TRUE",
                                                       "FALSE", "Yes", "No", "YES", "NO", "On", "Off", "ON", "OFF",
                                                       "ja", "nej", "Ja", "Nej", "kyllä", "ei"};
    return node.is_plain_scalar() && std::find(k_words.begin(), k_words.end(), node.value) != k_words.end();
}

std::optional<Date> as_date(const YamlNode& node)
{
    if (!node.is_scalar()) {
        return std::nullopt;
    }
    return Date::parse(node.value);
}

std::optional<MeterValue> as_value(const YamlNode& node)
{
    if (auto b = as_boolean(node)) {
        return MeterValue{*b ? 1.0 : 0.0, true};
    }
    if (auto n = as_number(node)) {
        return MeterValue{*n, false};
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------

Text object_name(const Object& object)
{
    return {std::string(object.name), std::string(object.name_sv)};
}

std::string join(const std::vector<std::string_view>& values)
{
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += (i == 0 ? "" : ", ");
        out += values[i];
    }
    return out;
}

/// Keys people write instead of the format's: Swedish words, and names from
/// other templates. Several may map one word; the first the object has wins.
std::optional<std::string_view> known_alias(std::string_view word, const Object& object)
{
    static const std::vector<std::pair<std::string_view, std::string_view>> k_aliases{
        {"mål", "goals"},           {"målsättningar", "goals"}, {"åtgärder", "actions"},   {"mätare", "meters"},
        {"mätningar", "measurements"}, {"möten", "meetings"},   {"historik", "history"},   {"titel", "title"},
        {"rubrik", "title"},        {"ansvarig", "who"},        {"vem", "who"},            {"vad", "what"},
        {"hur", "how"},             {"startnivå", "start_level"}, {"målnivå", "target_level"}, {"nivå", "level"},
        {"datum", "date"},          {"värde", "value"},         {"målvärde", "target"},    {"utgångsvärde", "baseline"},
        {"klart", "due"},           {"slutdatum", "due"},       {"kommun", "municipality"}, {"modell", "model"},
        {"språk", "language"},      {"anteckning", "note"},     {"kommentar", "note"},     {"notes", "note"},
        {"barnens_åsikter", "children_views"}, {"indikator", "indicator"}, {"tema", "theme"}, {"enhet", "unit"},
        {"källa", "source"},        {"skede", "stage"},         {"status", "stage"},       {"organisation", "municipality"},
        {"deadline", "due"},        {"owner", "who"},           {"responsible", "who"},    {"goal", "goals"},
        {"action", "actions"},      {"meter", "meters"},        {"indicators", "meters"},
    };
    for (const auto& [alias, key] : k_aliases) {
        if (alias == word && object.find(key) != nullptr) {
            return key;
        }
    }
    return std::nullopt;
}

Text type_name(const Field& field)
{
    switch (field.type) {
    case FieldType::string:
        return {"text", "text"};
    case FieldType::integer:
        return {"a whole number", "ett heltal"};
    case FieldType::level:
        return {"a level from 1 to 4", "en nivå från 1 till 4"};
    case FieldType::value:
        return {"a number, or true/false", "ett tal, eller true/false"};
    case FieldType::boolean:
        return {"true or false", "true eller false"};
    case FieldType::date:
        return {"a date (YYYY-MM-DD)", "ett datum (ÅÅÅÅ-MM-DD)"};
    case FieldType::enumeration:
        return {"one of: " + join(field.values), "ett av: " + join(field.values)};
    case FieldType::object:
        return {"a mapping (key: value lines)", "en mappning (rader med nyckel: värde)"};
    case FieldType::object_list:
        return {"a list (lines starting with -)", "en lista (rader som börjar med -)"};
    case FieldType::string_list:
        return {"a list of ids, e.g. [G1, G2]", "en lista med id, t.ex. [G1, G2]"};
    }
    return {"?", "?"};
}

Text kind_of(const YamlNode& node)
{
    switch (node.kind) {
    case YamlNode::Kind::null:
        return {"nothing", "ingenting"};
    case YamlNode::Kind::scalar:
        if (node.style == YamlNode::Style::quoted) {
            // Show the quotes: "must be a level, not '1'" puzzles; not "\"1\"" does not.
            return {fmt::format("\"{}\" (in quotes)", node.value), fmt::format("\"{}\" (inom citattecken)", node.value)};
        }
        return {fmt::format("'{}'", node.value), fmt::format("'{}'", node.value)};
    case YamlNode::Kind::sequence:
        return {"a list", "en lista"};
    case YamlNode::Kind::mapping:
        return {"a mapping", "en mappning"};
    }
    return {"?", "?"};
}

class Loader {
public:
    Loader(const std::string& file, Diagnostics& out) : m_file(file), m_out(out) {}
    Loader(const Loader&) = delete;
    Loader& operator=(const Loader&) = delete;
    // The note on what was left out comes last, whichever way the pass ends.
    ~Loader()
    {
        if (m_dropped > 0) {
            m_out.push_back(too_many_findings(m_file, m_first_dropped, m_dropped));
        }
    }

    /// True once findings are only counted: callers skip costly hints.
    [[nodiscard]] bool full() const { return m_out.size() >= k_max_findings; }

    void report(std::string rule, const Position& at, Text message, Text hint = {}, Position related = {})
    {
        if (full()) {
            if (m_dropped++ == 0) {
                m_first_dropped = at;
            }
            return;
        }
        Diagnostic d;
        d.rule = std::move(rule);
        d.severity = Severity::error;
        d.file = m_file;
        d.position = at;
        d.message = std::move(message);
        d.hint = std::move(hint);
        d.related = related;
        m_out.push_back(std::move(d));
    }

    // ---- the checking pass: keys and types against the format table ------

    void check_object(const YamlNode& map, const Object& object)
    {
        const Text where = object_name(object);
        for (const auto& [key, value] : map.entries) {
            if (!key.is_scalar()) {
                report("wrong-type", key.position,
                       {fmt::format("a key in {} must be plain text, not {}", where.en, kind_of(key).en),
                        fmt::format("en nyckel i {} måste vara text, inte {}", where.sv, kind_of(key).sv)});
                continue;
            }
            const Field* field = object.find(key.value);
            if (field == nullptr) {
                report_unknown_key(key, object);
                continue;
            }
            check_field(*field, key, value);
        }
        for (const Field& field : object.fields) {
            if (!field.required) {
                continue;
            }
            const auto* entry = map.find(field.key);
            if (entry == nullptr) {
                report("missing-key", map.position,
                       {fmt::format("{} is missing '{}'", capitalized(where.en), field.key),
                        fmt::format("{} saknar '{}'", capitalized(where.sv), field.key)},
                       {fmt::format("add '{}:' with {}", field.key, type_name(field).en),
                        fmt::format("lägg till '{}:' med {}", field.key, type_name(field).sv)});
            } else if (entry->second.is_null()) {
                report("missing-key", entry->first.position,
                       {fmt::format("'{}' in {} is empty", field.key, where.en),
                        fmt::format("'{}' i {} är tom", field.key, where.sv)},
                       {fmt::format("fill in {}", type_name(field).en), fmt::format("fyll i {}", type_name(field).sv)});
            }
        }
    }

    static std::string capitalized(const std::string& s)
    {
        if (s.empty() || (static_cast<unsigned char>(s[0]) & 0x80U) != 0) {
            return s;
        }
        std::string out = s;
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
        return out;
    }

    void report_unknown_key(const YamlNode& key, const Object& object)
    {
        std::vector<std::string_view> names;
        for (const Field& f : object.fields) {
            names.push_back(f.key);
        }
        std::optional<std::string_view> guess = known_alias(key.value, object);
        if (!guess) {
            guess = nearest(key.value, names);
        }
        const Text where = object_name(object);
        Text hint;
        if (guess) {
            hint = {fmt::format("did you mean '{}'?", *guess), fmt::format("menade du '{}'?", *guess)};
        } else {
            hint = {fmt::format("keys allowed here: {}", join(names)), fmt::format("tillåtna nycklar här: {}", join(names))};
        }
        report("unknown-key", key.position,
               {fmt::format("unknown key '{}' in {}", shorten(key.value), where.en),
                fmt::format("okänd nyckel '{}' i {}", shorten(key.value), where.sv)},
               std::move(hint));
    }

    void report_wrong_type(const Field& field, const YamlNode& key, const YamlNode& value, Text hint = {})
    {
        const Text expected = type_name(field);
        report("wrong-type", value.position,
               {fmt::format("'{}' must be {}, not {}", field.key, expected.en, shorten(kind_of(value).en)),
                fmt::format("'{}' ska vara {}, inte {}", field.key, expected.sv, shorten(kind_of(value).sv))},
               std::move(hint), key.position);
    }

    void check_field(const Field& field, const YamlNode& key, const YamlNode& value)
    {
        if (value.is_null() || value.alias) {
            return; // empty is "not written" (rules say when it is needed); an alias was reported
        }
        switch (field.type) {
        case FieldType::string:
            if (!value.is_scalar()) {
                report_wrong_type(field, key, value,
                                  {"write the text on the same line, or as a block after '>' or '|'",
                                   "skriv texten på samma rad, eller som ett block efter '>' eller '|'"});
            }
            break;
        case FieldType::integer:
            if (!as_integer(value)) {
                report_wrong_type(field, key, value);
            }
            break;
        case FieldType::level:
            if (auto v = as_integer(value); !v) {
                Text hint = quoted_number_hint(value);
                if (hint.en.empty()) {
                    hint = {"write the level as a number: 1 little or not at all, 2 to some extent, 3 well, 4 excellently",
                            "skriv nivån som ett tal: 1 lite eller inte alls, 2 i viss mån, 3 bra, 4 utmärkt"};
                }
                report_wrong_type(field, key, value, std::move(hint));
            } else if (*v < 1 || *v > 4) {
                report("invalid-value", value.position,
                       {fmt::format("'{}' is {}; levels go from 1 to 4", field.key, *v),
                        fmt::format("'{}' är {}; nivåerna går från 1 till 4", field.key, *v)},
                       {"1 little or not at all, 2 to some extent, 3 well, 4 excellently",
                        "1 lite eller inte alls, 2 i viss mån, 3 bra, 4 utmärkt"});
            }
            break;
        case FieldType::value:
            check_value(field, key, value);
            break;
        case FieldType::boolean:
            check_boolean(field, key, value);
            break;
        case FieldType::date:
            check_date(field, key, value);
            break;
        case FieldType::enumeration:
            check_enumeration(field, key, value);
            break;
        case FieldType::object:
            if (!value.is_mapping()) {
                report_wrong_type(field, key, value);
            } else {
                check_object(value, *field.object);
            }
            break;
        case FieldType::object_list:
            if (!value.is_sequence()) {
                report_wrong_type(field, key, value);
                break;
            }
            for (const YamlNode& item : value.items) {
                if (item.alias) {
                    continue;
                }
                if (!item.is_mapping()) {
                    const Text what = object_name(*field.object);
                    report("wrong-type", item.position,
                           {fmt::format("each entry of '{}' must be {} (key: value lines), not {}", field.key, what.en,
                                        shorten(kind_of(item).en)),
                            fmt::format("varje post i '{}' ska vara {} (rader med nyckel: värde), inte {}", field.key,
                                        what.sv, shorten(kind_of(item).sv))});
                    continue;
                }
                check_object(item, *field.object);
            }
            break;
        case FieldType::string_list:
            if (!value.is_sequence()) {
                report_wrong_type(field, key, value,
                                  {fmt::format("write a list: {}: [{}]", field.key, value.is_scalar() ? value.value : "G1"),
                                   fmt::format("skriv en lista: {}: [{}]", field.key, value.is_scalar() ? value.value : "G1")});
                break;
            }
            for (const YamlNode& item : value.items) {
                if (!item.is_scalar()) {
                    report_wrong_type(field, key, item);
                }
            }
            break;
        }
    }

    static Text quoted_number_hint(const YamlNode& value)
    {
        if (value.is_scalar() && value.style == YamlNode::Style::quoted) {
            return {"write the number without quotes", "skriv talet utan citattecken"};
        }
        return {};
    }

    void check_value(const Field& field, const YamlNode& key, const YamlNode& value)
    {
        if (as_value(value)) {
            return;
        }
        if (looks_like_other_boolean(value)) {
            report_invalid_boolean(key, value);
            return;
        }
        Text hint = quoted_number_hint(value);
        if (value.is_plain_scalar() && value.value.find(',') != std::string::npos) {
            hint = {"use a decimal point, not a comma: 3.5", "använd decimalpunkt, inte komma: 3.5"};
        } else if (value.is_plain_scalar() && value.value.find('%') != std::string::npos) {
            hint = {"write the number alone and put \"%\" in the meter's unit",
                    "skriv bara talet och ange \"%\" som mätarens enhet (unit)"};
        }
        report_wrong_type(field, key, value, std::move(hint));
    }

    void report_invalid_boolean(const YamlNode& key, const YamlNode& value)
    {
        report("invalid-boolean", value.position,
               {fmt::format("'{}' is not a boolean barnplan accepts; write true or false", shorten(value.value)),
                fmt::format("'{}' är inget sanningsvärde som barnplan godtar; skriv true eller false", shorten(value.value))},
               {"YAML tools disagree on yes/no/on/off; true and false mean the same everywhere",
                "YAML-verktyg tolkar yes/no/on/off olika; true och false betyder samma sak överallt"},
               key.position);
    }

    void check_boolean(const Field& field, const YamlNode& key, const YamlNode& value)
    {
        if (as_boolean(value)) {
            return;
        }
        if (looks_like_other_boolean(value)) {
            report_invalid_boolean(key, value);
            return;
        }
        report_wrong_type(field, key, value);
    }

    void check_date(const Field& field, const YamlNode& key, const YamlNode& value)
    {
        if (as_date(value)) {
            return;
        }
        if (value.is_scalar() && Date::looks_like_date(value.value)) {
            const int year = std::stoi(value.value.substr(0, 4));
            const int month = std::stoi(value.value.substr(5, 2));
            Text hint = {"check the month and the day", "kontrollera månad och dag"};
            if (month >= 1 && month <= 12) {
                hint = {fmt::format("{:04}-{:02} has {} days", year, month, days_in_month(std::max(year, 1), month)),
                        fmt::format("{:04}-{:02} har {} dagar", year, month, days_in_month(std::max(year, 1), month))};
            }
            report("invalid-date", value.position,
                   {fmt::format("{} is not a day in the calendar", value.value),
                    fmt::format("{} är ingen dag i kalendern", value.value)},
                   std::move(hint), key.position);
            return;
        }
        report_wrong_type(field, key, value,
                          {"dates are written year-month-day with two-digit month and day: 2025-03-14",
                           "datum skrivs år-månad-dag med tvåsiffrig månad och dag: 2025-03-14"});
    }

    void check_enumeration(const Field& field, const YamlNode& key, const YamlNode& value)
    {
        if (value.is_scalar() &&
            std::find(field.values.begin(), field.values.end(), value.value) != field.values.end()) {
            return;
        }
        if (!value.is_scalar()) {
            report_wrong_type(field, key, value);
            return;
        }
        Text hint{fmt::format("allowed: {}", join(field.values)), fmt::format("tillåtna: {}", join(field.values))};
        if (auto guess = nearest(value.value, field.values)) {
            hint = {fmt::format("did you mean '{}'? (allowed: {})", *guess, join(field.values)),
                    fmt::format("menade du '{}'? (tillåtna: {})", *guess, join(field.values))};
        }
        report("invalid-value", value.position,
               {fmt::format("'{}' is not a valid {}", shorten(value.value), field.key),
                fmt::format("'{}' är inte ett giltigt värde för {}", shorten(value.value), field.key)},
               std::move(hint), key.position);
    }

private:
    const std::string& m_file;
    Diagnostics& m_out;
    std::size_t m_dropped = 0;
    Position m_first_dropped;
};

// ---------------------------------------------------------------------------
// Extraction: fill the Plan from a tree the checking pass has already judged.

template <typename T, typename Convert>
Located<T> read(const YamlNode& map, std::string_view key, Convert convert)
{
    Located<T> out;
    const auto* entry = map.is_mapping() ? map.find(key) : nullptr;
    if (entry == nullptr) {
        return out;
    }
    out.key = entry->first.position;
    out.at = entry->second.position;
    // An alias is written but unreadable: present, never valid.
    out.present = !entry->second.is_null() || entry->second.alias;
    if (out.present && !entry->second.alias) {
        if (auto v = convert(entry->second)) {
            out.value = static_cast<T>(*v);
            out.valid = true;
        }
    }
    return out;
}

Located<std::string> read_string(const YamlNode& map, std::string_view key)
{
    Located<std::string> out = read<std::string>(map, key, as_string);
    // Whitespace-only text says nothing; rules treat it as missing.
    if (out.valid && out.value.find_first_not_of(" \t\r\n") == std::string::npos) {
        out.present = false;
    }
    return out;
}

Located<Date> read_date(const YamlNode& map, std::string_view key) { return read<Date>(map, key, as_date); }
Located<bool> read_bool(const YamlNode& map, std::string_view key) { return read<bool>(map, key, as_boolean); }
Located<MeterValue> read_value(const YamlNode& map, std::string_view key) { return read<MeterValue>(map, key, as_value); }

Located<int> read_level(const YamlNode& map, std::string_view key)
{
    return read<int>(map, key, [](const YamlNode& n) -> std::optional<int> {
        auto v = as_integer(n);
        if (!v || *v < 1 || *v > 4) {
            return std::nullopt;
        }
        return static_cast<int>(*v);
    });
}

template <typename E>
Located<E> read_enum(const YamlNode& map, std::string_view key, const std::vector<std::pair<std::string_view, E>>& table)
{
    return read<E>(map, key, [&](const YamlNode& n) -> std::optional<E> {
        if (!n.is_scalar()) {
            return std::nullopt;
        }
        for (const auto& [name, value] : table) {
            if (n.value == name) {
                return value;
            }
        }
        return std::nullopt;
    });
}

/// The items of a list-valued key that are mappings (others were reported).
std::vector<const YamlNode*> list_items(const YamlNode& map, std::string_view key)
{
    std::vector<const YamlNode*> out;
    const auto* entry = map.is_mapping() ? map.find(key) : nullptr;
    if (entry == nullptr || !entry->second.is_sequence()) {
        return out;
    }
    for (const YamlNode& item : entry->second.items) {
        if (item.is_mapping()) {
            out.push_back(&item);
        }
    }
    return out;
}

std::vector<Located<std::string>> read_id_list(const YamlNode& map, std::string_view key)
{
    std::vector<Located<std::string>> out;
    const auto* entry = map.is_mapping() ? map.find(key) : nullptr;
    if (entry == nullptr || !entry->second.is_sequence()) {
        return out;
    }
    for (const YamlNode& item : entry->second.items) {
        if (item.is_scalar()) {
            Located<std::string> id;
            id.value = item.value;
            id.key = item.position;
            id.at = item.position;
            id.present = true;
            id.valid = true;
            out.push_back(std::move(id));
        }
    }
    return out;
}

const std::vector<std::pair<std::string_view, ActionStatus>> k_statuses{
    {"planned", ActionStatus::planned}, {"started", ActionStatus::started},
    {"done", ActionStatus::done},       {"dropped", ActionStatus::dropped}};

Measurement read_measurement(const YamlNode& node)
{
    Measurement m;
    m.position = node.position;
    m.date = read_date(node, "date");
    m.value = read_value(node, "value");
    m.note = read_string(node, "note");
    return m;
}

Meter read_meter(const YamlNode& node)
{
    static const std::vector<std::pair<std::string_view, MeterKind>> k_kinds{
        {"number", MeterKind::number}, {"percent", MeterKind::percent},
        {"yes-no", MeterKind::yes_no}, {"level", MeterKind::level}};
    Meter m;
    m.position = node.position;
    m.id = read_string(node, "id");
    m.what = read_string(node, "what");
    m.kind = read_enum(node, "kind", k_kinds);
    if (!m.kind.present) {
        m.kind.value = MeterKind::number;
    }
    m.unit = read_string(node, "unit");
    m.baseline = read_value(node, "baseline");
    m.target = read_value(node, "target");
    m.due = read_date(node, "due");
    m.source = read_string(node, "source");
    for (const YamlNode* item : list_items(node, "measurements")) {
        m.measurements.push_back(read_measurement(*item));
    }
    return m;
}

Action read_action(const YamlNode& node)
{
    Action a;
    a.position = node.position;
    a.id = read_string(node, "id");
    a.what = read_string(node, "what");
    a.who = read_string(node, "who");
    a.start = read_date(node, "start");
    a.due = read_date(node, "due");
    a.how = read_string(node, "how");
    a.children_views = read_string(node, "children_views");
    a.status = read_enum(node, "status", k_statuses);
    a.recurring = read_bool(node, "recurring");
    a.depends_on = read_id_list(node, "depends_on");
    for (const YamlNode* item : list_items(node, "updates")) {
        ActionUpdate u;
        u.position = item->position;
        u.date = read_date(*item, "date");
        u.status = read_enum(*item, "status", k_statuses);
        u.note = read_string(*item, "note");
        a.updates.push_back(std::move(u));
    }
    return a;
}

Goal read_goal(const YamlNode& node)
{
    static const std::vector<std::pair<std::string_view, GoalBasis>> k_bases{
        {"process-indicator", GoalBasis::process_indicator},
        {"children-views", GoalBasis::children_views},
        {"free-choice", GoalBasis::free_choice}};
    Goal g;
    g.position = node.position;
    g.id = read_string(node, "id");
    g.title = read_string(node, "title");
    g.basis = read_enum(node, "basis", k_bases);
    g.indicator = read_string(node, "indicator");
    g.theme = read_string(node, "theme");
    g.welfare_area = read_bool(node, "welfare_area");
    g.start_level = read_level(node, "start_level");
    g.target_level = read_level(node, "target_level");
    g.current_level = read_level(node, "current_level");
    g.children_views = read_string(node, "children_views");
    for (const YamlNode* item : list_items(node, "levels")) {
        LevelEntry e;
        e.position = item->position;
        e.date = read_date(*item, "date");
        e.level = read_level(*item, "level");
        e.note = read_string(*item, "note");
        g.levels.push_back(std::move(e));
    }
    for (const YamlNode* item : list_items(node, "actions")) {
        g.actions.push_back(read_action(*item));
    }
    for (const YamlNode* item : list_items(node, "meters")) {
        g.meters.push_back(read_meter(*item));
    }
    g.ways = read_id_list(node, "ways");
    return g;
}

void read_partnership(const YamlNode& root, Plan& plan)
{
    plan.idea = read_string(root, "idea");
    plan.strategies = read_id_list(root, "strategies");
    if (const auto* members = root.find("members")) {
        plan.members_key = members->first.position;
    }
    for (const YamlNode* item : list_items(root, "members")) {
        Member m;
        m.position = item->position;
        m.id = read_string(*item, "id");
        m.municipality = read_string(*item, "municipality");
        m.politician = read_string(*item, "politician");
        m.official = read_string(*item, "official");
        plan.members.push_back(std::move(m));
    }
}

void read_barnrattsresan(const YamlNode& root, Plan& plan)
{
    plan.ambition = read_string(root, "ambition");
    if (const auto* areas = root.find("areas")) {
        plan.areas_key = areas->first.position;
    }
    for (const YamlNode* item : list_items(root, "areas")) {
        PriorityArea a;
        a.position = item->position;
        a.id = read_string(*item, "id");
        a.title = read_string(*item, "title");
        a.goal = read_string(*item, "goal");
        if (const auto* fu = item->find("follow_up"); fu != nullptr && fu->second.is_mapping()) {
            a.follow_up.present = true;
            a.follow_up.key = fu->first.position;
            a.follow_up.outcome = read_string(fu->second, "outcome");
            a.follow_up.effects = read_string(fu->second, "effects");
            a.follow_up.goal_reached = read_bool(fu->second, "goal_reached");
            a.follow_up.more_measures = read_bool(fu->second, "more_measures");
            a.follow_up.note = read_string(fu->second, "note");
        }
        plan.areas.push_back(std::move(a));
    }
    if (const auto* departments = root.find("departments")) {
        plan.departments_key = departments->first.position;
    }
    plan.department_paths = read_id_list(root, "departments");
    if (const auto* review = root.find("review"); review != nullptr && review->second.is_mapping()) {
        plan.review.present = true;
        plan.review.key = review->first.position;
        plan.review.date = read_date(review->second, "date");
        plan.review.realistic = read_string(review->second, "realistic");
        plan.review.reaches_goals = read_string(review->second, "reaches_goals");
        plan.review.rights_fulfilled = read_string(review->second, "rights_fulfilled");
    }
    if (const auto* impl = root.find("implementation"); impl != nullptr) {
        plan.implementation = impl->first.position;
        plan.implementation_start = read_date(impl->second, "start");
        plan.implementation_end = read_date(impl->second, "end");
    }
}

Department read_department(const YamlNode& root, const std::string& file)
{
    Department d;
    d.file = file;
    d.name = read_string(root, "department");
    d.position = d.name.key;
    for (const YamlNode* item : list_items(root, "activities")) {
        Activity a;
        a.position = item->position;
        a.id = read_string(*item, "id");
        a.area = read_string(*item, "area");
        a.what = read_string(*item, "what");
        a.who = read_string(*item, "who");
        a.start = read_date(*item, "start");
        a.due = read_date(*item, "due");
        a.resources = read_string(*item, "resources");
        a.indicators = read_string(*item, "indicators");
        a.result = read_string(*item, "result");
        a.status = read_enum(*item, "status", k_statuses);
        d.activities.push_back(std::move(a));
    }
    return d;
}

Plan read_plan(const YamlNode& root, const std::string& file)
{
    static const std::vector<std::pair<std::string_view, Model>> k_models = [] {
        std::vector<std::pair<std::string_view, Model>> out;
        for (const ModelInfo& m : registered_models()) {
            out.emplace_back(m.id, m.model);
        }
        return out;
    }();
    static const std::vector<std::pair<std::string_view, Language>> k_languages{{"sv", Language::sv},
                                                                                {"en", Language::en}};
    Plan plan;
    plan.file = file;
    plan.format_version = read<int>(root, "barnplan", as_integer);
    plan.model = read_enum(root, "model", k_models);
    plan.language = read_enum(root, "language", k_languages);
    plan.language_code = read_string(root, "language");
    plan.municipality = read_string(root, "municipality");
    plan.coordinator = read_string(root, "coordinator");
    if (const auto* period = root.find("period")) {
        plan.period = period->first.position;
        plan.period_start = read_date(period->second, "start");
        plan.period_end = read_date(period->second, "end");
    }
    plan.stage = read_string(root, "stage");
    plan.vision = read_string(root, "vision");
    plan.strategy_link = read_string(root, "strategy_link");
    plan.informing = read_string(root, "informing");
    if (const auto* wc = root.find("welfare_commitment"); wc != nullptr && wc->second.is_mapping()) {
        plan.has_welfare_commitment = true;
        plan.welfare_commitment_key = wc->first.position;
        plan.welfare_commitment.by = read_string(wc->second, "by");
        plan.welfare_commitment.date = read_date(wc->second, "date");
        plan.welfare_commitment.ref = read_string(wc->second, "ref");
    }
    if (const auto* ev = root.find("evaluation"); ev != nullptr && ev->second.is_mapping()) {
        plan.has_evaluation = true;
        plan.evaluation.meeting = read_date(ev->second, "meeting");
        plan.evaluation.booked = read_date(ev->second, "booked");
        plan.evaluation.form_started = read_date(ev->second, "form_started");
        plan.evaluation.form_approved = read_date(ev->second, "form_approved");
        plan.evaluation.form_stored = read_date(ev->second, "form_stored");
    }
    if (const auto* goals = root.find("goals")) {
        plan.goals_key = goals->first.position;
    }
    const std::vector<const YamlNode*> goal_items = list_items(root, "goals");
    plan.goals.reserve(goal_items.size()); // a Goal is large: no doubling on the way
    for (const YamlNode* item : goal_items) {
        plan.goals.push_back(read_goal(*item));
    }
    for (const YamlNode* item : list_items(root, "meetings")) {
        Meeting m;
        m.position = item->position;
        m.date = read_date(*item, "date");
        m.kind = read_string(*item, "kind");
        m.note = read_string(*item, "note");
        m.goals = read_id_list(*item, "goals");
        m.host = read_string(*item, "host");
        plan.meetings.push_back(std::move(m));
    }
    for (const YamlNode* item : list_items(root, "history")) {
        HistoryEntry h;
        h.position = item->position;
        h.date = read_date(*item, "date");
        h.stage = read_string(*item, "stage");
        h.by = read_string(*item, "by");
        h.ref = read_string(*item, "ref");
        h.note = read_string(*item, "note");
        plan.history.push_back(std::move(h));
    }
    read_partnership(root, plan);
    read_barnrattsresan(root, plan);
    return plan;
}

// ---------------------------------------------------------------------------
// Checks across the plan: ids, references, values against their meter's kind.

void check_ids(const Plan& plan, Loader& loader)
{
    std::unordered_map<std::string, Position> seen;
    auto note = [&](const Located<std::string>& id) {
        if (!id.ok()) {
            return;
        }
        auto [it, inserted] = seen.emplace(id.value, id.at);
        if (!inserted) {
            loader.report("duplicate-id", id.at,
                          {fmt::format("id '{}' is used twice (first on line {})", shorten(id.value), it->second.line),
                           fmt::format("id '{}' används två gånger (först på rad {})", shorten(id.value), it->second.line)},
                          {"every goal, action and meter needs its own id; other commands find entries by it",
                           "varje målsättning, åtgärd och mätare behöver ett eget id; andra kommandon hittar posterna med det"},
                          it->second);
        }
    };
    std::unordered_map<std::string, bool> goal_ids;
    std::unordered_map<std::string, bool> action_ids;
    for (const Goal& g : plan.goals) {
        note(g.id);
        goal_ids[g.id.value] = true;
        for (const Action& a : g.actions) {
            note(a.id);
            action_ids[a.id.value] = true;
        }
        for (const Meter& m : g.meters) {
            note(m.id);
        }
    }
    for (const Member& m : plan.members) {
        note(m.id);
    }
    for (const PriorityArea& a : plan.areas) {
        note(a.id);
    }
    // A did-you-mean compares with every id: sorted once per kind, and only for
    // the first unknown references, so thousands of them stay linear.
    constexpr std::size_t k_max_suggestions = 100;
    std::size_t suggestions = 0;
    std::map<const void*, std::vector<std::string_view>> sorted_ids;
    auto check_reference = [&](const Located<std::string>& ref, const std::unordered_map<std::string, bool>& ids,
                               const Text& what) {
        if (ids.count(ref.value) != 0U) {
            return;
        }
        Text hint{"check the spelling of the id", "kontrollera stavningen av id:t"};
        if (!loader.full() && suggestions++ < k_max_suggestions) {
            std::vector<std::string_view>& known = sorted_ids[&ids];
            if (known.empty()) {
                known.reserve(ids.size());
                for (const auto& [id, unused] : ids) {
                    known.push_back(id);
                }
                // Sorted, so that of two equally near ids the same one is named.
                std::sort(known.begin(), known.end());
            }
            if (auto guess = nearest(ref.value, known)) {
                hint = {fmt::format("did you mean '{}'?", *guess), fmt::format("menade du '{}'?", *guess)};
            }
        }
        loader.report("unknown-reference", ref.at,
                      {fmt::format("there is no {} with id '{}'", what.en, shorten(ref.value)),
                       fmt::format("det finns ingen {} med id '{}'", what.sv, shorten(ref.value))},
                      std::move(hint));
    };
    for (const Goal& g : plan.goals) {
        for (const Action& a : g.actions) {
            for (const auto& ref : a.depends_on) {
                check_reference(ref, action_ids, {"action", "åtgärd"});
            }
        }
    }
    for (const Meeting& m : plan.meetings) {
        for (const auto& ref : m.goals) {
            check_reference(ref, goal_ids, {"goal", "målsättning"});
        }
    }
}

void check_meter_values(const Plan& plan, Loader& loader)
{
    for (const Goal& g : plan.goals) {
        for (const Meter& m : g.meters) {
            const MeterKind kind = m.kind.valid ? m.kind.value : MeterKind::number;
            auto check = [&](const Located<MeterValue>& v, std::string_view key) {
                if (!v.ok()) {
                    return;
                }
                Text problem;
                if (kind == MeterKind::yes_no && !v.value.is_boolean) {
                    problem = {"true or false", "true eller false"};
                } else if (kind != MeterKind::yes_no && v.value.is_boolean) {
                    problem = {"a number", "ett tal"};
                } else if (kind == MeterKind::level &&
                           (v.value.number != std::floor(v.value.number) || v.value.number < 1 || v.value.number > 4)) {
                    problem = {"a level from 1 to 4", "en nivå från 1 till 4"};
                } else if (kind == MeterKind::percent && (v.value.number < 0 || v.value.number > 100)) {
                    problem = {"a percentage from 0 to 100", "en procentsats från 0 till 100"};
                } else {
                    return;
                }
                loader.report("wrong-type", v.at,
                              {fmt::format("'{}' of {} meter {} must be {}", key, to_string(kind), shorten(m.id.value),
                                           problem.en),
                               fmt::format("'{}' för {}-mätaren {} ska vara {}", key, to_string(kind),
                                           shorten(m.id.value), problem.sv)},
                              {"change the value, or the meter's 'kind'", "ändra värdet, eller mätarens 'kind'"},
                              v.key);
            };
            check(m.baseline, "baseline");
            check(m.target, "target");
            for (const Measurement& x : m.measurements) {
                check(x.value, "value");
            }
        }
    }
}

void check_stages(const Plan& plan, Loader& loader)
{
    if (!plan.model.ok()) {
        return;
    }
    const auto& stages = stages_of(plan.model.value);
    auto check = [&](const Located<std::string>& stage) {
        if (!stage.ok() || std::find(stages.begin(), stages.end(), stage.value) != stages.end()) {
            return;
        }
        // Only stages of other models get here: the table check caught the rest.
        if (std::find(format::all_stage_names().begin(), format::all_stage_names().end(), stage.value) ==
            format::all_stage_names().end()) {
            return;
        }
        loader.report("invalid-value", stage.at,
                      {fmt::format("'{}' is not a stage of the {} model", stage.value, to_string(plan.model.value)),
                       fmt::format("'{}' är inget skede i modellen {}", stage.value, to_string(plan.model.value))},
                      {fmt::format("stages: {}", join(stages)), fmt::format("skeden: {}", join(stages))});
    };
    check(plan.stage);
    for (const HistoryEntry& h : plan.history) {
        check(h.stage);
    }
}

/// Loads the department files the plan lists, each checked against the
/// department format and named in its own findings.
void load_departments(Plan& plan, const SourceResolver& resolver, const YamlLimits& limits, LoadResult& result)
{
    Loader main(plan.file, result.diagnostics);
    std::unordered_map<std::string, Position> activity_ids;
    std::unordered_map<std::string, std::string> activity_files;
    for (const Located<std::string>& pattern : plan.department_paths) {
        ResolvedSources found = resolver.resolve(pattern.value);
        if (!found.error.en.empty()) {
            main.report("department-file", pattern.at, std::move(found.error),
                        {"list department files relative to the plan, inside its repository, e.g. avdelningar/*.yaml",
                         "ange avdelningsfiler relativt planen, inom dess förråd, t.ex. avdelningar/*.yaml"});
            continue;
        }
        for (SourceText& source : found.files) {
            const bool seen = std::any_of(result.sources.begin(), result.sources.end(),
                                          [&](const SourceText& s) { return s.name == source.name; });
            if (seen) {
                continue; // two patterns naming one file: it is one department
            }
            result.sources.push_back(std::move(source));
            const SourceText& src = result.sources.back();
            YamlDocument doc = parse_yaml(src.text, src.name, limits);
            result.diagnostics.insert(result.diagnostics.end(), doc.diagnostics.begin(), doc.diagnostics.end());
            if (!doc.root) {
                continue;
            }
            Loader loader(src.name, result.diagnostics);
            const YamlNode& root = *doc.root;
            if (!root.is_mapping() || root.find("department") == nullptr || root.find("barnplan") != nullptr) {
                loader.report("department-file", root.position,
                              {"this file is listed as a department file but is not one (no 'department:' key, or a 'barnplan:' key)",
                               "filen är listad som avdelningsfil men är ingen (nyckeln 'department:' saknas, eller har nyckeln 'barnplan:')"},
                              {"a department file starts with 'department: NAME' and lists 'activities:'; it has no 'barnplan:' key",
                               "en avdelningsfil börjar med 'department: NAMN' och listar 'activities:'; den har ingen nyckel 'barnplan:'"});
                continue;
            }
            loader.check_object(root, format::department_object());
            Department department = read_department(root, src.name);
            for (const Activity& a : department.activities) {
                if (!a.id.ok()) {
                    continue;
                }
                auto [it, inserted] = activity_ids.emplace(a.id.value, a.id.at);
                if (!inserted) {
                    const std::string& first = activity_files[a.id.value];
                    loader.report("duplicate-id", a.id.at,
                                  {fmt::format("id '{}' is used twice (first in {} on line {})", shorten(a.id.value), first,
                                               it->second.line),
                                   fmt::format("id '{}' används två gånger (först i {} på rad {})", shorten(a.id.value),
                                               first, it->second.line)},
                                  {"every activity needs its own id in the joint plan; prefix it with the department",
                                   "varje aktivitet behöver ett eget id i den gemensamma planen; inled det med avdelningen"});
                } else {
                    activity_files[a.id.value] = src.name;
                }
            }
            plan.departments.push_back(std::move(department));
        }
    }
}

} // namespace

LoadResult load_plan(std::string_view text, const std::string& file, const YamlLimits& limits,
                     const SourceResolver* resolver)
{
    LoadResult result;
    YamlDocument doc = parse_yaml(text, file, limits);
    result.diagnostics = std::move(doc.diagnostics);
    if (!doc.root && result.diagnostics.empty()) {
        Loader(file, result.diagnostics)
            .report("not-a-plan", {},
                    {"the file holds no YAML document (it is empty or only comments)",
                     "filen innehåller inget YAML-dokument (den är tom eller har bara kommentarer)"},
                    {"start a plan with 'barnplan init'", "börja en plan med 'barnplan init'"});
        return result;
    }
    if (!doc.root) {
        // Unparsable: still call it a plan if it says so, so that a broken plan
        // in a directory walk is reported rather than skipped.
        const std::string_view body = text.substr(std::min<std::size_t>(doc.bom_bytes, text.size()));
        result.is_plan = body.rfind("barnplan:", 0) == 0 || body.find("\nbarnplan:") != std::string_view::npos ||
                         body.find("\nbarnplan :") != std::string_view::npos;
        return result;
    }
    const YamlNode& root = *doc.root;
    result.is_plan = root.is_mapping() && root.find("barnplan") != nullptr;
    Loader loader(file, result.diagnostics);
    if (!root.is_mapping()) {
        loader.report("not-a-plan", root.position,
                      {"the file is not a barnplan plan: its top level is not a mapping",
                       "filen är ingen barnplan-plan: översta nivån är ingen mappning"},
                      {"a plan starts with lines such as 'barnplan: 1' and 'model: unicef-bvk'",
                       "en plan börjar med rader som 'barnplan: 1' och 'model: unicef-bvk'"});
        return result;
    }
    if (!result.is_plan && root.find("department") != nullptr) {
        loader.report("not-a-plan", root.position,
                      {"this is a Barnrättsresan department file, not a plan",
                       "det här är en avdelningsfil för Barnrättsresan, ingen plan"},
                      {"check the main plan that lists it under 'departments:'",
                       "kontrollera huvudplanen som listar den under 'departments:'"});
        return result;
    }
    if (!result.is_plan) {
        loader.report("not-a-plan", root.position,
                      {"the file is not a barnplan plan: it has no 'barnplan:' key",
                       "filen är ingen barnplan-plan: den saknar nyckeln 'barnplan:'"},
                      {"a plan starts with lines such as 'barnplan: 1' and 'model: unicef-bvk'",
                       "en plan börjar med rader som 'barnplan: 1' och 'model: unicef-bvk'"});
        return result;
    }
    if (const auto* version = root.find("barnplan"); version != nullptr) {
        if (auto v = as_integer(version->second); v && *v != format::k_version) {
            loader.report("unsupported-version", version->second.position,
                          {fmt::format("this file is format version {}; this barnplan reads version {}", *v,
                                       format::k_version),
                           fmt::format("filen har formatversion {}; den här barnplan läser version {}", *v,
                                       format::k_version)},
                          {"use a barnplan that knows this version, or write 'barnplan: 1'",
                           "använd en barnplan som känner till versionen, eller skriv 'barnplan: 1'"});
            return result;
        }
    }
    loader.check_object(root, format::plan_object());
    Plan plan = read_plan(root, file);
    check_ids(plan, loader);
    check_meter_values(plan, loader);
    check_stages(plan, loader);
    if (resolver != nullptr) {
        load_departments(plan, *resolver, limits, result);
    }
    result.plan = std::move(plan);
    return result;
}

std::optional<std::string_view> nearest(std::string_view word, const std::vector<std::string_view>& candidates)
{
    std::optional<std::string_view> best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (std::string_view c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string shorten(std::string_view s)
{
    constexpr std::size_t k_max = 40;
    if (s.size() <= k_max) {
        return std::string(s);
    }
    std::size_t cut = k_max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U) {
        --cut;
    }
    return std::string(s.substr(0, cut)) + "…";
}

} // namespace barnplan
