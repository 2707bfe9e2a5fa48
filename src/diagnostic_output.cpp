#include <barnplan/diagnostic_output.hpp>
#include <barnplan/escape.hpp>
#include <barnplan/rules.hpp>
#include <barnplan/yaml_tree.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <tuple>

namespace barnplan {
namespace {

struct Style {
    bool on;
    [[nodiscard]] std::string wrap(std::string_view code, std::string_view text) const
    {
        if (!on) {
            return std::string(text);
        }
        return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
    }
};

std::string_view severity_word(Severity s, Language lang)
{
    if (lang == Language::sv) {
        return s == Severity::error ? "fel" : "varning";
    }
    return s == Severity::error ? "error" : "warning";
}

std::string location(const std::string& file, const Position& p)
{
    if (!p.known()) {
        return file;
    }
    return fmt::format("{}:{}:{}", file, p.line, p.column);
}

/// Byte offset of the `n`th code point of `s` (or its size).
std::size_t byte_of_code_point(std::string_view s, std::size_t n)
{
    std::size_t byte = 0;
    for (std::size_t i = 0; i < n && byte < s.size(); ++i) {
        ++byte;
        while (byte < s.size() && (static_cast<unsigned char>(s[byte]) & 0xC0U) == 0x80U) {
            ++byte;
        }
    }
    return byte;
}

/// The source line and a caret line under the token at `p`. A long line is
/// shown as a window around the token, so a megabyte line prints a screenful.
std::string excerpt(const LineIndex& index, const Position& p, const Style& style)
{
    constexpr std::size_t k_before = 40; // code points kept before the token
    constexpr std::size_t k_window = 100;
    if (!p.known() || p.line > index.line_count()) {
        return {};
    }
    std::string_view raw = index.line_text(p.line);
    // The byte offset finds the token at once; counting code points from the
    // line's start would make many findings on one long line quadratic.
    const std::size_t start = index.line_offset(p.line);
    const bool offset_on_line = p.offset >= start && p.offset - start <= raw.size() && (p.offset != 0 || start == 0);
    std::size_t token_at = offset_on_line ? p.offset - start : byte_of_code_point(raw, p.column - 1);
    std::string lead;
    std::string tail;
    std::size_t code_points = 0; // counted only as far as the window needs
    for (std::size_t i = 0; i < raw.size() && code_points <= k_window; ++i) {
        code_points += (static_cast<unsigned char>(raw[i]) & 0xC0U) != 0x80U ? 1U : 0U;
    }
    // Only a line too long to show is cut, and then around the token.
    if (code_points > k_window && p.column - 1 > k_before) {
        std::size_t cut = token_at;
        for (std::size_t n = 0; n < k_before && cut > 0; ++n) {
            --cut;
            while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0U) == 0x80U) {
                --cut;
            }
        }
        raw.remove_prefix(cut);
        token_at -= cut;
        lead = "…";
    }
    const std::size_t end = byte_of_code_point(raw, k_window);
    if (code_points > k_window && end < raw.size()) {
        raw = raw.substr(0, end);
        tail = "…";
    }
    token_at = std::min(token_at, raw.size());
    const std::size_t token_bytes = std::min(std::max<std::size_t>(p.length, 1), raw.size() - token_at);
    const std::string before = lead + terminal_safe(raw.substr(0, token_at));
    const std::string token = terminal_safe(raw.substr(token_at, token_bytes));
    const std::string after = terminal_safe(raw.substr(token_at + token_bytes)) + tail;
    const std::string number = fmt::format("{:>5}", p.line);
    std::string out;
    out += fmt::format("{} | {}{}{}\n", style.wrap("34", number), before, token, after);
    const std::string carets(std::max<std::size_t>(display_width(token), 1), '^');
    out += fmt::format("{} | {}{}\n", std::string(number.size(), ' '), std::string(display_width(before), ' '),
                       style.wrap("32;1", carets));
    return out;
}

std::string summary_line(std::size_t errors, std::size_t warnings, std::size_t files_with_findings, std::size_t files,
                         Language lang)
{
    if (lang == Language::sv) {
        return fmt::format("{} fel och {} {} i {} av {} {}", errors, warnings, warnings == 1 ? "varning" : "varningar",
                           files_with_findings, files, files == 1 ? "fil" : "filer");
    }
    return fmt::format("{} {} and {} {} in {} of {} {}", errors, errors == 1 ? "error" : "errors", warnings,
                       warnings == 1 ? "warning" : "warnings", files_with_findings, files, files == 1 ? "file" : "files");
}

} // namespace

std::string render_text(const std::vector<CheckedFile>& files, const OutputOptions& options)
{
    const Style style{options.color};
    std::string out;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t with_findings = 0;
    for (const CheckedFile& file : files) {
        if (file.diagnostics.empty()) {
            continue;
        }
        ++with_findings;
        const LineIndex index(file.text);
        for (const Diagnostic& d : file.diagnostics) {
            const bool error = d.severity == Severity::error;
            (error ? errors : warnings) += 1;
            const std::string label = fmt::format("{}[{}]", severity_word(d.severity, file.language), d.rule);
            out += fmt::format("{}: {}: {}\n", style.wrap("1", terminal_safe(location(d.file, d.position))),
                               style.wrap(error ? "31;1" : "33;1", label),
                               terminal_safe(localized(d.message, file.language)));
            out += excerpt(index, d.position, style);
            const std::string& hint = localized(d.hint, file.language);
            if (!hint.empty()) {
                out += fmt::format("      {} {}\n", style.wrap("36;1", file.language == Language::sv ? "tips:" : "hint:"),
                                   terminal_safe(hint));
            }
        }
    }
    if (errors + warnings > 0 && options.summary) {
        out += summary_line(errors, warnings, with_findings, files.size(), options.language) + "\n";
    } else if (options.verbose) {
        out += options.language == Language::sv
                   ? fmt::format("{} {}, inga problem\n", files.size(),
                                 files.size() == 1 ? "fil kontrollerad" : "filer kontrollerade")
                   : fmt::format("{} {} checked, no problems\n", files.size(), files.size() == 1 ? "file" : "files");
    }
    return out;
}

std::string render_json(const std::vector<CheckedFile>& files, const OutputOptions& options)
{
    using nlohmann::ordered_json;
    ordered_json root;
    root["tool"] = "barnplan";
    root["version"] = options.tool_version;
    ordered_json list = ordered_json::array();
    ordered_json all = ordered_json::array();
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const CheckedFile& file : files) {
        const std::size_t e = count_severity(file.diagnostics, Severity::error);
        const std::size_t w = count_severity(file.diagnostics, Severity::warning);
        errors += e;
        warnings += w;
        list.push_back({{"file", file.name}, {"errors", e}, {"warnings", w}});
        for (const Diagnostic& d : file.diagnostics) {
            ordered_json j;
            j["file"] = d.file;
            j["line"] = d.position.line;
            j["column"] = d.position.column;
            j["severity"] = d.severity == Severity::error ? "error" : "warning";
            j["rule"] = d.rule;
            j["message"] = localized(d.message, file.language);
            j["hint"] = localized(d.hint, file.language);
            if (d.related.known()) {
                j["related"] = {{"line", d.related.line}, {"column", d.related.column}};
            }
            all.push_back(std::move(j));
        }
    }
    root["files"] = std::move(list);
    root["diagnostics"] = std::move(all);
    root["summary"] = {{"files", files.size()}, {"errors", errors}, {"warnings", warnings}};
    // Invalid UTF-8 never reaches here (the loader refuses it), but replace
    // rather than throw if it ever did.
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string render_github(const std::vector<CheckedFile>& files, const OutputOptions& /*options*/)
{
    std::string out;
    for (const CheckedFile& file : files) {
        for (const Diagnostic& d : file.diagnostics) {
            std::string props = "file=" + github_escape_property(d.file);
            if (d.position.known()) {
                props += fmt::format(",line={},col={}", d.position.line, d.position.column);
            }
            props += ",title=" + github_escape_property(d.rule);
            std::string message = localized(d.message, file.language);
            const std::string& hint = localized(d.hint, file.language);
            if (!hint.empty()) {
                message += "\n" + hint;
            }
            out += fmt::format("::{} {}::{}\n", d.severity == Severity::error ? "error" : "warning", props,
                               github_escape_data(terminal_safe(message, true)));
        }
    }
    return out;
}

namespace {

constexpr std::uint64_t k_fnv_prime = 0x100000001b3ULL;

/// FNV-1a: not cryptographic, but stable across runs and machines, which is
/// all a fingerprint needs (there is no hash library in the core).
std::uint64_t fnv1a(std::string_view data, std::uint64_t hash)
{
    for (char c : data) {
        hash ^= static_cast<unsigned char>(c);
        hash *= k_fnv_prime;
    }
    return hash;
}

std::string fingerprint(const Diagnostic& d, std::size_t occurrence)
{
    std::string key = d.file;
    key += '\0';
    key += d.rule;
    key += '\0';
    key += d.message.en;
    key += '\0';
    key += std::to_string(occurrence);
    // Two seeds give 128 bits, the width of the MD5 sums GitLab's own tools use.
    return fmt::format("{:016x}{:016x}", fnv1a(key, 0xcbf29ce484222325ULL), fnv1a(key, 0x6c62272e07bb0142ULL));
}

std::string message_with_hint(const Diagnostic& d, Language lang)
{
    std::string message = localized(d.message, lang);
    const std::string& hint = localized(d.hint, lang);
    if (!hint.empty()) {
        message += "\n" + hint;
    }
    return message;
}

constexpr auto k_json_replace = nlohmann::ordered_json::error_handler_t::replace;

} // namespace

std::string render_gitlab(const std::vector<CheckedFile>& files, const OutputOptions& /*options*/)
{
    using nlohmann::ordered_json;
    ordered_json issues = ordered_json::array();
    for (const CheckedFile& file : files) {
        std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen;
        for (const Diagnostic& d : file.diagnostics) {
            const std::size_t occurrence = seen[{d.file, d.rule, d.message.en}]++;
            ordered_json issue;
            issue["type"] = "issue";
            issue["check_name"] = d.rule;
            issue["description"] = message_with_hint(d, file.language);
            issue["categories"] = ordered_json::array({"Bug Risk"});
            issue["fingerprint"] = fingerprint(d, occurrence);
            issue["severity"] = d.severity == Severity::error ? "major" : "minor";
            // GitLab needs a line; a whole-file finding points at the first.
            issue["location"] = {{"path", d.file},
                                 {"lines", {{"begin", d.position.known() ? d.position.line : std::size_t{1}}}}};
            issues.push_back(std::move(issue));
        }
    }
    return issues.dump(2, ' ', false, k_json_replace) + "\n";
}

std::string render_junit(const std::vector<CheckedFile>& files, const OutputOptions& options)
{
    std::size_t total_tests = 0;
    std::size_t total_failures = 0;
    std::string suites;
    for (const CheckedFile& file : files) {
        std::string cases;
        std::size_t failures = 0;
        const std::string file_attr = xml_escape(file.name);
        for (const Diagnostic& d : file.diagnostics) {
            const bool error = d.severity == Severity::error;
            const std::string where = location(d.file, d.position);
            const std::string message = localized(d.message, file.language);
            const std::string detail = fmt::format("{}: {}[{}]: {}", where, severity_word(d.severity, file.language),
                                                   d.rule, message_with_hint(d, file.language));
            cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n", file_attr,
                                 xml_escape(fmt::format("{} {}", d.rule, where)));
            if (error || options.strict) {
                ++failures;
                cases += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                                     severity_word(d.severity, Language::en), xml_escape(message), xml_escape(detail));
            } else {
                cases += fmt::format("      <system-out>{}</system-out>\n", xml_escape(detail));
            }
            cases += "    </testcase>\n";
        }
        std::size_t tests = file.diagnostics.size();
        if (tests == 0) {
            tests = 1;
            cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\"/>\n", file_attr,
                                 file.language == Language::sv ? "alla regler uppfyllda" : "all rules pass");
        }
        total_tests += tests;
        total_failures += failures;
        suites += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n{}"
                              "  </testsuite>\n",
                              file_attr, tests, failures, cases);
    }
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<testsuites name=\"barnplan validate\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n{}"
                       "</testsuites>\n",
                       total_tests, total_failures, suites);
}

std::string render_sarif(const std::vector<CheckedFile>& files, const OutputOptions& options)
{
    using nlohmann::ordered_json;
    ordered_json rules = ordered_json::array();
    std::map<std::string_view, std::size_t> rule_index;
    for (const RuleInfo& rule : rule_catalog()) {
        rule_index[rule.id] = rules.size();
        rules.push_back({{"id", rule.id},
                         {"shortDescription", {{"text", localized(rule.summary, options.language)}}},
                         {"defaultConfiguration", {{"level", rule.severity == Severity::error ? "error" : "warning"}}},
                         {"properties", {{"family", rule.family}}}});
    }
    ordered_json results = ordered_json::array();
    for (const CheckedFile& file : files) {
        for (const Diagnostic& d : file.diagnostics) {
            ordered_json result;
            result["ruleId"] = d.rule;
            if (const auto it = rule_index.find(d.rule); it != rule_index.end()) {
                result["ruleIndex"] = it->second;
            }
            result["level"] = d.severity == Severity::error ? "error" : "warning";
            result["message"] = {{"text", message_with_hint(d, file.language)}};
            ordered_json physical = {{"artifactLocation", {{"uri", uri_escape_path(d.file)}}}};
            if (d.position.known()) {
                physical["region"] = {{"startLine", d.position.line}, {"startColumn", d.position.column}};
            }
            result["locations"] = ordered_json::array({{{"physicalLocation", std::move(physical)}}});
            results.push_back(std::move(result));
        }
    }
    ordered_json driver = {{"name", "barnplan"},
                           {"version", options.tool_version},
                           {"rules", std::move(rules)}};
    ordered_json run = {{"tool", {{"driver", std::move(driver)}}},
                        {"columnKind", "unicodeCodePoints"},
                        {"results", std::move(results)}};
    ordered_json root = {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"},
                         {"version", "2.1.0"},
                         {"runs", ordered_json::array({std::move(run)})}};
    return root.dump(2, ' ', false, k_json_replace) + "\n";
}

std::string render_github_summary(const std::vector<CheckedFile>& files, const OutputOptions& options)
{
    constexpr std::size_t k_max_listed = 200; // a step summary is capped at 1 MiB
    const bool sv = options.language == Language::sv;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t with_findings = 0;
    std::string table = sv ? "| Plan | Fel | Varningar |\n|---|---:|---:|\n" : "| Plan | Errors | Warnings |\n|---|---:|---:|\n";
    for (const CheckedFile& file : files) {
        const std::size_t e = count_severity(file.diagnostics, Severity::error);
        const std::size_t w = count_severity(file.diagnostics, Severity::warning);
        errors += e;
        warnings += w;
        with_findings += file.diagnostics.empty() ? 0U : 1U;
        table += fmt::format("| {} | {} | {} |\n", markdown_inline(file.name), e, w);
    }
    std::string out = "## barnplan validate\n\n";
    if (errors + warnings == 0) {
        out += sv ? fmt::format("{} {}, inga problem.\n\n", files.size(),
                                files.size() == 1 ? "plan kontrollerad" : "planer kontrollerade")
                  : fmt::format("{} {} checked, no problems.\n\n", files.size(), files.size() == 1 ? "plan" : "plans");
    } else {
        out += "**" + summary_line(errors, warnings, with_findings, files.size(), options.language) + "**\n\n";
    }
    out += table;
    std::size_t listed = 0;
    for (const CheckedFile& file : files) {
        if (file.diagnostics.empty()) {
            continue;
        }
        out += fmt::format("\n### {}\n\n", markdown_inline(file.name));
        for (const Diagnostic& d : file.diagnostics) {
            if (listed == k_max_listed) {
                break;
            }
            ++listed;
            std::string where;
            if (d.position.known()) {
                where = file.language == Language::sv ? fmt::format(" rad {}, kolumn {}", d.position.line, d.position.column)
                                                      : fmt::format(" line {}, column {}", d.position.line, d.position.column);
            }
            out += fmt::format("- **{}** `{}`{}: {}", severity_word(d.severity, file.language), d.rule, where,
                               markdown_inline(localized(d.message, file.language)));
            const std::string& hint = localized(d.hint, file.language);
            if (!hint.empty()) {
                out += " — " + markdown_inline(hint);
            }
            out += "\n";
        }
    }
    const std::size_t total = errors + warnings;
    if (listed < total) {
        out += sv ? fmt::format("\n… och {} till.\n", total - listed) : fmt::format("\n… and {} more.\n", total - listed);
    }
    return out;
}

const std::vector<std::string>& diagnostic_formats()
{
    static const std::vector<std::string> k_formats{"text", "json", "github", "gitlab", "junit", "sarif"};
    return k_formats;
}

std::string render_diagnostics(std::string_view format, const std::vector<CheckedFile>& files,
                               const OutputOptions& options)
{
    if (format == "json") {
        return render_json(files, options);
    }
    if (format == "github") {
        return render_github(files, options);
    }
    if (format == "gitlab") {
        return render_gitlab(files, options);
    }
    if (format == "junit") {
        return render_junit(files, options);
    }
    if (format == "sarif") {
        return render_sarif(files, options);
    }
    return render_text(files, options);
}

} // namespace barnplan
