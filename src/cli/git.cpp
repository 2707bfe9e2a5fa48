#include "git.hpp"

#include <git2.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

// libgit2 as Debian builds it uses mbedTLS, and git_libgit2_init() has it
// parse the whole system certificate bundle: about 54 million instructions
// for every `barnplan diff REV` or `log`, more than reading, parsing and
// comparing two versions of a plan. barnplan only opens local repositories and
// never fetches, so it needs no certificate. The executable therefore defines
// mbedTLS's function for reading a certificate file, and the dynamic linker
// gives libgit2 this one: it reads nothing and adds no certificate. Should a
// TLS connection ever be made, no server certificate could be verified
// against the empty list, so it fails closed. Where libgit2 uses another TLS
// library, or none, nothing calls it.
extern "C" __attribute__((visibility("default"))) int mbedtls_x509_crt_parse_file(void* chain, const char* path);
extern "C" int mbedtls_x509_crt_parse_file(void* /*chain*/, const char* /*path*/)
{
    return 0;
}

namespace barnplan::cli::git {
namespace {

namespace fs = std::filesystem;

template <typename T, void (*Free)(T*)> struct Deleter {
    void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)> using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using RepositoryHandle = Handle<git_repository, git_repository_free>;
using ObjectHandle = Handle<git_object, git_object_free>;
using CommitHandle = Handle<git_commit, git_commit_free>;
using TreeHandle = Handle<git_tree, git_tree_free>;
using TreeEntryHandle = Handle<git_tree_entry, git_tree_entry_free>;
using DiffHandle = Handle<git_diff, git_diff_free>;
using BlobHandle = Handle<git_blob, git_blob_free>;
using RevwalkHandle = Handle<git_revwalk, git_revwalk_free>;
using IndexHandle = Handle<git_index, git_index_free>;
using ReferenceHandle = Handle<git_reference, git_reference_free>;
using ConfigHandle = Handle<git_config, git_config_free>;

std::string last_error()
{
    const git_error* e = git_error_last();
    return e != nullptr && e->message != nullptr ? e->message : "unknown libgit2 error";
}

void check(int rc, const std::string& subject)
{
    if (rc < 0) {
        throw Error(Error::Kind::other, subject, subject + ": " + last_error());
    }
}

std::string hex(const git_oid* oid)
{
    char buffer[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buffer, sizeof buffer, oid);
    return buffer;
}

git_oid oid_of(const std::string& id)
{
    git_oid oid;
    check(git_oid_fromstr(&oid, id.c_str()), id);
    return oid;
}

bool is_regular_file(std::uint32_t mode)
{
    return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

/// libgit2's global state; counted by libgit2, so one per Repository is fine.
struct Library {
    Library() { git_libgit2_init(); }
    ~Library() { git_libgit2_shutdown(); }
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;
};

} // namespace

struct Repository::State {
    Library library; // first member: set up before, shut down after the handles
    RepositoryHandle repo;
    std::string workdir;
    std::string prefix;

    [[nodiscard]] CommitHandle commit(const std::string& id) const
    {
        const git_oid oid = oid_of(id);
        git_commit* raw = nullptr;
        check(git_commit_lookup(&raw, repo.get(), &oid), id);
        return CommitHandle(raw);
    }

    [[nodiscard]] TreeHandle tree(const std::string& commit_id) const
    {
        const CommitHandle c = commit(commit_id);
        git_tree* raw = nullptr;
        check(git_commit_tree(&raw, c.get()), commit_id);
        return TreeHandle(raw);
    }

    /// The entry at `path`, or null when the tree has none.
    [[nodiscard]] TreeEntryHandle entry(const std::string& commit_id, const std::string& path) const
    {
        const TreeHandle t = tree(commit_id);
        git_tree_entry* raw = nullptr;
        const int rc = git_tree_entry_bypath(&raw, t.get(), path.c_str());
        if (rc == GIT_ENOTFOUND) {
            return nullptr;
        }
        check(rc, path);
        return TreeEntryHandle(raw);
    }
};

namespace {

Commit describe(const git_commit* c)
{
    Commit out;
    out.id = hex(git_commit_id(c));
    out.time = static_cast<std::int64_t>(git_commit_time(c));
    out.offset_minutes = git_commit_time_offset(c);
    const git_signature* author = git_commit_author(c);
    out.author = author != nullptr && author->name != nullptr ? author->name : "";
    // git_commit_summary caches into the commit; it takes a non-const pointer.
    const char* summary = git_commit_summary(const_cast<git_commit*>(c));
    out.summary = summary != nullptr ? summary : "";
    for (unsigned int i = 0; i < git_commit_parentcount(c); ++i) {
        out.parents.push_back(hex(git_commit_parent_id(c, i)));
    }
    return out;
}

} // namespace

Repository::Repository() : m_state(std::make_unique<State>())
{
    git_repository* raw = nullptr;
    // Like git, stop searching upwards at $GIT_CEILING_DIRECTORIES.
    const int rc = git_repository_open_ext(&raw, ".", 0, std::getenv("GIT_CEILING_DIRECTORIES"));
    if (rc == GIT_ENOTFOUND) {
        throw Error(Error::Kind::no_repository, ".", last_error());
    }
    check(rc, ".");
    m_state->repo.reset(raw);
    const char* workdir = git_repository_workdir(raw);
    if (workdir == nullptr) {
        return;
    }
    std::error_code ec;
    const fs::path top = fs::weakly_canonical(workdir, ec);
    const fs::path here = fs::weakly_canonical(fs::current_path(ec), ec);
    m_state->workdir = top.generic_string();
    while (m_state->workdir.size() > 1 && m_state->workdir.back() == '/') {
        m_state->workdir.pop_back();
    }
    const std::string relative = here.lexically_relative(top).generic_string();
    // Inside .git (or anywhere odd) counts as the top of the work tree.
    if (!relative.empty() && relative != "." && relative.rfind("..", 0) != 0) {
        m_state->prefix = relative;
    }
}

Repository::~Repository() = default;

const std::string& Repository::workdir() const
{
    return m_state->workdir;
}

const std::string& Repository::prefix() const
{
    return m_state->prefix;
}

std::optional<std::string> Repository::to_repo_path(const std::string& user_path) const
{
    const fs::path path(user_path);
    fs::path relative;
    if (path.is_absolute()) {
        std::error_code ec;
        relative = fs::weakly_canonical(path, ec).lexically_relative(m_state->workdir);
    } else {
        relative = (fs::path(m_state->prefix) / path).lexically_normal();
    }
    std::string out = relative.generic_string();
    while (!out.empty() && out.back() == '/') {
        out.pop_back();
    }
    if (out == ".") {
        return std::string();
    }
    if (out.empty() || out == ".." || out.rfind("../", 0) == 0) {
        return std::nullopt;
    }
    return out;
}

std::string Repository::to_display_path(const std::string& repo_path) const
{
    if (m_state->prefix.empty()) {
        return repo_path;
    }
    return fs::path(repo_path).lexically_relative(m_state->prefix).generic_string();
}

Commit Repository::resolve(const std::string& spec) const
{
    git_object* raw = nullptr;
    const int rc = git_revparse_single(&raw, m_state->repo.get(), spec.c_str());
    if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC) {
        throw Error(Error::Kind::bad_revision, spec, last_error());
    }
    if (rc == GIT_EAMBIGUOUS) {
        throw Error(Error::Kind::ambiguous_revision, spec, last_error());
    }
    check(rc, spec);
    const ObjectHandle object(raw);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) < 0) {
        throw Error(Error::Kind::not_a_commit, spec, last_error());
    }
    const ObjectHandle commit(peeled);
    return describe(reinterpret_cast<const git_commit*>(commit.get()));
}

std::string Repository::short_id(const std::string& commit) const
{
    const CommitHandle c = m_state->commit(commit);
    git_buf buffer = GIT_BUF_INIT;
    check(git_object_short_id(&buffer, reinterpret_cast<const git_object*>(c.get())), commit);
    std::string out(buffer.ptr, buffer.size);
    git_buf_dispose(&buffer);
    return out;
}

std::string Repository::merge_base(const std::string& a, const std::string& b) const
{
    const git_oid one = oid_of(a);
    const git_oid two = oid_of(b);
    git_oid base;
    const int rc = git_merge_base(&base, m_state->repo.get(), &one, &two);
    if (rc == GIT_ENOTFOUND) {
        throw Error(Error::Kind::bad_revision, a + "..." + b, last_error());
    }
    check(rc, a + "..." + b);
    return hex(&base);
}

std::vector<FileChange> Repository::changes(const std::string& from, const std::string& to) const
{
    const TreeHandle old_tree = m_state->tree(from);
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    git_diff* raw = nullptr;
    if (to.empty()) {
        // Like `git diff REV`: tracked files as the index knows them, staged
        // additions and deletions included. Untracked files are looked at
        // only as where a deleted file went: a plan moved with mv and not yet
        // added is a rename, not a removal (one that is no rename is dropped
        // below, as git diff leaves it out).
        options.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
        check(git_diff_tree_to_workdir_with_index(&raw, m_state->repo.get(), old_tree.get(), &options), from);
    } else {
        const TreeHandle new_tree = m_state->tree(to);
        check(git_diff_tree_to_tree(&raw, m_state->repo.get(), old_tree.get(), new_tree.get(), &options), to);
    }
    const DiffHandle diff(raw);
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    if (to.empty()) {
        find.flags |= GIT_DIFF_FIND_FOR_UNTRACKED;
    }
    check(git_diff_find_similar(diff.get(), &find), from);

    std::vector<FileChange> out;
    for (std::size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
        FileChange change;
        const bool old_file = is_regular_file(delta->old_file.mode);
        const bool new_file = is_regular_file(delta->new_file.mode);
        switch (delta->status) {
        case GIT_DELTA_ADDED:
        case GIT_DELTA_COPIED:
            change.status = FileChange::Status::added;
            change.new_path = delta->new_file.path;
            if (!new_file) {
                continue;
            }
            break;
        case GIT_DELTA_DELETED:
            change.status = FileChange::Status::deleted;
            change.old_path = delta->old_file.path;
            if (!old_file) {
                continue;
            }
            break;
        case GIT_DELTA_MODIFIED:
        case GIT_DELTA_TYPECHANGE:
        case GIT_DELTA_CONFLICTED:
            change.status = FileChange::Status::modified;
            if (old_file) {
                change.old_path = delta->old_file.path;
            }
            if (new_file) {
                change.new_path = delta->new_file.path;
            }
            if (!old_file && !new_file) {
                continue;
            }
            if (!old_file || !new_file) {
                change.status = old_file ? FileChange::Status::deleted : FileChange::Status::added;
            }
            break;
        case GIT_DELTA_RENAMED:
            change.status = FileChange::Status::renamed;
            change.old_path = delta->old_file.path;
            change.new_path = delta->new_file.path;
            if (!old_file || !new_file) {
                continue;
            }
            break;
        default:
            continue;
        }
        out.push_back(std::move(change));
    }
    return out;
}

std::optional<std::string> Repository::blob_at(const std::string& commit, const std::string& path) const
{
    const TreeEntryHandle e = m_state->entry(commit, path);
    if (!e || !is_regular_file(static_cast<std::uint32_t>(git_tree_entry_filemode(e.get())))) {
        return std::nullopt;
    }
    return hex(git_tree_entry_id(e.get()));
}

std::vector<std::string> Repository::files_under(const std::string& commit, const std::string& dir) const
{
    const TreeHandle top = m_state->tree(commit);
    TreeHandle sub;
    const git_tree* tree = top.get();
    if (!dir.empty()) {
        const TreeEntryHandle e = m_state->entry(commit, dir);
        if (!e || git_tree_entry_type(e.get()) != GIT_OBJECT_TREE) {
            return {};
        }
        git_tree* raw = nullptr;
        check(git_tree_lookup(&raw, m_state->repo.get(), git_tree_entry_id(e.get())), dir);
        sub.reset(raw);
        tree = sub.get();
    }
    struct Walk {
        std::string prefix;
        std::vector<std::string> files;
    } walk{dir.empty() ? "" : dir + "/", {}};
    const auto visit = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
        auto* w = static_cast<Walk*>(payload);
        if (is_regular_file(static_cast<std::uint32_t>(git_tree_entry_filemode(entry)))) {
            w->files.push_back(w->prefix + root + git_tree_entry_name(entry));
        }
        return 0;
    };
    check(git_tree_walk(tree, GIT_TREEWALK_PRE, visit, &walk), dir);
    std::sort(walk.files.begin(), walk.files.end());
    return walk.files;
}

bool Repository::has_path(const std::string& commit, const std::string& path) const
{
    return path.empty() || m_state->entry(commit, path) != nullptr;
}

std::string Repository::read_blob(const std::string& blob) const
{
    const git_oid oid = oid_of(blob);
    git_blob* raw = nullptr;
    check(git_blob_lookup(&raw, m_state->repo.get(), &oid), blob);
    const BlobHandle b(raw);
    return {static_cast<const char*>(git_blob_rawcontent(b.get())),
            static_cast<std::size_t>(git_blob_rawsize(b.get()))};
}

std::vector<StagedFile> Repository::staged_changes() const
{
    git_index* raw_index = nullptr;
    check(git_repository_index(&raw_index, m_state->repo.get()), "index");
    const IndexHandle index(raw_index);
    // HEAD's tree; none before the first commit, when all of the index is new.
    TreeHandle head_tree;
    git_reference* raw_head = nullptr;
    const int rc = git_repository_head(&raw_head, m_state->repo.get());
    if (rc == 0) {
        const ReferenceHandle head(raw_head);
        git_object* raw_tree = nullptr;
        check(git_reference_peel(&raw_tree, head.get(), GIT_OBJECT_TREE), "HEAD");
        head_tree.reset(reinterpret_cast<git_tree*>(raw_tree));
    } else if (rc != GIT_EUNBORNBRANCH && rc != GIT_ENOTFOUND) {
        check(rc, "HEAD");
    }
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    git_diff* raw_diff = nullptr;
    check(git_diff_tree_to_index(&raw_diff, m_state->repo.get(), head_tree.get(), index.get(), &options), "index");
    const DiffHandle diff(raw_diff);
    std::vector<StagedFile> out;
    for (std::size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
        switch (delta->status) {
        case GIT_DELTA_ADDED:
        case GIT_DELTA_MODIFIED:
        case GIT_DELTA_TYPECHANGE:
        case GIT_DELTA_RENAMED:
        case GIT_DELTA_COPIED:
            if (is_regular_file(delta->new_file.mode)) {
                out.push_back({delta->new_file.path, hex(&delta->new_file.id)});
            }
            break;
        default:
            break;
        }
    }
    std::sort(out.begin(), out.end(), [](const StagedFile& a, const StagedFile& b) { return a.path < b.path; });
    return out;
}

std::string Repository::hooks_dir() const
{
    git_config* raw_config = nullptr;
    check(git_repository_config_snapshot(&raw_config, m_state->repo.get()), "config");
    const ConfigHandle config(raw_config);
    git_buf buffer = GIT_BUF_INIT;
    std::string dir;
    if (git_config_get_path(&buffer, config.get(), "core.hooksPath") == 0) {
        dir = buffer.ptr;
        git_buf_dispose(&buffer);
        if (!dir.empty() && dir[0] != '/' && !m_state->workdir.empty()) {
            dir = m_state->workdir + "/" + dir;
        }
        return dir;
    }
    check(git_repository_item_path(&buffer, m_state->repo.get(), GIT_REPOSITORY_ITEM_HOOKS), "hooks");
    dir = buffer.ptr;
    git_buf_dispose(&buffer);
    while (dir.size() > 1 && dir.back() == '/') {
        dir.pop_back();
    }
    return dir;
}

std::vector<Commit> Repository::history() const
{
    git_revwalk* raw = nullptr;
    check(git_revwalk_new(&raw, m_state->repo.get()), "HEAD");
    const RevwalkHandle walk(raw);
    check(git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME), "HEAD");
    const int rc = git_revwalk_push_head(walk.get());
    if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) {
        throw Error(Error::Kind::bad_revision, "HEAD", last_error());
    }
    check(rc, "HEAD");
    std::vector<Commit> out;
    git_oid oid;
    int next = 0;
    while ((next = git_revwalk_next(&oid, walk.get())) == 0) {
        git_commit* c = nullptr;
        check(git_commit_lookup(&c, m_state->repo.get(), &oid), hex(&oid));
        const CommitHandle commit(c);
        out.push_back(describe(commit.get()));
    }
    if (next != GIT_ITEROVER) {
        check(next, "HEAD");
    }
    return out;
}

} // namespace barnplan::cli::git
