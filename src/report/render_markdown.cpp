// The report as GitHub-flavoured Markdown, for a meeting memo or a comment on
// the pull request that changed the plan.
//
// Plan text is untrusted: plans arrive in pull requests, and the memo is
// pasted where GitHub renders it. Every piece of text, ours and the plan's,
// goes through markdown_inline() so that it reads as literal text: it cannot end a table
// cell, open a link, an image, inline HTML, emphasis or math, notify anyone
// with an @mention, or carry control characters into a terminal that shows
// the file. Plan text never starts a line, so it cannot start a block
// either; the lines we start with our own words are checked by
// paragraph() all the same.

#include "models.hpp"
#include <barnplan/escape.hpp>
#include <barnplan/report_render.hpp>

#include <fmt/format.h>

#include <cctype>

namespace barnplan {
namespace {

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/// A line of our own that begins a paragraph: if it starts with a list
/// marker, an ordered-list number or a setext underline, that is escaped.
std::string paragraph(std::string line)
{
    if (!line.empty() && (line[0] == '-' || line[0] == '+' || line[0] == '=')) {
        return "\\" + line;
    }
    std::size_t digits = 0;
    while (digits < line.size() && is_digit(line[digits])) {
        ++digits;
    }
    if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
        line.insert(digits, "\\");
    }
    return line;
}

/// A GFM table of cells that markdown_inline() has made safe.
class MdTable {
public:
    struct Column {
        std::string header;
        bool right = false;
    };

    explicit MdTable(std::vector<Column> columns) : m_columns(std::move(columns)) {}

    void add_row(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }

    [[nodiscard]] std::string render() const
    {
        std::string out = "|";
        for (const Column& c : m_columns) {
            out += " " + markdown_inline(c.header) + " |";
        }
        out += "\n|";
        for (const Column& c : m_columns) {
            out += c.right ? " ---: |" : " --- |";
        }
        out += "\n";
        for (const std::vector<std::string>& row : m_rows) {
            out += "|";
            for (std::size_t i = 0; i < m_columns.size(); ++i) {
                // The space before the bar matters: a cell ending in an
                // escaped backslash must not escape the bar.
                out += " " + (i < row.size() ? row[i] : std::string()) + " |";
            }
            out += "\n";
        }
        return out;
    }

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

std::string optional_date(const std::optional<Date>& d)
{
    return d ? d->iso() : "–";
}

std::string level(const std::optional<int>& l)
{
    return l ? std::to_string(*l) : "–";
}

class MarkdownReport {
public:
    explicit MarkdownReport(const RenderOptions& options) : m_lang(options.language) {}

    [[nodiscard]] const std::string& w(std::string_view key) const { return words::get(key, m_lang); }

    [[nodiscard]] std::string status(Status s) const
    {
        return markdown_inline(fmt::format("{} {}", words::status_mark(s), localized(status_label(s), m_lang)));
    }

    [[nodiscard]] std::string fact(std::string_view key, const std::string& escaped_value) const
    {
        return fmt::format("- **{}:** {}\n", markdown_inline(w(key)), escaped_value);
    }

    [[nodiscard]] std::string plan(const PlanReport& p, std::string_view heading) const
    {
        std::string out;
        const std::string name = p.municipality.empty() ? p.file : p.municipality;
        out += fmt::format("{} {} — {}\n\n", heading, markdown_inline(w("report")), markdown_inline(name));
        if (p.model) {
            out += fact("model", markdown_inline(localized(words::model(*p.model), m_lang)));
        }
        if (p.period_start && p.period_end) {
            out += fact("period", markdown_inline(fmt::format("{} – {}", p.period_start->iso(), p.period_end->iso())));
        }
        if (!p.stage.empty()) {
            out += fact("stage", markdown_inline(localized(words::stage(p.stage), m_lang)));
        }
        out += fact("as_of", markdown_inline(p.as_of.iso()));
        if (p.elapsed) {
            out += fact("elapsed", markdown_inline(words::percent(*p.elapsed, m_lang)));
        }
        out += fact("last_update", markdown_inline(p.last_update ? fmt::format("{} ({})", p.last_update->iso(),
                                                                  words::days_ago(p.days_since_update, m_lang))
                                                    : w("never")));
        out += fact("coverage", markdown_inline(words::coverage(p, m_lang)));
        out +=
            fact("actions",
                 markdown_inline(fmt::format("{}, {}", fmt::format(fmt::runtime(w("actions_late")), p.actions_late, p.actions_total),
                                fmt::format(fmt::runtime(w("actions_done")), p.actions_done, p.actions_total))));
        out += fact("goals", markdown_inline(fmt::format(fmt::runtime(w("goals_achieved")), p.goals_achieved, p.goals_total)));

        const std::string sub = std::string(heading) + "#";
        out += fmt::format("\n{} {}\n", sub, markdown_inline(w("goals")));
        if (p.goals.empty()) {
            out += "\n" + paragraph(markdown_inline(w("no_goals"))) + "\n";
        }
        for (const GoalSection& g : p.goals) {
            out += "\n" + goal(g, sub + "#");
        }
        out += report_models::markdown(p, m_lang, sub);
        out += "\n" + upcoming(p, sub);
        return out;
    }

    [[nodiscard]] std::string goal(const GoalSection& g, std::string_view heading) const
    {
        std::string out;
        out += fmt::format("{} {} · {} · {}\n\n", heading, markdown_inline(g.id), markdown_inline(g.title), status(g.status));
        std::vector<std::string> facts;
        if (g.basis) {
            std::string basis = localized(words::basis(*g.basis), m_lang);
            if (!g.indicator.empty()) {
                basis += " " + g.indicator;
            }
            facts.push_back(basis);
        }
        facts.push_back(fmt::format("{} {} → {} → {}", w("level_inline"), level(g.start_level), level(g.current_level),
                                    level(g.target_level)));
        if (g.progress) {
            facts.push_back(fmt::format("{} {}", w("progress_inline"), words::percent(*g.progress, m_lang)));
        }
        std::string line;
        for (const std::string& f : facts) {
            line += (line.empty() ? "" : " · ") + markdown_inline(f);
        }
        out += paragraph(line) + "\n";
        if (!g.meters.empty()) {
            MdTable t({{w("meter")},
                       {w("what")},
                       {w("latest"), true},
                       {w("latest_date")},
                       {w("from_to")},
                       {w("due")},
                       {w("progress"), true},
                       {w("status")}});
            for (const MeterLine& m : g.meters) {
                auto value = [&](const std::optional<MeterValue>& v) {
                    return v ? words::meter_value(*v, m.kind, m.unit, m_lang) : std::string("–");
                };
                t.add_row({markdown_inline(m.id), markdown_inline(m.what), markdown_inline(m.latest ? value(m.latest) : w("no_value")),
                           markdown_inline(optional_date(m.latest_date)), markdown_inline(value(m.baseline) + " → " + value(m.target)),
                           markdown_inline(optional_date(m.due)), markdown_inline(m.progress ? words::percent(*m.progress, m_lang) : "–"),
                           status(m.status)});
            }
            out += "\n" + t.render();
        }
        if (!g.actions.empty()) {
            MdTable t({{w("action")}, {w("what")}, {w("who")}, {w("due")}, {w("status")}, {w("updated")}});
            for (const ActionLine& a : g.actions) {
                std::string state = localized(words::action_state(a), m_lang);
                if (a.late) {
                    state = std::string(words::status_mark(Status::late)) + " " + state;
                }
                t.add_row({markdown_inline(a.id), markdown_inline(a.what), markdown_inline(a.who.empty() ? "–" : a.who), markdown_inline(optional_date(a.due)), markdown_inline(state),
                           markdown_inline(words::days_ago(a.days_since_update, m_lang))});
            }
            out += "\n" + t.render();
        }
        return out;
    }

    [[nodiscard]] std::string upcoming(const PlanReport& p, std::string_view heading) const
    {
        std::string out = fmt::format("{} {} ({})\n\n", heading, markdown_inline(w("coming_up")),
                                      markdown_inline(fmt::format(fmt::runtime(w("next_days")), p.horizon_days)));
        if (p.upcoming.empty()) {
            std::string line = fmt::format(fmt::runtime(w("nothing_due")), p.horizon_days);
            if (p.next_deadline) {
                line += fmt::format(" {}: {}.", w("next_deadline"), p.next_deadline->iso());
            }
            return out + paragraph(markdown_inline(line)) + "\n";
        }
        out += paragraph(markdown_inline(words::due_summary(p, m_lang))) + "\n";
        MdTable t({{w("date")}, {w("id")}, {w("kind")}, {w("what")}});
        for (const Upcoming& u : p.upcoming) {
            t.add_row({markdown_inline(u.date.iso()), markdown_inline(u.id), markdown_inline(localized(u.kind, m_lang)), markdown_inline(u.what)});
        }
        return out + t.render();
    }

    [[nodiscard]] std::string portfolio(const std::vector<PlanReport>& plans) const
    {
        std::string out = fmt::format("# {} — {} {}\n\n", markdown_inline(w("portfolio")), plans.size(),
                                      m_lang == Language::sv ? "planer" : "plans");
        out += fact("as_of", markdown_inline(plans.front().as_of.iso()));
        MdTable t({{w("plan")},
                   {w("file")},
                   {w("stage")},
                   {w("period")},
                   {w("goals"), true},
                   {w("coverage"), true},
                   {w("late_items"), true},
                   {w("next_deadline")},
                   {w("last_update")}});
        for (const PlanReport& p : plans) {
            t.add_row({markdown_inline(p.municipality.empty() ? "–" : p.municipality), markdown_inline(p.file),
                       markdown_inline(p.stage.empty() ? "–" : localized(words::stage(p.stage), m_lang)),
                       markdown_inline(p.period_start && p.period_end ? p.period_start->iso() + " – " + p.period_end->iso() : "–"),
                       markdown_inline(std::to_string(p.goals_total)),
                       markdown_inline(fmt::format("{}/{}", p.meters_with_values, p.meters_total)),
                       markdown_inline(p.actions_late + p.meters_late > 0
                                           ? fmt::format("{} {}", words::status_mark(Status::late), p.actions_late + p.meters_late)
                                           : std::to_string(p.actions_late + p.meters_late)),
                       markdown_inline(optional_date(p.next_deadline)), markdown_inline(words::days_ago(p.days_since_update, m_lang))});
        }
        return out + "\n" + t.render();
    }

private:
    Language m_lang;
};

} // namespace

std::string render_report_markdown(const std::vector<PlanReport>& plans, const RenderOptions& options)
{
    const MarkdownReport markdown(options);
    if (plans.empty()) {
        return {};
    }
    if (plans.size() == 1) {
        return markdown.plan(plans.front(), "#");
    }
    std::string out = markdown.portfolio(plans);
    if (options.detail) {
        for (const PlanReport& p : plans) {
            // A blank line first, so the rule is never read as a heading underline.
            out += "\n---\n\n" + markdown.plan(p, "##");
        }
    }
    return out;
}

} // namespace barnplan
