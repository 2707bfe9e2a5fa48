#include "models.hpp"
#include <barnplan/report_render.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

// One self-contained page for a meeting: printed on A4, projected, or opened
// from a mail. Plan text arrives in pull requests, so it is untrusted: every
// piece of it goes through `esc`, only as element content, never into a style,
// URL, id or class. Anchors are built from positions, not from plan ids. The
// page loads nothing and runs nothing (see the Content-Security-Policy).

namespace barnplan {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

/// The length of the valid UTF-8 sequence at `i`, or 0 when the bytes there
/// are not one (stray continuation, overlong form, surrogate, beyond U+10FFFF,
/// cut short); `cp` receives the code point.
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp)
{
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t min = 0;
    if (c < 0x80U) {
        cp = c;
        return 1;
    }
    if (c >= 0xC2U && c <= 0xDFU) {
        len = 2;
        cp = c & 0x1FU;
        min = 0x80;
    } else if (c >= 0xE0U && c <= 0xEFU) {
        len = 3;
        cp = c & 0x0FU;
        min = 0x800;
    } else if (c >= 0xF0U && c <= 0xF4U) {
        len = 4;
        cp = c & 0x07U;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0U) != 0x80U) {
            return 0;
        }
        cp = (cp << 6U) | (cc & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

/// Controls that would hide or reorder text: C0 and C1 controls, DEL, and the
/// bidirectional overrides and isolates ("Trojan Source").
bool is_hidden_control(char32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/// The one way text gets into the page. Escapes & < > " ' so that the result
/// is safe as element content and inside a quoted attribute; tab and newline
/// stay (white space to HTML), a carriage return becomes a space, and any other
/// control character, bidi override or invalid UTF-8 becomes U+FFFD.
std::string esc(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = 0;
        const std::size_t len = utf8_sequence(text, i, cp);
        if (len == 0) {
            out += k_replacement;
            ++i;
            continue;
        }
        switch (cp) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '\t':
        case '\n':
            out += static_cast<char>(cp);
            break;
        case '\r':
            out += ' ';
            break;
        default:
            if (is_hidden_control(cp)) {
                out += k_replacement;
            } else {
                out.append(text.substr(i, len));
            }
        }
        i += len;
    }
    return out;
}

std::string_view status_class(Status s)
{
    switch (s) {
    case Status::achieved:
        return "s-achieved";
    case Status::on_track:
        return "s-on-track";
    case Status::at_risk:
        return "s-at-risk";
    case Status::late:
        return "s-late";
    case Status::cannot_assess:
        return "s-cannot-assess";
    }
    return "s-cannot-assess";
}

/// A mark per status that differs in shape as well as colour, so that it
/// reads on a black-and-white printout; drawn as inline SVG, whose fill prints
/// even where a browser drops background colours.
std::string_view status_icon(Status s)
{
    switch (s) {
    case Status::achieved:
        return R"(<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="7.5" fill="#15803d"/><path d="M4.3 8.3l2.5 2.5 4.9-5" fill="none" stroke="#fff" stroke-width="2"/></svg>)";
    case Status::on_track:
        return R"(<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="7" fill="#15803d"/></svg>)";
    case Status::at_risk:
        return R"(<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 0.8L15.6 14.6H0.4z" fill="#d97706"/><path d="M8 5.2v4.6M8 11.2v1.6" stroke="#fff" stroke-width="1.8"/></svg>)";
    case Status::late:
        return R"(<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><rect x="0.8" y="0.8" width="14.4" height="14.4" rx="2" fill="#b91c1c"/><path d="M4.8 4.8l6.4 6.4M11.2 4.8l-6.4 6.4" stroke="#fff" stroke-width="2"/></svg>)";
    case Status::cannot_assess:
        break;
    }
    // Outlined, dashed and struck through: nothing about it looks like progress.
    return R"(<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6.6" fill="none" stroke="#6b7280" stroke-width="1.8" stroke-dasharray="2.6 1.6"/><path d="M3.6 12.4l8.8-8.8" stroke="#6b7280" stroke-width="1.8"/></svg>)";
}

constexpr std::string_view k_style = R"css(
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4b5563;--line:#c9ced6;--head:#f1f3f5;
--green:#15803d;--amber:#d97706;--red:#b91c1c;--grey:#6b7280;--late-bg:#fdeaea}
*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
html{font-size:100%;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font-size:1.0625rem;line-height:1.45;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
main{max-width:72rem;margin:0 auto;padding:1.5rem 1.25rem 1rem}
h1,h2,h3{line-height:1.25;margin:0;break-after:avoid;page-break-after:avoid}
h1{font-size:1.8rem;margin-bottom:.35rem}
h2{font-size:1.35rem}
h3{font-size:1.1rem;margin:1.1rem 0 .35rem}
p{margin:.3rem 0}
a{color:inherit}
.facts{color:var(--muted)}
.sub{color:var(--muted);font-size:.875em;font-weight:400}
.date,.num{white-space:nowrap;font-variant-numeric:tabular-nums}
.id{font-weight:600}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.5rem;margin:.9rem 0 1.4rem;padding:0}
.figures>div{border:1px solid var(--line);border-radius:.35rem;padding:.45rem .7rem;break-inside:avoid}
.figures dt{font-size:.85rem;color:var(--muted)}
.figures dd{margin:0;font-weight:600}
.figures .gap{border-color:var(--amber);border-width:2px}
.figures .alarm{border-color:var(--red);border-width:2px}
.plan+.plan,.portfolio+.plan{margin-top:3rem;padding-top:1.5rem;border-top:3px solid var(--ink)}
.goal{margin-top:2.2rem;padding-top:1rem;border-top:2px solid var(--ink)}
.goal-head{display:flex;gap:.6rem;align-items:baseline}
.goal-head .id{flex:0 0 auto;max-width:40%;overflow-wrap:anywhere}
.goal-facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.4rem 1.2rem;margin:.6rem 0 .2rem}
.goal-facts dt{font-size:.85rem;color:var(--muted)}
.goal-facts dd{margin:0}
table{width:100%;border-collapse:collapse;table-layout:fixed;margin:.2rem 0 .6rem;font-size:.9375rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .45rem;border-bottom:1px solid var(--line);overflow-wrap:break-word;hyphens:auto}
th{font-size:.85rem;font-weight:600;color:var(--muted);background:var(--head);border-bottom:2px solid var(--line)}
tr{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
.status{display:inline-flex;align-items:flex-start;gap:.35rem;font-weight:600}
.icon{flex:none;width:1em;height:1em;margin-top:.2em}
.reason{display:block;font-weight:400;color:var(--muted);font-size:.85em;margin-top:.15rem}
.pct{display:block;font-variant-numeric:tabular-nums;font-weight:600}
.bar{display:block;height:.6rem;border:1px solid var(--grey);border-radius:.3rem;background:#fff;overflow:hidden;max-width:10rem}
.fill{display:block;height:100%;background:var(--green)}
.s-at-risk .fill{background:var(--amber)}
.s-late .fill{background:var(--red)}
.s-cannot-assess .fill{background:repeating-linear-gradient(135deg,var(--grey) 0 2px,#fff 2px 5px)}
.none{color:var(--muted)}
.short{color:#92400e;font-weight:700}
tr.late td{background:var(--late-bg)}
tr.late td:first-child{box-shadow:inset 4px 0 0 var(--red);padding-left:calc(.3rem + 6px)}
.state-late{color:var(--red);font-weight:700}
.dropped{color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
.portfolio-table{table-layout:auto}
.portfolio-table td:nth-child(-n+2){overflow-wrap:anywhere}
.portfolio-table td:first-child{min-width:9rem}
footer{max-width:72rem;margin:2rem auto 0;padding:.6rem 1.25rem 1.5rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
col.c-id{width:4.8rem}
col.c-date{width:6.8rem}
col.c-value{width:8rem}
col.c-progress{width:7.5rem}
col.c-status{width:9.6rem}
col.c-levels{width:6.8rem}
col.c-who{width:20%}
col.c-state{width:8rem}
col.c-updated{width:10rem}
col.c-kind{width:10rem}
@media (max-width:52rem){
body{font-size:1rem}
main{padding:1rem .75rem}
table{font-size:.875rem}
th,td{padding:.35rem .3rem}
col.c-id{width:4.2rem}
col.c-date{width:5.9rem}
col.c-value{width:6.6rem}
col.c-progress{width:5.8rem}
col.c-status{width:7.6rem}
col.c-levels{width:5.6rem}
col.c-updated{width:6.8rem}
col.c-state{width:6.8rem}
col.c-who{width:23%}
col.c-kind{width:7rem}
}
@page{size:A4;margin:15mm;@bottom-right{content:counter(page) " / " counter(pages);font-size:8pt;color:#4b5563}}
@media print{
html{font-size:10pt}
body{font-size:1rem;line-height:1.35}
main{max-width:none;padding:0}
footer{max-width:none;padding:.4rem 0 0}
h1{font-size:1.7rem}
h2{font-size:1.3rem}
h3{font-size:1.1rem;margin-top:.8rem}
table{font-size:.9rem}
th,td{padding:.25rem .3rem}
col.c-id{width:4.4rem}
col.c-date{width:6.4rem}
col.c-value{width:6.6rem}
col.c-progress{width:6rem}
col.c-status{width:8.4rem}
col.c-levels{width:6rem}
col.c-updated{width:6.8rem}
col.c-state{width:6.6rem}
col.c-kind{width:8rem}
.figures{grid-template-columns:repeat(auto-fit,minmax(9rem,1fr))}
.goal{margin-top:0;border-top:none;padding-top:0}
.goal+.goal,.overview+.goal{break-before:page;page-break-before:always}
.plan+.plan,.portfolio+.plan{break-before:page;page-break-before:always;margin-top:0;padding-top:0;border-top:none}
.upcoming{break-inside:avoid}
a{text-decoration:none}
}
)css";

/// Joins a number to its unit ("12 %", "nivå 3") so that a narrow column never
/// leaves the unit alone on the next line; for text that is already escaped.
std::string keep_together(std::string escaped)
{
    if (const std::size_t space = escaped.find(' '); space != std::string::npos) {
        escaped.replace(space, 1, "&nbsp;");
    }
    return escaped;
}

class HtmlReport {
public:
    explicit HtmlReport(const RenderOptions& options) : m_options(options), m_lang(options.language) {}

    /// A label from the shared vocabulary, escaped like everything else.
    [[nodiscard]] std::string w(std::string_view key) const { return esc(words::get(key, m_lang)); }

    [[nodiscard]] std::string t(const Text& text) const { return esc(localized(text, m_lang)); }

    [[nodiscard]] std::string status(Status s, const Text* reason = nullptr) const
    {
        std::string out =
            fmt::format(R"(<span class="status {}">{}<span>{})", status_class(s), status_icon(s), t(status_label(s)));
        if (reason != nullptr && !localized(*reason, m_lang).empty()) {
            out += R"(<span class="reason">)" + t(*reason) + "</span>";
        }
        return out + "</span></span>";
    }

    /// The number over a bar; without a number, a dash and no bar,
    /// so that a missing value can never be read as 0 %.
    [[nodiscard]] std::string progress(const std::optional<double>& share, Status s) const
    {
        if (!share) {
            return R"(<span class="none">–</span>)";
        }
        const double clamped = std::clamp(*share, 0.0, 1.0);
        const long long width = std::llround(clamped * 100.0);
        return fmt::format(R"(<div class="progress {}"><span class="pct">{}</span>)"
                           R"(<span class="bar"><span class="fill" style="width:{}%"></span></span></div>)",
                           status_class(s), keep_together(esc(words::percent(clamped, m_lang))), width);
    }

    static std::string date(const std::optional<Date>& d)
    {
        return d ? R"(<span class="date">)" + d->iso() + "</span>" : std::string(R"(<span class="none">–</span>)");
    }

    static std::string level(const std::optional<int>& l) { return l ? std::to_string(*l) : "–"; }

    [[nodiscard]] std::string levels(const GoalSection& g) const
    {
        return fmt::format(R"(<span class="num">{} → {} → {}</span>)", level(g.start_level), level(g.current_level),
                           level(g.target_level));
    }

    [[nodiscard]] std::string plan_name(const PlanReport& p) const
    {
        return esc(p.municipality.empty() ? p.file : p.municipality);
    }

    [[nodiscard]] std::string title(const std::vector<PlanReport>& plans) const
    {
        if (plans.size() == 1) {
            return fmt::format("{} — {}", w("report"), plan_name(plans.front()));
        }
        return fmt::format("{} — {}", w("portfolio"),
                           esc(fmt::format(fmt::runtime(words::get("plans_count", m_lang)), plans.size())));
    }

    /// One plan: header facts, the goals at a glance, each goal, what is coming up.
    /// `index` numbers the anchors.
    [[nodiscard]] std::string plan(const PlanReport& p, std::size_t index) const
    {
        const std::string anchor = fmt::format("plan-{}", index + 1);
        std::string out = fmt::format(R"(<section class="plan" id="{}">)", anchor) + "\n";
        out +=
            fmt::format(R"(<header class="plan-head"><h1 class="plan-title">{} — {}</h1>)", w("report"), plan_name(p));
        std::vector<std::string> facts;
        if (p.model) {
            facts.push_back(t(words::model(*p.model)));
        }
        if (p.period_start && p.period_end) {
            facts.push_back(fmt::format(R"(<span class="date">{}</span>&nbsp;– <span class="date">{}</span>)",
                                        p.period_start->iso(), p.period_end->iso()));
        }
        if (!p.stage.empty()) {
            facts.push_back(t(words::stage(p.stage)));
        }
        facts.push_back(fmt::format(R"({} <span class="date">{}</span>)", w("as_of_inline"), p.as_of.iso()));
        out += R"(<p class="facts">)" + join(facts, " · ") + "</p>\n";

        out += R"(<dl class="figures">)";
        const bool gap = p.meters_with_values < p.meters_total;
        out += figure(w("coverage"), esc(words::coverage(p, m_lang)), gap ? "gap" : "");
        out +=
            figure(w("late_items"),
                   esc(fmt::format(fmt::runtime(words::get("actions_late", m_lang)), p.actions_late, p.actions_total)),
                   p.actions_late > 0 ? "alarm" : "");
        out += figure(
            w("goals"),
            esc(fmt::format(fmt::runtime(words::get("goals_achieved", m_lang)), p.goals_achieved, p.goals_total)), "");
        if (p.elapsed) {
            out += figure(w("elapsed"), esc(words::percent(*p.elapsed, m_lang)), "");
        }
        out += figure(w("last_update"),
                      p.last_update ? fmt::format(R"(<span class="date">{}</span> ({}))", p.last_update->iso(),
                                                  esc(words::days_ago(p.days_since_update, m_lang)))
                                    : w("never"),
                      "");
        out += "</dl>\n</header>\n";

        if (p.goals.empty()) {
            out += R"(<p class="empty">)" + w("no_goals") + "</p>\n";
        } else {
            out += overview(p, anchor);
        }
        for (std::size_t i = 0; i < p.goals.size(); ++i) {
            out += goal(p.goals[i], fmt::format("{}-goal-{}", anchor, i + 1));
        }
        out += report_models::html(p, m_lang, &esc);
        out += upcoming(p);
        out += "</section>\n";
        return out;
    }

    [[nodiscard]] static std::string figure(const std::string& label, const std::string& value, std::string_view cls)
    {
        return fmt::format(R"(<div{}><dt>{}</dt><dd>{}</dd></div>)",
                           cls.empty() ? std::string() : fmt::format(R"( class="{}")", cls), label, value);
    }

    /// The goals at a glance, each linked to its section.
    [[nodiscard]] std::string overview(const PlanReport& p, const std::string& anchor) const
    {
        std::string out = R"(<section class="overview">)";
        out += R"(<h2 class="overview-title">)" + w("goals") + "</h2>\n";
        out += R"(<table><colgroup><col class="c-id"><col><col class="c-levels"><col class="c-progress">)"
               R"(<col class="c-status"></colgroup>)";
        out += fmt::format(R"(<thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)"
                           R"(<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>)",
                           w("id"), w("goal"), w("level"), w("progress"), w("status"));
        out += "\n";
        for (std::size_t i = 0; i < p.goals.size(); ++i) {
            const GoalSection& g = p.goals[i];
            out += fmt::format(R"(<tr><td class="id"><a href="#{}-goal-{}">{}</a></td><td class="title">{}</td>)"
                               R"(<td>{}</td><td>{}</td><td>{}</td></tr>)",
                               anchor, i + 1, esc(g.id), esc(g.title), levels(g), progress(g.progress, g.status),
                               status(g.status));
            out += "\n";
        }
        out += "</tbody></table></section>\n";
        return out;
    }

    [[nodiscard]] std::string goal(const GoalSection& g, const std::string& anchor) const
    {
        std::string out = fmt::format(R"(<section class="goal" id="{}">)", anchor) + "\n";
        out += fmt::format(R"(<h2 class="goal-head"><span class="id">{}</span> <span>{}</span></h2>)", esc(g.id),
                           esc(g.title));
        out += "\n"
               R"(<dl class="goal-facts">)";
        if (g.basis) {
            std::string basis = t(words::basis(*g.basis));
            if (!g.indicator.empty()) {
                basis += " " + esc(g.indicator);
            }
            out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", w("basis"), basis);
        }
        out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", w("levels"), levels(g));
        out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", w("progress"), progress(g.progress, g.status));
        out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", w("status"), status(g.status));
        out += "</dl>\n";
        if (!g.meters.empty()) {
            out += meters(g);
        }
        if (!g.actions.empty()) {
            out += actions(g);
        }
        out += "</section>\n";
        return out;
    }

    [[nodiscard]] std::string meters(const GoalSection& g) const
    {
        std::string out = "<h3>" + w("meters") + "</h3>\n";
        out += R"(<table class="meters"><colgroup><col class="c-id"><col><col class="c-value"><col class="c-value">)"
               R"(<col class="c-date"><col class="c-progress"><col class="c-status"></colgroup>)";
        out += fmt::format(R"(<thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)"
                           R"(<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)"
                           R"(<th scope="col">{}</th></tr></thead><tbody>)",
                           w("meter"), w("what"), w("latest"), w("from_to"), w("due"), w("progress"), w("status"));
        out += "\n";
        for (const MeterLine& m : g.meters) {
            auto value = [&](const std::optional<MeterValue>& v) {
                return v ? keep_together(esc(words::meter_value(*v, m.kind, m.unit, m_lang))) : std::string("–");
            };
            const std::string latest = m.latest
                                           ? fmt::format(R"({}<br><span class="sub date">{}</span>)", value(m.latest),
                                                         m.latest_date ? m.latest_date->iso() : std::string("–"))
                                           : R"(<span class="none">)" + w("no_value") + "</span>";
            out += fmt::format(R"(<tr{}><td class="id">{}</td><td>{}</td><td>{}</td><td>{} → {}</td><td>{}</td>)"
                               R"(<td>{}</td><td>{}</td></tr>)",
                               m.status == Status::late ? R"( class="late")" : "", esc(m.id), esc(m.what), latest,
                               value(m.baseline), value(m.target), date(m.due), progress(m.progress, m.status),
                               status(m.status, &m.reason));
            out += "\n";
        }
        out += "</tbody></table>\n";
        return out;
    }

    [[nodiscard]] std::string actions(const GoalSection& g) const
    {
        std::string out = "<h3>" + w("actions") + "</h3>\n";
        out += R"(<table class="actions"><colgroup><col class="c-id"><col><col class="c-who"><col class="c-date">)"
               R"(<col class="c-state"><col class="c-updated"></colgroup>)";
        out +=
            fmt::format(R"(<thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)"
                        R"(<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>)",
                        w("action"), w("what"), w("who"), w("due"), w("status"), w("updated"));
        out += "\n";
        for (const ActionLine& a : g.actions) {
            std::string state;
            if (a.late) {
                state = fmt::format(R"(<span class="status state-late">{}<span>{}</span></span>)",
                                    status_icon(Status::late), t(words::action_state(a)));
            } else if (a.declared == ActionStatus::done) {
                state = fmt::format(R"(<span class="status">{}<span>{}</span></span>)", status_icon(Status::achieved),
                                    t(words::action_state(a)));
            } else if (a.declared == ActionStatus::dropped) {
                state = R"(<span class="dropped">)" + t(words::action_state(a)) + "</span>";
            } else {
                state = t(words::action_state(a));
            }
            out += fmt::format(R"(<tr{}><td class="id">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>)"
                               R"(<td>{}</td></tr>)",
                               a.late ? R"( class="late")" : "", esc(a.id), esc(a.what), esc(a.who), date(a.due), state,
                               esc(words::days_ago(a.days_since_update, m_lang)));
            out += "\n";
        }
        out += "</tbody></table>\n";
        return out;
    }

    [[nodiscard]] std::string upcoming(const PlanReport& p) const
    {
        std::string out = R"(<section class="upcoming">)";
        out += fmt::format(R"(<h2>{} <span class="sub">({})</span></h2>)", w("coming_up"),
                           esc(fmt::format(fmt::runtime(words::get("next_days", m_lang)), p.horizon_days)));
        out += "\n";
        if (p.upcoming.empty()) {
            out += "<p>" + esc(fmt::format(fmt::runtime(words::get("nothing_due", m_lang)), p.horizon_days));
            if (p.next_deadline) {
                out += fmt::format(R"( {}: <span class="date">{}</span>.)", w("next_deadline"), p.next_deadline->iso());
            }
            return out + "</p></section>\n";
        }
        out += "<p>" + esc(words::due_summary(p, m_lang)) + "</p>\n";
        out += R"(<table><colgroup><col class="c-date"><col class="c-id"><col class="c-kind"><col></colgroup>)";
        out += fmt::format(R"(<thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)"
                           R"(<th scope="col">{}</th></tr></thead><tbody>)",
                           w("date"), w("id"), w("kind"), w("what"));
        out += "\n";
        for (const Upcoming& u : p.upcoming) {
            out += fmt::format(R"(<tr><td><span class="date">{}</span></td><td class="id">{}</td><td>{}</td>)"
                               R"(<td>{}</td></tr>)",
                               u.date.iso(), esc(u.id), t(u.kind), esc(u.what));
            out += "\n";
        }
        return out + "</tbody></table></section>\n";
    }

    /// One row per plan, linked to its detail when the detail follows.
    [[nodiscard]] std::string portfolio(const std::vector<PlanReport>& plans) const
    {
        std::string out = R"(<section class="portfolio">)";
        out += "\n<h1>" + title(plans) + "</h1>\n";
        out += fmt::format(R"(<p class="facts">{} <span class="date">{}</span></p>)", w("as_of"),
                           plans.front().as_of.iso());
        out += "\n"
               R"(<table class="portfolio-table">)";
        out += fmt::format(R"(<thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)"
                           R"(<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>)"
                           R"(<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>)",
                           w("plan"), w("stage"), w("period"), w("goals"), w("coverage"), w("late_items"),
                           w("next_deadline"), w("last_update"));
        out += "\n";
        for (std::size_t i = 0; i < plans.size(); ++i) {
            const PlanReport& p = plans[i];
            std::string name =
                m_options.detail ? fmt::format(R"(<a href="#plan-{}">{}</a>)", i + 1, plan_name(p)) : plan_name(p);
            if (!p.municipality.empty()) {
                name += R"(<br><span class="sub">)" + esc(p.file) + "</span>";
            }
            const std::string period =
                p.period_start && p.period_end
                    ? fmt::format(R"(<span class="date">{}&nbsp;–</span><br><span class="date">{}</span>)",
                                  p.period_start->iso(), p.period_end->iso())
                    : std::string(R"(<span class="none">–</span>)");
            // Fewer values than meters is the gap a roll-up hides: make it stand out.
            const std::string coverage = fmt::format(R"(<span class="num{}">{}/{}</span>)",
                                                     p.meters_with_values < p.meters_total ? " short" : "",
                                                     p.meters_with_values, p.meters_total);
            const std::string late = (p.actions_late + p.meters_late) > 0
                                         ? fmt::format(R"(<span class="status state-late">{}<span>{}</span></span>)",
                                                       status_icon(Status::late), (p.actions_late + p.meters_late))
                                         : std::string(R"(<span class="num">0</span>)");
            out += fmt::format(R"(<tr{}><td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td><td>{}</td>)"
                               R"(<td>{}</td><td>{}</td><td>{}</td></tr>)",
                               (p.actions_late + p.meters_late) > 0 ? R"( class="late")" : "", name, t(words::stage(p.stage)), period,
                               p.goals_total, coverage, late, date(p.next_deadline),
                               esc(words::days_ago(p.days_since_update, m_lang)));
            out += "\n";
        }
        out += "</tbody></table></section>\n";
        return out;
    }

    [[nodiscard]] std::string document(const std::vector<PlanReport>& plans) const
    {
        std::string out;
        out += "<!DOCTYPE html>\n";
        out += fmt::format(R"(<html lang="{}">)", m_lang == Language::sv ? "sv" : "en") + "\n";
        out += "<head>\n";
        out += R"(<meta charset="utf-8">)"
               "\n";
        out += R"(<meta name="viewport" content="width=device-width, initial-scale=1">)"
               "\n";
        out +=
            R"(<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">)"
            "\n";
        out += R"(<meta name="referrer" content="no-referrer">)"
               "\n";
        out += R"(<meta name="color-scheme" content="light">)"
               "\n";
        out += fmt::format(R"(<meta name="generator" content="barnplan {}">)", esc(m_options.tool_version)) + "\n";
        out += "<title>" + title(plans) + "</title>\n";
        out += "<style>";
        out += k_style;
        out += "</style>\n</head>\n<body>\n<main>\n";
        if (plans.size() == 1) {
            out += plan(plans.front(), 0);
        } else {
            out += portfolio(plans);
            if (m_options.detail) {
                for (std::size_t i = 0; i < plans.size(); ++i) {
                    out += plan(plans[i], i);
                }
            }
        }
        out += "</main>\n";
        out += "<footer>" +
               esc(fmt::format(fmt::runtime(words::get("generated", m_lang)), m_options.tool_version,
                               plans.front().as_of.iso())) +
               "</footer>\n";
        out += "</body>\n</html>\n";
        return out;
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

std::string render_report_html(const std::vector<PlanReport>& plans, const RenderOptions& options)
{
    if (plans.empty()) {
        return {};
    }
    return HtmlReport(options).document(plans);
}

} // namespace barnplan
