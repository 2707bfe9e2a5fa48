#pragma once

// The edit engine: changes a plan's text at the positions the parser knows and
// nowhere else, so comments, blank lines, key order, quoting, indentation,
// flow or block style and line ends stay as the person wrote them. It works on
// text in, text out; reading and writing files is the command line's job.

#include <barnplan/date.hpp>
#include <barnplan/diagnostic.hpp>
#include <barnplan/diff.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace barnplan {

// ---- the text level ---------------------------------------------------------

/// One step into a YAML document: the value of `key` in a mapping, and when
/// `match_key` is set, the item of that list whose `match_key` is `match_value`.
struct YamlStep {
    std::string key;
    std::string match_key;
    std::string match_value;
};

/// Steps from the document's root mapping to a mapping; empty is the root.
/// Keys here and in the functions below are the format's own, plain words
/// written as they are; values are what the user gave and are quoted as needed.
using YamlPath = std::vector<YamlStep>;

/// One `key: value` to write. `value` is already YAML (see yaml_scalar),
/// unless `prose`: then it is text, quoted in a flow mapping (as people
/// write notes there) and plain in a block one where that is safe.
struct YamlField {
    std::string key;
    std::string value;
    bool prose = false;
};

/// The outcome of an edit: the new text, or nullopt and the reasons.
struct TextEdit {
    std::optional<std::string> text;
    Diagnostics diagnostics;
};

/// `text` as a YAML scalar that reads back as the same string: plain where
/// that is safe, else double-quoted. `in_flow` also quotes , [ ] { }.
[[nodiscard]] std::string yaml_scalar(std::string_view text, bool in_flow);

/// Sets `key` of the mapping at `path` to `value`: replaces a one-line value in
/// place, or inserts `key: value` after the first of `after` that the mapping
/// has (else after its last key), indented like its other keys.
[[nodiscard]] TextEdit yaml_set_scalar(std::string_view text, const std::string& file, const YamlPath& path,
                                       const std::string& key, const std::string& value,
                                       const std::vector<std::string>& after = {});

/// Appends a mapping of `fields` to the list `key` of the mapping at `path`,
/// in the indentation and style (flow or block) of the list's items. A
/// missing list is created after the first of `after` present (else at the
/// end of the mapping), in the style of the file's other lists.
[[nodiscard]] TextEdit yaml_append_entry(std::string_view text, const std::string& file, const YamlPath& path,
                                         const std::string& key, const std::vector<YamlField>& fields,
                                         const std::vector<std::string>& after = {});

// ---- the plan level ---------------------------------------------------------

/// What `barnplan record` was asked to write.
struct RecordRequest {
    std::string id;    ///< a meter, action or goal id; empty for a meeting
    std::string value; ///< as typed: a value, a status or a level
    Date date;
    std::optional<std::string> note;
    bool replace = false;     ///< overwrite an entry of the same date
    std::string meeting_kind; ///< set for a meeting (then `id` is empty)
    std::string meeting_host; ///< partnership: the id of the member hosting the meeting
};

/// A change of stage: the new `stage:` value and its history entry.
struct StageRequest {
    std::string stage;
    Date date;
    std::string by;
    std::string ref;
    std::string note;
};

/// The outcome of a plan edit.
struct PlanEdit {
    std::optional<std::string> text; ///< nullopt when refused
    Diagnostics diagnostics;         ///< why it was refused
    Text summary;                    ///< one line: what was recorded
};

/// Records a measurement, an action status, a goal level or a meeting.
/// Refuses (diagnostics, no text) unknown ids, values of the wrong type, a
/// second entry on the same date without `replace`, a meeting host that is
/// not a member of the partnership (or a host outside one), and files it cannot edit
/// safely; an edit whose meaning is not exactly the intended change is refused
/// too (rule edit-check).
[[nodiscard]] PlanEdit record_in_plan(std::string_view text, const std::string& file, const RecordRequest& request);

/// Sets the plan's stage and appends its history entry.
[[nodiscard]] PlanEdit set_plan_stage(std::string_view text, const std::string& file, const StageRequest& request);

/// One change the edit means to make, as diff_plans names it.
struct IntendedChange {
    Change::Kind kind = Change::Kind::changed;
    std::string subject;
    std::string field;
    std::optional<std::string> after; ///< the value it must show afterwards, when known
};

/// Re-reads both texts and checks that the plan's meaning changed exactly as
/// `intended` and that the new text brings no new problem. Empty when it did;
/// else the edit-check diagnostics that say what differed.
[[nodiscard]] Diagnostics check_edit(std::string_view before, std::string_view after, const std::string& file,
                                     const std::vector<IntendedChange>& intended);

} // namespace barnplan
