// How a semantic diff is shown: per goal, one line per change.

#include <barnplan/diff.hpp>
#include <barnplan/escape.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>

namespace barnplan {
namespace {

/// Field names as people say them; unknown keys are shown as written.
Text field_label(std::string_view field)
{
    static const std::map<std::string_view, Text, std::less<>> k_labels{
        {"title", {"title", "rubrik"}},
        {"basis", {"basis", "grund"}},
        {"indicator", {"indicator", "indikator"}},
        {"theme", {"theme", "tema"}},
        {"welfare_area", {"welfare area", "välfärdsområdet"}},
        {"start_level", {"start level", "startnivå"}},
        {"current_level", {"current level", "nuvarande nivå"}},
        {"target_level", {"target level", "målnivå"}},
        {"children_views", {"children's views", "barnens åsikter"}},
        {"what", {"what", "vad"}},
        {"who", {"who", "ansvarig"}},
        {"start", {"start", "start"}},
        {"due", {"due", "klar"}},
        {"how", {"how", "hur"}},
        {"status", {"status", "status"}},
        {"recurring", {"recurring", "återkommande"}},
        {"depends_on", {"depends on", "beror på"}},
        {"kind", {"kind", "typ"}},
        {"unit", {"unit", "enhet"}},
        {"baseline", {"baseline", "utgångsvärde"}},
        {"target", {"target", "målvärde"}},
        {"source", {"source", "källa"}},
        {"value", {"value", "värde"}},
        {"note", {"note", "anteckning"}},
        {"level", {"level", "nivå"}},
        {"goal", {"goal", "målsättning"}},
        {"goals", {"goals", "målsättningar"}},
        {"by", {"by", "av"}},
        {"ref", {"reference", "hänvisning"}},
        {"municipality", {"municipality", "kommun"}},
        {"coordinator", {"coordinator", "koordinator"}},
        {"model", {"model", "modell"}},
        {"language", {"language", "språk"}},
        {"period.start", {"period start", "periodens start"}},
        {"period.end", {"period end", "periodens slut"}},
        {"stage", {"stage", "skede"}},
        {"vision", {"vision", "vision"}},
        {"strategy_link", {"link to the strategy", "koppling till strategin"}},
        {"informing", {"informing", "information"}},
        {"welfare_commitment.by", {"welfare commitment by", "välfärdsområdets åtagande av"}},
        {"welfare_commitment.date", {"welfare commitment date", "välfärdsområdets åtagande datum"}},
        {"welfare_commitment.ref", {"welfare commitment reference", "välfärdsområdets åtagande hänvisning"}},
        {"evaluation.meeting", {"evaluation meeting", "utvärderingsträff"}},
        {"evaluation.booked", {"evaluation booked", "utvärderingen bokad"}},
        {"evaluation.form_started", {"evaluation form started", "utvärderingsblanketten påbörjad"}},
        {"evaluation.form_approved", {"evaluation form approved", "utvärderingsblanketten godkänd"}},
        {"evaluation.form_stored", {"evaluation form stored", "utvärderingsblanketten sparad"}},
    };
    auto it = k_labels.find(field);
    if (it == k_labels.end()) {
        return {std::string(field), std::string(field)};
    }
    return it->second;
}

/// A value on one line, cut to a readable length.
std::string brief(const std::string& value)
{
    constexpr std::size_t k_max = 80;
    std::string s = single_line(value);
    if (s.size() <= k_max) {
        return s.empty() ? "–" : s;
    }
    std::size_t cut = k_max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U) {
        --cut;
    }
    return s.substr(0, cut) + "…";
}

char sign(Change::Kind kind)
{
    switch (kind) {
    case Change::Kind::added:
        return '+';
    case Change::Kind::removed:
        return '-';
    case Change::Kind::changed:
        return '~';
    }
    return '~';
}

/// "G2 current level: 1 → 2", "action G2.A4: Utbilda …" — without the sign.
std::string describe(const Change& c, Language lang, const std::function<std::string(const std::string&)>& text)
{
    const std::string& what = localized(c.what, lang);
    switch (c.kind) {
    case Change::Kind::added:
    case Change::Kind::removed: {
        const std::string& value = c.kind == Change::Kind::added ? c.after : c.before;
        std::string out = fmt::format("{} {}", what, text(c.subject));
        if (!value.empty()) {
            out += ": " + text(brief(value));
        }
        return out;
    }
    case Change::Kind::changed: {
        const std::string label = localized(field_label(c.field), lang);
        const std::string subject = c.subject.empty() ? label : text(c.subject) + " " + label;
        return fmt::format("{}: {} → {}", subject, text(brief(c.before)), text(brief(c.after)));
    }
    }
    return {};
}

std::string goal_heading(const PlanDiff& diff, const std::string& goal)
{
    for (const auto& [id, title] : diff.goal_titles) {
        if (id == goal) {
            return title.empty() ? id : id + "  " + single_line(title);
        }
    }
    return goal;
}

} // namespace

std::string render_diff_text(const PlanDiff& diff, const DiffRenderOptions& options)
{
    const Language lang = options.language;
    auto color = [&](std::string_view code, const std::string& s) {
        return options.color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
    };
    std::string out;
    if (!options.old_name.empty() || !options.new_name.empty()) {
        out += color("1", terminal_safe(fmt::format("{} → {}", options.old_name, options.new_name))) + "\n";
    }
    if (diff.empty()) {
        return out + (lang == Language::sv ? "Inga ändringar i sak.\n" : "No changes in meaning.\n");
    }
    std::string group = "\x01"; // no group yet
    for (const Change& c : diff.changes) {
        if (c.goal != group) {
            group = c.goal;
            const std::string heading =
                group.empty() ? (lang == Language::sv ? "Planen" : "Plan") : goal_heading(diff, group);
            out += color("1", terminal_safe(heading)) + "\n";
        }
        const char s = sign(c.kind);
        const std::string line = fmt::format("  {} {}", s, describe(c, lang, [](const std::string& t) {
                                                 return terminal_safe(t);
                                             }));
        out += color(s == '+' ? "32" : s == '-' ? "31" : "33", line) + "\n";
    }
    return out;
}

std::string render_diff_markdown(const PlanDiff& diff, const DiffRenderOptions& options)
{
    const Language lang = options.language;
    std::string out = lang == Language::sv ? "### Ändringar i planen\n\n" : "### Changes to the plan\n\n";
    if (!options.old_name.empty() || !options.new_name.empty()) {
        out += fmt::format("{} → {}\n\n", markdown_inline(options.old_name), markdown_inline(options.new_name));
    }
    if (diff.empty()) {
        return out + (lang == Language::sv ? "Inga ändringar i sak.\n" : "No changes in meaning.\n");
    }
    std::string group = "\x01";
    for (const Change& c : diff.changes) {
        if (c.goal != group) {
            if (group != "\x01") {
                out += "\n";
            }
            group = c.goal;
            const std::string heading =
                group.empty() ? (lang == Language::sv ? "Planen" : "Plan") : goal_heading(diff, group);
            out += "**" + markdown_inline(heading) + "**\n\n";
        }
        const std::string_view tag = c.kind == Change::Kind::added     ? (lang == Language::sv ? "ny" : "added")
                                     : c.kind == Change::Kind::removed ? (lang == Language::sv ? "borttagen" : "removed")
                                                                       : (lang == Language::sv ? "ändrad" : "changed");
        out += fmt::format("- *{}* {}\n", tag, describe(c, lang, [](const std::string& t) { return markdown_inline(t); }));
    }
    return out;
}

std::string render_diff_json(const PlanDiff& diff, const DiffRenderOptions& options)
{
    using nlohmann::ordered_json;
    ordered_json root;
    root["old"] = options.old_name;
    root["new"] = options.new_name;
    ordered_json changes = ordered_json::array();
    for (const Change& c : diff.changes) {
        ordered_json j;
        j["change"] = c.kind == Change::Kind::added ? "added" : c.kind == Change::Kind::removed ? "removed" : "changed";
        j["entry"] = c.what.en;
        j["goal"] = c.goal.empty() ? ordered_json(nullptr) : ordered_json(c.goal);
        j["subject"] = c.subject;
        j["field"] = c.field.empty() ? ordered_json(nullptr) : ordered_json(c.field);
        j["before"] = c.kind == Change::Kind::added ? ordered_json(nullptr) : ordered_json(c.before);
        j["after"] = c.kind == Change::Kind::removed ? ordered_json(nullptr) : ordered_json(c.after);
        j["summary"] = describe(c, options.language, [](const std::string& t) { return t; });
        changes.push_back(std::move(j));
    }
    root["changes"] = std::move(changes);
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

} // namespace barnplan
