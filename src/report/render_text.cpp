#include "models.hpp"
#include "table.hpp"

#include <barnplan/escape.hpp>
#include <barnplan/report_render.hpp>

#include <fmt/format.h>

namespace barnplan {
namespace {

using report_table::Cell;
using report_table::Column;
using report_table::Table;

std::string_view status_color(Status s)
{
    switch (s) {
    case Status::achieved:
    case Status::on_track:
        return "32";
    case Status::at_risk:
        return "33";
    case Status::late:
        return "31";
    case Status::cannot_assess:
        return "90";
    }
    return "";
}

Cell status_cell(Status s, Language lang)
{
    return {fmt::format("{} {}", words::status_mark(s), localized(status_label(s), lang)), std::string(status_color(s))};
}

std::string safe(const std::string& s)
{
    return terminal_safe(s);
}

std::string optional_date(const std::optional<Date>& d)
{
    return d ? d->iso() : "–";
}

std::string level(const std::optional<int>& l)
{
    return l ? std::to_string(*l) : "–";
}

class TextReport {
public:
    TextReport(const RenderOptions& options) : m_options(options), m_lang(options.language) {}

    [[nodiscard]] const std::string& w(std::string_view key) const { return words::get(key, m_lang); }

    std::string bold(const std::string& s) const { return m_options.color ? "\x1b[1m" + s + "\x1b[0m" : s; }

    std::string plan(const PlanReport& p) const
    {
        std::string out;
        const std::string name = p.municipality.empty() ? p.file : p.municipality;
        out += bold(fmt::format("{} — {}", w("report"), safe(name))) + "\n";
        std::vector<std::string> facts;
        if (p.model) {
            facts.push_back(localized(words::model(*p.model), m_lang));
        }
        if (p.period_start && p.period_end) {
            facts.push_back(fmt::format("{} – {}", p.period_start->iso(), p.period_end->iso()));
        }
        if (!p.stage.empty()) {
            facts.push_back(safe(localized(words::stage(p.stage), m_lang)));
        }
        facts.push_back(fmt::format("{} {}", w("as_of_inline"), p.as_of.iso()));
        out += join(facts, " · ") + "\n";
        std::vector<std::string> when;
        if (p.elapsed) {
            when.push_back(fmt::format("{}: {}", w("elapsed"), words::percent(*p.elapsed, m_lang)));
        }
        when.push_back(fmt::format("{}: {}", w("last_update"),
                                   p.last_update ? fmt::format("{} ({})", p.last_update->iso(),
                                                               words::days_ago(p.days_since_update, m_lang))
                                                 : w("never")));
        out += join(when, " · ") + "\n";
        out += fmt::format("{}: {} · {} · {}\n", w("coverage"), words::coverage(p, m_lang),
                           fmt::format(fmt::runtime(w("actions_late")), p.actions_late, p.actions_total),
                           fmt::format(fmt::runtime(w("goals_achieved")), p.goals_achieved, p.goals_total));
        if (p.goals.empty()) {
            out += "\n" + w("no_goals") + "\n";
        }
        for (const GoalSection& g : p.goals) {
            out += "\n" + goal(g);
        }
        out += report_models::text(p, m_options);
        out += "\n" + upcoming(p);
        return out;
    }

    std::string goal(const GoalSection& g) const
    {
        std::string out;
        const Cell status = status_cell(g.status, m_lang);
        const std::string colored_status =
            m_options.color ? fmt::format("\x1b[{}m{}\x1b[0m", status.color, status.text) : status.text;
        out += bold(fmt::format("{}  {}", safe(g.id), safe(g.title))) + "  " + colored_status + "\n";
        std::vector<std::string> facts;
        if (g.basis) {
            std::string basis = localized(words::basis(*g.basis), m_lang);
            if (!g.indicator.empty()) {
                basis += " " + safe(g.indicator);
            }
            facts.push_back(basis);
        }
        facts.push_back(fmt::format("{} {} → {} → {}", w("level_inline"), level(g.start_level), level(g.current_level),
                                    level(g.target_level)));
        if (g.progress) {
            facts.push_back(fmt::format("{} {}", w("progress_inline"), words::percent(*g.progress, m_lang)));
        }
        out += "    " + join(facts, " · ") + "\n";
        if (!g.meters.empty()) {
            // The latest value sits over its date, and baseline → target share a
            // column, so the description keeps room to be read.
            Table t({{w("meter")}, {w("what"), true, 18}, {w("latest"), true, 10}, {w("from_to"), true, 10},
                     {w("due")}, {w("progress"), false, 8, true}, {w("status")}});
            for (const MeterLine& m : g.meters) {
                auto value = [&](const std::optional<MeterValue>& v) {
                    return v ? safe(words::meter_value(*v, m.kind, m.unit, m_lang)) : std::string("–");
                };
                const std::string latest =
                    m.latest ? value(m.latest) + "\n" + m.latest_date->iso() : words::get("no_value", m_lang);
                t.add_row({{safe(m.id)},
                           {safe(m.what)},
                           {latest},
                           {value(m.baseline) + " → " + value(m.target)},
                           {optional_date(m.due)},
                           {m.progress ? words::percent(*m.progress, m_lang) : "–"},
                           status_cell(m.status, m_lang)});
            }
            out += t.render(m_options.width, 4, m_options.color);
        }
        if (!g.actions.empty()) {
            if (!g.meters.empty()) {
                out += "\n";
            }
            Table t({{w("action")}, {w("what"), true, 12}, {w("who"), true, 10}, {w("due")}, {w("status")},
                     {w("updated"), true, 8}});
            for (const ActionLine& a : g.actions) {
                Cell state{localized(words::action_state(a), m_lang), a.late ? "31" : ""};
                if (a.late) {
                    state.text = "✖ " + state.text;
                }
                t.add_row({{safe(a.id)},
                           {safe(a.what)},
                           {safe(a.who)},
                           {optional_date(a.due)},
                           state,
                           {words::days_ago(a.days_since_update, m_lang)}});
            }
            out += t.render(m_options.width, 4, m_options.color);
        }
        return out;
    }

    std::string upcoming(const PlanReport& p) const
    {
        std::string out;
        out += bold(fmt::format("{} ({})", w("coming_up"), fmt::format(fmt::runtime(w("next_days")), p.horizon_days))) +
               "\n";
        if (!p.upcoming.empty()) {
            out += "    " + words::due_summary(p, m_lang) + "\n";
        }
        if (p.upcoming.empty()) {
            out += "    " + fmt::format(fmt::runtime(w("nothing_due")), p.horizon_days);
            if (p.next_deadline) {
                out += fmt::format(" {}: {}.", w("next_deadline"), p.next_deadline->iso());
            }
            return out + "\n";
        }
        Table t({{w("date")}, {w("id")}, {w("kind"), true, 10}, {w("what"), true, 12}});
        for (const Upcoming& u : p.upcoming) {
            t.add_row({{u.date.iso()}, {safe(u.id)}, {localized(u.kind, m_lang)}, {safe(u.what)}});
        }
        return out + t.render(m_options.width, 4, m_options.color);
    }

    std::string portfolio(const std::vector<PlanReport>& plans) const
    {
        std::string out = bold(fmt::format("{} — {} {}", w("portfolio"), plans.size(),
                                           m_lang == Language::sv ? "planer" : "plans")) +
                          "\n";
        out += fmt::format("{} {}\n\n", w("as_of"), plans.front().as_of.iso());
        Table t({{w("plan"), true, 20}, {w("stage")}, {w("period"), true, 10}, {w("goals"), false, 4, true},
                 {w("coverage"), false, 6, true}, {w("late_items"), false, 4, true}, {w("next_deadline"), true, 10},
                 {w("last_update"), true, 10}});
        for (const PlanReport& p : plans) {
            const std::string name = p.municipality.empty() ? safe(p.file) : safe(p.municipality) + "\n" + safe(p.file);
            t.add_row({{name},
                       {safe(localized(words::stage(p.stage), m_lang))},
                       {p.period_start && p.period_end ? p.period_start->iso() + " – " + p.period_end->iso() : "–"},
                       {std::to_string(p.goals_total)},
                       {fmt::format("{}/{}", p.meters_with_values, p.meters_total)},
                       {std::to_string(p.actions_late + p.meters_late), p.actions_late + p.meters_late > 0 ? "31" : ""},
                       {optional_date(p.next_deadline)},
                       {words::days_ago(p.days_since_update, m_lang)}});
        }
        return out + t.render(m_options.width, 0, m_options.color);
    }

private:
    static std::string join(const std::vector<std::string>& parts, std::string_view sep)
    {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            out += (i == 0 ? "" : std::string(sep)) + parts[i];
        }
        return out;
    }

    const RenderOptions& m_options;
    Language m_lang;
};

} // namespace

std::string render_report_text(const std::vector<PlanReport>& plans, const RenderOptions& options)
{
    const TextReport text(options);
    if (plans.size() == 1) {
        return text.plan(plans.front());
    }
    if (plans.empty()) {
        return {};
    }
    std::string out = text.portfolio(plans);
    if (options.detail) {
        for (const PlanReport& p : plans) {
            out += "\n" + std::string(std::min<std::size_t>(options.width, 80), '=') + "\n" + text.plan(p);
        }
    }
    return out;
}

} // namespace barnplan
