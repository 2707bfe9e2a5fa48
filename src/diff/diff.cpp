// The semantic comparison of two plans: what changed in meaning, matched by
// ids and dates, never by position in the file.

#include <barnplan/diff.hpp>
#include <barnplan/escape.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

namespace barnplan {
namespace {

using Value = std::optional<std::string>;

// ---- values as people read them --------------------------------------------

// Prose is compared as words: re-wrapping, a folded block or trailing spaces
// change no meaning.
Value show(const Located<std::string>& v)
{
    return v.ok() ? Value(single_line(v.value)) : std::nullopt;
}

Value show(const Located<Date>& v)
{
    return v.ok() ? Value(v.value.iso()) : std::nullopt;
}

Value show(const Located<int>& v)
{
    return v.ok() ? Value(std::to_string(v.value)) : std::nullopt;
}

Value show(const Located<bool>& v)
{
    return v.ok() ? Value(v.value ? "true" : "false") : std::nullopt;
}

std::string number_text(const MeterValue& v)
{
    if (v.is_boolean) {
        return v.number != 0.0 ? "true" : "false";
    }
    std::string out = fmt::format("{}", v.number);
    return out;
}

Value show(const Located<MeterValue>& v)
{
    return v.ok() ? Value(number_text(v.value)) : std::nullopt;
}

template <typename E>
Value show_enum(const Located<E>& v)
{
    return v.ok() ? Value(std::string(to_string(v.value))) : std::nullopt;
}

Value show(const std::vector<Located<std::string>>& ids)
{
    if (ids.empty()) {
        return std::nullopt;
    }
    // A list of ids is a set: [A, B] and [B, A] say the same.
    std::vector<std::string> sorted;
    for (const auto& id : ids) {
        sorted.push_back(id.value);
    }
    std::sort(sorted.begin(), sorted.end());
    std::string out;
    for (const auto& id : sorted) {
        out += (out.empty() ? "" : ", ") + id;
    }
    return out;
}

/// A named way to read one field of an entry.
template <typename T>
struct FieldReader {
    std::string_view name;
    std::function<Value(const T&)> read;
};

template <typename T>
const std::vector<FieldReader<T>>& fields();

template <>
const std::vector<FieldReader<Goal>>& fields<Goal>()
{
    static const std::vector<FieldReader<Goal>> k{
        {"title", [](const Goal& g) { return show(g.title); }},
        {"basis", [](const Goal& g) { return show_enum(g.basis); }},
        {"indicator", [](const Goal& g) { return show(g.indicator); }},
        {"theme", [](const Goal& g) { return show(g.theme); }},
        {"welfare_area", [](const Goal& g) { return show(g.welfare_area); }},
        {"start_level", [](const Goal& g) { return show(g.start_level); }},
        {"current_level", [](const Goal& g) { return show(g.current_level); }},
        {"target_level", [](const Goal& g) { return show(g.target_level); }},
        {"children_views", [](const Goal& g) { return show(g.children_views); }},
    };
    return k;
}

template <>
const std::vector<FieldReader<Action>>& fields<Action>()
{
    static const std::vector<FieldReader<Action>> k{
        {"what", [](const Action& a) { return show(a.what); }},
        {"who", [](const Action& a) { return show(a.who); }},
        {"start", [](const Action& a) { return show(a.start); }},
        {"due", [](const Action& a) { return show(a.due); }},
        {"how", [](const Action& a) { return show(a.how); }},
        {"children_views", [](const Action& a) { return show(a.children_views); }},
        {"status", [](const Action& a) { return show_enum(a.status); }},
        {"recurring", [](const Action& a) { return show(a.recurring); }},
        {"depends_on", [](const Action& a) { return show(a.depends_on); }},
    };
    return k;
}

template <>
const std::vector<FieldReader<Meter>>& fields<Meter>()
{
    static const std::vector<FieldReader<Meter>> k{
        {"what", [](const Meter& m) { return show(m.what); }},
        {"kind", [](const Meter& m) { return m.kind.present ? show_enum(m.kind) : Value("number"); }},
        {"unit", [](const Meter& m) { return show(m.unit); }},
        {"baseline", [](const Meter& m) { return show(m.baseline); }},
        {"target", [](const Meter& m) { return show(m.target); }},
        {"due", [](const Meter& m) { return show(m.due); }},
        {"source", [](const Meter& m) { return show(m.source); }},
    };
    return k;
}

template <>
const std::vector<FieldReader<Plan>>& fields<Plan>()
{
    static const std::vector<FieldReader<Plan>> k{
        {"municipality", [](const Plan& p) { return show(p.municipality); }},
        {"coordinator", [](const Plan& p) { return show(p.coordinator); }},
        {"model", [](const Plan& p) { return show_enum(p.model); }},
        {"language", [](const Plan& p) { return show(p.language_code); }},
        {"period.start", [](const Plan& p) { return show(p.period_start); }},
        {"period.end", [](const Plan& p) { return show(p.period_end); }},
        {"stage", [](const Plan& p) { return show(p.stage); }},
        {"vision", [](const Plan& p) { return show(p.vision); }},
        {"strategy_link", [](const Plan& p) { return show(p.strategy_link); }},
        {"informing", [](const Plan& p) { return show(p.informing); }},
        {"welfare_commitment.by", [](const Plan& p) { return show(p.welfare_commitment.by); }},
        {"welfare_commitment.date", [](const Plan& p) { return show(p.welfare_commitment.date); }},
        {"welfare_commitment.ref", [](const Plan& p) { return show(p.welfare_commitment.ref); }},
        {"evaluation.meeting", [](const Plan& p) { return show(p.evaluation.meeting); }},
        {"evaluation.booked", [](const Plan& p) { return show(p.evaluation.booked); }},
        {"evaluation.form_started", [](const Plan& p) { return show(p.evaluation.form_started); }},
        {"evaluation.form_approved", [](const Plan& p) { return show(p.evaluation.form_approved); }},
        {"evaluation.form_stored", [](const Plan& p) { return show(p.evaluation.form_stored); }},
        {"idea", [](const Plan& p) { return show(p.idea); }},
        {"ambition", [](const Plan& p) { return show(p.ambition); }},
        {"departments", [](const Plan& p) { return show(p.department_paths); }},
        {"review.date", [](const Plan& p) { return show(p.review.date); }},
        {"review.realistic", [](const Plan& p) { return show(p.review.realistic); }},
        {"review.reaches_goals", [](const Plan& p) { return show(p.review.reaches_goals); }},
        {"review.rights_fulfilled", [](const Plan& p) { return show(p.review.rights_fulfilled); }},
        {"implementation.start", [](const Plan& p) { return show(p.implementation_start); }},
        {"implementation.end", [](const Plan& p) { return show(p.implementation_end); }},
    };
    return k;
}

template <>
const std::vector<FieldReader<Member>>& fields<Member>()
{
    static const std::vector<FieldReader<Member>> k{
        {"municipality", [](const Member& m) { return show(m.municipality); }},
        {"politician", [](const Member& m) { return show(m.politician); }},
        {"official", [](const Member& m) { return show(m.official); }},
    };
    return k;
}

template <>
const std::vector<FieldReader<PriorityArea>>& fields<PriorityArea>()
{
    static const std::vector<FieldReader<PriorityArea>> k{
        {"title", [](const PriorityArea& a) { return show(a.title); }},
        {"area_goal", [](const PriorityArea& a) { return show(a.goal); }},
        {"follow_up.outcome", [](const PriorityArea& a) { return show(a.follow_up.outcome); }},
        {"follow_up.effects", [](const PriorityArea& a) { return show(a.follow_up.effects); }},
        {"follow_up.goal_reached", [](const PriorityArea& a) { return show(a.follow_up.goal_reached); }},
        {"follow_up.more_measures", [](const PriorityArea& a) { return show(a.follow_up.more_measures); }},
        {"follow_up.note", [](const PriorityArea& a) { return show(a.follow_up.note); }},
    };
    return k;
}

template <>
const std::vector<FieldReader<Activity>>& fields<Activity>()
{
    static const std::vector<FieldReader<Activity>> k{
        {"what", [](const Activity& a) { return show(a.what); }},
        {"who", [](const Activity& a) { return show(a.who); }},
        {"start", [](const Activity& a) { return show(a.start); }},
        {"due", [](const Activity& a) { return show(a.due); }},
        {"resources", [](const Activity& a) { return show(a.resources); }},
        {"indicators", [](const Activity& a) { return show(a.indicators); }},
        {"result", [](const Activity& a) { return show(a.result); }},
        {"status", [](const Activity& a) { return show_enum(a.status); }},
    };
    return k;
}

class Differ {
public:
    explicit Differ(PlanDiff& out) : m_changes(&out.changes) {}

    void emit(Change::Kind kind, const std::string& goal, std::string subject, std::string_view field, Value before,
              Value after, Text what)
    {
        Change c;
        c.kind = kind;
        c.goal = goal;
        c.subject = std::move(subject);
        c.field = std::string(field);
        c.before = before.value_or("");
        c.after = after.value_or("");
        c.what = std::move(what);
        m_changes->push_back(std::move(c));
    }

    template <typename T>
    void compare_fields(const T& before, const T& after, const std::string& goal, const std::string& subject,
                        const Text& what)
    {
        for (const FieldReader<T>& f : fields<T>()) {
            Value b = f.read(before);
            Value a = f.read(after);
            if (b != a) {
                emit(Change::Kind::changed, goal, subject, f.name, std::move(b), std::move(a), what);
            }
        }
    }

    /// Matches two lists of dated entries by key. Entries of one key pair
    /// first with an equal one on the other side, wherever it stands, then
    /// the rest by their order among that key's entries: two updates on one
    /// day still pair, and two of one day put in the other order are no change.
    template <typename T, typename Key, typename Summary, typename Compare>
    void compare_keyed(const std::vector<T>& before, const std::vector<T>& after, Key key, const std::string& goal,
                       const std::string& prefix, const Text& what, Summary summary, Compare compare)
    {
        auto index = [&](const std::vector<T>& list) {
            std::map<std::string, std::vector<std::size_t>> out;
            for (std::size_t i = 0; i < list.size(); ++i) {
                out[key(list[i])].push_back(i);
            }
            return out;
        };
        const auto old_index = index(before);
        const auto new_index = index(after);
        constexpr std::size_t k_none = static_cast<std::size_t>(-1);
        std::vector<std::size_t> partner(after.size(), k_none); // new entry → old entry
        std::vector<bool> old_used(before.size(), false);
        for (const auto& [k, new_items] : new_index) {
            auto it = old_index.find(k);
            if (it == old_index.end()) {
                continue;
            }
            const std::vector<std::size_t>& old_items = it->second;
            if (old_items.size() > 1 || new_items.size() > 1) {
                for (std::size_t n : new_items) {
                    for (std::size_t o : old_items) {
                        if (!old_used[o] && same(before[o], after[n], compare)) {
                            partner[n] = o;
                            old_used[o] = true;
                            break;
                        }
                    }
                }
            }
            std::size_t next_old = 0;
            for (std::size_t n : new_items) {
                if (partner[n] != k_none) {
                    continue;
                }
                while (next_old < old_items.size() && old_used[old_items[next_old]]) {
                    ++next_old;
                }
                if (next_old == old_items.size()) {
                    break;
                }
                partner[n] = old_items[next_old];
                old_used[old_items[next_old]] = true;
            }
        }
        auto subject_of = [&](const std::string& k) { return prefix.empty() ? k : prefix + " " + k; };
        for (std::size_t n = 0; n < after.size(); ++n) {
            const std::string subject = subject_of(key(after[n]));
            if (partner[n] == k_none) {
                emit(Change::Kind::added, goal, subject, "", std::nullopt, summary(after[n]), what);
            } else {
                compare(before[partner[n]], after[n], subject);
            }
        }
        for (const auto& [k, old_items] : old_index) {
            for (std::size_t o : old_items) {
                if (!old_used[o]) {
                    emit(Change::Kind::removed, goal, subject_of(k), "", summary(before[o]), std::nullopt, what);
                }
            }
        }
    }

    /// Whether `compare` finds no change between two entries.
    template <typename T, typename Compare>
    bool same(const T& before, const T& after, Compare& compare)
    {
        std::vector<Change> scratch;
        std::vector<Change>* const saved = m_changes;
        m_changes = &scratch;
        compare(before, after, std::string());
        m_changes = saved;
        return scratch.empty();
    }

    void compare_meter(const Meter& before, const Meter& after, const std::string& goal)
    {
        const std::string id = after.id.value;
        compare_fields(before, after, goal, id, {"meter", "mätare"});
        compare_keyed(
            before.measurements, after.measurements,
            [](const Measurement& m) { return show(m.date).value_or("?"); }, goal, id, {"measurement", "mätning"},
            [](const Measurement& m) { return show(m.value); },
            [&](const Measurement& b, const Measurement& a, const std::string& subject) {
                if (show(b.value) != show(a.value)) {
                    emit(Change::Kind::changed, goal, subject, "value", show(b.value), show(a.value),
                         {"measurement", "mätning"});
                }
                if (show(b.note) != show(a.note)) {
                    emit(Change::Kind::changed, goal, subject, "note", show(b.note), show(a.note),
                         {"measurement", "mätning"});
                }
            });
    }

    void compare_action(const Action& before, const Action& after, const std::string& goal)
    {
        const std::string id = after.id.value;
        compare_fields(before, after, goal, id, {"action", "åtgärd"});
        compare_keyed(
            before.updates, after.updates, [](const ActionUpdate& u) { return show(u.date).value_or("?"); }, goal, id,
            {"update", "uppdatering"},
            [](const ActionUpdate& u) {
                std::string s = show_enum(u.status).value_or("");
                if (auto note = show(u.note)) {
                    s += (s.empty() ? "" : ": ") + *note;
                }
                return Value(s);
            },
            [&](const ActionUpdate& b, const ActionUpdate& a, const std::string& subject) {
                if (show_enum(b.status) != show_enum(a.status)) {
                    emit(Change::Kind::changed, goal, subject, "status", show_enum(b.status), show_enum(a.status),
                         {"update", "uppdatering"});
                }
                if (show(b.note) != show(a.note)) {
                    emit(Change::Kind::changed, goal, subject, "note", show(b.note), show(a.note),
                         {"update", "uppdatering"});
                }
            });
    }

    /// Texts of two lists compared as sets: each one that comes or goes.
    void compare_texts(const std::vector<Located<std::string>>& before, const std::vector<Located<std::string>>& after,
                       const std::string& goal, const std::string& subject, const Text& what)
    {
        auto texts = [](const std::vector<Located<std::string>>& list) {
            std::vector<std::string> out;
            for (const auto& item : list) {
                if (auto v = show(item)) {
                    out.push_back(*v);
                }
            }
            return out;
        };
        const std::vector<std::string> old_texts = texts(before);
        const std::vector<std::string> new_texts = texts(after);
        for (const std::string& t : new_texts) {
            if (std::find(old_texts.begin(), old_texts.end(), t) == old_texts.end()) {
                emit(Change::Kind::added, goal, subject, "", std::nullopt, t, what);
            }
        }
        for (const std::string& t : old_texts) {
            if (std::find(new_texts.begin(), new_texts.end(), t) == new_texts.end()) {
                emit(Change::Kind::removed, goal, subject, "", t, std::nullopt, what);
            }
        }
    }

    void compare_goal(const Goal& before, const Goal& after)
    {
        const std::string id = after.id.value;
        compare_fields(before, after, id, id, {"goal", "målsättning"});
        compare_texts(before.ways, after.ways, id, id, {"way of carrying it out", "sätt att genomföra"});
        compare_keyed(
            before.levels, after.levels, [](const LevelEntry& e) { return show(e.date).value_or("?"); }, id, id,
            {"level assessment", "nivåbedömning"}, [](const LevelEntry& e) { return show(e.level); },
            [&](const LevelEntry& b, const LevelEntry& a, const std::string& subject) {
                if (show(b.level) != show(a.level)) {
                    emit(Change::Kind::changed, id, subject, "level", show(b.level), show(a.level),
                         {"level assessment", "nivåbedömning"});
                }
                if (show(b.note) != show(a.note)) {
                    emit(Change::Kind::changed, id, subject, "note", show(b.note), show(a.note),
                         {"level assessment", "nivåbedömning"});
                }
            });
    }

private:
    std::vector<Change>* m_changes; ///< where emit() puts changes; a scratch list while same() tries a pair
};

template <typename T>
std::map<std::string, std::pair<const T*, std::string>> by_id(const Plan& plan,
                                                               const std::vector<T> Goal::*member)
{
    std::map<std::string, std::pair<const T*, std::string>> out;
    for (const Goal& g : plan.goals) {
        for (const T& item : g.*member) {
            if (item.id.ok()) {
                out.emplace(item.id.value, std::make_pair(&item, g.id.value));
            }
        }
    }
    return out;
}

/// The department an activity is in: its name, else its file.
std::string department_of(const Department& d)
{
    return d.name.ok() ? single_line(d.name.value) : d.file;
}

struct PlacedActivity {
    const Activity* activity;
    std::string department;
};

std::map<std::string, PlacedActivity> activities_by_id(const Plan& plan)
{
    std::map<std::string, PlacedActivity> out;
    for (const Department& d : plan.departments) {
        for (const Activity& a : d.activities) {
            if (a.id.ok()) {
                out.emplace(a.id.value, PlacedActivity{&a, department_of(d)});
            }
        }
    }
    return out;
}

void compare_members(Differ& d, const Plan& before, const Plan& after)
{
    std::map<std::string, const Member*> old_members;
    for (const Member& m : before.members) {
        if (m.id.ok()) {
            old_members.emplace(m.id.value, &m);
        }
    }
    std::map<std::string, bool> seen;
    for (const Member& m : after.members) {
        if (!m.id.ok()) {
            continue;
        }
        seen[m.id.value] = true;
        auto it = old_members.find(m.id.value);
        if (it == old_members.end()) {
            d.emit(Change::Kind::added, "", m.id.value, "", std::nullopt, show(m.municipality), {"member", "medlem"});
        } else {
            d.compare_fields(*it->second, m, "", m.id.value, {"member", "medlem"});
        }
    }
    for (const Member& m : before.members) {
        if (m.id.ok() && seen.count(m.id.value) == 0U) {
            d.emit(Change::Kind::removed, "", m.id.value, "", show(m.municipality), std::nullopt, {"member", "medlem"});
        }
    }
}

/// Priority areas and the departments' activities, grouped under the area
/// each activity serves; every activity line names its department.
void compare_areas(Differ& d, PlanDiff& diff, const Plan& before, const Plan& after)
{
    std::map<std::string, const PriorityArea*> old_areas;
    for (const PriorityArea& a : before.areas) {
        if (a.id.ok()) {
            old_areas.emplace(a.id.value, &a);
        }
    }
    std::map<std::string, bool> seen;
    for (const PriorityArea& a : after.areas) {
        if (!a.id.ok()) {
            continue;
        }
        const std::string& id = a.id.value;
        seen[id] = true;
        diff.goal_titles.emplace_back(id, a.title.value);
        auto it = old_areas.find(id);
        if (it == old_areas.end()) {
            d.emit(Change::Kind::added, id, id, "", std::nullopt, show(a.goal), {"priority area", "prioriterat område"});
        } else {
            d.compare_fields(*it->second, a, id, id, {"priority area", "prioriterat område"});
        }
    }
    for (const PriorityArea& a : before.areas) {
        if (a.id.ok() && seen.count(a.id.value) == 0U) {
            diff.goal_titles.emplace_back(a.id.value, a.title.value);
            d.emit(Change::Kind::removed, a.id.value, a.id.value, "", show(a.goal), std::nullopt,
                   {"priority area", "prioriterat område"});
        }
    }
    const Text what{"activity", "aktivitet"};
    const auto old_activities = activities_by_id(before);
    const auto new_activities = activities_by_id(after);
    const auto area_of = [](const Activity& a) { return a.area.ok() ? a.area.value : std::string(); };
    for (const Department& dep : after.departments) {
        for (const Activity& a : dep.activities) {
            if (!a.id.ok()) {
                continue;
            }
            const std::string department = department_of(dep);
            const std::string area = area_of(a);
            const std::size_t first = diff.changes.size();
            auto it = old_activities.find(a.id.value);
            if (it == old_activities.end()) {
                d.emit(Change::Kind::added, area, a.id.value, "", std::nullopt, show(a.what), what);
            } else {
                const Activity& old = *it->second.activity;
                if (area_of(old) != area) {
                    d.emit(Change::Kind::changed, area, a.id.value, "area", show(old.area), show(a.area), what);
                }
                if (it->second.department != department) {
                    d.emit(Change::Kind::changed, area, a.id.value, "department", it->second.department, department,
                           what);
                }
                d.compare_fields(old, a, area, a.id.value, what);
            }
            for (std::size_t i = first; i < diff.changes.size(); ++i) {
                diff.changes[i].department = department;
            }
        }
    }
    for (const auto& [id, placed] : old_activities) {
        if (new_activities.count(id) == 0U) {
            d.emit(Change::Kind::removed, area_of(*placed.activity), id, "", show(placed.activity->what),
                   std::nullopt, what);
            diff.changes.back().department = placed.department;
        }
    }
}

} // namespace

PlanDiff diff_plans(const Plan& before, const Plan& after)
{
    PlanDiff diff;
    Differ d(diff);
    d.compare_fields(before, after, "", "", {"plan", "plan"});
    d.compare_keyed(
        before.meetings, after.meetings,
        [](const Meeting& m) { return show(m.date).value_or("?") + " " + show(m.kind).value_or("?"); }, "", "",
        {"meeting", "möte"},
        [](const Meeting& m) {
            // The host is part of what a partnership's meeting is.
            Value note = show(m.note);
            if (auto host = show(m.host)) {
                return Value(note ? fmt::format("{} ({})", *note, *host) : *host);
            }
            return note;
        },
        [&](const Meeting& b, const Meeting& a, const std::string& subject) {
            if (show(b.note) != show(a.note)) {
                d.emit(Change::Kind::changed, "", subject, "note", show(b.note), show(a.note), {"meeting", "möte"});
            }
            if (show(b.goals) != show(a.goals)) {
                d.emit(Change::Kind::changed, "", subject, "goals", show(b.goals), show(a.goals), {"meeting", "möte"});
            }
            if (show(b.host) != show(a.host)) {
                d.emit(Change::Kind::changed, "", subject, "host", show(b.host), show(a.host), {"meeting", "möte"});
            }
        });
    d.compare_keyed(
        before.history, after.history,
        [](const HistoryEntry& h) { return show(h.date).value_or("?") + " " + show(h.stage).value_or("?"); }, "", "",
        {"history entry", "historikpost"},
        [](const HistoryEntry& h) {
            std::string s = show(h.by).value_or("");
            if (auto ref = show(h.ref)) {
                s += (s.empty() ? "" : ", ") + *ref;
            }
            return Value(s);
        },
        [&](const HistoryEntry& b, const HistoryEntry& a, const std::string& subject) {
            for (auto [field, bv, av] : {std::tuple{"by", show(b.by), show(a.by)}, std::tuple{"ref", show(b.ref), show(a.ref)},
                                         std::tuple{"note", show(b.note), show(a.note)}}) {
                if (bv != av) {
                    d.emit(Change::Kind::changed, "", subject, field, bv, av, {"history entry", "historikpost"});
                }
            }
        });

    d.compare_texts(before.strategies, after.strategies, "", "", {"strategy", "strategi"});
    compare_members(d, before, after);
    compare_areas(d, diff, before, after);

    // Actions and meters are matched across the whole plan, so one moved to
    // another goal is a move, not a removal and an addition.
    const auto old_actions = by_id(before, &Goal::actions);
    const auto new_actions = by_id(after, &Goal::actions);
    const auto old_meters = by_id(before, &Goal::meters);
    const auto new_meters = by_id(after, &Goal::meters);
    std::map<std::string, const Goal*> old_goals;
    for (const Goal& g : before.goals) {
        if (g.id.ok()) {
            old_goals.emplace(g.id.value, &g);
        }
    }
    for (const Goal& g : after.goals) {
        if (!g.id.ok()) {
            continue;
        }
        const std::string& id = g.id.value;
        diff.goal_titles.emplace_back(id, g.title.value);
        auto old_goal = old_goals.find(id);
        if (old_goal == old_goals.end()) {
            d.emit(Change::Kind::added, id, id, "", std::nullopt, show(g.title), {"goal", "målsättning"});
        } else {
            d.compare_goal(*old_goal->second, g);
        }
        for (const Action& a : g.actions) {
            auto it = old_actions.find(a.id.value);
            if (!a.id.ok() || it == old_actions.end()) {
                d.emit(Change::Kind::added, id, a.id.value, "", std::nullopt, show(a.what), {"action", "åtgärd"});
                continue;
            }
            if (it->second.second != id) {
                d.emit(Change::Kind::changed, id, a.id.value, "goal", it->second.second, id, {"action", "åtgärd"});
            }
            d.compare_action(*it->second.first, a, id);
        }
        for (const Meter& m : g.meters) {
            auto it = old_meters.find(m.id.value);
            if (!m.id.ok() || it == old_meters.end()) {
                d.emit(Change::Kind::added, id, m.id.value, "", std::nullopt, show(m.what), {"meter", "mätare"});
                continue;
            }
            if (it->second.second != id) {
                d.emit(Change::Kind::changed, id, m.id.value, "goal", it->second.second, id, {"meter", "mätare"});
            }
            d.compare_meter(*it->second.first, m, id);
        }
    }
    for (const Goal& g : before.goals) {
        if (g.id.ok() && std::none_of(after.goals.begin(), after.goals.end(),
                                      [&](const Goal& n) { return n.id.ok() && n.id.value == g.id.value; })) {
            diff.goal_titles.emplace_back(g.id.value, g.title.value);
            d.emit(Change::Kind::removed, g.id.value, g.id.value, "", show(g.title), std::nullopt,
                   {"goal", "målsättning"});
        }
    }
    // What is gone, under the goal it was in.
    for (const auto& [id, entry] : old_actions) {
        if (new_actions.count(id) == 0U) {
            d.emit(Change::Kind::removed, entry.second, id, "", show(entry.first->what), std::nullopt,
                   {"action", "åtgärd"});
        }
    }
    for (const auto& [id, entry] : old_meters) {
        if (new_meters.count(id) == 0U) {
            d.emit(Change::Kind::removed, entry.second, id, "", show(entry.first->what), std::nullopt,
                   {"meter", "mätare"});
        }
    }
    // Group per goal, in the order the goals are listed; plan-level first.
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < diff.goal_titles.size(); ++i) {
        order.emplace(diff.goal_titles[i].first, i + 1);
    }
    std::stable_sort(diff.changes.begin(), diff.changes.end(), [&](const Change& a, const Change& b) {
        const std::size_t oa = a.goal.empty() ? 0 : order[a.goal];
        const std::size_t ob = b.goal.empty() ? 0 : order[b.goal];
        return oa < ob;
    });
    return diff;
}

} // namespace barnplan
