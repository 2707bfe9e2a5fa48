// The report as GitHub-flavoured Markdown, for a meeting memo or a comment on
// the pull request that changed the plan.
//
// Plan text is untrusted: plans arrive in pull requests, and the memo is
// pasted where GitHub renders it. Every piece of text, ours and the plan's,
// goes through md() so that it reads as literal text: it cannot end a table
// cell, open a link, an image, inline HTML, emphasis or math, notify anyone
// with an @mention, or carry control characters into a terminal that shows
// the file. Plan text never starts a line, so it cannot start a block
// either; the lines we start with our own words are checked by
// paragraph() all the same.

#include <barnplan/escape.hpp>
#include <barnplan/report_render.hpp>

#include <fmt/format.h>

#include <cctype>

namespace barnplan {
namespace {

/// Line breaks and other white space, the Unicode separators included,
/// become one space: a line break would end a table row or start a block.
std::string one_line(std::string_view text)
{
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::size_t len = 0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            len = 1;
        } else if (text.substr(i, 2) == "\xC2\x85") { // NEL
            len = 2;
        } else if (text.substr(i, 3) == "\xE2\x80\xA8" || text.substr(i, 3) == "\xE2\x80\xA9") {
            len = 3; // LINE SEPARATOR, PARAGRAPH SEPARATOR
        }
        if (len > 0) {
            space = !out.empty();
            i += len - 1;
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

bool is_word_char(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/// True when the dot at `dot` ends a "www" that starts a word.
bool starts_www(std::string_view s, std::size_t dot)
{
    if (dot < 3) {
        return false;
    }
    for (std::size_t k = dot - 3; k < dot; ++k) {
        if (std::tolower(static_cast<unsigned char>(s[k])) != 'w') {
            return false;
        }
    }
    return dot == 3 || !is_word_char(s[dot - 4]);
}

// GitHub finds @mentions and #123 references in the rendered text, after
// Markdown escapes and entities are gone, so neither `\@` nor `&#64;`
// stops them. A zero-width space after the sign does (what Renovate and
// Dependabot do); it is written as an entity so that a reviewer sees it.
constexpr std::string_view k_zero_width_space = "&#8203;";

/// Any text as literal inline Markdown, safe in a table cell, a heading or
/// a list item.
std::string md(std::string_view text)
{
    // Control characters and bidi overrides become visible escapes first,
    // as in the terminal; their backslash is escaped below like any other.
    const std::string safe = terminal_safe(one_line(text));
    std::string out;
    out.reserve(safe.size() + safe.size() / 4);
    for (std::size_t i = 0; i < safe.size(); ++i) {
        const char c = safe[i];
        const bool after_word = i > 0 && is_word_char(safe[i - 1]);
        switch (c) {
        case '\\':
        case '|': // ends a table cell, even inside a code span
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '!':
        case '~':
        case '$': // GitHub renders $…$ as math
            out += '\\';
            out += c;
            break;
        case '#':
            out += "\\#";
            if (i + 1 < safe.size() && is_digit(safe[i + 1]) && !after_word) {
                out += k_zero_width_space;
            }
            break;
        case '@':
            out += '@';
            // GitHub's pattern wants no word character before the @, so an
            // e-mail address (name@example.se) stays as written.
            if (!after_word) {
                out += k_zero_width_space;
            }
            break;
        case ':':
            // GFM turns http://… and www.… into links by itself; an escaped
            // character in the pattern stops it and reads the same.
            out += safe.compare(i + 1, 2, "//") == 0 ? "\\:" : ":";
            break;
        case '.':
            out += starts_www(safe, i) ? "\\." : ".";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        default:
            out += c;
        }
    }
    return out;
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

/// A GFM table of cells that md() has made safe.
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
            out += " " + md(c.header) + " |";
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
        return md(fmt::format("{} {}", words::status_mark(s), localized(status_label(s), m_lang)));
    }

    [[nodiscard]] std::string fact(std::string_view key, const std::string& escaped_value) const
    {
        return fmt::format("- **{}:** {}\n", md(w(key)), escaped_value);
    }

    [[nodiscard]] std::string plan(const PlanReport& p, std::string_view heading) const
    {
        std::string out;
        const std::string name = p.municipality.empty() ? p.file : p.municipality;
        out += fmt::format("{} {} — {}\n\n", heading, md(w("report")), md(name));
        if (p.model) {
            out += fact("model", md(localized(words::model(*p.model), m_lang)));
        }
        if (p.period_start && p.period_end) {
            out += fact("period", md(fmt::format("{} – {}", p.period_start->iso(), p.period_end->iso())));
        }
        if (!p.stage.empty()) {
            out += fact("stage", md(localized(words::stage(p.stage), m_lang)));
        }
        out += fact("as_of", md(p.as_of.iso()));
        if (p.elapsed) {
            out += fact("elapsed", md(words::percent(*p.elapsed, m_lang)));
        }
        out += fact("last_update", md(p.last_update ? fmt::format("{} ({})", p.last_update->iso(),
                                                                  words::days_ago(p.days_since_update, m_lang))
                                                    : w("never")));
        out += fact("coverage", md(words::coverage(p, m_lang)));
        out +=
            fact("actions",
                 md(fmt::format("{}, {}", fmt::format(fmt::runtime(w("actions_late")), p.actions_late, p.actions_total),
                                fmt::format(fmt::runtime(w("actions_done")), p.actions_done, p.actions_total))));
        out += fact("goals", md(fmt::format(fmt::runtime(w("goals_achieved")), p.goals_achieved, p.goals_total)));

        const std::string sub = std::string(heading) + "#";
        out += fmt::format("\n{} {}\n", sub, md(w("goals")));
        if (p.goals.empty()) {
            out += "\n" + paragraph(md(w("no_goals"))) + "\n";
        }
        for (const GoalSection& g : p.goals) {
            out += "\n" + goal(g, sub + "#");
        }
        out += "\n" + upcoming(p, sub);
        return out;
    }

    [[nodiscard]] std::string goal(const GoalSection& g, std::string_view heading) const
    {
        std::string out;
        out += fmt::format("{} {} · {} · {}\n\n", heading, md(g.id), md(g.title), status(g.status));
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
            line += (line.empty() ? "" : " · ") + md(f);
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
                t.add_row({md(m.id), md(m.what), md(m.latest ? value(m.latest) : w("no_value")),
                           md(optional_date(m.latest_date)), md(value(m.baseline) + " → " + value(m.target)),
                           md(optional_date(m.due)), md(m.progress ? words::percent(*m.progress, m_lang) : "–"),
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
                t.add_row({md(a.id), md(a.what), md(a.who.empty() ? "–" : a.who), md(optional_date(a.due)), md(state),
                           md(words::days_ago(a.days_since_update, m_lang))});
            }
            out += "\n" + t.render();
        }
        return out;
    }

    [[nodiscard]] std::string upcoming(const PlanReport& p, std::string_view heading) const
    {
        std::string out = fmt::format("{} {} ({})\n\n", heading, md(w("coming_up")),
                                      md(fmt::format(fmt::runtime(w("next_days")), p.horizon_days)));
        if (p.upcoming.empty()) {
            std::string line = fmt::format(fmt::runtime(w("nothing_due")), p.horizon_days);
            if (p.next_deadline) {
                line += fmt::format(" {}: {}.", w("next_deadline"), p.next_deadline->iso());
            }
            return out + paragraph(md(line)) + "\n";
        }
        MdTable t({{w("date")}, {w("id")}, {w("kind")}, {w("what")}});
        for (const Upcoming& u : p.upcoming) {
            t.add_row({md(u.date.iso()), md(u.id), md(localized(u.kind, m_lang)), md(u.what)});
        }
        return out + t.render();
    }

    [[nodiscard]] std::string portfolio(const std::vector<PlanReport>& plans) const
    {
        std::string out = fmt::format("# {} — {} {}\n\n", md(w("portfolio")), plans.size(),
                                      m_lang == Language::sv ? "planer" : "plans");
        out += fact("as_of", md(plans.front().as_of.iso()));
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
            t.add_row({md(p.municipality.empty() ? "–" : p.municipality), md(p.file),
                       md(p.stage.empty() ? "–" : localized(words::stage(p.stage), m_lang)),
                       md(p.period_start && p.period_end ? p.period_start->iso() + " – " + p.period_end->iso() : "–"),
                       md(std::to_string(p.goals.size())),
                       md(fmt::format("{}/{}", p.meters_with_values, p.meters_total)),
                       md(p.actions_late > 0 ? fmt::format("{} {}", words::status_mark(Status::late), p.actions_late)
                                             : std::to_string(p.actions_late)),
                       md(optional_date(p.next_deadline)), md(words::days_ago(p.days_since_update, m_lang))});
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
