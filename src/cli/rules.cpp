#include "commands.hpp"

#include <barnplan/escape.hpp>
#include <barnplan/rules.hpp>

#include <fmt/format.h>

namespace barnplan::cli {

Runner setup_rules(CLI::App& sub, const GlobalOptions& global)
{
    (void)sub;
    return [&global]() {
        const Language lang = tool_language(global);
        std::string out;
        for (const RuleInfo& rule : rule_catalog()) {
            const char* severity = rule.severity == Severity::error ? (lang == Language::sv ? "fel" : "error")
                                                                    : (lang == Language::sv ? "varning" : "warning");
            out += fmt::format("{:<26} {:<8} {:<11} {}\n", rule.id, severity, rule.family, localized(rule.summary, lang));
        }
        print_out(out);
        return k_exit_clean;
    };
}

} // namespace barnplan::cli
