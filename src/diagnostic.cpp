#include <barnplan/diagnostic.hpp>

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
