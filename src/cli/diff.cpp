#include "commands.hpp"
#include "departments.hpp"
#include "git.hpp"
#include "plans.hpp"
#include "unified_diff.hpp"

#include <barnplan/diagnostic_output.hpp>
#include <barnplan/diff.hpp>
#include <barnplan/escape.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fnmatch.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <tuple>

namespace barnplan::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

struct DiffOptions {
    std::vector<std::string> args;  ///< before "--"
    std::vector<std::string> paths; ///< after "--"
    std::string format = "text";
    bool exit_code = false;
    bool git_driver = false;
};

/// A plan read from somewhere (a file, a git revision) under a display name.
struct PlanVersion {
    std::string name;
    std::string text;
};

/// Prints a version's diagnostics on stderr, as `validate` would: a
/// department file's under that file's name.
void report_problems(const PlanVersion& version, const LoadResult& loaded, Language lang, const GlobalOptions& global)
{
    OutputOptions out;
    out.language = lang;
    out.color = use_color(global, stderr);
    std::vector<CheckedFile> files = split_by_file(version.name, version.text, loaded.sources, loaded.diagnostics, lang);
    std::erase_if(files, [&](const CheckedFile& f) { return f.diagnostics.empty() && f.name != version.name; });
    std::fputs(render_text(files, out).c_str(), stderr);
}

/// Department files as a git revision holds them: the same revision as the
/// plan, found relative to the plan's folder, with the globs matched against
/// that revision's tree.
class TreeResolver final : public SourceResolver {
public:
    TreeResolver(const git::Repository& repo, std::string commit, std::string side_name, const std::string& plan_path)
        : m_repo(repo), m_commit(std::move(commit)), m_side(std::move(side_name)),
          m_dir(fs::path(plan_path).parent_path().generic_string())
    {
    }

    [[nodiscard]] ResolvedSources resolve(std::string_view pattern) const override
    {
        ResolvedSources out;
        const std::string text(pattern);
        const fs::path relative(text);
        if (text.empty() || relative.is_absolute() || text.front() == '~' ||
            std::any_of(relative.begin(), relative.end(), [](const fs::path& p) { return p == ".."; })) {
            out.error = {fmt::format("'{}' is not a path below the plan's folder", text),
                         fmt::format("'{}' är ingen sökväg under planens mapp", text)};
            return out;
        }
        const std::string full = (fs::path(m_dir) / relative).lexically_normal().generic_string();
        const YamlLimits limits;
        for (const std::string& path : m_repo.files_under(m_commit, m_dir)) {
            if (::fnmatch(full.c_str(), path.c_str(), FNM_PATHNAME | FNM_PERIOD) != 0) {
                continue;
            }
            const std::optional<std::string> blob = m_repo.blob_at(m_commit, path);
            if (!blob) {
                continue;
            }
            std::string content = m_repo.read_blob(*blob);
            const std::string name = m_side + ":" + path;
            if (content.size() > limits.max_bytes) {
                out.files.clear();
                out.error = {fmt::format("'{}' is larger than {} bytes", name, limits.max_bytes),
                             fmt::format("'{}' är större än {} byte", name, limits.max_bytes)};
                return out;
            }
            out.files.push_back({name, std::move(content)});
        }
        if (out.files.empty()) {
            out.error = {fmt::format("no department file in {} matches '{}'", m_side, text),
                         fmt::format("ingen avdelningsfil i {} matchar '{}'", m_side, text)};
        }
        return out;
    }

private:
    const git::Repository& m_repo;
    std::string m_commit;
    std::string m_side;
    std::string m_dir;
};

bool loads_cleanly(const LoadResult& loaded)
{
    return loaded.plan && count_severity(loaded.diagnostics, Severity::error) == 0;
}

/// Loads one version; a version that does not load as meant is reported on
/// stderr and gives nullopt: a diff of a misread plan would mislead.
std::optional<Plan> load_version(const PlanVersion& version, Language lang, const GlobalOptions& global)
{
    // Two files on the command line: each finds its department files beside it.
    const FileResolver departments(version.name);
    LoadResult loaded = load_plan(version.text, version.name, {}, &departments);
    if (loads_cleanly(loaded)) {
        return std::move(loaded.plan);
    }
    report_problems(version, loaded, lang, global);
    return std::nullopt;
}

/// The language to show a plan's changes in: --lang, else the plan's own.
Language plan_language(const Plan* plan, const GlobalOptions& global)
{
    if (global.lang.empty() && plan != nullptr && plan->language.ok()) {
        return plan->language.value;
    }
    return tool_language(global);
}

std::string render(const PlanDiff& diff, const DiffRenderOptions& render_options, const std::string& format)
{
    if (format == "json") {
        return render_diff_json(diff, render_options);
    }
    if (format == "markdown") {
        return render_diff_markdown(diff, render_options);
    }
    return render_diff_text(diff, render_options);
}

int show_diff(const PlanVersion& before, const PlanVersion& after, const DiffOptions& options,
              const GlobalOptions& global)
{
    Language lang = tool_language(global);
    const std::optional<Plan> old_plan = load_version(before, lang, global);
    const std::optional<Plan> new_plan = load_version(after, lang, global);
    if (!old_plan || !new_plan) {
        print_error(lang, {"cannot compare plans that do not load; fix the problems above first",
                           "kan inte jämföra planer som inte går att läsa; rätta problemen ovan först"});
        return k_exit_usage;
    }
    lang = plan_language(&*new_plan, global);
    const PlanDiff diff = diff_plans(*old_plan, *new_plan);
    DiffRenderOptions render_options;
    render_options.language = lang;
    render_options.old_name = before.name;
    render_options.new_name = after.name;
    render_options.color = options.format == "text" && use_color(global, stdout);
    print_out(render(diff, render_options, options.format));
    return options.exit_code && !diff.empty() ? k_exit_findings : k_exit_clean;
}

int run_files(const std::vector<std::string>& paths, const DiffOptions& options, const GlobalOptions& global)
{
    const Language lang = tool_language(global);
    PlanVersion versions[2];
    for (std::size_t i = 0; i < 2; ++i) {
        std::string error;
        std::optional<std::string> text = read_file(paths[i], error);
        if (!text) {
            print_error(lang, {fmt::format("cannot read '{}': {}", paths[i], error),
                               fmt::format("kan inte läsa '{}': {}", paths[i], error)});
            return k_exit_usage;
        }
        versions[i] = {paths[i], std::move(*text)};
    }
    return show_diff(versions[0], versions[1], options, global);
}

bool is_file(const std::string& path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

bool has_yaml_extension(const std::string& path)
{
    const std::string ext = fs::path(path).extension().string();
    return ext == ".yaml" || ext == ".yml";
}

// ---- between git revisions ------------------------------------------------

/// One side of a comparison: a commit, or the work tree when `commit` is empty.
struct Side {
    std::string commit;
    std::string name; ///< the revision as the user wrote it
};

/// What became of one plan file between the two sides.
struct PlanChange {
    enum class Status { modified, renamed, added, removed };
    Status status = Status::modified;
    std::string old_name; ///< "HEAD~1:plans/x.yaml"; empty when added
    std::string new_name; ///< "plans/x.yaml" (the work tree) or "main:plans/x.yaml"; empty when removed
    std::string old_path; ///< from the top of the work tree; empty when added
    Language language = Language::en;
    PlanDiff diff;
    /// The plan of a file that comes or goes, when it loads cleanly: a plan
    /// removed here and added there with the same meaning was renamed.
    std::optional<Plan> plan;
};

/// Pairs a removed plan file with an added one of the same meaning as one
/// renamed file: git finds renames by the likeness of the text, so a plan
/// moved and reformatted in one go would otherwise read as gone and new.
void pair_renames(std::vector<PlanChange>& results)
{
    for (PlanChange& removed : results) {
        if (removed.status != PlanChange::Status::removed || !removed.plan) {
            continue;
        }
        for (PlanChange& added : results) {
            if (added.status == PlanChange::Status::added && added.plan &&
                diff_plans(*removed.plan, *added.plan).empty()) {
                added.status = PlanChange::Status::renamed;
                added.old_name = removed.old_name;
                added.old_path = removed.old_path;
                added.plan.reset();
                removed.plan.reset();
                removed.old_name.clear(); // marks it for removal below
                break;
            }
        }
    }
    results.erase(std::remove_if(results.begin(), results.end(),
                                 [](const PlanChange& r) {
                                     return r.status == PlanChange::Status::removed && r.old_name.empty();
                                 }),
                  results.end());
}

std::string_view status_name(PlanChange::Status status)
{
    switch (status) {
    case PlanChange::Status::modified:
        return "modified";
    case PlanChange::Status::renamed:
        return "renamed";
    case PlanChange::Status::added:
        return "added";
    case PlanChange::Status::removed:
        return "removed";
    }
    return "modified";
}

Text added_text()
{
    return {"new plan file", "ny planfil"};
}

Text removed_text()
{
    return {"plan file removed", "planfilen är borttagen"};
}

/// For an argument that is neither a revision nor readable as git: when it
/// looks like a file, what the user most likely meant.
bool explain_file_argument(Language lang, const std::string& arg)
{
    if (is_file(arg)) {
        print_error(lang, {fmt::format("'{}' is a file, not a revision: to compare two plan files give both "
                                       "(barnplan diff OLD.yaml NEW.yaml); to compare it with a revision put it after "
                                       "-- (barnplan diff HEAD -- {})",
                                       arg, arg),
                           fmt::format("'{}' är en fil, ingen revision: för att jämföra två planfiler, ange båda "
                                       "(barnplan diff GAMMAL.yaml NY.yaml); för att jämföra den med en revision, "
                                       "ange den efter -- (barnplan diff HEAD -- {})",
                                       arg, arg)});
        return true;
    }
    if (has_yaml_extension(arg)) {
        print_error(lang, {fmt::format("cannot read '{}': no such file (nor is it a revision)", arg),
                           fmt::format("kan inte läsa '{}': filen finns inte (och är ingen revision)", arg)});
        return true;
    }
    return false;
}

void git_error(Language lang, const git::Error& e, const std::vector<std::string>& revisions)
{
    switch (e.kind()) {
    case git::Error::Kind::no_repository:
        for (const std::string& arg : revisions) {
            if (explain_file_argument(lang, arg)) {
                return;
            }
        }
        print_error(lang, {"not in a git repository, so revisions cannot be read (to compare two files, give two "
                           "plan files: barnplan diff OLD.yaml NEW.yaml)",
                           "inte i ett git-förråd, så revisioner kan inte läsas (för att jämföra två filer, ange två "
                           "planfiler: barnplan diff GAMMAL.yaml NY.yaml)"});
        return;
    case git::Error::Kind::bad_revision:
        if (!explain_file_argument(lang, e.subject())) {
            print_error(lang, {fmt::format("unknown revision '{}'", e.subject()),
                               fmt::format("okänd revision '{}'", e.subject())});
        }
        return;
    case git::Error::Kind::ambiguous_revision:
        print_error(lang, {fmt::format("revision '{}' is ambiguous; give more of the hash", e.subject()),
                           fmt::format("revisionen '{}' är tvetydig; ange mer av hashen", e.subject())});
        return;
    case git::Error::Kind::not_a_commit:
        print_error(lang, {fmt::format("'{}' does not name a commit", e.subject()),
                           fmt::format("'{}' anger ingen commit", e.subject())});
        return;
    case git::Error::Kind::other:
        print_error(lang, {fmt::format("git: {}", e.what()), fmt::format("git: {}", e.what())});
        return;
    }
}

/// The two sides the revisions name: one revision is compared with the work
/// tree, two with each other, and "A..B" means A and B ("A...B": from where
/// they forked to B, as git diff does).
std::pair<Side, Side> resolve_sides(const git::Repository& repo, const std::vector<std::string>& revisions)
{
    if (revisions.size() == 1) {
        const std::string& spec = revisions[0];
        if (const std::size_t dots = spec.find(".."); dots != std::string::npos && spec != "..") {
            const bool merge_base = spec.compare(dots, 3, "...") == 0;
            std::string left = spec.substr(0, dots);
            std::string right = spec.substr(dots + (merge_base ? 3 : 2));
            left = left.empty() ? "HEAD" : left;
            right = right.empty() ? "HEAD" : right;
            Side from{repo.resolve(left).id, left};
            const Side to{repo.resolve(right).id, right};
            if (merge_base) {
                from.commit = repo.merge_base(from.commit, to.commit);
                from.name = repo.short_id(from.commit);
            }
            return {from, to};
        }
        return {Side{repo.resolve(spec).id, spec}, Side{}};
    }
    return {Side{repo.resolve(revisions[0]).id, revisions[0]}, Side{repo.resolve(revisions[1]).id, revisions[1]}};
}

bool under(const std::string& path, const std::string& scope)
{
    return scope.empty() || path == scope ||
           (path.size() > scope.size() && path.compare(0, scope.size(), scope) == 0 && path[scope.size()] == '/');
}

struct LoadedSide {
    PlanVersion version;
    LoadResult loaded;
    bool exists = false;
};

int run_revisions(const std::vector<std::string>& revisions, const std::vector<std::string>& user_paths,
                  const DiffOptions& options, const GlobalOptions& global)
{
    const Language tool_lang = tool_language(global);
    std::optional<git::Repository> repository;
    Side from;
    Side to;
    try {
        repository.emplace();
        std::tie(from, to) = resolve_sides(*repository, revisions);
    } catch (const git::Error& e) {
        git_error(tool_lang, e, revisions);
        return k_exit_usage;
    }
    const git::Repository& repo = *repository;
    if (to.commit.empty() && repo.workdir().empty()) {
        print_error(tool_lang, {"the repository has no working tree; give two revisions",
                                "förrådet har inget arbetsträd; ange två revisioner"});
        return k_exit_usage;
    }

    // Paths after "--" are relative to the current directory; git's are to the top.
    std::vector<std::string> scopes;
    for (const std::string& user_path : user_paths) {
        const std::optional<std::string> path = repo.to_repo_path(user_path);
        if (!path) {
            print_error(tool_lang, {fmt::format("'{}' is outside the repository at '{}'", user_path, repo.workdir()),
                                    fmt::format("'{}' ligger utanför förrådet i '{}'", user_path, repo.workdir())});
            return k_exit_usage;
        }
        std::error_code ec;
        const bool in_work_tree = to.commit.empty() && fs::exists(fs::path(repo.workdir()) / *path, ec);
        if (!repo.has_path(from.commit, *path) && !in_work_tree &&
            (to.commit.empty() || !repo.has_path(to.commit, *path))) {
            const std::string where = to.commit.empty() ? fmt::format("{} or in the working tree", from.name)
                                                        : fmt::format("{} or in {}", from.name, to.name);
            const std::string var = to.commit.empty() ? fmt::format("{} eller i arbetsträdet", from.name)
                                                      : fmt::format("{} eller i {}", from.name, to.name);
            print_error(tool_lang, {fmt::format("no file '{}' in {}", user_path, where),
                                    fmt::format("ingen fil '{}' i {}", user_path, var)});
            return k_exit_usage;
        }
        scopes.push_back(*path);
    }

    auto read_side = [&](const Side& side, const std::string& path) {
        LoadedSide out;
        if (path.empty()) {
            return out;
        }
        if (side.commit.empty()) {
            out.version.name = repo.to_display_path(path);
            std::string error;
            std::optional<std::string> text = read_file(repo.workdir() + "/" + path, error);
            if (!text) {
                throw std::runtime_error(fmt::format("cannot read '{}': {}", out.version.name, error));
            }
            out.version.text = std::move(*text);
        } else {
            out.version.name = side.name + ":" + path;
            const std::optional<std::string> blob = repo.blob_at(side.commit, path);
            if (!blob) {
                return out;
            }
            out.version.text = repo.read_blob(*blob);
        }
        out.exists = true;
        // Department files come from the same side: the work tree, or the revision.
        if (side.commit.empty()) {
            const FileResolver departments(out.version.name);
            out.loaded = load_plan(out.version.text, out.version.name, {}, &departments);
        } else {
            const TreeResolver departments(repo, side.commit, side.name, path);
            out.loaded = load_plan(out.version.text, out.version.name, {}, &departments);
        }
        return out;
    };

    std::vector<PlanChange> results;
    bool failed = false;
    std::vector<git::FileChange> changes = repo.changes(from.commit, to.commit);
    // A department file that changed changes the joint plan that lists it,
    // even when the main file did not: compare that plan too. Department
    // files lie beside or below their plan, so its folder is an ancestor.
    {
        std::vector<std::string> changed;
        for (const git::FileChange& c : changes) {
            for (const std::string* p : {&c.old_path, &c.new_path}) {
                if (!p->empty() && has_yaml_extension(*p)) {
                    changed.push_back(*p);
                }
            }
        }
        const auto yaml_in = [&](const Side& side, const std::string& dir) {
            std::vector<std::string> out;
            if (side.commit.empty()) {
                std::error_code ec;
                for (const auto& e : fs::directory_iterator(fs::path(repo.workdir()) / dir, ec)) {
                    if (e.is_regular_file(ec) && has_yaml_extension(e.path().string())) {
                        out.push_back((fs::path(dir) / e.path().filename()).generic_string());
                    }
                }
            } else {
                for (const std::string& f : repo.files_under(side.commit, dir)) {
                    const std::string rest = dir.empty() ? f : f.substr(dir.size() + 1);
                    if (rest.find('/') == std::string::npos && has_yaml_extension(f)) {
                        out.push_back(f);
                    }
                }
            }
            std::sort(out.begin(), out.end());
            return out;
        };
        const auto lists = [&](const Side& side, const std::string& plan, const std::string& department) {
            const LoadedSide loaded = read_side(side, plan);
            if (!loaded.exists || !loaded.loaded.is_plan) {
                return false;
            }
            const std::string name = side.commit.empty() ? repo.to_display_path(department)
                                                         : side.name + ":" + department;
            return std::any_of(loaded.loaded.sources.begin(), loaded.loaded.sources.end(), [&](const SourceText& t) {
                return fs::path(t.name).lexically_normal() == fs::path(name).lexically_normal();
            });
        };
        std::vector<std::string> checked;
        for (const std::string& department : changed) {
            for (fs::path dir = fs::path(department).parent_path();; dir = dir.parent_path()) {
                for (const std::string& plan : yaml_in(to, dir.generic_string())) {
                    const bool listed = std::any_of(changes.begin(), changes.end(), [&](const git::FileChange& c) {
                        return c.old_path == plan || c.new_path == plan;
                    });
                    if (listed || std::find(checked.begin(), checked.end(), plan) != checked.end() ||
                        !repo.has_path(from.commit, plan)) {
                        continue;
                    }
                    if (lists(to, plan, department) || lists(from, plan, department)) {
                        checked.push_back(plan);
                        changes.push_back({git::FileChange::Status::modified, plan, plan});
                    }
                }
                if (dir.empty()) {
                    break;
                }
            }
        }
    }
    for (const git::FileChange& change : changes) {
        bool named = false;
        if (scopes.empty()) {
            if (!has_yaml_extension(change.old_path) && !has_yaml_extension(change.new_path)) {
                continue;
            }
        } else {
            named = std::any_of(scopes.begin(), scopes.end(),
                                [&](const std::string& s) { return s == change.old_path || s == change.new_path; });
            const bool in_scope = std::any_of(scopes.begin(), scopes.end(), [&](const std::string& s) {
                return under(change.old_path, s) || under(change.new_path, s);
            });
            if (!in_scope || (!named && !has_yaml_extension(change.old_path) && !has_yaml_extension(change.new_path))) {
                continue;
            }
        }
        LoadedSide before = read_side(from, change.old_path);
        LoadedSide after = read_side(to, change.new_path);
        const bool old_plan = before.exists && before.loaded.is_plan;
        const bool new_plan = after.exists && after.loaded.is_plan;
        if (!old_plan && !new_plan) {
            if (named) {
                const std::string& name = after.exists ? after.version.name : before.version.name;
                print_error(tool_lang,
                            {fmt::format("'{}' is not a barnplan plan (it has no top-level 'barnplan:' key)", name),
                             fmt::format("'{}' är ingen barnplan-plan (nyckeln 'barnplan:' saknas överst)", name)});
                failed = true;
            }
            continue;
        }
        // Only a comparison needs both versions read right; a plan file that
        // comes or goes is said to do so whatever state it is in.
        bool loads = true;
        for (const LoadedSide* side : {&before, &after}) {
            if (old_plan && new_plan && !loads_cleanly(side->loaded)) {
                report_problems(side->version, side->loaded,
                                plan_language(side->loaded.plan ? &*side->loaded.plan : nullptr, global), global);
                loads = false;
            }
        }
        if (!loads) {
            print_error(tool_lang, {fmt::format("cannot compare {} → {}: fix the problems above first",
                                                before.version.name, after.version.name),
                                    fmt::format("kan inte jämföra {} → {}: rätta problemen ovan först",
                                                before.version.name, after.version.name)});
            failed = true;
            continue;
        }
        PlanChange result;
        result.old_name = old_plan ? before.version.name : "";
        result.new_name = new_plan ? after.version.name : "";
        result.old_path = old_plan ? change.old_path : "";
        const Plan* old_version = before.loaded.plan ? &*before.loaded.plan : nullptr;
        const Plan* new_version = after.loaded.plan ? &*after.loaded.plan : nullptr;
        if (old_plan && new_plan) {
            result.status = change.status == git::FileChange::Status::renamed ? PlanChange::Status::renamed
                                                                              : PlanChange::Status::modified;
            result.diff = diff_plans(*before.loaded.plan, *after.loaded.plan);
            result.language = plan_language(&*after.loaded.plan, global);
        } else if (new_plan) {
            result.status = PlanChange::Status::added;
            result.language = plan_language(new_version, global);
            if (loads_cleanly(after.loaded)) {
                result.plan = std::move(after.loaded.plan);
            }
        } else {
            result.status = PlanChange::Status::removed;
            result.language = plan_language(old_version, global);
            if (loads_cleanly(before.loaded)) {
                result.plan = std::move(before.loaded.plan);
            }
        }
        results.push_back(std::move(result));
    }
    pair_renames(results);

    const bool color = options.format == "text" && use_color(global, stdout);
    std::string out;
    bool differs = false;
    if (options.format == "json") {
        ordered_json root;
        root["old"] = from.name;
        root["new"] = to.commit.empty() ? ordered_json(nullptr) : ordered_json(to.name);
        ordered_json files = ordered_json::array();
        for (const PlanChange& r : results) {
            ordered_json file;
            file["status"] = status_name(r.status);
            file["old"] = r.old_name.empty() ? ordered_json(nullptr) : ordered_json(r.old_name);
            file["new"] = r.new_name.empty() ? ordered_json(nullptr) : ordered_json(r.new_name);
            DiffRenderOptions render_options;
            render_options.language = r.language;
            render_options.old_name = r.old_name;
            render_options.new_name = r.new_name;
            file["changes"] = ordered_json::parse(render_diff_json(r.diff, render_options))["changes"];
            files.push_back(std::move(file));
        }
        root["files"] = std::move(files);
        out = root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
    } else {
        for (const PlanChange& r : results) {
            if (!out.empty()) {
                out += "\n";
            }
            if (r.status == PlanChange::Status::added || r.status == PlanChange::Status::removed) {
                const std::string& name = r.status == PlanChange::Status::added ? r.new_name : r.old_name;
                const std::string what =
                    localized(r.status == PlanChange::Status::added ? added_text() : removed_text(), r.language);
                if (options.format == "markdown") {
                    out += fmt::format("{}: {}\n", markdown_inline(name), what);
                } else {
                    const std::string line = terminal_safe(fmt::format("{}: {}", name, what));
                    out += (color ? fmt::format("\x1b[1m{}\x1b[0m", line) : line) + "\n";
                }
                continue;
            }
            DiffRenderOptions render_options;
            render_options.language = r.language;
            render_options.old_name = r.old_name;
            render_options.new_name = r.new_name;
            render_options.color = color;
            if (r.status == PlanChange::Status::renamed) {
                render_options.renamed_from = repo.to_display_path(r.old_path);
            }
            out += render(r.diff, render_options, options.format);
        }
        if (results.empty() && !failed) {
            const Text none{"No changes in meaning.\n", "Inga ändringar i sak.\n"};
            out = options.format == "markdown"
                      ? localized(Text{"### Changes to the plan\n\n", "### Ändringar i planen\n\n"}, tool_lang) +
                            localized(none, tool_lang)
                      : localized(none, tool_lang);
        }
    }
    for (const PlanChange& r : results) {
        // A rename alone changes no meaning.
        differs = differs || r.status == PlanChange::Status::added || r.status == PlanChange::Status::removed ||
                  !r.diff.empty();
    }
    print_out(out);
    if (failed) {
        return k_exit_usage;
    }
    return options.exit_code && differs ? k_exit_findings : k_exit_clean;
}

// ---- git's external diff driver -------------------------------------------

/// Colour for the driver: git runs it with stdout on its pager, so a pager
/// that git started counts as a terminal (as it does for git's own colours).
bool driver_color(const GlobalOptions& global)
{
    if (use_color(global, stdout)) {
        return true;
    }
    if (global.color != "auto") {
        return false;
    }
    const char* pager = std::getenv("GIT_PAGER_IN_USE");
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return pager != nullptr && *pager != '\0' && (no_color == nullptr || *no_color == '\0') &&
           (term == nullptr || std::strcmp(term, "dumb") != 0);
}

/// `barnplan diff --git-driver PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX
/// NEW-MODE [NEW-PATH XFRM]`, as git calls diff.<driver>.command. Git takes a
/// non-zero exit as a failure of the whole diff, so every outcome but a wrong
/// call exits 0.
int run_driver(const std::vector<std::string>& args, const DiffOptions& options, const GlobalOptions& global)
{
    const Language tool_lang = tool_language(global);
    if (args.size() == 1) {
        print_out(fmt::format("* Unmerged path {}\n", args[0]));
        return k_exit_clean;
    }
    if (args.size() != 7 && args.size() != 9) {
        print_error(tool_lang, {fmt::format("--git-driver takes the 7 (or 9) arguments git passes to a diff "
                                            "driver, not {}; set it up with: git config diff.barnplan.command "
                                            "'barnplan diff --git-driver'",
                                            args.size()),
                                fmt::format("--git-driver tar de 7 (eller 9) argument som git ger en diff-drivrutin, "
                                            "inte {}; ställ in den med: git config diff.barnplan.command "
                                            "'barnplan diff --git-driver'",
                                            args.size())});
        return k_exit_usage;
    }
    const std::string& old_path = args[0];
    const std::string& new_path = args.size() == 9 ? args[7] : args[0];
    const bool color = driver_color(global);
    auto bold = [&](const std::string& s) { return color ? fmt::format("\x1b[1m{}\x1b[0m", s) : s; };

    LoadedSide sides[2];
    const std::string files[2] = {args[1], args[4]};
    const std::string names[2] = {"a/" + old_path, "b/" + new_path};
    for (std::size_t i = 0; i < 2; ++i) {
        sides[i].version.name = names[i];
        if (files[i] == "/dev/null") {
            continue;
        }
        std::string error;
        std::optional<std::string> text = read_file(files[i], error);
        if (!text) {
            print_error(tool_lang, {fmt::format("cannot read '{}': {}", files[i], error),
                                    fmt::format("kan inte läsa '{}': {}", files[i], error)});
            return k_exit_clean;
        }
        sides[i].version.text = std::move(*text);
        sides[i].exists = true;
        sides[i].loaded = load_plan(sides[i].version.text, names[i]);
    }
    const LoadedSide& before = sides[0];
    const LoadedSide& after = sides[1];
    // A side is usable when it is absent or a plan that loads.
    const bool old_ok = !before.exists || (before.loaded.is_plan && loads_cleanly(before.loaded));
    const bool new_ok = !after.exists || (after.loaded.is_plan && loads_cleanly(after.loaded));
    const std::string xfrm = args.size() == 9 ? args[8] : "";

    if (old_ok && new_ok) {
        std::string out = bold(terminal_safe(fmt::format("diff --barnplan {} {}", names[0], names[1]))) + "\n";
        if (!xfrm.empty()) {
            out += terminal_safe(xfrm, true) + (xfrm.back() == '\n' ? "" : "\n");
        }
        const Plan* old_plan = before.exists ? &*before.loaded.plan : nullptr;
        const Plan* new_plan = after.exists ? &*after.loaded.plan : nullptr;
        const Language lang = plan_language(new_plan != nullptr ? new_plan : old_plan, global);
        if (old_plan == nullptr || new_plan == nullptr) {
            out += localized(old_plan == nullptr ? added_text() : removed_text(), lang) + "\n";
        } else {
            DiffRenderOptions render_options;
            render_options.language = lang;
            render_options.color = color && options.format == "text";
            out += render(diff_plans(*old_plan, *new_plan), render_options, options.format);
        }
        print_out(out);
        return k_exit_clean;
    }

    // Not plans (or not loading): the plain diff git would have shown.
    for (const LoadedSide* side : {&before, &after}) {
        if (side->exists && side->loaded.is_plan && !loads_cleanly(side->loaded)) {
            const std::string note =
                localized(Text{fmt::format("barnplan: warning: {} does not load as a plan; showing a plain diff\n",
                                           side->version.name),
                               fmt::format("barnplan: varning: {} går inte att läsa som plan; visar en vanlig diff\n",
                                           side->version.name)},
                          tool_lang);
            std::fputs(terminal_safe(note, true).c_str(), stderr);
        }
    }
    std::string out = bold(fmt::format("diff --git {} {}", names[0], names[1])) + "\n";
    if (!before.exists) {
        out += bold(fmt::format("new file mode {}", args[6])) + "\n";
    } else if (!after.exists) {
        out += bold(fmt::format("deleted file mode {}", args[3])) + "\n";
    } else if (args[3] != args[6]) {
        out += bold(fmt::format("old mode {}", args[3])) + "\n" + bold(fmt::format("new mode {}", args[6])) + "\n";
    }
    if (!xfrm.empty()) {
        out += xfrm + (xfrm.back() == '\n' ? "" : "\n");
    }
    out += unified_diff(before.version.text, after.version.text, before.exists ? names[0] : "/dev/null",
                        after.exists ? names[1] : "/dev/null", color);
    print_out(out);
    return k_exit_clean;
}

int run_diff(const DiffOptions& options, const GlobalOptions& global)
{
    const Language lang = tool_language(global);
    if (options.git_driver) {
        return run_driver(options.args, options, global);
    }
    const std::vector<std::string>& revisions = options.args;
    const std::vector<std::string>& paths = options.paths;
    // Two arguments and the first a file: two files are meant (if the second
    // is missing, reading it says so).
    if (paths.empty() && revisions.size() == 2 && is_file(revisions[0])) {
        return run_files(revisions, options, global);
    }
    if (revisions.empty() || revisions.size() > 2) {
        print_error(lang, {"give two plan files (barnplan diff OLD.yaml NEW.yaml) or one or two revisions "
                           "(barnplan diff REV [REV] [-- PATH…])",
                           "ange två planfiler (barnplan diff GAMMAL.yaml NY.yaml) eller en eller två revisioner "
                           "(barnplan diff REV [REV] [-- SÖKVÄG…])"});
        return k_exit_usage;
    }
    if (revisions.size() == 2 &&
        (revisions[0].find("..") != std::string::npos || revisions[1].find("..") != std::string::npos)) {
        print_error(lang, {"give a range (A..B) or two revisions, not both",
                           "ange ett intervall (A..B) eller två revisioner, inte båda"});
        return k_exit_usage;
    }
    return run_revisions(revisions, paths, options, global);
}

/// The usage line: CLI11 would list the hidden PATH positional first.
class DiffFormatter : public CLI::Formatter {
public:
    std::string make_usage(const CLI::App* /*app*/, std::string name) const override
    {
        return fmt::format("Usage: {0} [OPTIONS] OLD.yaml NEW.yaml\n   or: {0} [OPTIONS] REV [REV] [-- PATH…]\n", name);
    }
    /// CLI11 puts two blank lines before the footer when a hidden group
    /// (PATH's) comes after the options; one is enough.
    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override
    {
        std::string out = CLI::Formatter::make_help(app, std::move(name), mode);
        if (const std::size_t at = out.find("\n\n\n"); at != std::string::npos) {
            out.erase(at, 1);
        }
        return out;
    }
};

} // namespace

Runner setup_diff(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<DiffOptions>();
    sub.formatter(std::make_shared<DiffFormatter>());
    // CLI11 keeps no place for "--" among positional values, so PATHs are a
    // positional of their own, listed first and refusing every value until a
    // "--" has been set aside in remaining(); validating positionals while
    // they are parsed sends the values before it on to `args`.
    sub.validate_positionals();
    sub.add_option("paths", options->paths, "PATH… after --: only these files or directories")
        ->group("")
        ->check(CLI::Validator(
            [&sub](std::string&) {
                const std::vector<std::string> rest = sub.remaining();
                return std::find(rest.begin(), rest.end(), "--") != rest.end() ? std::string()
                                                                               : std::string("before --");
            },
            "", ""))
        // Bounded: CLI11 takes only one positional without a limit.
        ->expected(1, 1 << 16);
    sub.add_option("args", options->args, "OLD.yaml NEW.yaml, or REV [REV] [-- PATH…], or what git gives a driver")
        ->type_name("FILE|REV");
    // The shared footer's exit status says "findings"; a diff has none.
    std::string shared_footer = sub.get_footer();
    shared_footer = shared_footer.substr(0, shared_footer.find("Exit status:")) +
                    "Exit status: 0 compared (with --exit-code: no change in meaning), 1 with --exit-code: the plans "
                    "differ in meaning, 2 usage or I/O error, unknown revision, or a plan that does not load.";
    sub.footer("Forms:\n"
               "  barnplan diff OLD.yaml NEW.yaml   two plan files\n"
               "  barnplan diff REV [-- PATH…]      a git revision and the working tree\n"
               "  barnplan diff REV REV [-- PATH…]  two revisions; also A..B, and A...B (from where they forked)\n"
               "PATHs are relative to the current directory; without them every *.yaml/*.yml plan that changed is "
               "shown, renames followed.\n"
               "As git's diff driver: '*.yaml diff=barnplan' in .gitattributes and\n"
               "  git config diff.barnplan.command 'barnplan diff --git-driver'\n"
               "then git diff and git log -p --ext-diff show changes in meaning.\n" +
               shared_footer);
    sub.add_option("--format,-f", options->format, "Output: text, markdown or json")
        ->check(CLI::IsMember({"text", "markdown", "json"}));
    sub.add_flag("--exit-code", options->exit_code,
                 "Exit 1 when the plans differ in meaning (a rename alone does not)");
    sub.add_flag("--git-driver", options->git_driver,
                 "Run as git's diff driver on the 7 arguments git passes (see below); exits 0 whatever differs");
    return [options, &global]() { return run_diff(*options, global); };
}

} // namespace barnplan::cli
