#pragma once

// The edge to git: plan versions read from a repository's objects with
// libgit2 (never by running git). Only the CLI links libgit2, and only
// git.cpp includes it; the core sees text and display names.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace barnplan::cli::git {

/// What went wrong, for the message. Revision and path errors are the user's;
/// the rest come from libgit2 (a broken repository, an I/O error).
class Error : public std::runtime_error {
public:
    enum class Kind { no_repository, bad_revision, ambiguous_revision, not_a_commit, other };

    Error(Kind kind, std::string subject, const std::string& detail)
        : std::runtime_error(detail), m_kind(kind), m_subject(std::move(subject))
    {
    }

    [[nodiscard]] Kind kind() const { return m_kind; }
    /// The revision or path the error is about, as the user wrote it.
    [[nodiscard]] const std::string& subject() const { return m_subject; }

private:
    Kind m_kind;
    std::string m_subject;
};

/// A commit, with what `barnplan log` shows of it.
struct Commit {
    std::string id;         ///< full hexadecimal id
    std::int64_t time = 0;  ///< committer time, seconds since the epoch
    int offset_minutes = 0; ///< the committer's time zone
    std::string author;     ///< author name
    std::string summary;    ///< first paragraph of the message, on one line
    std::vector<std::string> parents;
};

/// One file that differs between two versions; paths are relative to the top
/// of the work tree, with '/' between parts.
struct FileChange {
    enum class Status { added, deleted, modified, renamed };
    Status status = Status::modified;
    std::string old_path; ///< empty when added
    std::string new_path; ///< empty when deleted
};

/// A file as the index (the staging area) holds it.
struct StagedFile {
    std::string path; ///< from the top of the work tree
    std::string blob; ///< the staged content's blob id
};

class Repository {
public:
    /// Opens the repository that holds the current directory, searching
    /// upwards; a linked worktree opens as itself. Throws Error.
    Repository();
    ~Repository();
    Repository(const Repository&) = delete;
    Repository& operator=(const Repository&) = delete;

    /// The top of the work tree, absolute, without a trailing '/'; empty for
    /// a bare repository.
    [[nodiscard]] const std::string& workdir() const;
    /// Where the current directory lies below the top of the work tree:
    /// "" at the top, else like "plans/sub" (no trailing '/').
    [[nodiscard]] const std::string& prefix() const;

    /// A path as the user gave it (relative to the current directory, or
    /// absolute) as a path from the top of the work tree: "" for the top,
    /// nullopt when it lies outside.
    [[nodiscard]] std::optional<std::string> to_repo_path(const std::string& user_path) const;
    /// A path from the top of the work tree as seen from the current directory.
    [[nodiscard]] std::string to_display_path(const std::string& repo_path) const;

    /// The commit `spec` names: branches, tags (peeled), short ids, HEAD~3,
    /// main@{1} — whatever git_revparse_single takes. Throws Error.
    [[nodiscard]] Commit resolve(const std::string& spec) const;
    /// The shortest unique abbreviation of a commit id (at least core.abbrev).
    [[nodiscard]] std::string short_id(const std::string& commit) const;
    /// The best common ancestor of two commits (for A...B). Throws Error.
    [[nodiscard]] std::string merge_base(const std::string& a, const std::string& b) const;

    /// The files that differ from commit `from` to commit `to`, or to the work
    /// tree as the index sees it (like `git diff REV`) when `to` is empty.
    /// Renames are found (similarity 50 %, like git).
    [[nodiscard]] std::vector<FileChange> changes(const std::string& from, const std::string& to) const;

    /// The blob id of `path` in commit `commit`, when it is a regular file there.
    [[nodiscard]] std::optional<std::string> blob_at(const std::string& commit, const std::string& path) const;
    /// The content of a blob.
    [[nodiscard]] std::string read_blob(const std::string& blob) const;
    /// The regular files in commit `commit` below directory `dir` ("" for the
    /// top), at any depth, as paths from the top, in path order.
    [[nodiscard]] std::vector<std::string> files_under(const std::string& commit, const std::string& dir) const;
    /// Whether `path` names a file or a directory in commit `commit`.
    [[nodiscard]] bool has_path(const std::string& commit, const std::string& path) const;

    /// The regular files the index adds or changes against HEAD (every file
    /// of the index before the first commit), with their staged blob ids, in
    /// path order; deletions and unmerged entries are left out.
    [[nodiscard]] std::vector<StagedFile> staged_changes() const;

    /// Where git runs hooks from: core.hooksPath (a relative one from the top
    /// of the work tree), else the repository's hooks directory, which linked
    /// worktrees share.
    [[nodiscard]] std::string hooks_dir() const;

    /// Every commit reachable from HEAD, children before parents, newest first
    /// among the rest (git log's order).
    [[nodiscard]] std::vector<Commit> history() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace barnplan::cli::git
