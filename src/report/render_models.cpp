#include "models.hpp"
#include "table.hpp"

#include <barnplan/escape.hpp>

#include <fmt/format.h>

#include <array>
#include <map>

namespace barnplan::report_models {
namespace {

using report_table::Cell;
using report_table::Column;
using report_table::Table;

const std::string& tr(const Text& t, Language lang)
{
    return localized(t, lang);
}

Text kind_label(std::string_view kind)
{
    static const std::map<std::string_view, Text, std::less<>> k_kinds{
        {"officials", {"officials", "möte tjm"}},
        {"joint", {"politicians and officials", "möte pol+tjm"}},
        {"peer-review", {"peer review", "kollegial granskning"}},
        {"final-report", {"final report", "slutrapport"}},
        {"check-in", {"check-in", "avstämning"}},
        {"follow-up", {"follow-up", "uppföljning"}},
        {"coordination-group", {"coordination group", "koordinationsgrupp"}},
        {"evaluation", {"evaluation", "utvärdering"}},
        {"children", {"children", "barn"}},
        {"other", {"other", "annat"}},
    };
    auto it = k_kinds.find(kind);
    return it == k_kinds.end() ? Text{std::string(kind), std::string(kind)} : it->second;
}

const std::array<Text, 12>& month_names()
{
    static const std::array<Text, 12> k_months{{{"Jan", "jan"},
                                                {"Feb", "feb"},
                                                {"Mar", "mar"},
                                                {"Apr", "apr"},
                                                {"May", "maj"},
                                                {"Jun", "jun"},
                                                {"Jul", "jul"},
                                                {"Aug", "aug"},
                                                {"Sep", "sep"},
                                                {"Oct", "okt"},
                                                {"Nov", "nov"},
                                                {"Dec", "dec"}}};
    return k_months;
}

Text w(std::string_view key)
{
    static const std::map<std::string_view, Text, std::less<>> k_words{
        {"idea", {"Idea", "Verksamhetsidé"}},
        {"goals", {"Goals and how they are carried out", "Mål och exempel på genomförande"}},
        {"strategies", {"Strategies", "Strategier"}},
        {"members", {"Members", "Medlemmar"}},
        {"member", {"Municipality", "Kommun"}},
        {"politician", {"Responsible politician", "Ansvarig politiker"}},
        {"official", {"Contact official", "Kontaktperson"}},
        {"timeline", {"Timeline", "Tidplan"}},
        {"year", {"Year", "År"}},
        {"month", {"Month", "Månad"}},
        {"meetings", {"Joint meetings and the coordinating trio", "Gemensamma möten och samordnande kommuner"}},
        {"date", {"Date", "Datum"}},
        {"host", {"Host", "Värd"}},
        {"previous", {"Previous host", "Föregående värd"}},
        {"next", {"Next host", "Kommande värd"}},
        {"none", {"none", "inga"}},
        {"ambition", {"Ambition", "Ambitionsnivå"}},
        {"areas", {"Priority areas", "Prioriterade områden"}},
        {"area", {"Area", "Område"}},
        {"goal", {"Overarching goal", "Övergripande mål"}},
        {"activities", {"Activities", "Aktiviteter"}},
        {"activity", {"Activity", "Aktivitet"}},
        {"done_of", {"done", "klara"}},
        {"late", {"late", "försenade"}},
        {"goal_reached", {"Goal reached", "Målet nått"}},
        {"more_measures", {"More measures", "Fler åtgärder"}},
        {"outcome", {"Outcome", "Utfall"}},
        {"effects", {"Effects for children", "Effekter för barnen"}},
        {"follow_up", {"Follow-up", "Uppföljning"}},
        {"department", {"Department", "Avdelning"}},
        {"who", {"Responsible", "Ansvarig"}},
        {"due", {"Time", "Tid"}},
        {"resources", {"Resources", "Resurser"}},
        {"indicators", {"Indicators", "Indikatorer"}},
        {"result", {"Result", "Resultat"}},
        {"status", {"Status", "Status"}},
        {"implementation", {"Implementation", "Genomförande"}},
        {"review", {"Joint review", "Gemensam genomgång"}},
        {"answered", {"{} of 3 questions answered", "{} av 3 frågor besvarade"}},
        {"no_departments", {"No department files are loaded.", "Inga avdelningsfiler är inlästa."}},
        {"yes", {"yes", "ja"}},
        {"evaluation", {"Evaluation meeting", "Utvärderingsträff"}},
        {"step", {"Step", "Steg"}},
        {"deadline", {"Deadline", "Sista dag"}},
        {"done_on", {"Done", "Gjort"}},
        {"readiness", {"Evaluation readiness", "Beredskap för utvärderingen"}},
        {"state-done", {"done", "klart"}},
        {"state-done-late", {"done late", "gjort för sent"}},
        {"state-missed", {"missed", "missat"}},
        {"state-due-soon", {"due soon", "snart"}},
        {"state-open", {"open", "öppet"}},
        {"no", {"no", "nej"}},
    };
    auto it = k_words.find(key);
    return it == k_words.end() ? Text{"?", "?"} : it->second;
}

/// The entry for one meeting in a timeline cell: "möte pol+tjm Åsby kommun 13/3".
std::string cell_entry(const TimelineMeeting& m, Language lang)
{
    std::string out = tr(kind_label(m.kind), lang);
    if (!m.host.empty()) {
        out += " " + m.host;
    }
    return out + fmt::format(" {}/{}", m.date.day(), m.date.month());
}

/// Meetings per (year, month) of the grid.
std::map<std::pair<int, int>, std::vector<const TimelineMeeting*>> grid(const PartnershipSection& p)
{
    std::map<std::pair<int, int>, std::vector<const TimelineMeeting*>> out;
    for (const TimelineMeeting& m : p.meetings) {
        if (m.date.year() >= p.first_year && m.date.year() <= p.last_year) {
            out[{m.date.year(), m.date.month()}].push_back(&m);
        }
    }
    return out;
}

std::string or_dash(const std::string& s)
{
    return s.empty() ? "–" : s;
}

// ---- text ------------------------------------------------------------------

std::string partnership_text(const PartnershipSection& p, const RenderOptions& options)
{
    const Language lang = options.language;
    auto safe = [](const std::string& s) { return terminal_safe(s); };
    auto heading = [&](std::string_view key) {
        const std::string h = tr(w(key), lang);
        return options.color ? "\x1b[1m" + h + "\x1b[0m\n" : h + "\n";
    };
    std::string out;
    if (!p.idea.empty()) {
        out += "\n" + heading("idea");
        for (const std::string& line : report_table::wrap(safe(p.idea), options.width > 8 ? options.width - 4 : 40)) {
            out += "    " + line + "\n";
        }
    }
    if (!p.goals.empty()) {
        out += "\n" + heading("goals");
        for (const PartnershipGoal& g : p.goals) {
            out += fmt::format("    {}  {}\n", safe(g.id), safe(g.title));
            for (const std::string& way : g.ways) {
                out += "        - " + safe(way) + "\n";
            }
        }
    }
    if (!p.strategies.empty()) {
        out += "\n" + heading("strategies");
        for (const std::string& s : p.strategies) {
            out += "    - " + safe(s) + "\n";
        }
    }
    if (!p.members.empty()) {
        out += "\n" + heading("members");
        Table t({{"id"}, {tr(w("member"), lang), true, 10}, {tr(w("politician"), lang), true, 12},
                 {tr(w("official"), lang), true, 10}});
        for (const MemberLine& m : p.members) {
            t.add_row({{safe(m.id)}, {safe(or_dash(m.municipality))}, {safe(or_dash(m.politician))},
                       {safe(or_dash(m.official))}});
        }
        out += t.render(options.width, 4, options.color);
    }
    if (p.first_year != 0 && p.first_year <= p.last_year) {
        // Months down, years across: a terminal is narrower than a printed page.
        out += "\n" + heading("timeline");
        std::vector<Column> columns{{tr(w("month"), lang)}};
        for (int y = p.first_year; y <= p.last_year; ++y) {
            columns.push_back({std::to_string(y), true, 8});
        }
        Table t(std::move(columns));
        const auto cells = grid(p);
        for (int month = 1; month <= 12; ++month) {
            std::vector<Cell> row{{tr(month_names()[static_cast<std::size_t>(month - 1)], lang)}};
            for (int y = p.first_year; y <= p.last_year; ++y) {
                std::string text;
                if (auto it = cells.find({y, month}); it != cells.end()) {
                    for (const TimelineMeeting* m : it->second) {
                        text += (text.empty() ? "" : "\n") + safe(cell_entry(*m, lang));
                    }
                }
                row.push_back({text});
            }
            t.add_row(std::move(row));
        }
        out += t.render(options.width, 4, options.color);
    }
    out += "\n" + heading("meetings");
    Table t({{tr(w("date"), lang)}, {tr(w("previous"), lang), true, 10}, {tr(w("host"), lang), true, 10},
             {tr(w("next"), lang), true, 10}});
    for (const TimelineMeeting& m : p.meetings) {
        if (m.trio.size() == 3) {
            t.add_row({{m.date.iso()}, {safe(or_dash(m.trio[0]))}, {safe(or_dash(m.trio[1]))}, {safe(or_dash(m.trio[2]))}});
        }
    }
    if (t.empty()) {
        out += "    " + tr(w("none"), lang) + "\n";
    } else {
        out += t.render(options.width, 4, options.color);
    }
    return out;
}

// ---- Markdown ----------------------------------------------------------------

std::string cell_md(std::string_view s)
{
    return markdown_inline(s);
}

std::string partnership_markdown(const PartnershipSection& p, Language lang, std::string_view heading)
{
    std::string out;
    auto h = [&](std::string_view key) { return fmt::format("\n{} {}\n\n", heading, markdown_inline(tr(w(key), lang))); };
    if (!p.idea.empty()) {
        out += h("idea") + cell_md(p.idea) + "\n";
    }
    if (!p.goals.empty()) {
        out += h("goals");
        for (const PartnershipGoal& g : p.goals) {
            out += fmt::format("- **{}** {}\n", cell_md(g.id), cell_md(g.title));
            for (const std::string& way : g.ways) {
                out += "  - " + cell_md(way) + "\n";
            }
        }
    }
    if (!p.strategies.empty()) {
        out += h("strategies");
        for (const std::string& s : p.strategies) {
            out += "- " + cell_md(s) + "\n";
        }
    }
    if (!p.members.empty()) {
        out += h("members");
        out += fmt::format("| id | {} | {} | {} |\n| --- | --- | --- | --- |\n", cell_md(tr(w("member"), lang)),
                           cell_md(tr(w("politician"), lang)), cell_md(tr(w("official"), lang)));
        for (const MemberLine& m : p.members) {
            out += fmt::format("| {} | {} | {} | {} |\n", cell_md(m.id), cell_md(or_dash(m.municipality)),
                               cell_md(or_dash(m.politician)), cell_md(or_dash(m.official)));
        }
    }
    if (p.first_year != 0 && p.first_year <= p.last_year) {
        out += h("timeline");
        out += "| " + cell_md(tr(w("year"), lang)) + " |";
        for (const Text& m : month_names()) {
            out += " " + cell_md(tr(m, lang)) + " |";
        }
        out += "\n| ---";
        for (int i = 0; i < 12; ++i) {
            out += " | ---";
        }
        out += " |\n";
        const auto cells = grid(p);
        for (int y = p.first_year; y <= p.last_year; ++y) {
            out += fmt::format("| {} |", y);
            for (int month = 1; month <= 12; ++month) {
                std::string text;
                if (auto it = cells.find({y, month}); it != cells.end()) {
                    for (const TimelineMeeting* m : it->second) {
                        text += (text.empty() ? "" : "<br>") + cell_md(cell_entry(*m, lang));
                    }
                }
                out += " " + text + " |";
            }
            out += "\n";
        }
    }
    out += h("meetings");
    bool any = false;
    for (const TimelineMeeting& m : p.meetings) {
        if (m.trio.size() != 3) {
            continue;
        }
        if (!any) {
            out += fmt::format("| {} | {} | {} | {} |\n| --- | --- | --- | --- |\n", cell_md(tr(w("date"), lang)),
                               cell_md(tr(w("previous"), lang)), cell_md(tr(w("host"), lang)),
                               cell_md(tr(w("next"), lang)));
            any = true;
        }
        out += fmt::format("| {} | {} | {} | {} |\n", m.date.iso(), cell_md(or_dash(m.trio[0])),
                           cell_md(or_dash(m.trio[1])), cell_md(or_dash(m.trio[2])));
    }
    if (!any) {
        out += cell_md(tr(w("none"), lang)) + "\n";
    }
    return out;
}

// ---- HTML ------------------------------------------------------------------------

std::string partnership_html(const PartnershipSection& p, Language lang, Escaper esc)
{
    auto t = [&](std::string_view key) { return esc(tr(w(key), lang)); };
    std::string out = R"(<section class="partnership">)";
    out += "\n";
    if (!p.idea.empty()) {
        out += fmt::format("<h2>{}</h2>\n<p>{}</p>\n", t("idea"), esc(p.idea));
    }
    if (!p.goals.empty()) {
        out += fmt::format("<h2>{}</h2>\n<ul>\n", t("goals"));
        for (const PartnershipGoal& g : p.goals) {
            out += fmt::format(R"(<li><span class="id">{}</span> {})", esc(g.id), esc(g.title));
            if (!g.ways.empty()) {
                out += "<ul>";
                for (const std::string& way : g.ways) {
                    out += "<li>" + esc(way) + "</li>";
                }
                out += "</ul>";
            }
            out += "</li>\n";
        }
        out += "</ul>\n";
    }
    if (!p.strategies.empty()) {
        out += fmt::format("<h2>{}</h2>\n<ul>\n", t("strategies"));
        for (const std::string& s : p.strategies) {
            out += "<li>" + esc(s) + "</li>\n";
        }
        out += "</ul>\n";
    }
    if (!p.members.empty()) {
        out += fmt::format(R"(<h2>{}</h2>)"
                           "\n"
                           R"(<table><thead><tr><th scope="col">id</th><th scope="col">{}</th><th scope="col">{}</th>)"
                           R"(<th scope="col">{}</th></tr></thead><tbody>)"
                           "\n",
                           t("members"), t("member"), t("politician"), t("official"));
        for (const MemberLine& m : p.members) {
            out += fmt::format(R"(<tr><td class="id">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)", esc(m.id),
                               esc(or_dash(m.municipality)), esc(or_dash(m.politician)), esc(or_dash(m.official)));
            out += "\n";
        }
        out += "</tbody></table>\n";
    }
    if (p.first_year != 0 && p.first_year <= p.last_year) {
        out += fmt::format(R"(<h2>{}</h2>)"
                           "\n"
                           R"(<table class="timeline"><thead><tr><th scope="col">{}</th>)",
                           t("timeline"), t("year"));
        for (const Text& m : month_names()) {
            out += fmt::format(R"(<th scope="col">{}</th>)", esc(tr(m, lang)));
        }
        out += "</tr></thead><tbody>\n";
        const auto cells = grid(p);
        for (int y = p.first_year; y <= p.last_year; ++y) {
            out += fmt::format(R"(<tr><th scope="row">{}</th>)", y);
            for (int month = 1; month <= 12; ++month) {
                out += "<td>";
                if (auto it = cells.find({y, month}); it != cells.end()) {
                    bool first = true;
                    for (const TimelineMeeting* m : it->second) {
                        out += (first ? "" : "<br>") + esc(cell_entry(*m, lang));
                        first = false;
                    }
                }
                out += "</td>";
            }
            out += "</tr>\n";
        }
        out += "</tbody></table>\n";
    }
    out += fmt::format("<h2>{}</h2>\n", t("meetings"));
    std::string rows;
    for (const TimelineMeeting& m : p.meetings) {
        if (m.trio.size() == 3) {
            rows += fmt::format(R"(<tr><td><span class="date">{}</span></td><td>{}</td><td>{}</td><td>{}</td></tr>)",
                                m.date.iso(), esc(or_dash(m.trio[0])), esc(or_dash(m.trio[1])), esc(or_dash(m.trio[2])));
            rows += "\n";
        }
    }
    if (rows.empty()) {
        out += "<p>" + t("none") + "</p>\n";
    } else {
        out += fmt::format(R"(<table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)"
                           R"(<th scope="col">{}</th></tr></thead><tbody>)"
                           "\n",
                           t("date"), t("previous"), t("host"), t("next"));
        out += rows + "</tbody></table>\n";
    }
    return out + "</section>\n";
}

// ---- JSON ------------------------------------------------------------------------

nlohmann::ordered_json partnership_json(const PartnershipSection& p)
{
    using nlohmann::ordered_json;
    ordered_json j;
    j["idea"] = p.idea;
    j["strategies"] = p.strategies;
    ordered_json goals = ordered_json::array();
    for (const PartnershipGoal& g : p.goals) {
        goals.push_back({{"id", g.id}, {"title", g.title}, {"ways", g.ways}});
    }
    j["goals"] = std::move(goals);
    ordered_json members = ordered_json::array();
    for (const MemberLine& m : p.members) {
        members.push_back(
            {{"id", m.id}, {"municipality", m.municipality}, {"politician", m.politician}, {"official", m.official}});
    }
    j["members"] = std::move(members);
    ordered_json meetings = ordered_json::array();
    for (const TimelineMeeting& m : p.meetings) {
        ordered_json meeting{{"date", m.date.iso()}, {"kind", m.kind}, {"host", m.host}, {"note", m.note}};
        if (m.trio.size() == 3) {
            meeting["coordinating"] = {{"previous", m.trio[0]}, {"current", m.trio[1]}, {"next", m.trio[2]}};
        }
        meetings.push_back(std::move(meeting));
    }
    j["meetings"] = std::move(meetings);
    j["timeline_years"] = {{"first", p.first_year}, {"last", p.last_year}};
    return j;
}

// ---- Barnrättsresan ----------------------------------------------------------------

std::string yes_no(const std::optional<bool>& b, Language lang)
{
    return b ? tr(w(*b ? "yes" : "no"), lang) : "–";
}

std::string activity_state(const ActivityLine& a, Language lang)
{
    if (a.late) {
        return "✖ " + tr(status_label(Status::late), lang);
    }
    return a.declared ? tr(words::action_status(*a.declared), lang) : "–";
}

std::string date_range(const std::optional<Date>& start, const std::optional<Date>& end)
{
    if (start && end) {
        return start->iso() + " – " + end->iso();
    }
    return end ? end->iso() : (start ? start->iso() + " –" : "–");
}

std::string facts_line(const BarnrattsresanSection& b, Language lang)
{
    return fmt::format("{}: {} · {}: {}", tr(w("implementation"), lang),
                       date_range(b.implementation_start, b.implementation_end), tr(w("review"), lang),
                       fmt::format(fmt::runtime(tr(w("answered"), lang)), b.review_answers));
}

std::string brr_text(const BarnrattsresanSection& b, const RenderOptions& options)
{
    const Language lang = options.language;
    auto safe = [](const std::string& s) { return terminal_safe(s); };
    auto heading = [&](const std::string& h) { return options.color ? "\x1b[1m" + h + "\x1b[0m\n" : h + "\n"; };
    std::string out;
    out += "\n    " + facts_line(b, lang) + "\n";
    if (!b.ambition.empty()) {
        out += "\n" + heading(tr(w("ambition"), lang));
        for (const std::string& line : report_table::wrap(safe(b.ambition), options.width > 8 ? options.width - 4 : 40)) {
            out += "    " + line + "\n";
        }
    }
    out += "\n" + heading(tr(w("areas"), lang));
    Table areas({{"id"}, {tr(w("area"), lang), true, 14}, {tr(w("goal"), lang), true, 20},
                 {tr(w("activities"), lang), false, 6, true}, {tr(w("late"), lang), false, 4, true},
                 {tr(w("goal_reached"), lang)}, {tr(w("more_measures"), lang)}});
    for (const AreaLine& a : b.areas) {
        areas.add_row({{safe(a.id)},
                       {safe(a.title)},
                       {safe(a.goal)},
                       {fmt::format("{}/{} {}", a.done, a.activities, tr(w("done_of"), lang))},
                       {std::to_string(a.late), a.late > 0 ? "31" : ""},
                       {yes_no(a.goal_reached, lang)},
                       {yes_no(a.more_measures, lang)}});
    }
    out += areas.render(options.width, 4, options.color);
    bool any_follow_up = false;
    for (const AreaLine& a : b.areas) {
        if (a.outcome.empty() && a.effects.empty()) {
            continue;
        }
        if (!any_follow_up) {
            out += "\n" + heading(tr(w("follow_up"), lang));
            any_follow_up = true;
        }
        out += "    " + safe(a.id) + "\n";
        if (!a.outcome.empty()) {
            out += "        " + tr(w("outcome"), lang) + ": " + safe(a.outcome) + "\n";
        }
        if (!a.effects.empty()) {
            out += "        " + tr(w("effects"), lang) + ": " + safe(a.effects) + "\n";
        }
    }
    if (b.departments.empty()) {
        out += "\n    " + tr(w("no_departments"), lang) + "\n";
    }
    for (const DepartmentLine& d : b.departments) {
        out += "\n" + heading(fmt::format("{}: {} ({})", tr(w("department"), lang), safe(d.name), safe(d.file)));
        Table t({{"id"}, {tr(w("area"), lang)}, {tr(w("activity"), lang), true, 14}, {tr(w("who"), lang), true, 10},
                 {tr(w("due"), lang)}, {tr(w("status"), lang)}});
        for (const ActivityLine& a : d.activities) {
            t.add_row({{safe(a.id)},
                       {safe(a.area)},
                       {safe(a.what)},
                       {safe(a.who)},
                       {a.due ? a.due->iso() : "–"},
                       {activity_state(a, lang), a.late ? "31" : ""}});
        }
        out += t.empty() ? "    " + tr(w("none"), lang) + "\n" : t.render(options.width, 4, options.color);
    }
    return out;
}

std::string brr_markdown(const BarnrattsresanSection& b, Language lang, std::string_view heading)
{
    auto h = [&](const std::string& title) { return fmt::format("\n{} {}\n\n", heading, markdown_inline(title)); };
    std::string out = "\n" + markdown_inline(facts_line(b, lang)) + "\n";
    if (!b.ambition.empty()) {
        out += h(tr(w("ambition"), lang)) + cell_md(b.ambition) + "\n";
    }
    out += h(tr(w("areas"), lang));
    out += fmt::format("| id | {} | {} | {} | {} | {} | {} | {} | {} |\n| --- | --- | --- | ---: | ---: | --- | --- | --- | --- |\n",
                       cell_md(tr(w("area"), lang)), cell_md(tr(w("goal"), lang)), cell_md(tr(w("activities"), lang)),
                       cell_md(tr(w("late"), lang)), cell_md(tr(w("outcome"), lang)), cell_md(tr(w("effects"), lang)),
                       cell_md(tr(w("goal_reached"), lang)), cell_md(tr(w("more_measures"), lang)));
    for (const AreaLine& a : b.areas) {
        out += fmt::format("| {} | {} | {} | {}/{} | {} | {} | {} | {} | {} |\n", cell_md(a.id), cell_md(a.title),
                           cell_md(a.goal), a.done, a.activities, a.late, cell_md(or_dash(a.outcome)),
                           cell_md(or_dash(a.effects)), cell_md(yes_no(a.goal_reached, lang)),
                           cell_md(yes_no(a.more_measures, lang)));
    }
    if (b.departments.empty()) {
        out += "\n" + cell_md(tr(w("no_departments"), lang)) + "\n";
    }
    for (const DepartmentLine& d : b.departments) {
        out += h(fmt::format("{}: {} ({})", tr(w("department"), lang), d.name, d.file));
        out += fmt::format("| id | {} | {} | {} | {} | {} | {} | {} | {} |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
                           cell_md(tr(w("area"), lang)), cell_md(tr(w("activity"), lang)), cell_md(tr(w("who"), lang)),
                           cell_md(tr(w("due"), lang)), cell_md(tr(w("resources"), lang)),
                           cell_md(tr(w("indicators"), lang)), cell_md(tr(w("result"), lang)),
                           cell_md(tr(w("status"), lang)));
        for (const ActivityLine& a : d.activities) {
            out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", cell_md(a.id), cell_md(a.area),
                               cell_md(a.what), cell_md(or_dash(a.who)), date_range(a.start, a.due),
                               cell_md(or_dash(a.resources)), cell_md(or_dash(a.indicators)),
                               cell_md(or_dash(a.result)), cell_md(activity_state(a, lang)));
        }
    }
    return out;
}

std::string brr_html(const BarnrattsresanSection& b, Language lang, Escaper esc)
{
    auto t = [&](std::string_view key) { return esc(tr(w(key), lang)); };
    auto th = [&](std::initializer_list<std::string_view> keys) {
        std::string out = "<thead><tr>";
        for (std::string_view k : keys) {
            out += fmt::format(R"(<th scope="col">{}</th>)", k == "id" ? std::string("id") : t(k));
        }
        return out + "</tr></thead><tbody>\n";
    };
    std::string out = R"(<section class="barnrattsresan">)";
    out += "\n<p>" + esc(facts_line(b, lang)) + "</p>\n";
    if (!b.ambition.empty()) {
        out += fmt::format("<h2>{}</h2>\n<p>{}</p>\n", t("ambition"), esc(b.ambition));
    }
    out += fmt::format("<h2>{}</h2>\n<table>", t("areas"));
    out += th({"id", "area", "goal", "activities", "late", "outcome", "effects", "goal_reached", "more_measures"});
    for (const AreaLine& a : b.areas) {
        out += fmt::format(R"(<tr><td class="id">{}</td><td>{}</td><td>{}</td><td class="num">{}/{}</td>)"
                           R"(<td class="num">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)",
                           esc(a.id), esc(a.title), esc(a.goal), a.done, a.activities, a.late, esc(or_dash(a.outcome)),
                           esc(or_dash(a.effects)), esc(yes_no(a.goal_reached, lang)), esc(yes_no(a.more_measures, lang)));
        out += "\n";
    }
    out += "</tbody></table>\n";
    if (b.departments.empty()) {
        out += "<p>" + t("no_departments") + "</p>\n";
    }
    for (const DepartmentLine& d : b.departments) {
        out += fmt::format("<h2>{}: {} <span class=\"sub\">({})</span></h2>\n<table>", t("department"), esc(d.name),
                           esc(d.file));
        out += th({"id", "area", "activity", "who", "due", "resources", "indicators", "result", "status"});
        for (const ActivityLine& a : d.activities) {
            out += fmt::format(R"(<tr><td class="id">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>)"
                               R"(<td>{}</td><td>{}</td><td>{}</td></tr>)",
                               esc(a.id), esc(a.area), esc(a.what), esc(or_dash(a.who)), date_range(a.start, a.due),
                               esc(or_dash(a.resources)), esc(or_dash(a.indicators)), esc(or_dash(a.result)),
                               esc(activity_state(a, lang)));
            out += "\n";
        }
        out += "</tbody></table>\n";
    }
    return out + "</section>\n";
}

nlohmann::ordered_json brr_json(const BarnrattsresanSection& b)
{
    using nlohmann::ordered_json;
    auto opt_date = [](const std::optional<Date>& d) { return d ? ordered_json(d->iso()) : ordered_json(nullptr); };
    auto opt_bool = [](const std::optional<bool>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); };
    ordered_json j;
    j["ambition"] = b.ambition;
    j["implementation"] = {{"start", opt_date(b.implementation_start)}, {"end", opt_date(b.implementation_end)}};
    j["review_answers"] = b.review_answers;
    ordered_json areas = ordered_json::array();
    for (const AreaLine& a : b.areas) {
        areas.push_back({{"id", a.id},
                         {"title", a.title},
                         {"goal", a.goal},
                         {"activities", a.activities},
                         {"done", a.done},
                         {"late", a.late},
                         {"follow_up",
                          {{"outcome", a.outcome},
                           {"effects", a.effects},
                           {"goal_reached", opt_bool(a.goal_reached)},
                           {"more_measures", opt_bool(a.more_measures)}}}});
    }
    j["areas"] = std::move(areas);
    ordered_json departments = ordered_json::array();
    for (const DepartmentLine& d : b.departments) {
        ordered_json activities = ordered_json::array();
        for (const ActivityLine& a : d.activities) {
            activities.push_back({{"id", a.id},
                                  {"area", a.area},
                                  {"what", a.what},
                                  {"who", a.who},
                                  {"start", opt_date(a.start)},
                                  {"due", opt_date(a.due)},
                                  {"resources", a.resources},
                                  {"indicators", a.indicators},
                                  {"result", a.result},
                                  {"status", a.declared ? ordered_json(std::string(to_string(*a.declared)))
                                                        : ordered_json(nullptr)},
                                  {"late", a.late}});
        }
        departments.push_back({{"name", d.name}, {"file", d.file}, {"activities", std::move(activities)}});
    }
    j["departments"] = std::move(departments);
    return j;
}

// ---- evaluation -------------------------------------------------------------------

std::string readiness_line(const ReadinessItem& r, Language lang)
{
    std::string out = tr(r.what, lang);
    if (r.of > 0) {
        out += fmt::format(fmt::runtime(lang == Language::sv ? ": {} av {}" : ": {} of {}"), r.count, r.of);
    }
    return out;
}

std::string eval_heading(const EvaluationSection& e, Language lang)
{
    return tr(w("evaluation"), lang) + (e.meeting ? " " + e.meeting->iso() : "");
}

std::string state_color(const std::string& state)
{
    return state == "missed" ? "31" : (state == "due-soon" || state == "done-late" ? "33" : "");
}

std::string eval_text(const EvaluationSection& e, const RenderOptions& options)
{
    const Language lang = options.language;
    auto heading = [&](const std::string& h) { return options.color ? "\x1b[1m" + h + "\x1b[0m\n" : h + "\n"; };
    std::string out = "\n" + heading(eval_heading(e, lang));
    Table t({{tr(w("step"), lang), true, 16}, {tr(w("deadline"), lang)}, {tr(w("done_on"), lang)}, {tr(w("status"), lang)}});
    for (const EvaluationLine& s : e.steps) {
        t.add_row({{tr(s.what, lang)},
                   {s.deadline.iso()},
                   {s.done ? s.done->iso() : "–"},
                   {tr(w("state-" + s.state), lang), state_color(s.state)}});
    }
    if (!t.empty()) {
        out += t.render(options.width, 4, options.color);
    }
    out += "\n" + heading(tr(w("readiness"), lang));
    for (const ReadinessItem& r : e.readiness) {
        out += fmt::format("    [{}] {}\n", r.met ? "x" : " ", readiness_line(r, lang));
    }
    return out;
}

std::string eval_markdown(const EvaluationSection& e, Language lang, std::string_view heading)
{
    std::string out = fmt::format("\n{} {}\n\n", heading, markdown_inline(eval_heading(e, lang)));
    if (!e.steps.empty()) {
        out += fmt::format("| {} | {} | {} | {} |\n| --- | --- | --- | --- |\n", cell_md(tr(w("step"), lang)),
                           cell_md(tr(w("deadline"), lang)), cell_md(tr(w("done_on"), lang)),
                           cell_md(tr(w("status"), lang)));
        for (const EvaluationLine& s : e.steps) {
            out += fmt::format("| {} | {} | {} | {} |\n", cell_md(tr(s.what, lang)), s.deadline.iso(),
                               s.done ? s.done->iso() : "–", cell_md(tr(w("state-" + s.state), lang)));
        }
    }
    out += fmt::format("\n{} {}\n\n", heading, markdown_inline(tr(w("readiness"), lang)));
    for (const ReadinessItem& r : e.readiness) {
        out += fmt::format("- [{}] {}\n", r.met ? "x" : " ", cell_md(readiness_line(r, lang)));
    }
    return out;
}

std::string eval_html(const EvaluationSection& e, Language lang, Escaper esc)
{
    std::string out = R"(<section class="evaluation">)";
    out += fmt::format("\n<h2>{}</h2>\n", esc(eval_heading(e, lang)));
    if (!e.steps.empty()) {
        out += fmt::format(R"(<table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)"
                           R"(<th scope="col">{}</th></tr></thead><tbody>)"
                           "\n",
                           esc(tr(w("step"), lang)), esc(tr(w("deadline"), lang)), esc(tr(w("done_on"), lang)),
                           esc(tr(w("status"), lang)));
        for (const EvaluationLine& s : e.steps) {
            out += fmt::format(R"(<tr class="{}"><td>{}</td><td><span class="date">{}</span></td><td>{}</td><td>{}</td></tr>)",
                               esc(s.state), esc(tr(s.what, lang)), s.deadline.iso(), s.done ? s.done->iso() : "–",
                               esc(tr(w("state-" + s.state), lang)));
            out += "\n";
        }
        out += "</tbody></table>\n";
    }
    out += fmt::format("<h2>{}</h2>\n<ul class=\"checklist\">\n", esc(tr(w("readiness"), lang)));
    for (const ReadinessItem& r : e.readiness) {
        out += fmt::format("<li>{} {}</li>\n", r.met ? "☑" : "☐", esc(readiness_line(r, lang)));
    }
    return out + "</ul>\n</section>\n";
}

nlohmann::ordered_json eval_json(const EvaluationSection& e)
{
    using nlohmann::ordered_json;
    ordered_json j;
    j["meeting"] = e.meeting ? ordered_json(e.meeting->iso()) : ordered_json(nullptr);
    ordered_json steps = ordered_json::array();
    for (const EvaluationLine& s : e.steps) {
        steps.push_back({{"step", s.key},
                         {"deadline", s.deadline.iso()},
                         {"done", s.done ? ordered_json(s.done->iso()) : ordered_json(nullptr)},
                         {"state", s.state}});
    }
    j["steps"] = std::move(steps);
    ordered_json readiness = ordered_json::array();
    for (const ReadinessItem& r : e.readiness) {
        readiness.push_back({{"criterion", r.key}, {"met", r.met}, {"count", r.count}, {"of", r.of}});
    }
    j["readiness"] = std::move(readiness);
    return j;
}

} // namespace

std::string text(const PlanReport& plan, const RenderOptions& options)
{
    std::string out;
    if (plan.partnership) {
        out += partnership_text(*plan.partnership, options);
    }
    if (plan.barnrattsresan) {
        out += brr_text(*plan.barnrattsresan, options);
    }
    if (plan.evaluation) {
        out += eval_text(*plan.evaluation, options);
    }
    return out;
}

std::string markdown(const PlanReport& plan, Language lang, std::string_view heading)
{
    std::string out;
    if (plan.partnership) {
        out += partnership_markdown(*plan.partnership, lang, heading);
    }
    if (plan.barnrattsresan) {
        out += brr_markdown(*plan.barnrattsresan, lang, heading);
    }
    if (plan.evaluation) {
        out += eval_markdown(*plan.evaluation, lang, heading);
    }
    return out;
}

std::string html(const PlanReport& plan, Language lang, Escaper esc)
{
    std::string out;
    if (plan.partnership) {
        out += partnership_html(*plan.partnership, lang, esc);
    }
    if (plan.barnrattsresan) {
        out += brr_html(*plan.barnrattsresan, lang, esc);
    }
    if (plan.evaluation) {
        out += eval_html(*plan.evaluation, lang, esc);
    }
    return out;
}

void json(const PlanReport& plan, nlohmann::ordered_json& out)
{
    if (plan.partnership) {
        out["partnership"] = partnership_json(*plan.partnership);
    }
    if (plan.barnrattsresan) {
        out["barnrattsresan"] = brr_json(*plan.barnrattsresan);
    }
    if (plan.evaluation) {
        out["evaluation"] = eval_json(*plan.evaluation);
    }
}

} // namespace barnplan::report_models
