// How a semantic diff is shown: per goal, one line per change.

#include <barnplan/diff.hpp>
#include <barnplan/escape.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <algorithm>
#include <map>
#include <utility>

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
        {"host", {"host", "värd"}},
        {"idea", {"idea", "verksamhetsidé"}},
        {"ambition", {"ambition", "ambitionsnivå"}},
        {"departments", {"department files", "avdelningsfiler"}},
        {"review.date", {"joint review date", "gemensamma genomgångens datum"}},
        {"review.realistic", {"realistic (joint review)", "realistisk (gemensam genomgång)"}},
        {"review.reaches_goals", {"reaches the goals (joint review)", "når målen (gemensam genomgång)"}},
        {"review.rights_fulfilled", {"children's rights fulfilled (joint review)", "barnets rättigheter tillgodoses (gemensam genomgång)"}},
        {"implementation.start", {"implementation start", "genomförandets start"}},
        {"implementation.end", {"implementation end", "genomförandets slut"}},
        {"politician", {"politician", "politiker"}},
        {"official", {"contact official", "kontaktperson"}},
        {"area_goal", {"overarching goal", "övergripande mål"}},
        {"follow_up.outcome", {"outcome", "utfall"}},
        {"follow_up.effects", {"effects for children", "effekter för barnen"}},
        {"follow_up.goal_reached", {"goal reached", "målet nått"}},
        {"follow_up.more_measures", {"more measures needed", "fler åtgärder behövs"}},
        {"follow_up.note", {"follow-up note", "uppföljningens anteckning"}},
        {"resources", {"resources", "resurser"}},
        {"indicators", {"indicators", "indikatorer"}},
        {"result", {"result", "resultat"}},
        {"area", {"priority area", "prioriterat område"}},
        {"department", {"department", "avdelning"}},
    };
    auto it = k_labels.find(field);
    if (it == k_labels.end()) {
        return {std::string(field), std::string(field)};
    }
    return it->second;
}

constexpr std::size_t k_brief_max = 80;

/// The start of the UTF-8 character that holds byte `at`.
std::size_t char_start(const std::string& s, std::size_t at)
{
    while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0U) == 0x80U) {
        --at;
    }
    return at;
}

/// At most k_brief_max bytes of `s` from `from`, with "…" where it is cut.
std::string excerpt(const std::string& s, std::size_t from)
{
    std::string out = from > 0 ? "…" : "";
    if (s.size() - from <= k_brief_max) {
        return out + s.substr(from);
    }
    const std::size_t cut = char_start(s, from + k_brief_max);
    return out + s.substr(from, cut - from) + "…";
}

/// A value on one line, cut to a readable length.
std::string brief(const std::string& value)
{
    std::string s = single_line(value);
    return s.empty() ? "–" : excerpt(s, 0);
}

/// Both sides of a changed value, cut so that the change shows: when the two
/// agree beyond the cut, both start a little before where they first differ.
std::pair<std::string, std::string> brief_pair(const std::string& before, const std::string& after)
{
    const std::string b = single_line(before);
    const std::string a = single_line(after);
    std::size_t common = 0;
    while (common < b.size() && common < a.size() && b[common] == a[common]) {
        ++common;
    }
    constexpr std::size_t k_context = 30; // of the common text, to show where the change is
    if (b.empty() || a.empty() || (b.size() <= k_brief_max && a.size() <= k_brief_max) ||
        common + 10 < k_brief_max) {
        return {brief(before), brief(after)};
    }
    std::size_t from = char_start(b, common - std::min(common, k_context));
    // Start at a word when there is one near.
    const std::size_t space = b.rfind(' ', from);
    if (space != std::string::npos && from - space < 15 && space + 1 <= common) {
        from = space + 1;
    }
    return {excerpt(b, from), excerpt(a, from)};
}

Text renamed_note(const std::string& old_path)
{
    return {fmt::format("Renamed from {}.", old_path), fmt::format("Omdöpt från {}.", old_path)};
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
    if (!c.department.empty()) {
        // An activity is named with its department: "KOM.1 (Kommunikationsavdelningen)".
        Change named = c;
        named.subject = fmt::format("{} ({})", c.subject, c.department);
        named.department.clear();
        return describe(named, lang, text);
    }
    switch (c.kind) {
    case Change::Kind::added:
    case Change::Kind::removed: {
        const std::string& value = c.kind == Change::Kind::added ? c.after : c.before;
        std::string out = c.subject.empty() ? what : fmt::format("{} {}", what, text(c.subject));
        if (!value.empty()) {
            out += ": " + text(brief(value));
        }
        return out;
    }
    case Change::Kind::changed: {
        const std::string label = localized(field_label(c.field), lang);
        const std::string subject = c.subject.empty() ? label : text(c.subject) + " " + label;
        const auto [before, after] = brief_pair(c.before, c.after);
        return fmt::format("{}: {} → {}", subject, text(before), text(after));
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
    if (!options.renamed_from.empty()) {
        out += terminal_safe(localized(renamed_note(options.renamed_from), lang)) + "\n";
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
    if (!options.renamed_from.empty()) {
        out += markdown_inline(localized(renamed_note(options.renamed_from), lang)) + "\n\n";
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
        j["department"] = c.department.empty() ? ordered_json(nullptr) : ordered_json(c.department);
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
