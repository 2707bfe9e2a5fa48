#pragma once

// Finding and reading plan files: shared by every command that takes PATH….

#include "config_file.hpp"
#include "context.hpp"

#include <barnplan/loader.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace barnplan::cli {

struct Candidate {
    std::string path;
    bool explicit_file; ///< named on the command line, so it must be a plan
};

/// Files named directly, and the plans below directories (hidden directories
/// skipped), in a stable order. Below a directory the plans are the files the
/// `plans:` and `exclude:` globs of its configuration select (with `configs`;
/// else, and by default, *.yaml and *.yml). Paths that cannot be read are
/// reported on stderr and set `io_error`.
[[nodiscard]] std::vector<Candidate> collect_plan_files(const std::vector<std::string>& paths, Language lang,
                                                        bool& io_error, ConfigFinder* configs = nullptr);

struct LoadedFile {
    std::string path;
    std::string text;
    LoadResult result;
};

/// Reads and loads one candidate; a file over the size limit is refused
/// unread. nullopt when it cannot be read (reported, `io_error` set) or when it
/// is not a plan and was only found in a directory.
[[nodiscard]] std::optional<LoadedFile> load_candidate(const Candidate& candidate, Language lang, bool verbose,
                                                       bool& io_error);

/// What loading one candidate gave, without printing anything: for loads that
/// run in parallel and print afterwards, in order.
struct LoadOutcome {
    std::optional<LoadedFile> file; ///< absent as for load_candidate
    std::string messages;           ///< what load_candidate would print on standard error
    bool io_error = false;
};

/// load_candidate with its messages returned instead of printed. Safe to call
/// from several threads at once.
[[nodiscard]] LoadOutcome load_candidate_quietly(const Candidate& candidate, Language lang, bool verbose);

/// Calls work(i) once for every i < count, on a pool of up to
/// std::thread::hardware_concurrency() threads that take the next index as
/// they finish one; returns when all are done. work must be safe to run
/// concurrently for different i. An exception from work is rethrown here
/// (the first one) after every thread has stopped.
void for_each_in_parallel(std::size_t count, const std::function<void(std::size_t)>& work);

/// Writes all of `text` to `fd`, retrying short writes and EINTR; false with
/// errno set on failure.
[[nodiscard]] bool write_all(int fd, const std::string& text);

/// Writes `text` to `path` atomically: a temporary file in the same
/// directory, flushed to disk, then renamed over the target. On failure the
/// old file is untouched and `error` says why.
[[nodiscard]] bool write_file_atomically(const std::string& path, const std::string& text, std::string& error);

} // namespace barnplan::cli
