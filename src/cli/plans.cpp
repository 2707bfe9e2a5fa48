#include "plans.hpp"
#include "departments.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <sys/stat.h>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace barnplan::cli {
namespace {

namespace fs = std::filesystem;

/// `file` relative to the directory the globs are rooted in: the
/// configuration's, or the one being walked when there is none (or when the
/// file lies outside the configuration's directory, as with --config).
std::string glob_path(const fs::path& file, const fs::path& walked, const ProjectConfig& config)
{
    std::error_code ec;
    const fs::path absolute = fs::absolute(file, ec).lexically_normal();
    if (!config.dir.empty() && !ec) {
        const fs::path relative = absolute.lexically_relative(config.dir);
        if (!relative.empty() && *relative.begin() != "..") {
            return relative.generic_string();
        }
    }
    return file.lexically_relative(walked).generic_string();
}

} // namespace

std::vector<Candidate> collect_plan_files(const std::vector<std::string>& paths, Language lang, bool& io_error,
                                          ConfigFinder* configs)
{
    const ProjectConfig defaults;
    std::vector<Candidate> out;
    for (const std::string& path : paths) {
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            print_error(lang, {fmt::format("cannot read '{}': no such file or directory", path),
                               fmt::format("kan inte läsa '{}': filen eller katalogen finns inte", path)});
            io_error = true;
            continue;
        }
        if (!fs::is_directory(status)) {
            out.push_back({path, true});
            continue;
        }
        const ProjectConfig& config = configs != nullptr ? configs->for_path(path) : defaults;
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::path& p = it->path();
            const std::string name = p.filename().string();
            if (it->is_directory(ec) && name.size() > 1 && name[0] == '.') {
                it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && name != k_config_file_name && is_plan_path(config.config, glob_path(p, path, config))) {
                found.push_back(p.lexically_normal().string());
            }
        }
        if (ec) {
            print_error(lang, {fmt::format("cannot read directory '{}': {}", path, ec.message()),
                               fmt::format("kan inte läsa katalogen '{}': {}", path, ec.message())});
            io_error = true;
        }
        std::sort(found.begin(), found.end());
        for (std::string& f : found) {
            out.push_back({std::move(f), false});
        }
    }
    return out;
}

LoadOutcome load_candidate_quietly(const Candidate& candidate, Language lang, bool verbose)
{
    const YamlLimits limits;
    LoadOutcome outcome;
    LoadedFile file;
    file.path = candidate.path;
    std::error_code ec;
    const auto size = fs::file_size(candidate.path, ec);
    if (!ec && size > limits.max_bytes) {
        // Refuse before reading: a huge file is never read into memory.
        file.result.is_plan = true;
        file.result.diagnostics.push_back(file_too_large(candidate.path, size, limits.max_bytes));
        outcome.file = std::move(file);
        return outcome;
    }
    std::string error;
    std::optional<std::string> text = read_file(candidate.path, error);
    if (!text) {
        outcome.messages = error_line(lang, {fmt::format("cannot read '{}': {}", candidate.path, error),
                                             fmt::format("kan inte läsa '{}': {}", candidate.path, error)});
        outcome.io_error = true;
        return outcome;
    }
    file.text = std::move(*text);
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

std::optional<LoadedFile> load_candidate(const Candidate& candidate, Language lang, bool verbose, bool& io_error)
{
    LoadOutcome outcome = load_candidate_quietly(candidate, lang, verbose);
    std::fputs(outcome.messages.c_str(), stderr);
    io_error = io_error || outcome.io_error;
    return std::move(outcome.file);
}

void for_each_in_parallel(std::size_t count, const std::function<void(std::size_t)>& work)
{
    const std::size_t cores = std::max<std::size_t>(1, std::thread::hardware_concurrency());
    const std::size_t threads = std::min(cores, count);
    if (threads <= 1) {
        for (std::size_t i = 0; i < count; ++i) {
            work(i);
        }
        return;
    }
    std::atomic<std::size_t> next{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    auto worker = [&]() {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                work(i);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(failure_mutex);
                if (!failure) {
                    failure = std::current_exception();
                }
                // The others finish what they hold and take no more.
                next = count;
                return;
            }
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t) {
        pool.emplace_back(worker);
    }
    worker(); // this thread is one of the pool
    for (std::thread& t : pool) {
        t.join();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
}

bool write_all(int fd, const std::string& text)
{
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

bool write_file_atomically(const std::string& path, const std::string& text, std::string& error)
{
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (dir / ("." + target.filename().string() + ".barnplan-XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    auto fail = [&]() {
        error = std::strerror(errno);
        ::close(fd);
        ::unlink(temp.c_str());
        return false;
    };
    // Keep the mode of a file being replaced; a new one gets the usual 0644.
    struct stat st {};
    const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    if (::fchmod(fd, mode) != 0) {
        return fail();
    }
    if (!write_all(fd, text) || ::fsync(fd) != 0) {
        return fail();
    }
    if (::close(fd) != 0) {
        error = std::strerror(errno);
        ::unlink(temp.c_str());
        return false;
    }
    // Tests stop here as a crash or a kill would: the new text is on disk
    // under the temporary name, the old file not yet replaced.
    if (const char* hook = std::getenv("BARNPLAN_TEST_CRASH_BEFORE_RENAME"); hook != nullptr && *hook == '1') {
        ::_exit(75);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        error = std::strerror(errno);
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

} // namespace barnplan::cli
