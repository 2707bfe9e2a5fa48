#pragma once

// Department files of a Barnrättsresan plan: found on disk for the loader,
// kept inside the plan's repository, and their findings shown per file.

#include "plans.hpp"

#include <barnplan/diagnostic_output.hpp>
#include <barnplan/loader.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace barnplan::cli {

/// Resolves `departments:` entries relative to the plan file. Absolute paths
/// and `..` are refused; globs (`*`, `?`, `[…]`) are expanded; every match,
/// symlinks resolved, must lie inside the repository: the nearest ancestor of
/// the plan's directory holding `.git`, else the plan's directory itself.
class FileResolver final : public SourceResolver {
public:
    explicit FileResolver(const std::string& plan_path);
    [[nodiscard]] ResolvedSources resolve(std::string_view pattern) const override;

private:
    void locate() const;

    std::string m_plan;
    // Found on first use: most plans list no departments.
    mutable bool m_located = false;
    mutable std::filesystem::path m_base;    ///< the plan's directory, canonical
    mutable std::filesystem::path m_root;    ///< the repository root, canonical
    mutable std::filesystem::path m_display; ///< the plan's directory as the user wrote it
};

/// One CheckedFile per source: the plan's findings with the plan's text, each
/// department file's findings with that file's text (for excerpts).
[[nodiscard]] std::vector<CheckedFile> split_by_file(const std::string& plan_name, std::string plan_text,
                                                     const std::vector<SourceText>& sources, Diagnostics diagnostics,
                                                     Language language);

} // namespace barnplan::cli
