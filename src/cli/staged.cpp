#include "staged.hpp"
#include "departments.hpp"
#include "git.hpp"

#include <fmt/format.h>

#include <string_view>

namespace barnplan::cli {
namespace {

bool has_yaml_extension(std::string_view path)
{
    return path.ends_with(".yaml") || path.ends_with(".yml");
}

/// Whether a part of `path` after `base` starts with '.', as the directory
/// walk skips hidden directories.
bool hidden_below(std::string_view path, std::string_view base)
{
    std::string_view rest = path.substr(base.size());
    std::size_t start = 0;
    while (start < rest.size()) {
        const std::size_t slash = rest.find('/', start);
        if (slash == std::string_view::npos) {
            return false; // the file name itself: .foo.yaml is still looked at
        }
        if (slash > start && rest[start] == '.') {
            return true;
        }
        start = slash + 1;
    }
    return false;
}

} // namespace

StagedPlans::StagedPlans(const std::vector<std::string>& paths, Language lang, bool& io_error)
{
    try {
        const git::Repository repo;
        if (repo.workdir().empty()) {
            print_error(lang, {"--staged needs a work tree; this repository is bare",
                               "--staged behöver en arbetskatalog; det här arkivet är naket (bare)"});
            io_error = true;
            return;
        }
        std::vector<std::string> bases;
        for (const std::string& p : paths) {
            std::optional<std::string> base = repo.to_repo_path(p);
            if (!base) {
                print_error(lang, {fmt::format("'{}' is outside the repository", p),
                                   fmt::format("'{}' ligger utanför arkivet", p)});
                io_error = true;
                continue;
            }
            bases.push_back(std::move(*base));
        }
        for (const git::StagedFile& f : repo.staged_changes()) {
            bool explicit_file = false;
            bool wanted = false;
            for (const std::string& base : bases) {
                if (f.path == base) {
                    explicit_file = true;
                    wanted = true;
                } else if (has_yaml_extension(f.path) &&
                           (base.empty() || (f.path.starts_with(base) && f.path[base.size()] == '/'))) {
                    wanted = wanted || !hidden_below(f.path, base.empty() ? base : base + "/");
                }
            }
            if (!wanted) {
                continue;
            }
            std::string name = repo.to_display_path(f.path);
            m_texts[name] = repo.read_blob(f.blob);
            m_candidates.push_back({std::move(name), explicit_file});
        }
    } catch (const git::Error& e) {
        if (e.kind() == git::Error::Kind::no_repository) {
            print_error(lang, {"--staged reads git's index, and this is not inside a git repository",
                               "--staged läser gits index, och det här är inte i ett git-arkiv"});
        } else {
            print_error(lang, {fmt::format("cannot read the index: {}", e.what()),
                               fmt::format("kan inte läsa indexet: {}", e.what())});
        }
        io_error = true;
    }
}

LoadOutcome StagedPlans::load(const Candidate& candidate, Language lang, bool verbose) const
{
    const YamlLimits limits;
    LoadOutcome outcome;
    LoadedFile file;
    file.path = candidate.path;
    file.text = m_texts.at(candidate.path);
    if (file.text.size() > limits.max_bytes) {
        file.result.is_plan = true;
        file.result.diagnostics.push_back(file_too_large(candidate.path, file.text.size(), limits.max_bytes));
        file.text.clear();
        outcome.file = std::move(file);
        return outcome;
    }
    const FileResolver departments(candidate.path);
    file.result = load_plan(file.text, candidate.path, limits, &departments);
    if (!file.result.is_plan && !candidate.explicit_file) {
        if (verbose) {
            outcome.messages = fmt::format("{}: {}\n", candidate.path,
                                           lang == Language::sv ? "ingen plan, hoppas över" : "not a plan, skipped");
        }
        return outcome;
    }
    outcome.file = std::move(file);
    return outcome;
}

} // namespace barnplan::cli
