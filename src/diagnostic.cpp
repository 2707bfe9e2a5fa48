#include <barnplan/diagnostic.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace barnplan {

const std::string& localized(const Text& text, Language lang)
{
    if (lang == Language::sv && !text.sv.empty()) {
        return text.sv;
    }
    return text.en;
}

Diagnostic too_many_findings(const std::string& file, const Position& first, std::size_t dropped)
{
    Diagnostic d;
    d.rule = "too-many-findings";
    d.severity = Severity::error;
    d.file = file;
    d.related = first;
    d.omitted = dropped;
    const std::string from_en = first.known() ? fmt::format(", from line {} on,", first.line) : std::string();
    const std::string from_sv = first.known() ? fmt::format(", från rad {} och framåt,", first.line) : std::string();
    d.message = {fmt::format("{} more findings{} are not shown: barnplan lists at most {} per file", dropped, from_en,
                             k_max_findings),
                 fmt::format("{} fynd till{} visas inte: barnplan visar högst {} per fil", dropped, from_sv,
                             k_max_findings)};
    d.hint = {"fix the findings shown and run barnplan again", "åtgärda fynden som visas och kör barnplan igen"};
    return d;
}

void cap_findings(Diagnostics& diagnostics)
{
    std::size_t omitted = 0;
    Position first;
    std::string file;
    auto note_from = [&](const Position& p) {
        if (p.known() && (!first.known() || std::tie(p.line, p.column) < std::tie(first.line, first.column))) {
            first = p;
        }
    };
    const auto notes = std::stable_partition(diagnostics.begin(), diagnostics.end(),
                                             [](const Diagnostic& d) { return d.rule != "too-many-findings"; });
    for (auto it = notes; it != diagnostics.end(); ++it) {
        omitted += it->omitted;
        note_from(it->related);
        file = it->file;
    }
    diagnostics.erase(notes, diagnostics.end());
    sort_diagnostics(diagnostics);
    if (diagnostics.size() > k_max_findings) {
        omitted += diagnostics.size() - k_max_findings;
        note_from(diagnostics[k_max_findings].position);
        file = diagnostics[k_max_findings].file;
        diagnostics.resize(k_max_findings);
    }
    if (omitted > 0) {
        diagnostics.insert(diagnostics.begin(), too_many_findings(file, first, omitted));
    }
}

void sort_diagnostics(Diagnostics& diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.position.line, a.position.column, a.rule) <
               std::tie(b.file, b.position.line, b.position.column, b.rule);
    });
}

std::size_t count_severity(const Diagnostics& diagnostics, Severity severity)
{
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                  [&](const Diagnostic& d) { return d.severity == severity; }));
}

} // namespace barnplan
