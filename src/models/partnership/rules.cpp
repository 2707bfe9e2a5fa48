// Rules of a partnership of municipalities (seed 003): an idea, goals with the
// ways they are carried out, members each with a politician and an official,
// joint meetings twice a year hosted by members, a peer review and a final
// report.

#include "../../rules/support.hpp"

#include <barnplan/loader.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace barnplan::rules {
namespace {

bool has_kind(const Meeting& m, std::string_view kind)
{
    return m.kind.ok() && m.kind.value == kind;
}

std::string add_or_fill(const Located<std::string>& field, std::string_view en_add, std::string_view en_fill)
{
    return std::string(field.key.known() ? en_fill : en_add);
}

void check_texts(Findings& f)
{
    const Plan& plan = f.plan();
    if (!plan.idea.present) {
        const bool written = plan.idea.key.known();
        f.add("idea-required", written ? plan.idea.key : plan_anchor(plan),
              {"the partnership has no idea (verksamhetsidé)", "partnerskapet saknar verksamhetsidé"},
              {fmt::format("{} 'idea:' why the partnership exists and how it works",
                           add_or_fill(plan.idea, "add", "write after")),
               fmt::format("{} 'idea:' varför partnerskapet finns och hur det arbetar",
                           add_or_fill(plan.idea, "lägg till", "skriv efter"))});
    }
    if (plan.strategies.empty()) {
        f.add("strategies-required", plan_anchor(plan),
              {"the partnership lists no strategies", "partnerskapet anger inga strategier"},
              {"add 'strategies:' as a list of how the members work together",
               "lägg till 'strategies:' som en lista över hur medlemmarna arbetar tillsammans"});
    }
}

void check_goals(Findings& f)
{
    const Plan& plan = f.plan();
    if (plan.goals.empty()) {
        f.add("partnership-goals", plan.goals_key.known() ? plan.goals_key : plan_anchor(plan),
              {"the partnership has no goals", "partnerskapet saknar mål"},
              {"add 'goals:' with an id and a title for each goal", "lägg till 'goals:' med id och rubrik för varje mål"});
        return;
    }
    for (const Goal& g : plan.goals) {
        if (!g.title.present) {
            f.add("partnership-goals", g.title.key.known() ? g.title.key : g.id.key,
                  {fmt::format("goal {} has no title", id_of(g.id)), fmt::format("mål {} saknar rubrik", id_of(g.id))},
                  {"write what the partnership is to achieve in 'title:'",
                   "skriv vad partnerskapet ska uppnå i 'title:'"});
        }
        if (g.ways.empty()) {
            f.add("goal-ways", g.id.key,
                  {fmt::format("goal {} does not say how it is carried out", id_of(g.id)),
                   fmt::format("mål {} säger inte hur det genomförs", id_of(g.id))},
                  {"add 'ways:' with the ways of carrying it out, e.g. [Kollegial granskning]",
                   "lägg till 'ways:' med exempel på genomförande, t.ex. [Kollegial granskning]"});
        }
    }
}

void check_members(Findings& f)
{
    const Plan& plan = f.plan();
    if (plan.members.size() < 3) {
        f.add("member-count", plan.members_key.known() ? plan.members_key : plan_anchor(plan),
              {fmt::format("the partnership has {} member(s); its work is coordinated by three municipalities",
                           plan.members.size()),
               fmt::format("partnerskapet har {} medlem(mar); arbetet samordnas av tre kommuner", plan.members.size())},
              {"list every member municipality under 'members:'", "lista varje medlemskommun under 'members:'"});
    }
    for (const Member& m : plan.members) {
        std::vector<std::string_view> missing;
        if (!m.municipality.present) {
            missing.emplace_back("municipality");
        }
        if (!m.politician.present) {
            missing.emplace_back("politician");
        }
        if (!m.official.present) {
            missing.emplace_back("official");
        }
        if (missing.empty()) {
            continue;
        }
        std::string keys;
        for (std::string_view k : missing) {
            keys += (keys.empty() ? "" : ", ") + std::string(k);
        }
        f.add("member-incomplete", m.id.key.known() ? m.id.key : m.position,
              {fmt::format("member {} does not name its {}", id_of(m.id), keys),
               fmt::format("medlem {} anger inte {}", id_of(m.id), keys)},
              {"each member takes part with a responsible politician and a contact official",
               "varje kommun deltar med ansvarigt kommunalråd eller motsvarande samt en kontaktperson"});
    }
}

void check_hosts(Findings& f)
{
    const Plan& plan = f.plan();
    std::vector<std::string_view> ids;
    for (const Member& m : plan.members) {
        if (m.id.ok()) {
            ids.push_back(m.id.value);
        }
    }
    for (const Meeting& m : plan.meetings) {
        if (m.host.ok()) {
            if (std::find(ids.begin(), ids.end(), m.host.value) != ids.end()) {
                continue;
            }
            Text hint{"name the host by a member's id, or add the municipality under 'members:'",
                      "ange värden med en medlems id, eller lägg till kommunen under 'members:'"};
            std::optional<std::string_view> best;
            std::size_t best_distance = 3;
            for (std::string_view id : ids) {
                const std::size_t d = edit_distance(m.host.value, id);
                if (d < best_distance) {
                    best_distance = d;
                    best = id;
                }
            }
            if (best) {
                hint = {fmt::format("did you mean '{}'?", *best), fmt::format("menade du '{}'?", *best)};
            }
            f.add("meeting-host-member", m.host.at,
                  {fmt::format("the host '{}' of the meeting on {} is not a member", m.host.value,
                               m.date.ok() ? m.date.value.iso() : "?"),
                   fmt::format("värden '{}' för mötet {} är ingen medlem", m.host.value,
                               m.date.ok() ? m.date.value.iso() : "?")},
                  std::move(hint));
        } else if (has_kind(m, "joint")) {
            f.add("joint-meeting-host", m.kind.key,
                  {fmt::format("the joint meeting on {} has no host", m.date.ok() ? m.date.value.iso() : "?"),
                   fmt::format("det gemensamma mötet {} saknar värd", m.date.ok() ? m.date.value.iso() : "?")},
                  {"add 'host:' with the id of the member municipality that hosts it",
                   "lägg till 'host:' med id för den medlemskommun som är värd"});
        }
    }
}

bool period_known(const Plan& plan)
{
    return plan.period_start.ok() && plan.period_end.ok() && plan.period_start.value <= plan.period_end.value;
}

void check_joint_meetings(Findings& f)
{
    const Plan& plan = f.plan();
    if (!period_known(plan)) {
        return; // period-required or date-order said so
    }
    const Date& start = plan.period_start.value;
    const Date& end = plan.period_end.value;
    std::map<int, int> per_year;
    for (const Meeting& m : plan.meetings) {
        if (has_kind(m, "joint") && m.date.ok() && start <= m.date.value && m.date.value <= end) {
            ++per_year[m.date.value.year()];
        }
    }
    for (int year = start.year(); year <= end.year(); ++year) {
        // A year the period covers for less than half needs one joint meeting.
        const Date first = std::max(start, *Date::from_ymd(year, 1, 1));
        const Date last = std::min(end, *Date::from_ymd(year, 12, 31));
        const long covered = last.days() - first.days() + 1;
        const int needed = covered < 183 ? 1 : 2;
        const int held = per_year[year];
        if (held >= needed) {
            continue;
        }
        f.add("joint-meetings-per-year", plan.period,
              {fmt::format("{} has {} joint politicians-and-officials meeting(s); the partnership meets at least {} a year",
                           year, held, needed == 1 ? "once" : "twice"),
               fmt::format("{} har {} gemensamt möte/gemensamma möten för politiker och tjänstemän; partnerskapet möts minst {} om året",
                           year, held, needed == 1 ? "en gång" : "två gånger")},
              {fmt::format("add meetings with 'kind: joint' and a host dated in {}", year),
               fmt::format("lägg till möten med 'kind: joint' och värd daterade {}", year)});
    }
}

void check_peer_review_and_report(Findings& f)
{
    const Plan& plan = f.plan();
    if (!period_known(plan)) {
        return;
    }
    const Date& start = plan.period_start.value;
    const Date& end = plan.period_end.value;
    const bool reviewed = std::any_of(plan.meetings.begin(), plan.meetings.end(), [&](const Meeting& m) {
        return has_kind(m, "peer-review") && m.date.ok() && start <= m.date.value && m.date.value <= end;
    });
    if (!reviewed) {
        f.add("peer-review-required", plan.period,
              {fmt::format("no peer review (kollegial granskning) during the period {} – {}", start.iso(), end.iso()),
               fmt::format("ingen kollegial granskning under perioden {} – {}", start.iso(), end.iso())},
              {"add a meeting with 'kind: peer-review' dated inside the period",
               "lägg till ett möte med 'kind: peer-review' daterat inom perioden"});
    }
    // "At its end": in the last six months, or in the three after the period.
    const Date from = end.add_months(-6);
    const Date to = end.add_months(3);
    const bool reported = std::any_of(plan.meetings.begin(), plan.meetings.end(), [&](const Meeting& m) {
        return has_kind(m, "final-report") && m.date.ok() && from < m.date.value && m.date.value <= to;
    });
    if (!reported) {
        f.add("final-report-required", plan.period,
              {fmt::format("no final report at the end of the period (between {} and {})", from.add_days(1).iso(), to.iso()),
               fmt::format("ingen slutrapport i slutet av perioden (mellan {} och {})", from.add_days(1).iso(), to.iso())},
              {"add a meeting with 'kind: final-report' in the period's last six months",
               "lägg till ett möte med 'kind: final-report' under periodens sista sex månader"});
    }
}

} // namespace

void check_partnership(Findings& findings, const RuleContext& context)
{
    (void)context;
    check_texts(findings);
    check_goals(findings);
    check_members(findings);
    check_hosts(findings);
    check_joint_meetings(findings);
    check_peer_review_and_report(findings);
}

} // namespace barnplan::rules
