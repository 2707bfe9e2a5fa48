#include <barnplan/config.hpp>
#include <barnplan/lifecycle.hpp>
#include <barnplan/loader.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

namespace barnplan {
namespace {

constexpr std::string_view k_top_keys[] = {"language", "rules", "thresholds", "plans", "exclude"};
constexpr std::string_view k_threshold_keys[] = {"deadline-warning-days", "stale-days", "due-soon-days"};

std::string join(const std::vector<std::string_view>& words)
{
    std::string out;
    for (std::string_view w : words) {
        out += out.empty() ? "" : ", ";
        out += w;
    }
    return out;
}

class ConfigReader {
public:
    ConfigReader(const std::string& file, ConfigResult& out) : m_file(file), m_out(out) {}

    void read(const YamlNode& root)
    {
        if (root.is_null()) {
            return; // an empty file: every default
        }
        if (!root.is_mapping()) {
            report("wrong-type", root.position,
                   {"the configuration is not a mapping of keys", "konfigurationen är ingen mappning av nycklar"},
                   {"write keys such as 'rules:' and 'language:' at the top level",
                    "skriv nycklar som 'rules:' och 'language:' på översta nivån"});
            return;
        }
        for (const auto& [key, value] : entries(root)) {
            const std::string& name = key->value;
            if (name == "language") {
                read_language(*key, *value);
            } else if (name == "rules") {
                read_rules(*key, *value);
            } else if (name == "thresholds") {
                read_thresholds(*key, *value);
            } else if (name == "plans") {
                read_globs(*key, *value, m_out.config.plans);
            } else if (name == "exclude") {
                read_globs(*key, *value, m_out.config.exclude);
            } else {
                unknown_key(*key, {std::begin(k_top_keys), std::end(k_top_keys)},
                            {"the configuration", "konfigurationen"});
            }
        }
    }

private:
    void report(std::string_view rule, const Position& at, Text message, Text hint = {})
    {
        Diagnostic d;
        d.rule = std::string(rule);
        d.severity = Severity::error;
        d.file = m_file;
        d.position = at;
        d.message = std::move(message);
        d.hint = std::move(hint);
        m_out.diagnostics.push_back(std::move(d));
    }

    /// The entries of a mapping, each key once: the parser has already
    /// reported a duplicate, and its second value is not read; nor is an
    /// alias, refused and reported by the parser too.
    static std::vector<std::pair<const YamlNode*, const YamlNode*>> entries(const YamlNode& mapping)
    {
        std::vector<std::pair<const YamlNode*, const YamlNode*>> out;
        std::set<std::string> seen;
        for (const auto& [key, value] : mapping.entries) {
            if (key.is_scalar() && !value.alias && seen.insert(key.value).second) {
                out.emplace_back(&key, &value);
            }
        }
        return out;
    }

    void unknown_key(const YamlNode& key, const std::vector<std::string_view>& allowed, const Text& where)
    {
        const std::optional<std::string_view> guess = nearest(key.value, allowed);
        Text hint = guess ? Text{fmt::format("did you mean '{}'?", *guess), fmt::format("menade du '{}'?", *guess)}
                          : Text{fmt::format("keys allowed here: {}", join(allowed)),
                                 fmt::format("tillåtna nycklar här: {}", join(allowed))};
        report("unknown-key", key.position,
               {fmt::format("unknown key '{}' in {}", shorten(key.value), where.en),
                fmt::format("okänd nyckel '{}' i {}", shorten(key.value), where.sv)},
               std::move(hint));
    }

    void wrong_type(const YamlNode& key, const YamlNode& value, const Text& expected)
    {
        report("wrong-type", value.is_null() ? key.position : value.position,
               {fmt::format("'{}' must be {}", key.value, expected.en),
                fmt::format("'{}' ska vara {}", key.value, expected.sv)});
    }

    void read_language(const YamlNode& key, const YamlNode& value)
    {
        if (!value.is_scalar()) {
            wrong_type(key, value, {"sv or en", "sv eller en"});
        } else if (value.value == "sv") {
            m_out.config.language = Language::sv;
        } else if (value.value == "en") {
            m_out.config.language = Language::en;
        } else {
            report("invalid-value", value.position,
                   {fmt::format("'{}' is not a language barnplan speaks", shorten(value.value)),
                    fmt::format("'{}' är inget språk som barnplan talar", shorten(value.value))},
                   {"write sv or en", "skriv sv eller en"});
        }
    }

    void read_rules(const YamlNode& key, const YamlNode& value)
    {
        if (!value.is_mapping()) {
            wrong_type(key, value,
                       {"a mapping of rule ids to off, warning or error",
                        "en mappning från regel-id till off, warning eller error"});
            return;
        }
        for (const auto& [rule, setting] : entries(value)) {
            if (!known_rule(*rule)) {
                continue;
            }
            if (!setting->is_scalar() ||
                (setting->value != "off" && setting->value != "warning" && setting->value != "error")) {
                report(setting->is_scalar() ? "invalid-value" : "wrong-type",
                       setting->is_null() ? rule->position : setting->position,
                       {fmt::format("rule '{}' must be set to off, warning or error", rule->value),
                        fmt::format("regeln '{}' ska sättas till off, warning eller error", rule->value)},
                       {fmt::format("write '{}: off', '{}: warning' or '{}: error'", rule->value, rule->value,
                                    rule->value),
                        fmt::format("skriv '{}: off', '{}: warning' eller '{}: error'", rule->value, rule->value,
                                    rule->value)});
                continue;
            }
            const RuleSetting s = setting->value == "off"       ? RuleSetting::off
                                  : setting->value == "warning" ? RuleSetting::warning
                                                                : RuleSetting::error;
            m_out.config.rules.push_back({rule->value, s, rule->position});
        }
    }

    /// Whether `rule` names a rule that can be configured; reported if not.
    bool known_rule(const YamlNode& rule)
    {
        if (rule_configurable(rule.value)) {
            return true;
        }
        if (find_rule(rule.value) != nullptr) {
            report(
                "invalid-value", rule.position,
                {fmt::format("'{}' is a check of the file itself and cannot be turned off or changed", rule.value),
                 fmt::format("'{}' är en kontroll av själva filen och kan inte stängas av eller ändras", rule.value)},
                {"a plan that fails it cannot be read as meant; correct the plan instead",
                 "en plan som inte klarar den kan inte läsas som avsett; rätta planen i stället"});
            return false;
        }
        for (const Gate* gate : all_gates()) {
            if (gate->id == rule.value) {
                report(
                    "invalid-value", rule.position,
                    {fmt::format("'{}' is a condition of 'barnplan advance', not a rule, and cannot be configured",
                                 rule.value),
                     fmt::format("'{}' är ett villkor för 'barnplan advance', ingen regel, och kan inte konfigureras",
                                 rule.value)});
                return false;
            }
        }
        std::vector<std::string_view> ids;
        for (const RuleInfo& r : rule_catalog()) {
            if (rule_configurable(r.id)) {
                ids.push_back(r.id);
            }
        }
        const std::optional<std::string_view> guess = nearest(rule.value, ids);
        report("unknown-key", rule.position,
               {fmt::format("unknown rule '{}' in 'rules'", shorten(rule.value)),
                fmt::format("okänd regel '{}' i 'rules'", shorten(rule.value))},
               guess ? Text{fmt::format("did you mean '{}'?", *guess), fmt::format("menade du '{}'?", *guess)}
                     : Text{"'barnplan rules' lists every rule id", "'barnplan rules' listar alla regel-id"});
        return false;
    }

    void read_thresholds(const YamlNode& key, const YamlNode& value)
    {
        if (!value.is_mapping()) {
            wrong_type(key, value,
                       {"a mapping of thresholds to numbers of days", "en mappning från gränsvärden till antal dagar"});
            return;
        }
        Thresholds& t = m_out.config.thresholds;
        for (const auto& [name, number] : entries(value)) {
            int* target = name->value == "deadline-warning-days" ? &t.deadline_warning_days
                          : name->value == "stale-days"          ? &t.stale_days
                          : name->value == "due-soon-days"       ? &t.due_soon_days
                                                                 : nullptr;
            if (target == nullptr) {
                unknown_key(*name, {std::begin(k_threshold_keys), std::end(k_threshold_keys)},
                            {"'thresholds'", "'thresholds'"});
                continue;
            }
            const int least = name->value == "deadline-warning-days" ? 0 : 1;
            constexpr int k_most = 10000;
            int days = 0;
            const std::string& text = number->value;
            const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
            if (!number->is_plain_scalar() || text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
                wrong_type(*name, *number, {"a whole number of days", "ett helt antal dagar"});
                continue;
            }
            if (days < least || days > k_most) {
                report(
                    "invalid-value", number->position,
                    {fmt::format("'{}' is {}; it must be between {} and {} days", name->value, days, least, k_most),
                     fmt::format("'{}' är {}; det ska vara mellan {} och {} dagar", name->value, days, least, k_most)});
                continue;
            }
            *target = days;
        }
    }

    void read_globs(const YamlNode& key, const YamlNode& value, std::vector<std::string>& out)
    {
        if (!value.is_sequence()) {
            wrong_type(key, value,
                       {"a list of file patterns, such as [\"plans/*.yaml\"]",
                        "en lista med filmönster, som [\"plans/*.yaml\"]"});
            return;
        }
        std::vector<std::string> globs;
        for (const YamlNode& item : value.items) {
            if (!item.is_scalar() || item.value.empty()) {
                report("wrong-type", item.position,
                       {"a file pattern must be a non-empty text", "ett filmönster ska vara en text som inte är tom"});
                continue;
            }
            if (item.value.front() == '/' || item.value.find('\\') != std::string::npos) {
                report(
                    "invalid-value", item.position,
                    {fmt::format("'{}' is not a pattern relative to the configuration's directory", shorten(item.value)),
                     fmt::format("'{}' är inget mönster relativt till konfigurationens katalog", shorten(item.value))},
                    {"write it with '/' between directories and without a leading '/'",
                     "skriv det med '/' mellan kataloger och utan inledande '/'"});
                continue;
            }
            globs.push_back(item.value);
        }
        out = std::move(globs);
    }

    const std::string& m_file;
    ConfigResult& m_out;
};

bool match_segment(std::string_view pattern, std::string_view text)
{
    // Iterative '*' matching with one backtrack point: linear in practice and
    // never exponential on hostile patterns.
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t star = std::string_view::npos;
    std::size_t resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

std::vector<std::string_view> split(std::string_view path)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start) {
            out.push_back(path.substr(start, end - start));
        }
        if (slash == std::string_view::npos) {
            break;
        }
        start = slash + 1;
    }
    return out;
}

bool match_segments(const std::vector<std::string_view>& pattern, std::size_t p,
                    const std::vector<std::string_view>& path, std::size_t t)
{
    while (p < pattern.size()) {
        if (pattern[p] == "**") {
            // Collapse runs of '**' so that their count does not multiply the work.
            while (p + 1 < pattern.size() && pattern[p + 1] == "**") {
                ++p;
            }
            for (std::size_t skip = t; skip <= path.size(); ++skip) {
                if (match_segments(pattern, p + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        if (t >= path.size() || !match_segment(pattern[p], path[t])) {
            return false;
        }
        ++p;
        ++t;
    }
    return t == path.size();
}

} // namespace

ConfigResult parse_config(std::string_view text, const std::string& file, const YamlLimits& limits)
{
    ConfigResult out;
    out.config.file = file;
    YamlDocument doc = parse_yaml(text, file, limits);
    out.diagnostics = std::move(doc.diagnostics);
    if (doc.root) {
        ConfigReader(file, out).read(*doc.root);
    }
    for (Diagnostic& d : out.diagnostics) {
        d.severity = Severity::error; // a configuration is right or it is refused
    }
    sort_diagnostics(out.diagnostics);
    return out;
}

bool rule_configurable(std::string_view rule)
{
    const RuleInfo* info = find_rule(rule);
    return info != nullptr && info->family != "loader";
}

void apply_rule_settings(const Config& config, Diagnostics& diagnostics)
{
    if (config.rules.empty()) {
        return;
    }
    auto setting_of = [&](const std::string& rule) -> const RuleOverride* {
        // The last entry wins, as a reader of the file would expect.
        for (auto it = config.rules.rbegin(); it != config.rules.rend(); ++it) {
            if (it->rule == rule) {
                return &*it;
            }
        }
        return nullptr;
    };
    Diagnostics kept;
    kept.reserve(diagnostics.size());
    for (Diagnostic& d : diagnostics) {
        const RuleOverride* o = setting_of(d.rule);
        if (o == nullptr) {
            kept.push_back(std::move(d));
        } else if (o->setting != RuleSetting::off) {
            d.severity = o->setting == RuleSetting::warning ? Severity::warning : Severity::error;
            kept.push_back(std::move(d));
        }
    }
    diagnostics = std::move(kept);
}

RuleContext rule_context(const Config& config, Date today)
{
    RuleContext context;
    context.today = today;
    context.deadline_warning_days = config.thresholds.deadline_warning_days;
    return context;
}

bool glob_match(std::string_view pattern, std::string_view path)
{
    const std::vector<std::string_view> segments = split(path);
    if (pattern.find('/') == std::string_view::npos) {
        return !segments.empty() && match_segment(pattern, segments.back());
    }
    return match_segments(split(pattern), 0, segments, 0);
}

bool is_plan_path(const Config& config, std::string_view path)
{
    auto any = [&](const std::vector<std::string>& globs) {
        return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return glob_match(g, path); });
    };
    return any(config.plans) && !any(config.exclude);
}

} // namespace barnplan
