#include "commands.hpp"

#include <barnplan/escape.hpp>
#include <barnplan/lifecycle.hpp>
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
            out += fmt::format("{:<28} {:<8} {:<14} {}\n", rule.id, severity, rule.family, localized(rule.summary, lang));
        }
        // The gates of `barnplan advance`, per model and step: a gate shared by
        // several steps is listed at each, since that is where it blocks.
        const char* gate = lang == Language::sv ? "villkor" : "gate";
        for (const Lifecycle& l : lifecycles()) {
            for (const Transition& t : l.transitions) {
                for (const Gate* g : t.gates) {
                    out += fmt::format("{:<28} {:<8} {:<14} {} → {}: {}\n", g->id, gate, to_string(l.model), t.from,
                                       t.to, localized(g->summary, lang));
                }
            }
        }
        print_out(out);
        return k_exit_clean;
    };
}

} // namespace barnplan::cli
