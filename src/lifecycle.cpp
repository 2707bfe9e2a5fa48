// The lifecycle table and the gates of its steps. A gate says what is missing
// and points where the person fixes it: the key in the file, or the option on
// the command line.

#include <barnplan/lifecycle.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>

namespace barnplan {

void GateReport::fail(Position where, Text message, Text hint)
{
    fail_in(m_file, where, std::move(message), std::move(hint));
}

void GateReport::fail_in(const std::string& file, Position where, Text message, Text hint)
{
    Diagnostic d;
    d.rule = std::string(m_gate);
    d.severity = Severity::error;
    d.file = file;
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
        report.fail_in(d.file.empty() ? in.plan.file : d.file, d.position,
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

// ---- Barnrättsresan -------------------------------------------------------------

/// Keys of the joint review's three questions that have no answer.
std::string unanswered(const JointReview& r)
{
    std::string keys;
    const auto add = [&keys](const Located<std::string>& field, std::string_view key) {
        if (!field.present || field.value.find_first_not_of(" \t\n") == std::string::npos) {
            keys += (keys.empty() ? "" : ", ") + std::string(key);
        }
    };
    add(r.realistic, "realistic");
    add(r.reaches_goals, "reaches_goals");
    add(r.rights_fulfilled, "rights_fulfilled");
    return keys;
}

void check_review_answered(const GateInput& in, GateReport& report)
{
    const JointReview& r = in.plan.review;
    const Position where = r.present ? r.key : plan_anchor(in.plan);
    const std::string open = unanswered(r);
    if (!open.empty()) {
        report.fail(where,
                    {fmt::format("the joint review leaves {} unanswered", open),
                     fmt::format("den gemensamma genomgången lämnar {} obesvarad", open)},
                    {"under 'review:' answer: is the plan realistic (realistic)? will the activities reach the goals "
                     "(reaches_goals)? will children's rights be fulfilled (rights_fulfilled)?",
                     "besvara under 'review:': är handlingsplanen realistisk (realistic)? når aktiviteterna målen "
                     "(reaches_goals)? tillgodoses barnets rättigheter (rights_fulfilled)?"});
    }
    if (!r.date.ok()) {
        report.fail(r.date.present ? r.date.key : where,
                    {"the day of the joint review is not recorded", "dagen för den gemensamma genomgången saknas"},
                    {"add `date: YYYY-MM-DD` under `review:`", "lägg till `date: ÅÅÅÅ-MM-DD` under `review:`"});
    } else if (in.request.date < r.date.value) {
        report.fail(r.date.at,
                    {fmt::format("the step is dated {}, before the joint review ({})", in.request.date.iso(),
                                 r.date.value.iso()),
                     fmt::format("steget är daterat {}, före den gemensamma genomgången ({})", in.request.date.iso(),
                                 r.date.value.iso())},
                    {"check --date and the date of the review", "kontrollera --date och genomgångens datum"});
    }
}

void check_review_before_decision(const GateInput& in, GateReport& report)
{
    const JointReview& r = in.plan.review;
    if (!r.date.ok()) {
        report.fail(r.present ? (r.date.present ? r.date.key : r.key) : plan_anchor(in.plan),
                    {"the joint review is not recorded with its date: it comes before the management decision",
                     "den gemensamma genomgången är inte registrerad med datum: den kommer före ledningens beslut"},
                    {"add `review:` with `date:` and the three answers",
                     "lägg till `review:` med `date:` och de tre svaren"});
        return;
    }
    if (in.request.date < r.date.value) {
        report.fail(r.date.at,
                    {fmt::format("the management decision ({}) is dated before the joint review ({})",
                                 in.request.date.iso(), r.date.value.iso()),
                     fmt::format("ledningens beslut ({}) är daterat före den gemensamma genomgången ({})",
                                 in.request.date.iso(), r.date.value.iso())},
                    {"check --date and the date of the review", "kontrollera --date och genomgångens datum"});
    }
}

/// Whole months from `start` to the day after `end`, as the rules count them.
int months_between(Date start, Date end)
{
    const Date after = end.add_days(1);
    int months = (after.year() - start.year()) * 12 + (after.month() - start.month());
    if (after.day() < start.day()) {
        --months;
    }
    return months;
}

Position implementation_place(const Plan& plan)
{
    return plan.implementation.known() ? plan.implementation : plan_anchor(plan);
}

void check_implementation_period(const GateInput& in, GateReport& report)
{
    const Plan& plan = in.plan;
    if (!plan.implementation_start.ok() || !plan.implementation_end.ok()) {
        report.fail(implementation_place(plan),
                    {"the plan has no implementation period", "planen saknar genomförandeperiod"},
                    {"add 'implementation: { start: YYYY-MM-DD, end: YYYY-MM-DD }' (3–12 months)",
                     "lägg till 'implementation: { start: ÅÅÅÅ-MM-DD, end: ÅÅÅÅ-MM-DD }' (3–12 månader)"});
        return;
    }
    const Date start = plan.implementation_start.value;
    const Date end = plan.implementation_end.value;
    const int months = end < start ? 0 : months_between(start, end);
    if (months < 3 || months > 12) {
        report.fail(plan.implementation,
                    {fmt::format("the implementation ({} – {}) takes {} months, not 3–12", start.iso(), end.iso(),
                                 months),
                     fmt::format("genomförandet ({} – {}) tar {} månader, inte 3–12", start.iso(), end.iso(), months)},
                    {"set 'implementation:' to 3–12 months", "sätt 'implementation:' till 3–12 månader"});
    }
}

bool is_kind(const Meeting& m, std::string_view kind)
{
    return m.kind.ok() && m.kind.value == kind && m.date.ok();
}

void check_check_ins(const GateInput& in, GateReport& report)
{
    const Plan& plan = in.plan;
    if (!plan.implementation_start.ok() || !plan.implementation_end.ok()) {
        return; // gate-implementation-period says so
    }
    const Date start = plan.implementation_start.value;
    const Date end = plan.implementation_end.value;
    for (const Meeting& m : plan.meetings) {
        if (is_kind(m, "check-in") && start <= m.date.value && m.date.value <= end) {
            return;
        }
    }
    report.fail(implementation_place(plan),
                {fmt::format("no check-in meeting is booked during the implementation ({} – {})", start.iso(),
                             end.iso()),
                 fmt::format("inget avstämningsmöte är bokat under genomförandet ({} – {})", start.iso(), end.iso())},
                {"barnplan record FILE --meeting YYYY-MM-DD --kind check-in (inside the implementation period)",
                 "barnplan record FIL --meeting ÅÅÅÅ-MM-DD --kind check-in (inom genomförandeperioden)"});
}

void check_follow_up_booked(const GateInput& in, GateReport& report)
{
    const Plan& plan = in.plan;
    for (const Meeting& m : plan.meetings) {
        if (is_kind(m, "follow-up") &&
            (!plan.implementation_start.ok() || plan.implementation_start.value <= m.date.value)) {
            return;
        }
    }
    report.fail(implementation_place(plan),
                {"the step-4 follow-up meeting is not booked: book it before the group parts",
                 "uppföljningsmötet i steg 4 är inte bokat: boka det innan gruppen skiljs åt"},
                {"barnplan record FILE --meeting YYYY-MM-DD --kind follow-up (after the implementation starts)",
                 "barnplan record FIL --meeting ÅÅÅÅ-MM-DD --kind follow-up (efter att genomförandet börjat)"});
}

void check_follow_up_held(const GateInput& in, GateReport& report)
{
    for (const Meeting& m : in.plan.meetings) {
        if (is_kind(m, "follow-up") && m.date.value <= in.request.date) {
            return;
        }
    }
    report.fail(in.plan.meetings.empty() ? plan_anchor(in.plan) : in.plan.meetings.back().position,
                {fmt::format("no step-4 follow-up meeting is held on or before {}", in.request.date.iso()),
                 fmt::format("inget uppföljningsmöte i steg 4 är hållet senast {}", in.request.date.iso())},
                {"date the step on or after the follow-up meeting (--date), or record the meeting",
                 "datera steget på eller efter uppföljningsmötet (--date), eller registrera mötet"});
}

void check_areas_followed_up(const GateInput& in, GateReport& report)
{
    if (in.plan.areas.empty()) {
        report.fail(in.plan.areas_key.known() ? in.plan.areas_key : plan_anchor(in.plan),
                    {"the plan has no priority areas to follow up", "planen har inga prioriterade områden att följa upp"},
                    {"add 'areas:' with their follow-up", "lägg till 'areas:' med deras uppföljning"});
    }
    for (const PriorityArea& a : in.plan.areas) {
        const AreaFollowUp& u = a.follow_up;
        std::string keys;
        const auto need = [&keys](bool present, std::string_view key) {
            if (!present) {
                keys += (keys.empty() ? "" : ", ") + std::string(key);
            }
        };
        need(u.outcome.present, "outcome");
        need(u.effects.present, "effects");
        need(u.goal_reached.ok(), "goal_reached");
        need(u.more_measures.ok(), "more_measures");
        if (keys.empty()) {
            continue;
        }
        const std::string id = a.id.ok() ? a.id.value : "?";
        report.fail(u.present ? u.key : (a.id.key.known() ? a.id.key : a.position),
                    {fmt::format("the follow-up of priority area {} does not record {}", id, keys),
                     fmt::format("uppföljningen av det prioriterade området {} anger inte {}", id, keys)},
                    {"under the area's 'follow_up:' write outcome, effects (for children), goal_reached and "
                     "more_measures (true or false)",
                     "skriv under områdets 'follow_up:' outcome, effects (för barnen), goal_reached och "
                     "more_measures (true eller false)"});
    }
}

// ---- partnership ----------------------------------------------------------------

void check_members(const GateInput& in, GateReport& report)
{
    const Plan& plan = in.plan;
    const Position list = plan.members_key.known() ? plan.members_key : plan_anchor(plan);
    if (plan.members.size() < 2) {
        report.fail(list,
                    {fmt::format("the partnership has {} member(s); an agreement needs at least two",
                                 plan.members.size()),
                     fmt::format("partnerskapet har {} medlem(mar); en överenskommelse kräver minst två",
                                 plan.members.size())},
                    {"add the member municipalities under 'members:'",
                     "lägg till medlemskommunerna under 'members:'"});
    }
    for (const Member& m : plan.members) {
        std::string keys;
        const auto need = [&keys](const Located<std::string>& field, std::string_view key) {
            if (!field.present || field.value.find_first_not_of(" \t") == std::string::npos) {
                keys += (keys.empty() ? "" : ", ") + std::string(key);
            }
        };
        need(m.politician, "politician");
        need(m.official, "official");
        if (keys.empty()) {
            continue;
        }
        const std::string id = m.id.ok() ? m.id.value : "?";
        report.fail(m.id.key.known() ? m.id.key : m.position,
                    {fmt::format("member {} names no {}", id, keys), fmt::format("medlem {} anger ingen {}", id, keys)},
                    {"each member takes part with a responsible politician (politician) and a contact official "
                     "(official)",
                     "varje medlem deltar med en ansvarig politiker (politician) och en kontaktperson (official)"});
    }
}

/// Fails once for each of the plan's findings of `rules`: the gate rests on
/// those rules rather than checking the same thing twice.
void fail_on_rules(const GateInput& in, GateReport& report, std::initializer_list<std::string_view> rules,
                   const Text& what)
{
    for (const Diagnostic& d : in.problems) {
        if (std::find(rules.begin(), rules.end(), d.rule) == rules.end()) {
            continue;
        }
        report.fail_in(d.file.empty() ? in.plan.file : d.file, d.position,
                    {fmt::format("{}: {} [{}]", what.en, d.message.en, d.rule),
                     fmt::format("{}: {} [{}]", what.sv, d.message.sv, d.rule)},
                    d.hint);
    }
}

void check_meeting_plan(const GateInput& in, GateReport& report)
{
    if (!in.plan.period_start.ok() || !in.plan.period_end.ok()) {
        report.fail(in.plan.period.known() ? in.plan.period : plan_anchor(in.plan),
                    {"the plan period is not given, so the meeting plan cannot be checked",
                     "planperioden är inte angiven, så mötesplanen kan inte kontrolleras"},
                    {"add `period: { start: YYYY-MM-DD, end: YYYY-MM-DD }`",
                     "lägg till `period: { start: ÅÅÅÅ-MM-DD, end: ÅÅÅÅ-MM-DD }`"});
        return;
    }
    fail_on_rules(in, report, {"joint-meetings-per-year", "meeting-host-member", "joint-meeting-host"},
                  {"the meeting plan is not complete", "mötesplanen är inte komplett"});
}

void check_meeting_held(const GateInput& in, GateReport& report, std::string_view kind, const Text& what)
{
    for (const Meeting& m : in.plan.meetings) {
        if (is_kind(m, kind) && m.date.value <= in.request.date &&
            (!in.plan.period_start.ok() || in.plan.period_start.value <= m.date.value)) {
            return;
        }
    }
    report.fail(in.plan.meetings.empty() ? plan_anchor(in.plan) : in.plan.meetings.back().position,
                {fmt::format("no {} is held on or before {}", what.en, in.request.date.iso()),
                 fmt::format("ingen {} är hållen senast {}", what.sv, in.request.date.iso())},
                {fmt::format("date the step on or after it (--date), or record it: barnplan record FILE --meeting "
                             "YYYY-MM-DD --kind {} --host MEMBER",
                             kind),
                 fmt::format("datera steget på eller efter den (--date), eller registrera den: barnplan record FIL "
                             "--meeting ÅÅÅÅ-MM-DD --kind {} --host MEDLEM",
                             kind)});
}

void check_peer_review_held(const GateInput& in, GateReport& report)
{
    check_meeting_held(in, report, "peer-review", {"peer review (kind: peer-review)", "kollegial granskning (kind: peer-review)"});
}

void check_final_report_held(const GateInput& in, GateReport& report)
{
    check_meeting_held(in, report, "final-report", {"final report meeting (kind: final-report)", "slutrapport (kind: final-report)"});
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

const Gate k_review_answered{"gate-review-answered",
                             {"The joint review is dated and answers its three questions.",
                              "Den gemensamma genomgången är daterad och besvarar sina tre frågor."},
                             &check_review_answered};
const Gate k_review_before_decision{"gate-review-before-decision",
                                    {"The joint review is recorded before the management decision.",
                                     "Den gemensamma genomgången är registrerad före ledningens beslut."},
                                    &check_review_before_decision};
const Gate k_implementation_period{"gate-implementation-period",
                                   {"The implementation period is given and takes 3–12 months.",
                                    "Genomförandeperioden är angiven och tar 3–12 månader."},
                                   &check_implementation_period};
const Gate k_check_ins{"gate-check-ins-booked",
                       {"A check-in meeting is booked during the implementation.",
                        "Ett avstämningsmöte är bokat under genomförandet."},
                       &check_check_ins};
const Gate k_follow_up_booked{"gate-follow-up-booked",
                              {"The step-4 follow-up meeting is booked.", "Uppföljningsmötet i steg 4 är bokat."},
                              &check_follow_up_booked};
const Gate k_follow_up_held{"gate-follow-up-held",
                            {"The step-4 follow-up meeting is held by the day of the step.",
                             "Uppföljningsmötet i steg 4 är hållet senast stegets dag."},
                            &check_follow_up_held};
const Gate k_areas_followed_up{"gate-areas-followed-up",
                               {"Every priority area records outcome, effects for children, goal reached and more "
                                "measures needed.",
                                "Varje prioriterat område anger utfall, effekter för barnen, om målet nåddes och om "
                                "fler åtgärder behövs."},
                               &check_areas_followed_up};
const Gate k_members{"gate-members",
                     {"At least two members, each with a responsible politician and a contact official.",
                      "Minst två medlemmar, var och en med ansvarig politiker och kontaktperson."},
                     &check_members};
const Gate k_meeting_plan{"gate-meeting-plan",
                          {"The meeting plan has two joint meetings a year, each hosted by a member.",
                           "Mötesplanen har två gemensamma möten om året, vart och ett med en medlem som värd."},
                          &check_meeting_plan};
const Gate k_peer_review_held{"gate-peer-review-held",
                              {"A peer review is held by the day of the step.",
                               "En kollegial granskning är hållen senast stegets dag."},
                              &check_peer_review_held};
const Gate k_final_report_held{"gate-final-report-held",
                               {"The final report meeting is held by the day of the step.",
                                "Slutrapportmötet är hållet senast stegets dag."},
                               &check_final_report_held};

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
        {Model::barnrattsresan,
         {"draft", "reviewed", "approved", "implementing", "followed-up"},
         {
             {"draft", "reviewed", {&k_date_order, &k_validates, &k_review_answered}},
             {"reviewed",
              "approved",
              {&k_date_order, &k_validates, &k_by, &k_date, &k_ref, &k_review_before_decision}},
             {"approved", "implementing", {&k_date_order, &k_implementation_period, &k_check_ins, &k_follow_up_booked}},
             {"implementing", "followed-up", {&k_date_order, &k_follow_up_held, &k_areas_followed_up}},
         }},
        {Model::partnership,
         {"draft", "agreed", "running", "reviewed", "closed"},
         {
             {"draft", "agreed", {&k_date_order, &k_members, &k_by, &k_date, &k_ref}},
             {"agreed", "running", {&k_date_order, &k_meeting_plan}},
             {"running", "reviewed", {&k_date_order, &k_peer_review_held}},
             {"reviewed", "closed", {&k_date_order, &k_final_report_held}},
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
