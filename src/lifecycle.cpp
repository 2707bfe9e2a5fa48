// The lifecycle table and the gates of its steps. A gate says what is missing
// and points where the person fixes it: the key in the file, or the option on
// the command line.

#include <barnplan/lifecycle.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace barnplan {

void GateReport::fail(Position where, Text message, Text hint)
{
    Diagnostic d;
    d.rule = std::string(m_gate);
    d.severity = Severity::error;
    d.file = m_file;
    d.position = where;
    d.message = std::move(message);
    d.hint = std::move(hint);
    m_out.push_back(std::move(d));
}

namespace {

/// Where a plan-level fix goes when the key does not exist yet: next to the
/// stage, else the goals, else the top of the file.
Position plan_anchor(const Plan& plan)
{
    if (plan.stage.present) {
        return plan.stage.key;
    }
    if (plan.goals_key.known()) {
        return plan.goals_key;
    }
    return plan.model.key;
}

const HistoryEntry* last_entry_of(const Plan& plan, std::string_view stage)
{
    const HistoryEntry* found = nullptr;
    for (const HistoryEntry& h : plan.history) {
        if (h.stage.ok() && h.stage.value == stage && h.date.ok()) {
            found = &h;
        }
    }
    return found;
}

// ---- the gates ----------------------------------------------------------------

void check_validates(const GateInput& in, GateReport& report)
{
    for (const Diagnostic& d : in.problems) {
        if (d.severity != Severity::error) {
            continue;
        }
        report.fail(d.position,
                    {fmt::format("the plan must validate without errors: {} [{}]", d.message.en, d.rule),
                     fmt::format("planen måste valideras utan fel: {} [{}]", d.message.sv, d.rule)},
                    d.hint.en.empty() ? Text{"run 'barnplan validate' and fix every error",
                                             "kör 'barnplan validate' och rätta varje fel"}
                                      : d.hint);
    }
}

void check_follow_up_meeting(const GateInput& in, GateReport& report)
{
    for (const Meeting& m : in.plan.meetings) {
        if (m.kind.ok() && m.kind.value == "follow-up" && m.date.ok() && m.date.value <= in.request.date) {
            return;
        }
    }
    const Position where = in.plan.meetings.empty() ? plan_anchor(in.plan) : in.plan.meetings.back().position;
    report.fail(where,
                {"no follow-up meeting with UNICEF is recorded: the draft gets its feedback there",
                 "inget uppföljningsmöte med UNICEF är registrerat: där får utkastet sin respons"},
                {"barnplan record FILE --meeting YYYY-MM-DD --kind follow-up",
                 "barnplan record FIL --meeting ÅÅÅÅ-MM-DD --kind follow-up"});
}

void check_by(const GateInput& in, GateReport& report)
{
    if (in.request.by.find_first_not_of(" \t") == std::string::npos) {
        report.fail({},
                    {fmt::format("who approved or decided is not given (the step to {})", in.request.to),
                     fmt::format("vem som godkände eller beslutade är inte angivet (steget till {})", in.request.to)},
                    {"give --by, e.g. --by UNICEF or --by \"Kommunstyrelsen\"",
                     "ange --by, t.ex. --by UNICEF eller --by \"Kommunstyrelsen\""});
    }
}

void check_date_given(const GateInput& in, GateReport& report)
{
    if (!in.request.date_given) {
        report.fail({},
                    {fmt::format("the date of the decision is not given (the step to {})", in.request.to),
                     fmt::format("beslutets datum är inte angivet (steget till {})", in.request.to)},
                    {"give --date YYYY-MM-DD", "ange --date ÅÅÅÅ-MM-DD"});
    }
}

void check_ref(const GateInput& in, GateReport& report)
{
    if (in.request.ref.find_first_not_of(" \t") == std::string::npos) {
        report.fail({},
                    {fmt::format("the reference of the decision is not given (the step to {})", in.request.to),
                     fmt::format("beslutets hänvisning är inte angiven (steget till {})", in.request.to)},
                    {"give --ref, e.g. --ref \"§ 57\"", "ange --ref, t.ex. --ref \"§ 57\""});
    }
}

void check_after_approval(const GateInput& in, GateReport& report)
{
    const HistoryEntry* approval = last_entry_of(in.plan, "unicef-approved");
    if (approval == nullptr) {
        report.fail(in.plan.history.empty() ? plan_anchor(in.plan) : in.plan.history.back().position,
                    {"UNICEF's approval is not in the history: UNICEF approves the plan before the municipality does",
                     "UNICEFs godkännande finns inte i historiken: UNICEF godkänner planen före kommunen"},
                    {"add the history entry with stage: unicef-approved, or advance through that stage first",
                     "lägg till historikposten med stage: unicef-approved, eller gå först via det skedet"});
        return;
    }
    if (in.request.date < approval->date.value) {
        report.fail(approval->date.at,
                    {fmt::format("the municipal decision ({}) is dated before UNICEF's approval ({})",
                                 in.request.date.iso(), approval->date.value.iso()),
                     fmt::format("kommunens beslut ({}) är daterat före UNICEFs godkännande ({})",
                                 in.request.date.iso(), approval->date.value.iso())},
                    {"check --date and the date of the approval", "kontrollera --date och godkännandets datum"});
    }
}

void check_informing(const GateInput& in, GateReport& report)
{
    if (!in.plan.informing.ok()) {
        report.fail(in.plan.informing.present ? in.plan.informing.key : plan_anchor(in.plan),
                    {"how other bodies and elected officials are informed is not recorded",
                     "hur övriga organ och förtroendevalda informeras är inte beskrivet"},
                    {"add `informing:` with the decision on how they are informed",
                     "lägg till `informing:` med beslutet om hur de informeras"});
    }
}

/// Where an evaluation key is fixed: the key itself, else next to the stage.
Position evaluation_place(const Plan& plan, const Located<Date>& field)
{
    return field.present ? field.key : plan_anchor(plan);
}

void check_evaluation_meeting(const GateInput& in, GateReport& report)
{
    const Evaluation& e = in.plan.evaluation;
    if (!e.meeting.ok()) {
        report.fail(
            evaluation_place(in.plan, e.meeting),
            {"the evaluation meeting with UNICEF has no date", "utvärderingsträffen med UNICEF har inget datum"},
            {"add `evaluation:` with `meeting: YYYY-MM-DD`", "lägg till `evaluation:` med `meeting: ÅÅÅÅ-MM-DD`"});
        return;
    }
    if (!in.plan.period_start.ok()) {
        report.fail(in.plan.period,
                    {"the plan period has no start, so the evaluation cannot be placed in time",
                     "planperioden saknar start, så utvärderingen kan inte placeras i tiden"},
                    {"add `period: { start: YYYY-MM-DD, end: YYYY-MM-DD }`",
                     "lägg till `period: { start: ÅÅÅÅ-MM-DD, end: ÅÅÅÅ-MM-DD }`"});
        return;
    }
    // "Roughly 2 or 4 years": within half a year either side.
    const Date start = in.plan.period_start.value;
    const Date meeting = e.meeting.value;
    const bool near_two = meeting >= start.add_months(18) && meeting <= start.add_months(30);
    const bool near_four = meeting >= start.add_months(42) && meeting <= start.add_months(54);
    if (!near_two && !near_four) {
        report.fail(
            e.meeting.at,
            {fmt::format("the evaluation meeting ({}) is not about 2 or 4 years after the start of the plan ({})",
                         meeting.iso(), start.iso()),
             fmt::format("utvärderingsträffen ({}) är inte cirka 2 eller 4 år efter planens start ({})", meeting.iso(),
                         start.iso())},
            {fmt::format("book it between {} and {}, or between {} and {}", start.add_months(18).iso(),
                         start.add_months(30).iso(), start.add_months(42).iso(), start.add_months(54).iso()),
             fmt::format("boka den mellan {} och {}, eller mellan {} och {}", start.add_months(18).iso(),
                         start.add_months(30).iso(), start.add_months(42).iso(), start.add_months(54).iso())});
    }
}

void check_evaluation_booked(const GateInput& in, GateReport& report)
{
    const Evaluation& e = in.plan.evaluation;
    if (!e.booked.ok()) {
        report.fail(evaluation_place(in.plan, e.booked),
                    {"the day the evaluation meeting was booked is not recorded",
                     "dagen då utvärderingsträffen bokades är inte registrerad"},
                    {"add `booked: YYYY-MM-DD` under `evaluation:` (at least a month before the meeting)",
                     "lägg till `booked: ÅÅÅÅ-MM-DD` under `evaluation:` (minst en månad före träffen)"});
        return;
    }
    if (e.meeting.ok() && e.booked.value > e.meeting.value.add_months(-1)) {
        report.fail(e.booked.at,
                    {fmt::format("the evaluation meeting ({}) was booked on {}, less than a month ahead",
                                 e.meeting.value.iso(), e.booked.value.iso()),
                     fmt::format("utvärderingsträffen ({}) bokades {}, mindre än en månad före", e.meeting.value.iso(),
                                 e.booked.value.iso())},
                    {"book it at least one month before the meeting", "boka den minst en månad före träffen"});
    }
}

void check_goals_assessed(const GateInput& in, GateReport& report)
{
    for (const Goal& g : in.plan.goals) {
        if (!g.current_level.ok()) {
            report.fail(g.id.key,
                        {fmt::format("goal {} has no current level", g.id.value),
                         fmt::format("målsättningen {} har ingen nuvarande nivå", g.id.value)},
                        {fmt::format("barnplan record FILE {} LEVEL", g.id.value),
                         fmt::format("barnplan record FIL {} NIVÅ", g.id.value)});
        }
    }
}

void check_meters_measured(const GateInput& in, GateReport& report)
{
    for (const Goal& g : in.plan.goals) {
        for (const Meter& m : g.meters) {
            if (m.measurements.empty()) {
                report.fail(m.id.key,
                            {fmt::format("meter {} has no measurement", m.id.value),
                             fmt::format("mätaren {} har ingen mätning", m.id.value)},
                            {fmt::format("barnplan record FILE {} VALUE", m.id.value),
                             fmt::format("barnplan record FIL {} VÄRDE", m.id.value)});
            }
        }
    }
}

void check_form_approved(const GateInput& in, GateReport& report)
{
    const Evaluation& e = in.plan.evaluation;
    if (!e.form_approved.ok()) {
        report.fail(evaluation_place(in.plan, e.form_approved),
                    {"the coordination group's approval of the evaluation form is not recorded",
                     "koordinationsgruppens godkännande av utvärderingsblanketten är inte registrerat"},
                    {"add `form_approved: YYYY-MM-DD` under `evaluation:`",
                     "lägg till `form_approved: ÅÅÅÅ-MM-DD` under `evaluation:`"});
        return;
    }
    if (e.form_stored.ok() && e.form_approved.value > e.form_stored.value) {
        report.fail(e.form_approved.at,
                    {fmt::format("the evaluation form was stored ({}) before the coordination group approved it ({})",
                                 e.form_stored.value.iso(), e.form_approved.value.iso()),
                     fmt::format("utvärderingsblanketten sparades ({}) innan koordinationsgruppen godkände den ({})",
                                 e.form_stored.value.iso(), e.form_approved.value.iso())},
                    {"the group approves the form, then the coordinator stores it",
                     "gruppen godkänner blanketten, sedan sparar koordinatorn den"});
    }
}

void check_form_stored(const GateInput& in, GateReport& report)
{
    const Evaluation& e = in.plan.evaluation;
    if (!e.form_stored.ok()) {
        report.fail(evaluation_place(in.plan, e.form_stored),
                    {"the day the evaluation form was stored in UNICEF's service is not recorded",
                     "dagen då utvärderingsblanketten sparades i UNICEFs tjänst är inte registrerad"},
                    {"add `form_stored: YYYY-MM-DD` under `evaluation:` (at least two weeks before the meeting)",
                     "lägg till `form_stored: ÅÅÅÅ-MM-DD` under `evaluation:` (minst två veckor före träffen)"});
        return;
    }
    if (e.meeting.ok() && e.form_stored.value > e.meeting.value.add_days(-14)) {
        report.fail(
            e.form_stored.at,
            {fmt::format("the evaluation form was stored on {}, less than two weeks before the meeting ({})",
                         e.form_stored.value.iso(), e.meeting.value.iso()),
             fmt::format("utvärderingsblanketten sparades {}, mindre än två veckor före träffen ({})",
                         e.form_stored.value.iso(), e.meeting.value.iso())},
            {"store the form at least two weeks before the meeting", "spara blanketten minst två veckor före träffen"});
    }
}

void check_date_order(const GateInput& in, GateReport& report)
{
    const HistoryEntry* last = nullptr;
    for (const HistoryEntry& h : in.plan.history) {
        if (h.date.ok() && (last == nullptr || h.date.value > last->date.value)) {
            last = &h;
        }
    }
    if (last != nullptr && in.request.date < last->date.value) {
        report.fail(last->date.at,
                    {fmt::format("the step is dated {}, before the last step in the history ({})",
                                 in.request.date.iso(), last->date.value.iso()),
                     fmt::format("steget är daterat {}, före det senaste steget i historiken ({})",
                                 in.request.date.iso(), last->date.value.iso())},
                    {"check --date", "kontrollera --date"});
    }
}

const Gate k_date_order{"gate-date-order",
                        {"The step is not dated before the last step in the history.",
                         "Steget är inte daterat före det senaste steget i historiken."},
                        &check_date_order};
const Gate k_validates{
    "gate-validates", {"The plan validates with no errors.", "Planen valideras utan fel."}, &check_validates};
const Gate k_follow_up{
    "gate-follow-up-meeting",
    {"A follow-up meeting with UNICEF is recorded.", "Ett uppföljningsmöte med UNICEF är registrerat."},
    &check_follow_up_meeting};
const Gate k_by{"gate-decision-by",
                {"--by names who approved or decided.", "--by anger vem som godkände eller beslutade."},
                &check_by};
const Gate k_date{
    "gate-decision-date", {"--date gives the day of the decision.", "--date anger beslutets dag."}, &check_date_given};
const Gate k_ref{
    "gate-decision-ref", {"--ref gives the decision's reference.", "--ref anger beslutets hänvisning."}, &check_ref};
const Gate k_after_approval{"gate-after-unicef-approval",
                            {"The municipal decision is not dated before UNICEF's approval.",
                             "Kommunens beslut är inte daterat före UNICEFs godkännande."},
                            &check_after_approval};
const Gate k_informing{"gate-informing",
                       {"How other bodies and elected officials are informed is recorded (`informing`).",
                        "Hur övriga organ och förtroendevalda informeras är beskrivet (`informing`)."},
                       &check_informing};
const Gate k_evaluation_meeting{"gate-evaluation-meeting",
                                {"The evaluation meeting is dated about 2 or 4 years after the start.",
                                 "Utvärderingsträffen är daterad cirka 2 eller 4 år efter starten."},
                                &check_evaluation_meeting};
const Gate k_evaluation_booked{"gate-evaluation-booked",
                               {"The evaluation meeting was booked at least a month ahead.",
                                "Utvärderingsträffen bokades minst en månad i förväg."},
                               &check_evaluation_booked};
const Gate k_goals_assessed{"gate-goals-assessed",
                            {"Every goal has a current level.", "Varje målsättning har en nuvarande nivå."},
                            &check_goals_assessed};
const Gate k_meters_measured{
    "gate-meters-measured", {"Every meter has a measurement.", "Varje mätare har en mätning."}, &check_meters_measured};
const Gate k_form_approved{"gate-form-approved",
                           {"The coordination group approved the evaluation form.",
                            "Koordinationsgruppen har godkänt utvärderingsblanketten."},
                           &check_form_approved};
const Gate k_form_stored{"gate-form-stored",
                         {"The evaluation form was stored at least two weeks before the meeting.",
                          "Utvärderingsblanketten sparades minst två veckor före träffen."},
                         &check_form_stored};

} // namespace

const std::vector<Lifecycle>& lifecycles()
{
    static const std::vector<Lifecycle> k_table{
        {Model::unicef_bvk,
         {"draft", "feedback", "unicef-approved", "adopted", "implementing", "evaluation", "recognized"},
         {
             {"draft", "feedback", {&k_date_order, &k_validates, &k_follow_up}},
             {"feedback", "unicef-approved", {&k_date_order, &k_validates, &k_by, &k_date}},
             {"unicef-approved", "adopted", {&k_date_order, &k_by, &k_date, &k_ref, &k_after_approval}},
             {"adopted", "implementing", {&k_date_order, &k_informing}},
             {"implementing",
              "evaluation",
              {&k_date_order, &k_evaluation_meeting, &k_evaluation_booked, &k_goals_assessed, &k_meters_measured,
               &k_form_approved, &k_form_stored}},
             {"evaluation", "recognized", {&k_date_order, &k_date, &k_ref}},
         }},
        // Their gates come with those models' rules.
        {Model::barnrattsresan,
         {"draft", "reviewed", "approved", "implementing", "followed-up"},
         {
             {"draft", "reviewed", {&k_date_order}},
             {"reviewed", "approved", {&k_date_order}},
             {"approved", "implementing", {&k_date_order}},
             {"implementing", "followed-up", {&k_date_order}},
         }},
        {Model::partnership,
         {"draft", "agreed", "running", "reviewed", "closed"},
         {
             {"draft", "agreed", {&k_date_order}},
             {"agreed", "running", {&k_date_order}},
             {"running", "reviewed", {&k_date_order}},
             {"reviewed", "closed", {&k_date_order}},
         }},
    };
    return k_table;
}

const Lifecycle& lifecycle_of(Model model)
{
    for (const Lifecycle& l : lifecycles()) {
        if (l.model == model) {
            return l;
        }
    }
    return lifecycles().front();
}

std::vector<const Gate*> all_gates()
{
    std::vector<const Gate*> out;
    for (const Lifecycle& l : lifecycles()) {
        for (const Transition& t : l.transitions) {
            for (const Gate* g : t.gates) {
                if (std::find(out.begin(), out.end(), g) == out.end()) {
                    out.push_back(g);
                }
            }
        }
    }
    return out;
}

std::optional<std::size_t> stage_index(Model model, std::string_view stage)
{
    const auto& stages = lifecycle_of(model).stages;
    const auto it = std::find(stages.begin(), stages.end(), stage);
    if (it == stages.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - stages.begin());
}

std::optional<std::string_view> next_stage(Model model, std::string_view stage)
{
    const auto index = stage_index(model, stage);
    const auto& stages = lifecycle_of(model).stages;
    if (!index || *index + 1 >= stages.size()) {
        return std::nullopt;
    }
    return stages[*index + 1];
}

Diagnostics check_gates(const Plan& plan, const AdvanceRequest& request, const Diagnostics& problems)
{
    Diagnostics out;
    const Model model = plan.model.ok() ? plan.model.value : Model::unicef_bvk;
    const auto from = stage_index(model, request.from);
    const auto to = stage_index(model, request.to);
    if (!from || !to || *to <= *from) {
        return out;
    }
    std::vector<const Gate*> seen;
    for (const Transition& t : lifecycle_of(model).transitions) {
        const auto index = stage_index(model, t.from);
        if (!index || *index < *from || *index >= *to) {
            continue;
        }
        for (const Gate* gate : t.gates) {
            // A gate shared by skipped steps is checked once.
            if (std::find(seen.begin(), seen.end(), gate) != seen.end()) {
                continue;
            }
            seen.push_back(gate);
            GateReport report(gate->id, plan.file, out);
            gate->check(GateInput{plan, request, problems}, report);
        }
    }
    return out;
}

Date recognition_valid_until(const Plan& plan, Date date)
{
    int years = 4;
    if (plan.period_start.ok() && plan.period_end.ok() &&
        plan.period_end.value < plan.period_start.value.add_months(36)) {
        years = 2;
    }
    return date.add_months(12 * years);
}

} // namespace barnplan
