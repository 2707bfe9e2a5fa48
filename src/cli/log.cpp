// barnplan log PATH: the history of one plan in meaning, commit by commit,
// following renames, optionally narrowed to one meter or one goal's levels.

#include "commands.hpp"
#include "git.hpp"

#include <barnplan/diff.hpp>
#include <barnplan/escape.hpp>
#include <barnplan/loader.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>

namespace barnplan::cli {
namespace {

using nlohmann::ordered_json;

struct LogOptions {
    std::string path;
    std::string meter;
    std::string goal;
    std::string format = "text";
    bool reverse = false;
};

/// One commit that changed the plan in meaning.
struct Entry {
    git::Commit commit;
    std::string short_id;
    std::string old_path; ///< empty when the commit added the plan
    std::string new_path;
    PlanDiff diff;
};

/// "2026-11-04" and "2026-11-04T10:00:00+01:00" in the committer's time zone.
struct CommitTime {
    std::string date;
    std::string iso;
};

CommitTime commit_time(const git::Commit& c)
{
    const std::int64_t local = c.time + std::int64_t{c.offset_minutes} * 60;
    std::int64_t days = local / 86400;
    if (local % 86400 < 0) {
        --days;
    }
    const std::int64_t seconds = local - days * 86400;
    const std::string date = Date::from_days(static_cast<long>(days)).iso();
    const int offset = c.offset_minutes < 0 ? -c.offset_minutes : c.offset_minutes;
    return {date, fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", date, seconds / 3600, seconds / 60 % 60,
                              seconds % 60, c.offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60)};
}

bool starts_with(const std::string& s, const std::string& prefix)
{
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

/// Keeps what --meter or --goal asks for: a meter's own changes and its
/// measurements; a goal's start, current and target level and its level
/// assessments (and the goal itself appearing or going).
PlanDiff narrow(PlanDiff diff, const LogOptions& options)
{
    if (options.meter.empty() && options.goal.empty()) {
        return diff;
    }
    // Entries are told apart by their kind ("measurement", "level
    // assessment"), which the diff gives as data.
    std::erase_if(diff.changes, [&](const Change& c) {
        if (!options.meter.empty()) {
            return !((c.what.en == "meter" && c.subject == options.meter) ||
                     (c.what.en == "measurement" && starts_with(c.subject, options.meter + " ")));
        }
        if (c.goal != options.goal) {
            return true;
        }
        if (c.what.en == "goal") {
            return !(c.field.empty() || c.field == "start_level" || c.field == "current_level" ||
                     c.field == "target_level");
        }
        return c.what.en != "level assessment";
    });
    return diff;
}

/// The diff shows a meter or goal that appears as one line; the history of
/// that one meter or goal should also show the measurements or level
/// assessments it arrived with.
void with_first_entries(PlanDiff& diff, const Plan& after, const LogOptions& options)
{
    const std::string& id = options.meter.empty() ? options.goal : options.meter;
    const bool appears = std::any_of(diff.changes.begin(), diff.changes.end(), [&](const Change& c) {
        return c.kind == Change::Kind::added && c.subject == id && c.field.empty();
    });
    if (!appears) {
        return;
    }
    Plan bare = after;
    for (Goal& g : bare.goals) {
        if (!options.goal.empty() && g.id.value == id) {
            g.levels.clear();
        }
        for (Meter& m : g.meters) {
            if (!options.meter.empty() && m.id.value == id) {
                m.measurements.clear();
            }
        }
    }
    PlanDiff entries = narrow(diff_plans(bare, after), options);
    diff.changes.insert(diff.changes.end(), entries.changes.begin(), entries.changes.end());
}

bool mentions(const Plan& plan, const LogOptions& options)
{
    for (const Goal& g : plan.goals) {
        if (!options.goal.empty() && g.id.value == options.goal) {
            return true;
        }
        if (!options.meter.empty() && std::any_of(g.meters.begin(), g.meters.end(),
                                                  [&](const Meter& m) { return m.id.value == options.meter; })) {
            return true;
        }
    }
    return false;
}

/// Removes the heading render_diff_markdown starts with: in a log each commit
/// has its own.
std::string without_heading(std::string markdown)
{
    if (starts_with(markdown, "### ")) {
        const std::size_t end = markdown.find("\n\n");
        markdown.erase(0, end == std::string::npos ? markdown.size() : end + 2);
    }
    return markdown;
}

std::string render_entries(const std::vector<Entry>& entries, const std::string& repo_path, const LogOptions& options,
                           Language lang, bool color)
{
    const Text added{"new plan file", "ny planfil"};
    if (options.format == "json") {
        ordered_json root;
        root["path"] = repo_path;
        root["meter"] = options.meter.empty() ? ordered_json(nullptr) : ordered_json(options.meter);
        root["goal"] = options.goal.empty() ? ordered_json(nullptr) : ordered_json(options.goal);
        ordered_json commits = ordered_json::array();
        for (const Entry& e : entries) {
            ordered_json j;
            j["commit"] = e.commit.id;
            j["short"] = e.short_id;
            j["date"] = commit_time(e.commit).iso;
            j["author"] = e.commit.author;
            j["summary"] = e.commit.summary;
            j["status"] = e.old_path.empty() ? "added" : e.old_path != e.new_path ? "renamed" : "modified";
            j["old"] = e.old_path.empty() ? ordered_json(nullptr) : ordered_json(e.old_path);
            j["new"] = e.new_path;
            DiffRenderOptions render_options;
            render_options.language = lang;
            j["changes"] = ordered_json::parse(render_diff_json(e.diff, render_options))["changes"];
            commits.push_back(std::move(j));
        }
        root["commits"] = std::move(commits);
        return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
    }

    const bool markdown = options.format == "markdown";
    std::string out;
    if (markdown) {
        out += fmt::format("### {} {}\n\n", lang == Language::sv ? "Historik för" : "History of",
                           markdown_inline(repo_path));
    }
    if (entries.empty()) {
        return out + (lang == Language::sv ? "Inga ändringar i sak.\n" : "No changes in meaning.\n");
    }
    bool first = true;
    for (const Entry& e : entries) {
        if (!first) {
            out += "\n";
        }
        first = false;
        const std::string date = commit_time(e.commit).date;
        DiffRenderOptions render_options;
        render_options.language = lang;
        render_options.color = color;
        if (!e.old_path.empty() && e.old_path != e.new_path) {
            render_options.old_name = e.old_path;
            render_options.new_name = e.new_path;
        }
        const bool show_added = e.old_path.empty() && e.diff.empty();
        if (markdown) {
            out += fmt::format("#### {} `{}` {}\n\n", date, e.short_id, markdown_inline(e.commit.author));
            if (!e.commit.summary.empty()) {
                out += markdown_inline(e.commit.summary) + "\n\n";
            }
            out += show_added ? localized(added, lang) + "\n"
                              : without_heading(render_diff_markdown(e.diff, render_options));
            continue;
        }
        const std::string header = terminal_safe(
            fmt::format("{}  {}  {}  {}", date, e.short_id, e.commit.author, single_line(e.commit.summary)));
        out += (color ? fmt::format("\x1b[33m{}\x1b[0m", header) : header) + "\n";
        out += show_added ? "  " + localized(added, lang) + "\n" : render_diff_text(e.diff, render_options);
    }
    return out;
}

int run_log(const LogOptions& options, const GlobalOptions& global)
{
    Language lang = tool_language(global);
    std::optional<git::Repository> repository;
    try {
        repository.emplace();
    } catch (const git::Error& e) {
        if (e.kind() == git::Error::Kind::no_repository) {
            print_error(lang, {"not in a git repository; barnplan log reads a plan's history from git",
                               "inte i ett git-förråd; barnplan log läser en plans historik ur git"});
        } else {
            print_error(lang, {fmt::format("git: {}", e.what()), fmt::format("git: {}", e.what())});
        }
        return k_exit_usage;
    }
    const git::Repository& repo = *repository;
    const std::optional<std::string> found = repo.to_repo_path(options.path);
    if (!found || found->empty()) {
        print_error(lang, {fmt::format("'{}' is not a file in the repository", options.path),
                           fmt::format("'{}' är ingen fil i förrådet", options.path)});
        return k_exit_usage;
    }
    const std::string& repo_path = *found;

    std::vector<git::Commit> history;
    try {
        history = repo.history();
    } catch (const git::Error&) {
        print_error(lang, {"the repository has no commits yet", "förrådet har inga commits ännu"});
        return k_exit_usage;
    }
    const std::optional<std::string> head_blob = repo.blob_at(history.front().id, repo_path);
    if (!head_blob) {
        print_error(lang, {fmt::format("'{}' is not in HEAD; barnplan log follows a plan back from the current commit",
                                       options.path),
                           fmt::format("'{}' finns inte i HEAD; barnplan log följer en plan bakåt från aktuell commit",
                                       options.path)});
        return k_exit_usage;
    }

    // Each blob is loaded once, though most are the new side of one commit
    // and the old side of the next.
    std::map<std::string, std::shared_ptr<const LoadResult>> loaded;
    auto load = [&](const std::string& blob, const std::string& name) {
        auto it = loaded.find(blob);
        if (it == loaded.end()) {
            it = loaded.emplace(blob, std::make_shared<const LoadResult>(load_plan(repo.read_blob(blob), name))).first;
        }
        return it->second;
    };
    auto usable = [](const LoadResult& r) {
        return r.is_plan && r.plan && count_severity(r.diagnostics, Severity::error) == 0;
    };

    const auto head = load(*head_blob, "HEAD:" + repo_path);
    if (!head->is_plan) {
        print_error(lang,
                    {fmt::format("'{}' is not a barnplan plan (it has no top-level 'barnplan:' key)", options.path),
                     fmt::format("'{}' är ingen barnplan-plan (nyckeln 'barnplan:' saknas överst)", options.path)});
        return k_exit_usage;
    }
    if (global.lang.empty() && head->plan && head->plan->language.ok()) {
        lang = head->plan->language.value;
    }

    // Where the plan lies in each commit still to be visited: children come
    // before their parents in the walk, so a rename found in a child names the
    // path to look for further back.
    std::map<std::string, std::string> path_at{{history.front().id, repo_path}};
    std::vector<Entry> entries;
    bool seen = (options.meter.empty() && options.goal.empty()) || (head->plan && mentions(*head->plan, options));
    for (const git::Commit& commit : history) {
        const auto at = path_at.find(commit.id);
        if (at == path_at.end() || at->second.empty()) {
            continue;
        }
        const std::string path = at->second;
        const std::optional<std::string> blob = repo.blob_at(commit.id, path);
        if (!blob) {
            continue;
        }
        std::vector<std::string> parent_paths;
        for (const std::string& parent : commit.parents) {
            std::string parent_path;
            if (repo.blob_at(parent, path)) {
                parent_path = path;
            } else {
                for (const git::FileChange& change : repo.changes(parent, commit.id)) {
                    if (change.status == git::FileChange::Status::renamed && change.new_path == path) {
                        parent_path = change.old_path;
                    }
                }
            }
            auto [it, inserted] = path_at.emplace(parent, parent_path);
            if (!inserted && it->second.empty()) {
                it->second = parent_path;
            }
            parent_paths.push_back(parent_path);
        }
        // A merge's changes are shown on the commits it merges, as git log -p does.
        if (commit.parents.size() > 1) {
            continue;
        }
        const std::string old_path = parent_paths.empty() ? "" : parent_paths.front();
        const std::optional<std::string> old_blob =
            old_path.empty() ? std::nullopt : repo.blob_at(commit.parents.front(), old_path);
        if (old_blob == blob) {
            continue;
        }
        const auto after = load(*blob, commit.id.substr(0, 12) + ":" + path);
        std::shared_ptr<const LoadResult> before;
        if (old_blob) {
            before = load(*old_blob, commit.parents.front().substr(0, 12) + ":" + old_path);
        }
        if (!after->is_plan || (before && !before->is_plan)) {
            continue;
        }
        if (!usable(*after) || (before && !usable(*before))) {
            const std::string id = repo.short_id(commit.id);
            const std::string note = localized(
                Text{
                    fmt::format("barnplan: warning: {}:{} does not load as a plan; the commit is left out\n", id, path),
                    fmt::format("barnplan: varning: {}:{} går inte att läsa som plan; committen hoppas över\n", id,
                                path)},
                lang);
            std::fputs(terminal_safe(note, true).c_str(), stderr);
            continue;
        }
        seen = seen || mentions(*after->plan, options) || (before && mentions(*before->plan, options));
        Entry entry;
        entry.commit = commit;
        entry.old_path = old_path;
        entry.new_path = path;
        const bool narrowed = !options.meter.empty() || !options.goal.empty();
        if (before) {
            entry.diff = narrow(diff_plans(*before->plan, *after->plan), options);
        } else if (narrowed) {
            // A new plan file: what the meter or goal started as.
            entry.diff = narrow(diff_plans(Plan{}, *after->plan), options);
        }
        if (narrowed) {
            with_first_entries(entry.diff, *after->plan, options);
        }
        if (entry.diff.empty() && (before || narrowed)) {
            continue;
        }
        entry.short_id = repo.short_id(commit.id);
        entries.push_back(std::move(entry));
    }
    if (!seen) {
        const bool meter = !options.meter.empty();
        const std::string& id = meter ? options.meter : options.goal;
        print_error(lang, {fmt::format("no {} '{}' in any version of '{}'", meter ? "meter" : "goal", id, options.path),
                           fmt::format("ingen {} '{}' i någon version av '{}'", meter ? "mätare" : "målsättning", id,
                                       options.path)});
        return k_exit_usage;
    }
    if (options.reverse) {
        std::reverse(entries.begin(), entries.end());
    }
    print_out(render_entries(entries, repo_path, options, lang, options.format == "text" && use_color(global, stdout)));
    return k_exit_clean;
}

} // namespace

Runner setup_log(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<LogOptions>();
    sub.add_option("path", options->path, "The plan file to follow back through git history")
        ->type_name("FILE")
        ->required();
    // The shared footer's exit status says "findings"; a log has none.
    const std::string shared_footer = sub.get_footer();
    sub.footer(shared_footer.substr(0, shared_footer.find("Exit status:")) +
               "Exit status: 0 shown, 2 usage or I/O error, not in a git repository, or the plan, meter or goal "
               "not found.");
    CLI::Option* meter =
        sub.add_option("--meter", options->meter, "Only this meter's changes and measurements")->type_name("ID");
    CLI::Option* goal = sub.add_option("--goal", options->goal, "Only this goal's level changes and level assessments")
                            ->type_name("ID");
    meter->excludes(goal);
    sub.add_flag("--reverse", options->reverse, "Oldest commit first (default: newest first, like git log)");
    sub.add_option("--format,-f", options->format, "Output: text, markdown or json")
        ->check(CLI::IsMember({"text", "markdown", "json"}));
    return [options, &global]() { return run_log(*options, global); };
}

} // namespace barnplan::cli
