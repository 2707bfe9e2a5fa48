#include <barnplan/diagnostic_output.hpp>
#include <barnplan/escape.hpp>
#include <barnplan/yaml_tree.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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
    std::size_t token_at = byte_of_code_point(raw, p.column - 1);
    std::string lead;
    std::string tail;
    std::size_t code_points = 0;
    for (char c : raw) {
        code_points += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
    }
    // Only a line too long to show is cut, and then around the token.
    if (code_points > k_window && p.column - 1 > k_before) {
        const std::size_t cut = byte_of_code_point(raw, p.column - 1 - k_before);
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
    if (errors + warnings > 0) {
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

} // namespace barnplan
