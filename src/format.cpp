#include <barnplan/format.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace barnplan::format {
namespace {

using T = FieldType;

const std::vector<std::string_view> k_models{"unicef-bvk", "barnrattsresan", "partnership"};
const std::vector<std::string_view> k_languages{"sv", "en", "fi"};
const std::vector<std::string_view> k_bases{"process-indicator", "children-views", "free-choice"};
const std::vector<std::string_view> k_action_statuses{"planned", "started", "done", "dropped"};
const std::vector<std::string_view> k_meter_kinds{"number", "percent", "yes-no", "level"};
const std::vector<std::string_view> k_meeting_kinds{
    "coordination-group", "follow-up", "evaluation", "children", "check-in",
    "officials", "joint", "peer-review", "final-report", "other"};
// Every model's stages; which belong to which model is in plan.cpp.
const std::vector<std::string_view> k_stages{
    "draft", "feedback", "unicef-approved", "adopted", "implementing", "evaluation", "recognized",
    "reviewed", "approved", "followed-up", "agreed", "running", "closed"};

Field field(std::string_view key, FieldType type, bool required, Text description,
            const Object* object = nullptr, std::vector<std::string_view> values = {})
{
    return Field{key, type, required, object, std::move(values), std::move(description)};
}

const Object k_measurement{
    "a measurement",
    "en mätning",
    {"A dated value of a meter.", "Ett daterat värde för en mätare."},
    {
        field("date", T::date, true, {"The day the value was measured.", "Dagen då värdet mättes."}),
        field("value", T::value, true,
              {"The value: a number, true/false for yes-no meters, 1–4 for level meters.",
               "Värdet: ett tal, true/false för ja/nej-mätare, 1–4 för nivåmätare."}),
        field("note", T::string, false, {"A remark on the value or its source.", "En kommentar om värdet eller dess källa."}),
    }};

const Object k_meter{
    "a meter",
    "en mätare",
    {"A concrete, time-bound meter of a goal.", "En konkret och tidsbunden mätare för en målsättning."},
    {
        field("id", T::string, true, {"Stable id, unique in the plan, e.g. G1.M1.", "Stabilt id, unikt i planen, t.ex. G1.M1."}),
        field("what", T::string, false, {"What is measured.", "Vad som mäts."}),
        field("kind", T::enumeration, false,
              {"number, percent, yes-no or level (default number).",
               "number, percent, yes-no eller level (standard number)."},
              nullptr, k_meter_kinds),
        field("unit", T::string, false, {"Unit of the values, e.g. \"%\" or \"st\".", "Enhet för värdena, t.ex. \"%\" eller \"st\"."}),
        field("baseline", T::value, false, {"The value at the start.", "Värdet vid start."}),
        field("target", T::value, false, {"The value to reach.", "Värdet som ska nås."}),
        field("due", T::date, false, {"The day by which the target is to be reached, inside the plan period.",
                                      "Dagen då målvärdet ska vara nått, inom planperioden."}),
        field("source", T::string, false, {"Where the values come from (survey, register).", "Varifrån värdena kommer (enkät, register)."}),
        field("measurements", T::object_list, false, {"Dated values, oldest first.", "Daterade värden, äldst först."}, &k_measurement),
    }};

const Object k_action_update{
    "an action update",
    "en åtgärdsuppdatering",
    {"A dated change of an action's status.", "En daterad ändring av en åtgärds status."},
    {
        field("date", T::date, true, {"The day of the update.", "Dagen för uppdateringen."}),
        field("status", T::enumeration, false, {"The new status.", "Den nya statusen."}, nullptr, k_action_statuses),
        field("note", T::string, false, {"What happened.", "Vad som hänt."}),
    }};

const Object k_action{
    "an action",
    "en åtgärd",
    {"Something done to reach a goal.", "Något som görs för att nå en målsättning."},
    {
        field("id", T::string, true, {"Stable id, unique in the plan, e.g. G1.A1.", "Stabilt id, unikt i planen, t.ex. G1.A1."}),
        field("what", T::string, false, {"What is done.", "Vad som görs."}),
        field("who", T::string, false, {"Who or which unit does it.", "Vem eller vilken enhet som gör det."}),
        field("start", T::date, false, {"When it starts.", "När den börjar."}),
        field("due", T::date, false, {"When it is to be done.", "När den ska vara klar."}),
        field("how", T::string, false, {"How it proceeds, on what schedule.", "Hur den går framåt och enligt vilken tidtabell."}),
        field("children_views", T::string, false, {"How children's views were taken into account.", "Hur barnens åsikter har beaktats."}),
        field("status", T::enumeration, false, {"planned, started, done or dropped.", "planned, started, done eller dropped."}, nullptr, k_action_statuses),
        field("recurring", T::boolean, false, {"true when the action is continuous or recurring.", "true när åtgärden är fortlöpande eller återkommande."}),
        field("depends_on", T::string_list, false, {"Ids of actions this one waits for.", "Id för åtgärder som den här väntar på."}),
        field("updates", T::object_list, false, {"Dated status updates, oldest first.", "Daterade statusuppdateringar, äldst först."}, &k_action_update),
    }};

const Object k_level_entry{
    "a level entry",
    "en nivåbedömning",
    {"A dated assessment of a goal's indicator level.", "En daterad bedömning av en målsättnings indikatornivå."},
    {
        field("date", T::date, true, {"The day of the assessment.", "Dagen för bedömningen."}),
        field("level", T::level, true, {"The level, 1–4.", "Nivån, 1–4."}),
        field("note", T::string, false, {"The grounds for the assessment.", "Grunden för bedömningen."}),
    }};

const Object k_goal{
    "a goal",
    "en målsättning",
    {"A goal (målsättning) of the plan.", "En målsättning i planen."},
    {
        field("id", T::string, true, {"Stable id, unique in the plan, e.g. G1.", "Stabilt id, unikt i planen, t.ex. G1."}),
        field("title", T::string, false, {"The goal, in the indicator's wording where it rests on one.",
                                          "Målsättningen, med indikatorns formulering när den bygger på en."}),
        field("basis", T::enumeration, false,
              {"process-indicator, children-views or free-choice.", "process-indicator, children-views eller free-choice."},
              nullptr, k_bases),
        field("indicator", T::string, false, {"The indicator the goal rests on, e.g. \"P2.1\".", "Indikatorn som målsättningen bygger på, t.ex. \"P2.1\"."}),
        field("theme", T::string, false, {"The indicator theme, e.g. structures.", "Indikatorns tema, t.ex. strukturer."}),
        field("welfare_area", T::boolean, false,
              {"true when the indicator is the wellbeing services county's responsibility.",
               "true när indikatorn är välfärdsområdets ansvar."}),
        field("start_level", T::level, false, {"The level at the start, 1 or 2.", "Startnivån, 1 eller 2."}),
        field("target_level", T::level, false, {"The level to reach, above the start level.", "Nivån som ska nås, över startnivån."}),
        field("current_level", T::level, false, {"The level assessed most recently.", "Den senast bedömda nivån."}),
        field("children_views", T::string, false, {"How children's views were taken into account in the actions.",
                                                   "Hur barnens åsikter har beaktats i åtgärderna."}),
        field("levels", T::object_list, false, {"Dated level assessments, oldest first.", "Daterade nivåbedömningar, äldst först."}, &k_level_entry),
        field("actions", T::object_list, false, {"The actions for the goal.", "Åtgärderna för målsättningen."}, &k_action),
        field("meters", T::object_list, false, {"The meters of the goal.", "Målsättningens mätare."}, &k_meter),
        field("ways", T::string_list, false, {"partnership: the ways the goal is carried out.",
                                              "partnership: hur målet genomförs (exempel på genomförande)."}),
    }};

const Object k_meeting{
    "a meeting",
    "ett möte",
    {"A meeting where the plan was discussed.", "Ett möte där planen behandlades."},
    {
        field("date", T::date, true, {"The day of the meeting.", "Dagen för mötet."}),
        field("kind", T::enumeration, true, {"The kind of meeting.", "Typ av möte."}, nullptr, k_meeting_kinds),
        field("note", T::string, false, {"What was discussed or decided.", "Vad som diskuterades eller beslutades."}),
        field("goals", T::string_list, false, {"Ids of the goals discussed.", "Id för de målsättningar som behandlades."}),
        field("host", T::string, false, {"partnership: the id of the member hosting the meeting.",
                                         "partnership: id för den medlem som är värd för mötet."}),
    }};

const Object k_member{
    "a member",
    "en medlem",
    {"A member municipality of a partnership.", "En medlemskommun i ett partnerskap."},
    {
        field("id", T::string, true, {"Stable id, unique in the plan; meetings name their host by it.",
                                      "Stabilt id, unikt i planen; möten anger sin värd med det."}),
        field("municipality", T::string, false, {"The municipality.", "Kommunen."}),
        field("politician", T::string, false, {"The responsible politician.", "Ansvarigt kommunalråd eller motsvarande."}),
        field("official", T::string, false, {"The contact official.", "Ansvarig tjänsteperson eller kontaktperson."}),
    }};

const Object k_area_follow_up{
    "the follow-up of an area",
    "uppföljningen av ett område",
    {"Barnrättsresan step 4: what came of the area.", "Barnrättsresan steg 4: vad området ledde till."},
    {
        field("outcome", T::string, false, {"The outcome.", "Utfallet."}),
        field("effects", T::string, false, {"The effects for children.", "Effekterna för barnen."}),
        field("goal_reached", T::boolean, false, {"Whether the overarching goal was reached.", "Om det övergripande målet nåddes."}),
        field("more_measures", T::boolean, false, {"Whether more measures are needed.", "Om fler åtgärder behövs."}),
        field("note", T::string, false, {"A remark.", "En kommentar."}),
    }};

const Object k_area{
    "a priority area",
    "ett prioriterat område",
    {"Barnrättsresan: a priority area with its overarching goal.", "Barnrättsresan: ett prioriterat område med dess övergripande mål."},
    {
        field("id", T::string, true, {"Stable id, unique in the plan; activities name their area by it.",
                                      "Stabilt id, unikt i planen; aktiviteter anger sitt område med det."}),
        field("title", T::string, false, {"The priority area.", "Det prioriterade området."}),
        field("goal", T::string, false, {"The overarching goal.", "Det övergripande målet."}),
        field("follow_up", T::object, false, {"The follow-up (step 4).", "Uppföljningen (steg 4)."}, &k_area_follow_up),
    }};

const Object k_review{
    "the joint review",
    "den gemensamma genomgången",
    {"Barnrättsresan: the joint review's three questions, answered before the management decision.",
     "Barnrättsresan: den gemensamma genomgångens tre frågor, besvarade före ledningens beslut."},
    {
        field("date", T::date, false, {"The day of the review.", "Dagen för genomgången."}),
        field("realistic", T::string, false, {"Is the plan realistic?", "Är handlingsplanen realistisk?"}),
        field("reaches_goals", T::string, false, {"Will the activities reach the goals?", "Kommer aktiviteterna göra att vi når målen?"}),
        field("rights_fulfilled", T::string, false, {"Will children's rights be fulfilled?",
                                                     "Kommer aktiviteterna medföra att barnets rättigheter tillgodoses?"}),
    }};

const Object k_implementation{
    "the implementation",
    "genomförandet",
    {"Barnrättsresan: the implementation period (3–12 months).", "Barnrättsresan: genomförandeperioden (3–12 månader)."},
    {
        field("start", T::date, false, {"The first day of implementation.", "Genomförandets första dag."}),
        field("end", T::date, false, {"The last day of implementation.", "Genomförandets sista dag."}),
    }};

const Object k_activity{
    "an activity",
    "en aktivitet",
    {"Barnrättsresan: a department's activity, in the shared template.", "Barnrättsresan: en avdelnings aktivitet, i den gemensamma mallen."},
    {
        field("id", T::string, true, {"Stable id, unique in the joint plan, e.g. UTB.1.", "Stabilt id, unikt i den gemensamma planen, t.ex. UTB.1."}),
        field("area", T::string, false, {"The id of the priority area the activity serves.", "Id för det prioriterade område som aktiviteten hör till."}),
        field("what", T::string, false, {"The activity.", "Aktiviteten."}),
        field("who", T::string, false, {"Who is responsible.", "Vem som är ansvarig."}),
        field("start", T::date, false, {"When it starts.", "När den börjar."}),
        field("due", T::date, false, {"When it is to be done.", "När den ska vara klar."}),
        field("resources", T::string, false, {"The resources it needs.", "Resurserna den behöver."}),
        field("indicators", T::string, false, {"How it is seen to work.", "Indikatorerna: hur man ser att den fungerar."}),
        field("result", T::string, false, {"The result, written at follow-up.", "Resultatet, skrivs vid uppföljningen."}),
        field("status", T::enumeration, false, {"planned, started, done or dropped.", "planned, started, done eller dropped."}, nullptr, k_action_statuses),
    }};

const Object k_department_file{
    "a department file",
    "en avdelningsfil",
    {"Barnrättsresan: one department's activities, listed under `departments` in the main plan.",
     "Barnrättsresan: en avdelnings aktiviteter, listad under `departments` i huvudplanen."},
    {
        field("department", T::string, true, {"The department's name; marks the file as a department file.",
                                              "Avdelningens namn; markerar filen som avdelningsfil."}),
        field("activities", T::object_list, false, {"The department's activities.", "Avdelningens aktiviteter."}, &k_activity),
    }};

const Object k_history_entry{
    "a history entry",
    "en historikpost",
    {"A dated step in the plan's lifecycle: an approval or a decision.",
     "Ett daterat steg i planens livscykel: ett godkännande eller ett beslut."},
    {
        field("date", T::date, true, {"The day of the step.", "Dagen för steget."}),
        field("stage", T::enumeration, true, {"The stage the plan reached.", "Skedet som planen nådde."}, nullptr, k_stages),
        field("by", T::string, false, {"Who approved or decided.", "Vem som godkände eller beslutade."}),
        field("ref", T::string, false, {"Reference to the decision, e.g. \"§ 57\".", "Hänvisning till beslutet, t.ex. \"§ 57\"."}),
        field("note", T::string, false, {"A remark.", "En kommentar."}),
    }};

const Object k_period{
    "the period",
    "perioden",
    {"The period the plan covers.", "Perioden som planen omfattar."},
    {
        // Not required by the format: period-required says when they are missing,
        // so a new plan with the dates still to fill in reads as a plan.
        field("start", T::date, false, {"The first day of the period.", "Periodens första dag."}),
        field("end", T::date, false, {"The last day of the period.", "Periodens sista dag."}),
    }};

const Object k_welfare_commitment{
    "the welfare commitment",
    "välfärdsområdets åtagande",
    {"The wellbeing services county's commitment to joint development work.",
     "Välfärdsområdets åtagande att delta i det gemensamma utvecklingsarbetet."},
    {
        field("by", T::string, true, {"Who committed.", "Vem som har åtagit sig."}),
        field("date", T::date, false, {"When.", "När."}),
        field("ref", T::string, false, {"Reference to the decision or letter.", "Hänvisning till beslutet eller brevet."}),
    }};

const Object k_evaluation{
    "the evaluation",
    "utvärderingen",
    {"The evaluation meeting with UNICEF and its preparation.", "Utvärderingsträffen med UNICEF och förberedelserna för den."},
    {
        field("meeting", T::date, false, {"The day of the evaluation meeting.", "Dagen för utvärderingsträffen."}),
        field("booked", T::date, false, {"When the meeting was booked (at least a month before).", "När träffen bokades (minst en månad före)."}),
        field("form_started", T::date, false, {"When work on the evaluation form began (2–3 months before).",
                                               "När arbetet med utvärderingsblanketten började (2–3 månader före)."}),
        field("form_approved", T::date, false, {"When the coordination group approved the form.", "När koordinationsgruppen godkände blanketten."}),
        field("form_stored", T::date, false, {"When the form was stored in UNICEF's service (at least two weeks before).",
                                              "När blanketten sparades i UNICEFs tjänst (minst två veckor före)."}),
    }};

const Object k_plan{
    "the plan",
    "planen",
    {"A child-rights action plan.", "En handlingsplan för barnets rättigheter."},
    {
        field("barnplan", T::integer, true, {"The file-format version; 1.", "Filformatets version; 1."}),
        field("model", T::enumeration, true, {"unicef-bvk, barnrattsresan or partnership.", "unicef-bvk, barnrattsresan eller partnership."},
              nullptr, k_models),
        field("language", T::enumeration, false, {"The plan's language: sv, en or fi (default sv).", "Planens språk: sv, en eller fi (standard sv)."},
              nullptr, k_languages),
        field("municipality", T::string, false, {"The municipality or organisation.", "Kommunen eller organisationen."}),
        field("coordinator", T::string, false, {"The coordinator or process leader.", "Koordinatorn eller processledaren."}),
        field("period", T::object, false, {"The period the plan covers.", "Perioden som planen omfattar."}, &k_period),
        field("stage", T::enumeration, false, {"Where the plan is in its lifecycle.", "Var planen är i sin livscykel."}, nullptr, k_stages),
        field("vision", T::string, false, {"The long-term vision from the child's point of view.", "Den långsiktiga visionen ur barnets synvinkel."}),
        field("strategy_link", T::string, false, {"How the plan connects to the municipal strategy.", "Hur planen hänger ihop med kommunstrategin."}),
        field("informing", T::string, false, {"How other bodies and elected officials are informed.",
                                              "Hur övriga organ och förtroendevalda informeras."}),
        field("welfare_commitment", T::object, false, {"The wellbeing services county's commitment.", "Välfärdsområdets åtagande."},
              &k_welfare_commitment),
        field("evaluation", T::object, false, {"The evaluation meeting and its preparation.", "Utvärderingsträffen och förberedelserna."},
              &k_evaluation),
        field("goals", T::object_list, false, {"The goals.", "Målsättningarna."}, &k_goal),
        field("meetings", T::object_list, false, {"Meetings where the plan was discussed.", "Möten där planen behandlades."}, &k_meeting),
        field("history", T::object_list, false, {"Approvals and decisions, oldest first.", "Godkännanden och beslut, äldst först."},
              &k_history_entry),
        field("idea", T::string, false, {"partnership: the idea (verksamhetsidé).", "partnership: verksamhetsidén."}),
        field("strategies", T::string_list, false, {"partnership: the strategies.", "partnership: strategierna."}),
        field("members", T::object_list, false, {"partnership: the member municipalities.", "partnership: medlemskommunerna."}, &k_member),
        field("ambition", T::string, false, {"barnrattsresan: how the areas were prioritised and what is to be reached in 2–3 years.",
                                             "barnrattsresan: hur områdena prioriterades och vad som ska nås på 2–3 års sikt."}),
        field("areas", T::object_list, false, {"barnrattsresan: the priority areas.", "barnrattsresan: de prioriterade områdena."}, &k_area),
        field("departments", T::string_list, false,
              {"barnrattsresan: the department files, relative to this file; globs allowed, never outside the repository.",
               "barnrattsresan: avdelningsfilerna, relativt den här filen; mönster tillåts, aldrig utanför förrådet."}),
        field("review", T::object, false, {"barnrattsresan: the joint review.", "barnrattsresan: den gemensamma genomgången."}, &k_review),
        field("implementation", T::object, false, {"barnrattsresan: the implementation period.", "barnrattsresan: genomförandeperioden."},
              &k_implementation),
    }};

nlohmann::ordered_json schema_of(const Object& object, Language lang);
nlohmann::ordered_json scalar_schema(const Field& field, Language lang);

nlohmann::ordered_json schema_of(const Field& field, Language lang)
{
    nlohmann::ordered_json out = scalar_schema(field, lang);
    // An optional key left empty counts as not written, as the loader reads it.
    if (!field.required && out.contains("type")) {
        auto type = out["type"];
        if (!type.is_array()) {
            type = nlohmann::ordered_json::array({type});
        }
        type.push_back("null");
        out["type"] = type;
        if (out.contains("enum")) {
            out["enum"].push_back(nullptr);
        }
    }
    return out;
}

nlohmann::ordered_json scalar_schema(const Field& field, Language lang)
{
    nlohmann::ordered_json out;
    out["description"] = localized(field.description, lang);
    switch (field.type) {
    case T::string:
        out["type"] = nlohmann::ordered_json::array({"string", "number", "boolean"});
        break;
    case T::integer:
        out["type"] = "integer";
        break;
    case T::level:
        out["type"] = "integer";
        out["minimum"] = 1;
        out["maximum"] = 4;
        break;
    case T::value:
        out["type"] = nlohmann::ordered_json::array({"number", "boolean"});
        break;
    case T::boolean:
        out["type"] = "boolean";
        break;
    case T::date:
        // YAML language servers see an unquoted date as a string.
        out["type"] = "string";
        out["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
        break;
    case T::enumeration:
        out["type"] = "string";
        out["enum"] = field.values;
        break;
    case T::object:
        out.update(schema_of(*field.object, lang));
        out["description"] = localized(field.description, lang);
        break;
    case T::object_list:
        out["type"] = "array";
        out["items"] = schema_of(*field.object, lang);
        break;
    case T::string_list:
        out["type"] = "array";
        out["items"] = {{"type", "string"}};
        break;
    }
    return out;
}

nlohmann::ordered_json schema_of(const Object& object, Language lang)
{
    nlohmann::ordered_json out;
    out["type"] = "object";
    out["description"] = localized(object.description, lang);
    nlohmann::ordered_json properties = nlohmann::ordered_json::object();
    nlohmann::ordered_json required = nlohmann::ordered_json::array();
    for (const Field& f : object.fields) {
        properties[std::string(f.key)] = schema_of(f, lang);
        if (f.required) {
            required.push_back(f.key);
        }
    }
    out["properties"] = properties;
    if (!required.empty()) {
        out["required"] = required;
    }
    out["additionalProperties"] = false;
    return out;
}

} // namespace

const Field* Object::find(std::string_view key) const
{
    auto it = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == key; });
    return it == fields.end() ? nullptr : &*it;
}

const Object& plan_object() { return k_plan; }

std::vector<const Object*> all_objects()
{
    return {&k_plan,          &k_period,  &k_welfare_commitment, &k_evaluation, &k_goal,
            &k_level_entry,   &k_action,  &k_action_update,      &k_meter,      &k_measurement,
            &k_meeting,       &k_history_entry, &k_member, &k_area, &k_area_follow_up, &k_review, &k_implementation};
}

const Object& department_object() { return k_department_file; }

std::vector<const Object*> department_objects() { return {&k_department_file, &k_activity}; }

std::string json_schema(Language lang)
{
    nlohmann::ordered_json schema;
    schema["$schema"] = "http://json-schema.org/draft-07/schema#";
    schema["title"] = lang == Language::sv ? "barnplan: handlingsplan, format 1" : "barnplan plan file, format 1";
    schema.update(schema_of(k_plan, lang));
    schema["properties"]["barnplan"]["const"] = k_version;
    return schema.dump(2) + "\n";
}

const std::vector<std::string_view>& model_names() { return k_models; }
const std::vector<std::string_view>& language_codes() { return k_languages; }
const std::vector<std::string_view>& meeting_kinds() { return k_meeting_kinds; }
const std::vector<std::string_view>& all_stage_names() { return k_stages; }

} // namespace barnplan::format
