// The report as one CSV table for spreadsheets: RFC 4180, UTF-8, CRLF line
// ends, one row per meter and one per action, the rows of every plan in one
// file. The header row is always written, even when there are no rows.
//
// Columns (stable English names; scripts depend on them, so add new ones at
// the end and never rename):
//
//   file               the plan's display name (its path)
//   municipality       the plan's municipality
//   goal_id            the goal the row belongs to
//   goal_title         its title
//   goal_status        on-track | at-risk | late | achieved | cannot-assess
//   row_type           meter | action
//   id                 the meter's or the action's id
//   what               what is measured or done
//   who                actions: who does it; meters: empty
//   kind               meters: number | percent | yes-no | level; actions: empty
//   unit               meters: the unit as written; actions: empty
//   baseline           meters: the baseline value
//   target             meters: the target value
//   latest             meters: the latest value up to the report date
//   latest_date        meters: the date of that value
//   due                the due date
//   progress_percent   meters: progress 0–100, rounded to one decimal
//   status             meters: as goal_status; actions: planned | started |
//                      done | dropped as written, or late when past due and
//                      neither done nor dropped (the `late` column says the same)
//   late               true | false
//   last_update        actions: the date of the newest update
//   days_since_update  actions: days from that update to the report date
//
// Cells are empty where a value does not apply or is missing. Numbers use a
// decimal point whatever the report language; yes/no values are true/false;
// dates are YYYY-MM-DD.
//
// Plan text is untrusted. A text cell that a spreadsheet would read as a
// formula (it begins with = + - @, a tab or a carriage return, perhaps after
// spaces or line breaks) gets a leading apostrophe inside the field. Numbers
// are written here and never take that path, so a negative baseline stays a
// number. Control characters and bidi overrides become visible escapes such
// as \x1B, as in the terminal; a CR or CRLF inside a text becomes one LF.

#include <barnplan/escape.hpp>
#include <barnplan/report_render.hpp>

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace barnplan {
namespace {

constexpr std::array<std::string_view, 21> k_columns{
    "file",
    "municipality",
    "goal_id",
    "goal_title",
    "goal_status",
    "row_type",
    "id",
    "what",
    "who",
    "kind",
    "unit",
    "baseline",
    "target",
    "latest",
    "latest_date",
    "due",
    "progress_percent",
    "status",
    "late",
    "last_update",
    "days_since_update",
};

/// Positions in k_columns, so that a row is filled by name.
namespace col {
enum : std::size_t {
    file,
    municipality,
    goal_id,
    goal_title,
    goal_status,
    row_type,
    id,
    what,
    who,
    kind,
    unit,
    baseline,
    target,
    latest,
    latest_date,
    due,
    progress_percent,
    status,
    late,
    last_update,
    days_since_update,
    count
};
} // namespace col
static_assert(col::count == k_columns.size());

/// A field as RFC 4180 wants it: quoted when it holds a comma, a quote or a
/// line break, with inner quotes doubled.
std::string quoted(std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(field);
    }
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    return out + "\"";
}

/// A text cell: visible escapes for control characters, and an apostrophe
/// before anything a spreadsheet would evaluate.
std::string text(std::string_view value)
{
    // A line break inside a quoted field is allowed; keep it as one LF so
    // that a lone CR cannot confuse a reader.
    std::string lines;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\r') {
            lines += '\n';
            if (i + 1 < value.size() && value[i + 1] == '\n') {
                ++i;
            }
        } else {
            lines += value[i];
        }
    }
    std::string safe = terminal_safe(lines, true);
    const std::size_t first = safe.find_first_not_of(" \n");
    if (first != std::string::npos) {
        const char c = safe[first];
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            safe.insert(0, "'");
        }
    }
    return quoted(safe);
}

/// A number with a decimal point, whatever the locale: the shortest text
/// that reads back as the same double.
std::string number(double value)
{
    if (!std::isfinite(value)) {
        return {};
    }
    if (value == 0.0) {
        return "0"; // not "-0"
    }
    if (std::fabs(value - std::round(value)) < 1e-9 && std::fabs(value) < 1e15) {
        return fmt::format("{}", static_cast<long long>(std::llround(value)));
    }
    return fmt::format("{}", value);
}

std::string meter_value(const std::optional<MeterValue>& v)
{
    if (!v) {
        return {};
    }
    if (v->is_boolean) {
        return v->number != 0.0 ? "true" : "false";
    }
    return number(v->number);
}

std::string date(const std::optional<Date>& d)
{
    return d ? d->iso() : std::string();
}

std::string boolean(bool b)
{
    return b ? "true" : "false";
}

/// One row; the cells are already encoded.
using Row = std::array<std::string, k_columns.size()>;

void append(std::string& out, const Row& row)
{
    for (std::size_t i = 0; i < row.size(); ++i) {
        out += (i == 0 ? "" : ",") + row[i];
    }
    out += "\r\n";
}

Row goal_cells(const PlanReport& p, const GoalSection& g)
{
    Row row;
    row[col::file] = text(p.file);
    row[col::municipality] = text(p.municipality);
    row[col::goal_id] = text(g.id);
    row[col::goal_title] = text(g.title);
    row[col::goal_status] = std::string(to_string(g.status));
    return row;
}

} // namespace

std::string render_report_csv(const std::vector<PlanReport>& plans, const RenderOptions& /*options*/)
{
    std::string out;
    for (std::size_t i = 0; i < k_columns.size(); ++i) {
        out += (i == 0 ? "" : ",") + std::string(k_columns[i]);
    }
    out += "\r\n";
    for (const PlanReport& p : plans) {
        for (const GoalSection& g : p.goals) {
            for (const MeterLine& m : g.meters) {
                Row row = goal_cells(p, g);
                row[col::row_type] = "meter";
                row[col::id] = text(m.id);
                row[col::what] = text(m.what);
                row[col::kind] = std::string(to_string(m.kind));
                row[col::unit] = text(m.unit);
                row[col::baseline] = meter_value(m.baseline);
                row[col::target] = meter_value(m.target);
                row[col::latest] = meter_value(m.latest);
                row[col::latest_date] = date(m.latest_date);
                row[col::due] = date(m.due);
                if (m.progress) {
                    row[col::progress_percent] = number(std::round(*m.progress * 1000.0) / 10.0);
                }
                row[col::status] = std::string(to_string(m.status));
                row[col::late] = boolean(m.status == Status::late);
                append(out, row);
            }
            for (const ActionLine& a : g.actions) {
                Row row = goal_cells(p, g);
                row[col::row_type] = "action";
                row[col::id] = text(a.id);
                row[col::what] = text(a.what);
                row[col::who] = text(a.who);
                row[col::due] = date(a.due);
                if (a.late) {
                    row[col::status] = "late";
                } else if (a.declared) {
                    row[col::status] = std::string(to_string(*a.declared));
                }
                row[col::late] = boolean(a.late);
                row[col::last_update] = date(a.last_update);
                if (a.days_since_update) {
                    row[col::days_since_update] = std::to_string(*a.days_since_update);
                }
                append(out, row);
            }
        }
    }
    return out;
}

} // namespace barnplan
