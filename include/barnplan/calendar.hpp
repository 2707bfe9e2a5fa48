#pragma once

#include <barnplan/date.hpp>
#include <barnplan/diagnostic.hpp>
#include <barnplan/plan.hpp>

#include <string>
#include <vector>

namespace barnplan {

struct CalendarOptions {
    Date stamp;                         ///< DTSTAMP: --today or SOURCE_DATE_EPOCH, for reproducible files
    Language language = Language::sv;   ///< of the summaries
    std::string tool_version;
};

/// Every dated thing of the plans (meetings, action, activity and meter due
/// dates, the evaluation meeting and its deadlines) as one iCalendar file
/// (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting a
/// UTF-8 sequence, TEXT escaped, all-day events, and UIDs derived from the
/// plan and the entry so that a re-import updates instead of duplicating.
[[nodiscard]] std::string render_calendar(const std::vector<const Plan*>& plans, const CalendarOptions& options);

/// One content line folded as RFC 5545 §3.1 asks, CRLF included.
[[nodiscard]] std::string ical_fold(std::string_view line);
/// TEXT escaped (§3.3.11): backslash, semicolon, comma and newline.
[[nodiscard]] std::string ical_text(std::string_view text);

} // namespace barnplan
