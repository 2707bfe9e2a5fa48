#pragma once

// Finding and reading plan files: shared by every command that takes PATH….

#include "context.hpp"

#include <barnplan/loader.hpp>

#include <optional>
#include <string>
#include <vector>

namespace barnplan::cli {

struct Candidate {
    std::string path;
    bool explicit_file; ///< named on the command line, so it must be a plan
};

/// Files named directly, and *.yaml/*.yml below directories (hidden ones
/// skipped), in a stable order. Paths that cannot be read are reported on
/// stderr and set `io_error`.
[[nodiscard]] std::vector<Candidate> collect_plan_files(const std::vector<std::string>& paths, Language lang,
                                                        bool& io_error);

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

/// Writes all of `text` to `fd`, retrying short writes and EINTR; false with
/// errno set on failure.
[[nodiscard]] bool write_all(int fd, const std::string& text);

/// Writes `text` to `path` atomically: a temporary file in the same
/// directory, flushed to disk, then renamed over the target. On failure the
/// old file is untouched and `error` says why.
[[nodiscard]] bool write_file_atomically(const std::string& path, const std::string& text, std::string& error);

} // namespace barnplan::cli
