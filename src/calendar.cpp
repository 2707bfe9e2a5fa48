#include <barnplan/calendar.hpp>
#include <barnplan/evaluation.hpp>

#include <fmt/format.h>

#include <map>

namespace barnplan {
namespace {

std::uint64_t fnv1a(std::string_view s)
{
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

/// Ids go into UIDs: keep what is safe everywhere, the rest becomes '_'.
std::string uid_part(std::string_view s)
{
    std::string out;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '-' || c == '_';
        out += ok ? c : '_';
    }
    return out;
}

std::string ical_date(const Date& d)
{
    return fmt::format("{:04}{:02}{:02}", d.year(), d.month(), d.day());
}

struct Event {
    std::string entry; ///< stable within the plan: "action-G1.A1-due"
    Date date;
    std::string summary;
    std::string description;
};

Text kind_word(std::string_view kind)
{
    static const std::map<std::string_view, Text, std::less<>> k_kinds{
        {"coordination-group", {"Coordination group", "Koordinationsgrupp"}},
        {"follow-up", {"Follow-up meeting", "Uppföljningsmöte"}},
        {"evaluation", {"Evaluation meeting", "Utvärderingsträff"}},
        {"children", {"Meeting with children", "Möte med barn"}},
        {"check-in", {"Check-in meeting", "Avstämningsmöte"}},
        {"officials", {"Officials' meeting", "Tjänstepersonsmöte"}},
        {"joint", {"Politicians and officials", "Möte politiker och tjänstepersoner"}},
        {"peer-review", {"Peer review", "Kollegial granskning"}},
        {"final-report", {"Final report", "Slutrapport"}},
        {"other", {"Meeting", "Möte"}},
    };
    auto it = k_kinds.find(kind);
    return it == k_kinds.end() ? Text{"Meeting", "Möte"} : it->second;
}

std::vector<Event> events_of(const Plan& plan, Language lang)
{
    auto t = [&](const Text& text) { return localized(text, lang); };
    std::vector<Event> out;
    std::map<std::string, int> seen;
    for (const Meeting& m : plan.meetings) {
        if (!m.date.ok()) {
            continue;
        }
        const std::string kind = m.kind.ok() ? m.kind.value : "other";
        std::string base = fmt::format("meeting-{}-{}", m.date.value.iso(), kind);
        const int n = seen[base]++;
        if (n > 0) {
            base += fmt::format("-{}", n + 1);
        }
        std::string summary = t(kind_word(kind));
        if (m.host.ok()) {
            std::string host = m.host.value;
            for (const Member& member : plan.members) {
                if (member.id.ok() && member.id.value == m.host.value && member.municipality.ok()) {
                    host = member.municipality.value;
                }
            }
            summary += ", " + host;
        }
        out.push_back({base, m.date.value, summary, m.note.value});
    }
    for (const Goal& g : plan.goals) {
        for (const Action& a : g.actions) {
            if (a.due.ok() && a.id.ok()) {
                out.push_back({"action-" + a.id.value + "-due", a.due.value,
                               t({"Action due: ", "Åtgärd ska vara klar: "}) + a.id.value + " " + a.what.value,
                               a.who.value});
            }
        }
        for (const Meter& m : g.meters) {
            if (m.due.ok() && m.id.ok()) {
                out.push_back({"meter-" + m.id.value + "-due", m.due.value,
                               t({"Meter due: ", "Mätare ska vara nådd: "}) + m.id.value + " " + m.what.value, {}});
            }
        }
    }
    for (const Department& d : plan.departments) {
        for (const Activity& a : d.activities) {
            if (a.due.ok() && a.id.ok()) {
                out.push_back({"activity-" + a.id.value + "-due", a.due.value,
                               t({"Activity due: ", "Aktivitet ska vara klar: "}) + a.id.value + " " + a.what.value,
                               d.name.value + (a.who.ok() ? ", " + a.who.value : "")});
            }
        }
    }
    if (plan.has_evaluation && plan.evaluation.meeting.ok()) {
        out.push_back({"evaluation-meeting", plan.evaluation.meeting.value,
                       t({"UNICEF evaluation meeting", "Utvärderingsträff med UNICEF"}), {}});
    }
    for (const EvaluationStep& s : evaluation_steps(plan)) {
        if (s.done->ok()) {
            continue;
        }
        out.push_back({"evaluation-" + std::string(s.key), s.deadline,
                       t({"Last day: ", "Sista dag: "}) + t(s.what), {}});
    }
    return out;
}

} // namespace

std::string ical_text(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            if (i + 1 >= text.size() || text[i + 1] != '\n') {
                out += "\\n";
            }
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            out += ' '; // other controls are not allowed in TEXT
        } else {
            out += c;
        }
    }
    return out;
}

std::string ical_fold(std::string_view line)
{
    constexpr std::size_t k_limit = 75;
    std::string out;
    std::size_t start = 0;
    std::size_t room = k_limit; // the first line has 75 octets, the rest 74 after the space
    while (line.size() - start > room) {
        std::size_t cut = start + room;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U) {
            --cut; // never inside a UTF-8 sequence
        }
        out.append(line.substr(start, cut - start));
        out += "\r\n ";
        start = cut;
        room = k_limit - 1;
    }
    out.append(line.substr(start));
    out += "\r\n";
    return out;
}

std::string render_calendar(const std::vector<const Plan*>& plans, const CalendarOptions& options)
{
    std::string out;
    auto line = [&](std::string_view text) { out += ical_fold(text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(fmt::format("PRODID:-//barnplan//barnplan {}//{}", options.tool_version,
                     options.language == Language::sv ? "SV" : "EN"));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    const std::string stamp = ical_date(options.stamp) + "T000000Z";
    for (const Plan* plan : plans) {
        // The organisation names the plan across checkouts; the file only when there is none.
        const std::string key = plan->municipality.ok() ? plan->municipality.value : plan->file;
        const std::string hash = fmt::format("{:016x}", fnv1a(key));
        const std::string who = plan->municipality.ok() ? plan->municipality.value : plan->file;
        for (const Event& e : events_of(*plan, options.language)) {
            line("BEGIN:VEVENT");
            line(fmt::format("UID:{}-{}@barnplan", uid_part(e.entry), hash));
            line("DTSTAMP:" + stamp);
            line("DTSTART;VALUE=DATE:" + ical_date(e.date));
            line("DTEND;VALUE=DATE:" + ical_date(e.date.add_days(1)));
            line("SUMMARY:" + ical_text(e.summary + " (" + who + ")"));
            if (!e.description.empty()) {
                line("DESCRIPTION:" + ical_text(e.description));
            }
            line("TRANSP:TRANSPARENT");
            line("END:VEVENT");
        }
    }
    line("END:VCALENDAR");
    return out;
}

} // namespace barnplan
