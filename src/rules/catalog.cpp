#include "support.hpp"

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
    // UNICEF "En barnvänlig kommun".
    {"vision-required", E, "unicef-bvk", {"The plan has no vision.", "Planen saknar vision."}},
    {"strategy-link-required", E, "unicef-bvk",
     {"The plan does not say how it connects to the municipal strategy.", "Planen säger inte hur den hänger ihop med kommunstrategin."}},
    {"period-length", W, "unicef-bvk", {"The period is not about 2 or 4 years.", "Perioden är inte cirka 2 eller 4 år."}},
    {"goal-count-process", E, "unicef-bvk", {"Not 3–4 goals based on process indicators.", "Inte 3–4 målsättningar som bygger på processindikatorer."}},
    {"goal-count-children-views", E, "unicef-bvk",
     {"Not exactly one goal based on children's views.", "Inte exakt en målsättning som bygger på barnens åsikter."}},
    {"goal-count-free-choice", E, "unicef-bvk", {"More than one free-choice goal.", "Mer än en målsättning efter fritt val."}},
    {"goal-count-total", E, "unicef-bvk", {"Fewer than 5 goals in the cycle.", "Färre än 5 målsättningar i cykeln."}},
    {"goal-title", E, "unicef-bvk", {"A goal has no title.", "En målsättning saknar rubrik."}},
    {"goal-basis", E, "unicef-bvk", {"A goal does not say what it is based on.", "En målsättning säger inte vad den bygger på."}},
    {"goal-indicator", E, "unicef-bvk",
     {"A process-indicator goal does not name its indicator.", "En målsättning som bygger på en processindikator anger inte indikatorn."}},
    {"start-level", E, "unicef-bvk", {"A goal's start level is missing or not 1 or 2.", "En målsättnings startnivå saknas eller är inte 1 eller 2."}},
    {"target-level", E, "unicef-bvk",
     {"A goal's target level is missing or not above its start level.", "En målsättnings målnivå saknas eller ligger inte över startnivån."}},
    {"goal-has-action", E, "unicef-bvk", {"A goal has no action.", "En målsättning saknar åtgärder."}},
    {"goal-has-meter", E, "unicef-bvk", {"A goal has no meter.", "En målsättning saknar mätare."}},
    {"action-incomplete", E, "unicef-bvk",
     {"An action does not say what, who, when or how.", "En åtgärd säger inte vad, vem, när eller hur."}},
    {"children-views", E, "unicef-bvk",
     {"A goal does not say how children's views were taken into account.", "En målsättning säger inte hur barnens åsikter har beaktats."}},
    {"meter-concrete", E, "unicef-bvk", {"A meter has no target value or no description.", "En mätare saknar målvärde eller beskrivning."}},
    {"meter-time-bound", E, "unicef-bvk",
     {"A meter has no due date inside the plan period.", "En mätare saknar klardatum inom planperioden."}},
    {"date-outside-period", W, "unicef-bvk", {"An action's dates lie outside the plan period.", "En åtgärds datum ligger utanför planperioden."}},
    {"welfare-commitment", E, "unicef-bvk",
     {"A welfare-area goal without the county's recorded commitment.", "En målsättning inom välfärdsområdets ansvar utan dess åtagande."}},
    {"single-owner", W, "unicef-bvk",
     {"One owner holds most of the actions.", "En ansvarig står för de flesta åtgärderna."}},
    {"one-off-action", W, "unicef-bvk",
     {"An action is not continuous or recurring.", "En åtgärd är inte fortlöpande eller återkommande."}},
    {"evaluation-deadline-missed", E, "unicef-bvk",
     {"An evaluation preparation deadline passed unmet.", "En sista dag för att förbereda utvärderingen passerade."}},
    {"evaluation-deadline-near", W, "unicef-bvk",
     {"An evaluation preparation deadline is near (within 30 days unless configured).",
      "En sista dag för att förbereda utvärderingen är nära (inom 30 dagar om inget annat är inställt)."}},
    {"evaluation-deadline-late", W, "unicef-bvk",
     {"An evaluation preparation step was done after its deadline.", "Ett steg i förberedelsen av utvärderingen gjordes för sent."}},
    {"evaluation-order", E, "unicef-bvk",
     {"The evaluation form approved before started, or stored before approved.",
      "Utvärderingsblanketten godkänd före start eller sparad före godkännandet."}},
    // Barnombudsmannen's Barnrättsresan.
    {"ambition-required", E, "barnrattsresan", {"The plan has no ambition statement.", "Planen saknar ambitionsnivå."}},
    {"areas-required", E, "barnrattsresan", {"The plan has no priority areas.", "Planen saknar prioriterade områden."}},
    {"area-goal", E, "barnrattsresan",
     {"A priority area without a title or an overarching goal.", "Ett prioriterat område utan rubrik eller övergripande mål."}},
    {"area-without-activities", W, "barnrattsresan",
     {"No department has an activity for a priority area.", "Ingen avdelning har en aktivitet för ett prioriterat område."}},
    {"department-activities", W, "barnrattsresan", {"A department file lists no activities.", "En avdelningsfil listar inga aktiviteter."}},
    {"activity-area", E, "barnrattsresan",
     {"An activity names no priority area, or one the plan lacks.", "En aktivitet anger inget prioriterat område, eller ett som saknas."}},
    {"activity-incomplete", E, "barnrattsresan",
     {"An activity leaves out part of the template.", "En aktivitet saknar en del av mallen."}},
    {"review-before-decision", E, "barnrattsresan",
     {"Approved without the joint review's three answers, or reviewed after the decision.",
      "Beslutad utan den gemensamma genomgångens tre svar, eller genomgången efter beslutet."}},
    {"implementation-period", E, "barnrattsresan",
     {"An approved plan without an implementation period.", "En beslutad plan utan genomförandeperiod."}},
    {"implementation-length", W, "barnrattsresan",
     {"The implementation is not 3–12 months.", "Genomförandet är inte 3–12 månader."}},
    {"check-in-meetings", E, "barnrattsresan",
     {"No check-in meeting during the implementation.", "Inget avstämningsmöte under genomförandet."}},
    {"follow-up-booked", E, "barnrattsresan", {"The step-4 follow-up meeting is not booked.", "Uppföljningsmötet i steg 4 är inte bokat."}},
    {"area-follow-up", E, "barnrattsresan",
     {"A priority area's follow-up is incomplete.", "Uppföljningen av ett prioriterat område är ofullständig."}},
    // A partnership of municipalities.
    {"idea-required", E, "partnership", {"The partnership has no idea (verksamhetsidé).", "Partnerskapet saknar verksamhetsidé."}},
    {"strategies-required", W, "partnership", {"The partnership lists no strategies.", "Partnerskapet anger inga strategier."}},
    {"partnership-goals", E, "partnership", {"No goals, or a goal without a title.", "Inga mål, eller ett mål utan rubrik."}},
    {"goal-ways", W, "partnership",
     {"A goal does not say how it is carried out.", "Ett mål säger inte hur det genomförs."}},
    {"member-count", W, "partnership", {"Fewer than three member municipalities.", "Färre än tre medlemskommuner."}},
    {"member-incomplete", E, "partnership",
     {"A member without municipality, politician or official.", "En medlem utan kommun, politiker eller tjänsteperson."}},
    {"meeting-host-member", E, "partnership", {"A meeting's host is not a member.", "Ett mötes värd är ingen medlem."}},
    {"joint-meeting-host", E, "partnership", {"A joint meeting has no host.", "Ett gemensamt möte saknar värd."}},
    {"joint-meetings-per-year", E, "partnership",
     {"Fewer than two joint meetings in a year of the period.", "Färre än två gemensamma möten ett år under perioden."}},
    {"peer-review-required", E, "partnership", {"No peer review during the period.", "Ingen kollegial granskning under perioden."}},
    {"final-report-required", E, "partnership", {"No final report at the end of the period.", "Ingen slutrapport i slutet av perioden."}},
};

} // namespace

const std::vector<RuleInfo>& rule_catalog() { return k_catalog; }

const RuleInfo* find_rule(std::string_view id)
{
    auto it = std::find_if(k_catalog.begin(), k_catalog.end(), [&](const RuleInfo& r) { return r.id == id; });
    return it == k_catalog.end() ? nullptr : &*it;
}

Diagnostics check_plan(const Plan& plan, const RuleContext& context)
{
    Diagnostics out;
    {
        rules::Findings findings(plan, out);
        rules::check_common(findings, context);
        if (plan.model.ok() && plan.model.value == Model::unicef_bvk) {
            rules::check_unicef(findings, context);
            rules::check_evaluation(findings, context);
        } else if (plan.model.ok() && plan.model.value == Model::partnership) {
            rules::check_partnership(findings, context);
        } else if (plan.model.ok() && plan.model.value == Model::barnrattsresan) {
            rules::check_barnrattsresan(findings, context);
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
