#pragma once

// The plans of the next commit, read from git's index for `validate --staged`
// (the pre-commit hook): what is staged is what gets committed, whatever the
// working tree holds.

#include "plans.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace barnplan::cli {

class StagedPlans {
public:
    StagedPlans() = default;
    /// The YAML files the index adds or changes against HEAD below `paths`
    /// (relative to the current directory), read from the index. Outside a
    /// repository, or for a path outside it, an error is reported and
    /// `io_error` set.
    StagedPlans(const std::vector<std::string>& paths, Language lang, bool& io_error);

    /// Candidates named as seen from the current directory, in path order; a
    /// path given exactly is explicit (it must be a plan), as for files.
    [[nodiscard]] const std::vector<Candidate>& candidates() const { return m_candidates; }

    /// Loads a candidate's staged text, like load_candidate_quietly() loads a
    /// file; safe to call from several threads at once. Department files,
    /// which the plan names by pattern, come from the working tree.
    [[nodiscard]] LoadOutcome load(const Candidate& candidate, Language lang, bool verbose) const;

private:
    std::vector<Candidate> m_candidates;
    std::map<std::string, std::string> m_texts; ///< display name → staged text
};

} // namespace barnplan::cli
