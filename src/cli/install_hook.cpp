#include "commands.hpp"
#include "git.hpp"
#include "plans.hpp"

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

namespace barnplan::cli {
namespace {

namespace fs = std::filesystem;

struct InstallHookOptions {
    bool force = false;
    bool strict = false;
};

std::string hook_script(bool strict)
{
    return fmt::format(R"(#!/bin/sh
# barnplan's pre-commit hook, written by 'barnplan install-hook'.
# It checks the plans this commit adds or changes as they are staged, not as
# they are in the working tree, and stops the commit while one has errors.
# Skip it once with 'git commit --no-verify'.
if ! command -v barnplan >/dev/null 2>&1; then
    echo "pre-commit: barnplan is not on PATH, so the plans cannot be checked" >&2
    exit 1
fi
exec barnplan validate --staged{}
)",
                       strict ? " --strict" : "");
}

enum class WriteResult { written, exists, failed };

/// Writes an executable file in one step: a temporary file beside the target,
/// flushed, then linked in (which fails when the target exists, so nothing is
/// replaced by accident) or, with `replace`, renamed over it.
WriteResult write_executable(const std::string& path, const std::string& text, bool replace, std::string& error)
{
    const fs::path target(path);
    std::string temp = (target.parent_path() / ("." + target.filename().string() + ".barnplan-XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) {
        error = std::strerror(errno);
        return WriteResult::failed;
    }
    const bool ok = ::fchmod(fd, 0755) == 0 && write_all(fd, text) && ::fsync(fd) == 0;
    int saved = errno;
    if (::close(fd) != 0 && ok) {
        saved = errno;
    } else if (ok) {
        saved = 0;
    }
    WriteResult result = WriteResult::written;
    if (saved != 0) {
        result = WriteResult::failed;
    } else if (replace) {
        if (::rename(temp.c_str(), path.c_str()) != 0) {
            saved = errno;
            result = WriteResult::failed;
        }
    } else if (::link(temp.c_str(), path.c_str()) != 0) {
        saved = errno;
        result = saved == EEXIST ? WriteResult::exists : WriteResult::failed;
    }
    ::unlink(temp.c_str()); // after rename there is nothing left to remove
    if (result == WriteResult::failed) {
        error = std::strerror(saved);
    }
    return result;
}

int run_install_hook(const InstallHookOptions& options, const GlobalOptions& global)
{
    const Language lang = tool_language(global);
    std::unique_ptr<git::Repository> repo;
    try {
        repo = std::make_unique<git::Repository>();
    } catch (const git::Error& e) {
        if (e.kind() == git::Error::Kind::no_repository) {
            print_error(lang, {"not inside a git repository: run 'barnplan install-hook' in the plans' repository",
                               "inte i ett git-arkiv: kör 'barnplan install-hook' i planernas arkiv"});
        } else {
            print_error(lang, {e.what(), e.what()});
        }
        return k_exit_usage;
    }
    if (repo->workdir().empty()) {
        print_error(lang, {"this repository is bare: there are no commits made here to check",
                           "det här arkivet är naket (bare): här görs inga incheckningar att kontrollera"});
        return k_exit_usage;
    }
    const std::string dir = repo->hooks_dir();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        print_error(lang, {fmt::format("cannot create the hooks directory {}: {}", dir, ec.message()),
                           fmt::format("kan inte skapa katalogen för krokar {}: {}", dir, ec.message())});
        return k_exit_usage;
    }
    const std::string path = dir + "/pre-commit";
    // Say where as seen from here, as the user would type it.
    std::string shown = path;
    const fs::path here = fs::weakly_canonical(fs::current_path(ec), ec);
    if (!ec) {
        const fs::path relative = fs::weakly_canonical(path, ec).lexically_relative(here);
        if (!ec && !relative.empty()) {
            shown = relative.generic_string();
        }
    }
    std::string error;
    switch (write_executable(path, hook_script(options.strict), options.force, error)) {
    case WriteResult::exists:
        print_error(lang, {fmt::format("{} exists already; it was left as it is (--force replaces it)", shown),
                           fmt::format("{} finns redan och lämnades orörd (--force ersätter den)", shown)});
        return k_exit_usage;
    case WriteResult::failed:
        print_error(lang, {fmt::format("cannot write {}: {}", shown, error),
                           fmt::format("kan inte skriva {}: {}", shown, error)});
        return k_exit_usage;
    case WriteResult::written:
        break;
    }
    print_out(lang == Language::sv
                  ? fmt::format("skrev {}: varje incheckning kontrollerar nu de planer den lägger till eller ändrar\n", shown)
                  : fmt::format("wrote {}: every commit now checks the plans it adds or changes\n", shown));
    return k_exit_clean;
}

} // namespace

Runner setup_install_hook(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<InstallHookOptions>();
    sub.add_flag("--force", options->force, "Replace a pre-commit hook that is there already");
    sub.add_flag("--strict", options->strict, "The hook stops commits on warnings too");
    return [options, &global]() { return run_install_hook(*options, global); };
}

} // namespace barnplan::cli
