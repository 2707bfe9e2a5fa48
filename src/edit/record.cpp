// Plan-level edits: what `barnplan record` and `barnplan advance` write, each
// checked afterwards by re-reading the plan and comparing meanings.

#include <barnplan/edit.hpp>
#include <barnplan/format.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/yaml_tree.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace barnplan {
namespace {

Diagnostic problem(const std::string& file, std::string rule, Position at, Text message, Text hint = {})
{
    Diagnostic d;
    d.rule = std::move(rule);
    d.severity = Severity::error;
    d.file = file;
    d.position = at;
    d.message = std::move(message);
    d.hint = std::move(hint);
    return d;
}

/// Arguments come from a shell and may hold any bytes: text that the plan
/// could not hold (invalid UTF-8, control characters) is refused up front,
/// with the option named, rather than caught later as a broken edit.
bool arguments_are_text(const std::string& file, const std::vector<std::pair<Text, std::string_view>>& args,
                        Diagnostics& out)
{
    for (const auto& [what, value] : args) {
        const bool utf8 = find_invalid_utf8(value) == std::string_view::npos;
        const bool control = std::any_of(value.begin(), value.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return (u < 0x20U && c != '\n') || u == 0x7FU;
        });
        if (!utf8 || control) {
            out.push_back(problem(
                file, "record-bad-value", {},
                {fmt::format("{} {}", what.en, utf8 ? "holds a control character" : "is not valid UTF-8 text"),
                 fmt::format("{} {}", what.sv, utf8 ? "innehåller ett styrtecken" : "är inte giltig UTF-8-text")},
                {"write it as plain text; check the terminal's character encoding",
                 "skriv det som vanlig text; kontrollera terminalens teckenkodning"}));
            return false;
        }
    }
    return true;
}

std::string show_number(double v)
{
    return fmt::format("{}", v);
}

std::optional<double> parse_number(std::string_view text)
{
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double v = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

std::optional<int> parse_level(std::string_view text)
{
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < 1 || v > 4) {
        return std::nullopt;
    }
    return v;
}

std::optional<bool> parse_yes_no(std::string_view text)
{
    for (std::string_view yes : {"true", "yes", "ja"}) {
        if (text == yes) {
            return true;
        }
    }
    for (std::string_view no : {"false", "no", "nej"}) {
        if (text == no) {
            return false;
        }
    }
    return std::nullopt;
}

/// A meter's value as YAML, or nullopt with the reason in `error`.
std::optional<std::string> meter_value(const Meter& meter, const std::string& text, Text& error)
{
    const MeterKind kind = meter.kind.ok() ? meter.kind.value : MeterKind::number;
    const std::string& id = meter.id.value;
    switch (kind) {
    case MeterKind::yes_no:
        if (auto v = parse_yes_no(text)) {
            return std::string(*v ? "true" : "false");
        }
        error = {fmt::format("'{}' is not yes or no; meter {} is a yes-no meter", text, id),
                 fmt::format("'{}' är inte ja eller nej; mätaren {} är en ja/nej-mätare", text, id)};
        return std::nullopt;
    case MeterKind::level:
        if (auto v = parse_level(text)) {
            return std::to_string(*v);
        }
        error = {fmt::format("'{}' is not a level from 1 to 4; meter {} is a level meter", text, id),
                 fmt::format("'{}' är inte en nivå från 1 till 4; mätaren {} är en nivåmätare", text, id)};
        return std::nullopt;
    case MeterKind::percent:
        if (auto v = parse_number(text); v && *v >= 0.0 && *v <= 100.0) {
            return show_number(*v);
        }
        error = {fmt::format("'{}' is not a percentage from 0 to 100; meter {} is a percent meter", text, id),
                 fmt::format("'{}' är inte en procentsats från 0 till 100; mätaren {} är en procentmätare", text, id)};
        return std::nullopt;
    case MeterKind::number:
        if (auto v = parse_number(text)) {
            return show_number(*v);
        }
        error = {fmt::format("'{}' is not a number; meter {} is a number meter", text, id),
                 fmt::format("'{}' är inte ett tal; mätaren {} är en talmätare", text, id)};
        return std::nullopt;
    }
    return std::nullopt;
}

std::string change_name(Change::Kind kind, const std::string& subject, const std::string& field)
{
    const char* k = kind == Change::Kind::added ? "added" : kind == Change::Kind::removed ? "removed" : "changed";
    return fmt::format("{} {}{}{}", k, subject, field.empty() ? "" : " ", field);
}

/// Runs the text edits one after another; stops at the first refusal.
class EditChain {
public:
    EditChain(std::string_view text, const std::string& file) : m_text(text), m_file(file) {}

    void set(const YamlPath& path, const std::string& key, const std::string& value,
             const std::vector<std::string>& after = {})
    {
        if (m_failed) {
            return;
        }
        take(yaml_set_scalar(m_text, m_file, path, key, value, after));
    }

    void append(const YamlPath& path, const std::string& key, const std::vector<YamlField>& fields,
                const std::vector<std::string>& after = {})
    {
        if (m_failed) {
            return;
        }
        take(yaml_append_entry(m_text, m_file, path, key, fields, after));
    }

    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] const std::string& text() const { return m_text; }
    Diagnostics& diagnostics() { return m_diagnostics; }

private:
    void take(TextEdit edit)
    {
        if (!edit.text) {
            m_failed = true;
            m_diagnostics.insert(m_diagnostics.end(), edit.diagnostics.begin(), edit.diagnostics.end());
            return;
        }
        m_text = std::move(*edit.text);
    }

    std::string m_text;
    const std::string& m_file;
    bool m_failed = false;
    Diagnostics m_diagnostics;
};

PlanEdit finish(std::string_view before, EditChain& chain, const std::string& file,
                const std::vector<IntendedChange>& intended, Text summary)
{
    PlanEdit out;
    if (chain.failed()) {
        out.diagnostics = std::move(chain.diagnostics());
        return out;
    }
    out.diagnostics = check_edit(before, chain.text(), file, intended);
    if (out.diagnostics.empty()) {
        out.text = chain.text();
        out.summary = std::move(summary);
    }
    return out;
}

void add_note(std::vector<YamlField>& fields, const std::optional<std::string>& note)
{
    if (note && !note->empty()) {
        fields.push_back({"note", *note, true});
    }
}

Diagnostic duplicate_date(const std::string& file, Position at, const std::string& what_en, const std::string& what_sv,
                          const std::string& date)
{
    return problem(file, "record-duplicate-date", at,
                   {fmt::format("{} already has an entry dated {}", what_en, date),
                    fmt::format("{} har redan en post daterad {}", what_sv, date)},
                   {"give --replace to overwrite it, or another --date",
                    "ange --replace för att skriva över den, eller ett annat --date"});
}

PlanEdit record_measurement(std::string_view text, const std::string& file, const Goal& goal, const Meter& meter,
                            const RecordRequest& request)
{
    PlanEdit out;
    Text error;
    const std::optional<std::string> value = meter_value(meter, request.value, error);
    if (!value) {
        out.diagnostics.push_back(
            problem(file, "record-bad-value", meter.id.at, error,
                    {"see the meter's kind: number, percent (0–100), yes-no (yes/no) or level (1–4)",
                     "se mätarens kind: number, percent (0–100), yes-no (ja/nej) eller level (1–4)"}));
        return out;
    }
    const std::string date = request.date.iso();
    const std::string subject = meter.id.value + " " + date;
    const YamlPath meter_path{{"goals", "id", goal.id.value}, {"meters", "id", meter.id.value}};
    EditChain chain(text, file);
    std::vector<IntendedChange> intended;
    const auto existing = std::find_if(meter.measurements.begin(), meter.measurements.end(), [&](const Measurement& m) {
        return m.date.ok() && m.date.value == request.date;
    });
    if (existing != meter.measurements.end()) {
        if (!request.replace) {
            out.diagnostics.push_back(
                duplicate_date(file, existing->date.key, "meter " + meter.id.value, "mätaren " + meter.id.value, date));
            return out;
        }
        YamlPath path = meter_path;
        path.push_back({"measurements", "date", date});
        chain.set(path, "value", *value);
        const std::string old_value =
            existing->value.ok()
                ? (existing->value.value.is_boolean ? (existing->value.value.number != 0.0 ? "true" : "false")
                                                    : show_number(existing->value.value.number))
                : "";
        if (old_value != *value) {
            intended.push_back({Change::Kind::changed, subject, "value", *value});
        }
        if (request.note && (!existing->note.ok() || existing->note.value != *request.note)) {
            chain.set(path, "note", yaml_scalar(*request.note, true));
            intended.push_back({Change::Kind::changed, subject, "note", std::nullopt});
        }
    } else {
        std::vector<YamlField> fields{{"date", date}, {"value", *value}};
        add_note(fields, request.note);
        chain.append(meter_path, "measurements", fields);
        intended.push_back({Change::Kind::added, subject, "", *value});
    }
    return finish(text, chain, file, intended,
                  {fmt::format("recorded {} = {} on {}", meter.id.value, *value, date),
                   fmt::format("registrerade {} = {} den {}", meter.id.value, *value, date)});
}

PlanEdit record_action(std::string_view text, const std::string& file, const Goal& goal, const Action& action,
                       const RecordRequest& request)
{
    PlanEdit out;
    static const std::vector<std::string_view> statuses{to_string(ActionStatus::planned),
                                                        to_string(ActionStatus::started), to_string(ActionStatus::done),
                                                        to_string(ActionStatus::dropped)};
    if (std::find(statuses.begin(), statuses.end(), request.value) == statuses.end()) {
        out.diagnostics.push_back(
            problem(file, "record-bad-value", action.id.at,
                    {fmt::format("'{}' is not an action status; action {} takes planned, started, done or dropped",
                                 request.value, action.id.value),
                     fmt::format("'{}' är ingen åtgärdsstatus; åtgärden {} tar planned, started, done eller dropped",
                                 request.value, action.id.value)},
                    {"planned, started, done or dropped", "planned, started, done eller dropped"}));
        return out;
    }
    const std::string date = request.date.iso();
    const YamlPath path{{"goals", "id", goal.id.value}, {"actions", "id", action.id.value}};
    EditChain chain(text, file);
    std::vector<IntendedChange> intended;
    if (!action.status.ok() || std::string(to_string(action.status.value)) != request.value) {
        chain.set(path, "status", request.value, {"children_views", "how", "due", "start", "who", "what"});
        intended.push_back({Change::Kind::changed, action.id.value, "status", request.value});
    }
    std::vector<YamlField> fields{{"date", date}, {"status", request.value}};
    add_note(fields, request.note);
    chain.append(path, "updates", fields, {"depends_on", "recurring", "status"});
    intended.push_back({Change::Kind::added, action.id.value + " " + date, "", std::nullopt});
    return finish(text, chain, file, intended,
                  {fmt::format("recorded {} {} on {}", action.id.value, request.value, date),
                   fmt::format("registrerade {} {} den {}", action.id.value, request.value, date)});
}

PlanEdit record_level(std::string_view text, const std::string& file, const Goal& goal, const RecordRequest& request)
{
    PlanEdit out;
    const std::optional<int> level = parse_level(request.value);
    if (!level) {
        out.diagnostics.push_back(
            problem(file, "record-bad-value", goal.id.at,
                    {fmt::format("'{}' is not a level from 1 to 4 (goal {})", request.value, goal.id.value),
                     fmt::format("'{}' är inte en nivå från 1 till 4 (målsättning {})", request.value, goal.id.value)},
                    {"a goal's level is 1, 2, 3 or 4", "en målsättnings nivå är 1, 2, 3 eller 4"}));
        return out;
    }
    const std::string value = std::to_string(*level);
    const std::string date = request.date.iso();
    const std::string subject = goal.id.value + " " + date;
    const YamlPath path{{"goals", "id", goal.id.value}};
    EditChain chain(text, file);
    std::vector<IntendedChange> intended;
    if (!goal.current_level.ok() || goal.current_level.value != *level) {
        chain.set(path, "current_level", value, {"target_level", "start_level"});
        intended.push_back({Change::Kind::changed, goal.id.value, "current_level", value});
    }
    const auto existing = std::find_if(goal.levels.begin(), goal.levels.end(), [&](const LevelEntry& e) {
        return e.date.ok() && e.date.value == request.date;
    });
    if (existing != goal.levels.end()) {
        if (!request.replace) {
            out.diagnostics.push_back(duplicate_date(file, existing->date.key, "goal " + goal.id.value,
                                                     "målsättningen " + goal.id.value, date));
            return out;
        }
        YamlPath entry = path;
        entry.push_back({"levels", "date", date});
        if (!existing->level.ok() || existing->level.value != *level) {
            chain.set(entry, "level", value);
            intended.push_back({Change::Kind::changed, subject, "level", value});
        }
        if (request.note && (!existing->note.ok() || existing->note.value != *request.note)) {
            chain.set(entry, "note", yaml_scalar(*request.note, true));
            intended.push_back({Change::Kind::changed, subject, "note", std::nullopt});
        }
    } else {
        std::vector<YamlField> fields{{"date", date}, {"level", value}};
        add_note(fields, request.note);
        chain.append(path, "levels", fields, {"current_level", "target_level", "start_level"});
        intended.push_back({Change::Kind::added, subject, "", value});
    }
    return finish(text, chain, file, intended,
                  {fmt::format("recorded {} level {} on {}", goal.id.value, value, date),
                   fmt::format("registrerade {} nivå {} den {}", goal.id.value, value, date)});
}

PlanEdit record_meeting(std::string_view text, const std::string& file, const Plan& plan, const RecordRequest& request)
{
    PlanEdit out;
    const auto& kinds = format::meeting_kinds();
    if (std::find(kinds.begin(), kinds.end(), request.meeting_kind) == kinds.end()) {
        std::string list;
        for (std::string_view k : kinds) {
            list += (list.empty() ? "" : ", ") + std::string(k);
        }
        out.diagnostics.push_back(problem(file, "record-bad-value", {},
                                          {fmt::format("'{}' is not a kind of meeting", request.meeting_kind),
                                           fmt::format("'{}' är ingen typ av möte", request.meeting_kind)},
                                          {"one of: " + list, "ett av: " + list}));
        return out;
    }
    const std::string date = request.date.iso();
    for (const Meeting& m : plan.meetings) {
        if (m.date.ok() && m.date.value == request.date && m.kind.ok() && m.kind.value == request.meeting_kind) {
            out.diagnostics.push_back(
                problem(file, "record-duplicate-date", m.date.key,
                        {fmt::format("a {} meeting dated {} is already recorded", request.meeting_kind, date),
                         fmt::format("ett möte av typen {} daterat {} finns redan", request.meeting_kind, date)},
                        {"edit its note in the file, or give another --date",
                         "ändra anteckningen i filen, eller ange ett annat --date"}));
            return out;
        }
    }
    std::vector<YamlField> fields{{"date", date}, {"kind", request.meeting_kind}};
    if (!request.meeting_host.empty()) {
        if (!plan.model.ok() || plan.model.value != Model::partnership) {
            out.diagnostics.push_back(problem(
                file, "record-bad-value", plan.model.key,
                {"--host is for the meetings of a partnership; this plan is not one",
                 "--host gäller möten i ett partnerskap; den här planen är inget"},
                {"leave out --host, or use it with a plan of model: partnership",
                 "utelämna --host, eller använd det med en plan med model: partnership"}));
            return out;
        }
        std::vector<std::string> members;
        for (const Member& m : plan.members) {
            if (m.id.ok()) {
                members.push_back(m.id.value);
            }
        }
        if (std::find(members.begin(), members.end(), request.meeting_host) == members.end()) {
            std::string list;
            std::string best;
            std::size_t best_distance = 3;
            for (const std::string& id : members) {
                list += (list.empty() ? "" : ", ") + id;
                const std::size_t d = edit_distance(request.meeting_host, id);
                if (d < best_distance) {
                    best_distance = d;
                    best = id;
                }
            }
            Text hint = members.empty()
                            ? Text{"add the member municipalities under 'members:' first",
                                   "lägg först till medlemskommunerna under 'members:'"}
                            : Text{fmt::format("the host is a member's id: {}", list),
                                   fmt::format("värden anges med en medlems id: {}", list)};
            if (!best.empty()) {
                hint = {fmt::format("did you mean '{}'? (members: {})", best, list),
                        fmt::format("menade du '{}'? (medlemmar: {})", best, list)};
            }
            out.diagnostics.push_back(
                problem(file, "record-unknown-id", plan.members_key,
                        {fmt::format("the host '{}' is not a member of the partnership", request.meeting_host),
                         fmt::format("värden '{}' är ingen medlem i partnerskapet", request.meeting_host)},
                        hint));
            return out;
        }
        fields.push_back({"host", request.meeting_host});
    }
    add_note(fields, request.note);
    EditChain chain(text, file);
    chain.append({}, "meetings", fields, {"goals"});
    return finish(text, chain, file, {{Change::Kind::added, date + " " + request.meeting_kind, "", std::nullopt}},
                  request.meeting_host.empty()
                      ? Text{fmt::format("recorded a {} meeting on {}", request.meeting_kind, date),
                             fmt::format("registrerade ett möte ({}) den {}", request.meeting_kind, date)}
                      : Text{fmt::format("recorded a {} meeting on {}, hosted by {}", request.meeting_kind, date,
                                         request.meeting_host),
                             fmt::format("registrerade ett möte ({}) den {} med {} som värd", request.meeting_kind,
                                         date, request.meeting_host)});
}

/// Every id in the plan, for "did you mean".
std::vector<std::string> all_ids(const Plan& plan)
{
    std::vector<std::string> ids;
    for (const Goal& g : plan.goals) {
        ids.push_back(g.id.value);
        for (const Action& a : g.actions) {
            ids.push_back(a.id.value);
        }
        for (const Meter& m : g.meters) {
            ids.push_back(m.id.value);
        }
    }
    return ids;
}

std::optional<Plan> load_for_edit(std::string_view text, const std::string& file, Diagnostics& out)
{
    LoadResult loaded = load_plan(text, file);
    if (!loaded.plan) {
        out = std::move(loaded.diagnostics);
        if (out.empty()) {
            out.push_back(problem(file, "edit-unsafe", {}, {"the file is not a plan", "filen är ingen plan"}));
        }
        return std::nullopt;
    }
    return std::move(loaded.plan);
}

} // namespace

PlanEdit record_in_plan(std::string_view text, const std::string& file, const RecordRequest& request)
{
    PlanEdit out;
    if (!arguments_are_text(file,
                            {{{"the id", "id:t"}, request.id},
                             {{"the value", "värdet"}, request.value},
                             {{"option --note", "flaggan --note"}, request.note ? std::string_view(*request.note) : std::string_view()},
                             {{"option --meeting", "flaggan --meeting"}, request.meeting_kind},
                             {{"option --host", "flaggan --host"}, request.meeting_host}},
                            out.diagnostics)) {
        return out;
    }
    const std::optional<Plan> plan = load_for_edit(text, file, out.diagnostics);
    if (!plan) {
        return out;
    }
    if (!request.meeting_kind.empty()) {
        return record_meeting(text, file, *plan, request);
    }
    for (const Goal& g : plan->goals) {
        if (g.id.ok() && g.id.value == request.id) {
            return record_level(text, file, g, request);
        }
        for (const Meter& m : g.meters) {
            if (m.id.ok() && m.id.value == request.id) {
                return record_measurement(text, file, g, m, request);
            }
        }
        for (const Action& a : g.actions) {
            if (a.id.ok() && a.id.value == request.id) {
                return record_action(text, file, g, a, request);
            }
        }
    }
    std::string best;
    std::size_t best_distance = 3;
    for (const std::string& id : all_ids(*plan)) {
        const std::size_t d = edit_distance(request.id, id);
        if (d < best_distance) {
            best_distance = d;
            best = id;
        }
    }
    Text hint{"give the id of a goal, an action or a meter", "ange id för en målsättning, en åtgärd eller en mätare"};
    if (!best.empty()) {
        hint = {fmt::format("did you mean '{}'?", best), fmt::format("menade du '{}'?", best)};
    }
    out.diagnostics.push_back(problem(file, "record-unknown-id", {},
                                      {fmt::format("no goal, action or meter has the id '{}'", request.id),
                                       fmt::format("ingen målsättning, åtgärd eller mätare har id '{}'", request.id)},
                                      hint));
    return out;
}

PlanEdit set_plan_stage(std::string_view text, const std::string& file, const StageRequest& request)
{
    PlanEdit out;
    if (!arguments_are_text(file,
                            {{{"the stage", "steget"}, request.stage},
                             {{"option --by", "flaggan --by"}, request.by},
                             {{"option --ref", "flaggan --ref"}, request.ref},
                             {{"option --note", "flaggan --note"}, request.note}},
                            out.diagnostics)) {
        return out;
    }
    const std::optional<Plan> plan = load_for_edit(text, file, out.diagnostics);
    if (!plan) {
        return out;
    }
    const std::string date = request.date.iso();
    EditChain chain(text, file);
    std::vector<IntendedChange> intended;
    if (!plan->stage.ok() || plan->stage.value != request.stage) {
        chain.set({}, "stage", request.stage, {"period", "coordinator", "municipality", "language", "model"});
        intended.push_back({Change::Kind::changed, "", "stage", request.stage});
    }
    std::vector<YamlField> fields{{"date", date}, {"stage", request.stage}};
    if (!request.by.empty()) {
        // Names are written plain where they can be, as people write them.
        fields.push_back({"by", yaml_scalar(request.by, true)});
    }
    if (!request.ref.empty()) {
        fields.push_back({"ref", request.ref, true});
    }
    add_note(fields, request.note.empty() ? std::nullopt : std::optional<std::string>(request.note));
    chain.append({}, "history", fields, {"meetings", "goals"});
    intended.push_back({Change::Kind::added, date + " " + request.stage, "", std::nullopt});
    return finish(text, chain, file, intended,
                  {fmt::format("moved the plan to {} on {}", request.stage, date),
                   fmt::format("flyttade planen till {} den {}", request.stage, date)});
}

Diagnostics check_edit(std::string_view before, std::string_view after, const std::string& file,
                       const std::vector<IntendedChange>& intended)
{
    Diagnostics out;
    const LoadResult old_load = load_plan(before, file);
    const LoadResult new_load = load_plan(after, file);
    auto fail = [&](const std::string& what_en, const std::string& what_sv) {
        out.push_back(problem(file, "edit-check", {},
                              {"the edit was not written: " + what_en, "ändringen skrevs inte: " + what_sv},
                              {"the file is unchanged; please report this with the file",
                               "filen är oförändrad; rapportera detta och bifoga filen"}));
    };
    if (!old_load.plan || !new_load.plan) {
        fail("the edited text no longer reads as a plan", "den ändrade texten går inte längre att läsa som en plan");
        return out;
    }
    // A problem the new text has that the old did not means the edit broke something.
    std::map<std::pair<std::string, std::string>, int> known;
    for (const Diagnostic& d : old_load.diagnostics) {
        ++known[{d.rule, d.message.en}];
    }
    for (const Diagnostic& d : new_load.diagnostics) {
        if (--known[{d.rule, d.message.en}] < 0) {
            fail(fmt::format("it would bring a new problem: {}", d.message.en),
                 fmt::format("den skulle ge ett nytt problem: {}", d.message.sv));
        }
    }
    const PlanDiff diff = diff_plans(*old_load.plan, *new_load.plan);
    std::vector<bool> matched(intended.size(), false);
    for (const Change& c : diff.changes) {
        bool found = false;
        for (std::size_t i = 0; i < intended.size(); ++i) {
            const IntendedChange& want = intended[i];
            if (!matched[i] && want.kind == c.kind && want.subject == c.subject && want.field == c.field &&
                (!want.after || *want.after == c.after)) {
                matched[i] = true;
                found = true;
                break;
            }
        }
        if (!found) {
            fail(fmt::format("it would also make the change '{}'", change_name(c.kind, c.subject, c.field)),
                 fmt::format("den skulle också göra ändringen '{}'", change_name(c.kind, c.subject, c.field)));
        }
    }
    for (std::size_t i = 0; i < intended.size(); ++i) {
        if (!matched[i]) {
            const std::string name = change_name(intended[i].kind, intended[i].subject, intended[i].field);
            fail(fmt::format("the change '{}' did not come out as meant", name),
                 fmt::format("ändringen '{}' blev inte som avsett", name));
        }
    }
    return out;
}

} // namespace barnplan
