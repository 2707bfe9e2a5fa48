#include "support.hpp"

#include "../models/model.hpp"

#include <algorithm>

namespace barnplan {
namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;

const std::vector<RuleInfo> k_catalog{
    // Checks of the file itself: a plan that fails these cannot be read as meant.
    {"file-too-large", E, "loader", {"The file is larger than the size limit.", "Filen är större än storleksgränsen."}},
    {"invalid-utf8", E, "loader", {"The file is not valid UTF-8.", "Filen är inte giltig UTF-8."}},
    {"control-character", E, "loader", {"A raw control character (NUL, ESC…) in the file.", "Ett styrtecken (NUL, ESC…) i filen."}},
    {"yaml-syntax", E, "loader", {"The YAML cannot be parsed.", "YAML-texten går inte att tolka."}},
    {"too-deep", E, "loader", {"Nesting deeper than the limit.", "Nästling djupare än gränsen."}},
    {"too-many-nodes", E, "loader", {"More YAML nodes than the limit.", "Fler YAML-noder än gränsen."}},
    {"yaml-alias", E, "loader", {"An alias (*name); plans spell every value out.", "Ett alias (*namn); planer skriver ut varje värde."}},
    {"multi-document", E, "loader", {"More than one YAML document in the file.", "Mer än ett YAML-dokument i filen."}},
    {"too-many-findings", E, "loader",
     {"More findings in a file than barnplan lists; the rest are counted.",
      "Fler fynd i en fil än barnplan visar; resten räknas."}},
    {"not-a-plan", E, "loader", {"A file named on the command line is not a barnplan plan.", "En fil som angetts är ingen barnplan-plan."}},
    {"unsupported-version", E, "loader", {"A format version this barnplan does not read.", "En formatversion som den här barnplan inte läser."}},
    {"duplicate-key", E, "loader", {"The same key twice in one mapping.", "Samma nyckel två gånger i en mappning."}},
    {"unknown-key", E, "loader", {"A key the format does not have (with a suggestion).", "En nyckel som formatet inte har (med förslag)."}},
    {"missing-key", E, "loader", {"A required key is missing.", "En obligatorisk nyckel saknas."}},
    {"wrong-type", E, "loader", {"A value of the wrong type.", "Ett värde av fel typ."}},
    {"invalid-value", E, "loader", {"A value outside the allowed set or range.", "Ett värde utanför de tillåtna."}},
    {"invalid-boolean", E, "loader", {"yes/no/on/off where true or false is required.", "yes/no/on/off där true eller false krävs."}},
    {"invalid-date", E, "loader", {"A date that is not in the calendar, such as 2025-02-30.", "Ett datum som inte finns, som 2025-02-30."}},
    {"duplicate-id", E, "loader", {"Two entries share an id.", "Två poster har samma id."}},
    {"unknown-reference", E, "loader", {"A reference to an id that does not exist.", "En hänvisning till ett id som inte finns."}},
    {"department-file", E, "loader",
     {"A department file that cannot be read, lies outside the repository or is not one.",
      "En avdelningsfil som inte går att läsa, ligger utanför förrådet eller inte är någon."}},
    // Rules for every model.
    {"period-required", E, "common", {"The plan has no period (start and end).", "Planen saknar period (start och slut)."}},
    {"date-order", E, "common", {"A start date after its end or due date.", "Ett startdatum efter slut- eller klardatum."}},
    {"history-order", E, "common",
     {"History out of order, or UNICEF's approval after the municipal decision.",
      "Historiken i fel ordning, eller UNICEFs godkännande efter kommunens beslut."}},
    {"measurement-future", E, "common",
     {"A measurement, level or update dated after today.", "En mätning, nivå eller uppdatering daterad efter i dag."}},
};

} // namespace

const std::vector<RuleInfo>& rule_catalog()
{
    // The loader's and every model's common checks, then each registered
    // model's own rules, in registry order.
    static const std::vector<RuleInfo> k_all = [] {
        std::vector<RuleInfo> out = k_catalog;
        for (const models::ModelDescription* m : models::descriptions()) {
            out.insert(out.end(), m->rules->begin(), m->rules->end());
        }
        return out;
    }();
    return k_all;
}

const RuleInfo* find_rule(std::string_view id)
{
    const std::vector<RuleInfo>& all = rule_catalog();
    auto it = std::find_if(all.begin(), all.end(), [&](const RuleInfo& r) { return r.id == id; });
    return it == all.end() ? nullptr : &*it;
}

Diagnostics check_plan(const Plan& plan, const RuleContext& context)
{
    Diagnostics out;
    {
        rules::Findings findings(plan, out);
        rules::check_common(findings, context);
        if (plan.model.ok()) {
            models::description(plan.model.value).check(findings, context);
        }
    } // the Findings' note on what it left out lands in `out` here
    return out;
}

namespace rules {

Findings::~Findings()
{
    if (m_dropped > 0) {
        m_out.push_back(too_many_findings(m_first_dropped_file, m_first_dropped, m_dropped));
    }
}

void Findings::add(std::string_view rule, const Position& at, Text message, Text hint)
{
    if (m_out.size() >= k_max_findings) {
        if (m_dropped++ == 0) {
            m_first_dropped_file = m_plan.file;
            m_first_dropped = at;
        }
        return;
    }
    const RuleInfo* info = find_rule(rule);
    Diagnostic d;
    d.rule = std::string(rule);
    d.severity = info != nullptr ? info->severity : Severity::error;
    d.file = m_plan.file;
    d.position = at;
    d.message = std::move(message);
    d.hint = std::move(hint);
    m_out.push_back(std::move(d));
}

void Findings::add_in(const std::string& file, std::string_view rule, const Position& at, Text message, Text hint)
{
    const std::size_t before = m_out.size();
    add(rule, at, std::move(message), std::move(hint));
    if (m_out.size() > before) {
        m_out.back().file = file;
    } else if (m_dropped == 1) {
        m_first_dropped_file = file;
    }
}

Position plan_anchor(const Plan& plan)
{
    return plan.model.present ? plan.model.key : plan.format_version.key;
}

std::string id_of(const Located<std::string>& id)
{
    return id.ok() ? id.value : std::string("(no id)");
}

} // namespace rules
} // namespace barnplan
