#pragma once

// Shared by the rule families; not part of the public interface.

#include <barnplan/plan.hpp>
#include <barnplan/rules.hpp>

#include <string>

namespace barnplan::rules {

/// Collects findings for one plan; severity comes from the catalog.
class Findings {
public:
    Findings(const Plan& plan, Diagnostics& out) : m_plan(plan), m_out(out) {}
    Findings(const Findings&) = delete;
    Findings& operator=(const Findings&) = delete;
    /// Adds the note on the findings left out past k_max_findings.
    ~Findings();

    void add(std::string_view rule, const Position& at, Text message, Text hint = {});
    /// A finding in another file of the joint plan (a department file).
    void add_in(const std::string& file, std::string_view rule, const Position& at, Text message, Text hint = {});
    [[nodiscard]] const Plan& plan() const { return m_plan; }

private:
    const Plan& m_plan;
    Diagnostics& m_out;
    std::size_t m_dropped = 0;
    std::string m_first_dropped_file;
    Position m_first_dropped;
};

/// The best place to point at for a finding about the whole plan.
[[nodiscard]] Position plan_anchor(const Plan& plan);

/// A short name for an entry in messages: its id, or "(no id)".
[[nodiscard]] std::string id_of(const Located<std::string>& id);

/// The rules every model shares; each model's own are in src/models/.
void check_common(Findings& findings, const RuleContext& context);

} // namespace barnplan::rules
