// libFuzzer target: the edit engine with untrusted arguments. A valid example
// plan (or, after the separator line, a fuzzed plan text) gets a record, a
// stage change or a raw key/list edit with fuzzed ids, values, dates and notes,
// as `barnplan record` and `barnplan advance` pass them on. Whatever the edit
// engine returns must load, must keep every comment, may change only the lines
// of the edit, and must mean what was asked. Build with -DBARNPLAN_FUZZ=ON
// (clang); run tests/fuzz/run.sh.
//
// Input: one selector byte, then up to seven arguments separated by '\n':
// id, value, date, note, kind (meeting kind or stage), by, ref.

#include <barnplan/date.hpp>
#include <barnplan/diff.hpp>
#include <barnplan/edit.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/yaml_tree.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef BARNPLAN_SOURCE_DIR
#error "BARNPLAN_SOURCE_DIR must name the source tree, for the example plans"
#endif

namespace {

constexpr std::string_view k_separator = "\n#barnplan-fuzz-plan\n";

const std::vector<std::string>& examples()
{
    static const std::vector<std::string> k_examples = [] {
        std::vector<std::string> out;
        for (const char* name : {"exempelby.yaml", "riverton.yaml", "natverket.yaml", "myndigheten/plan.yaml"}) {
            std::ifstream in(std::string(BARNPLAN_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            if (text.str().empty()) {
                std::fprintf(stderr, "fuzz_edit: cannot read examples/%s\n", name);
                std::abort();
            }
            out.push_back(text.str());
        }
        return out;
    }();
    return k_examples;
}

[[noreturn]] void fail(const char* what, std::string_view before, std::string_view after)
{
    std::fprintf(stderr, "fuzz_edit: %s\n--- before (%zu bytes)\n%.*s\n--- after (%zu bytes)\n%.*s\n", what,
                 before.size(), static_cast<int>(std::min<std::size_t>(before.size(), 4000)), before.data(),
                 after.size(), static_cast<int>(std::min<std::size_t>(after.size(), 4000)), after.data());
    std::abort();
}

std::vector<std::string_view> lines_of(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        out.push_back(line);
        at = end + 1;
    }
    return out;
}

bool is_comment(std::string_view line)
{
    const std::size_t first = line.find_first_not_of(" \t");
    return first != std::string_view::npos && line[first] == '#';
}

/// The edit keeps what the person wrote: every comment line survives and at
/// most `max_replaced` lines of the old text are gone (the edited values).
void check_preserved(std::string_view before, std::string_view after, std::size_t max_replaced)
{
    std::map<std::string_view, std::size_t> left;
    for (std::string_view line : lines_of(after)) {
        ++left[line];
    }
    std::size_t replaced = 0;
    for (std::string_view line : lines_of(before)) {
        auto it = left.find(line);
        if (it != left.end() && it->second > 0) {
            --it->second;
            continue;
        }
        if (is_comment(line)) {
            fail("a comment line was lost", before, after);
        }
        ++replaced;
    }
    if (replaced > max_replaced) {
        fail("the edit changed more lines than its own", before, after);
    }
}

/// The string a scalar node reads back as, following `key` from the root.
const barnplan::YamlNode* root_value(const barnplan::YamlDocument& doc, std::string_view key)
{
    if (!doc.root || !doc.root->is_mapping()) {
        return nullptr;
    }
    const auto* entry = doc.root->find(key);
    return entry == nullptr ? nullptr : &entry->second;
}

barnplan::Date date_from(std::string_view text, std::uint8_t salt)
{
    if (auto d = barnplan::Date::parse(text)) {
        return *d;
    }
    // Mostly dates inside the examples' periods, sometimes far outside.
    return *barnplan::Date::from_ymd(2020 + (salt % 12), 1 + (salt % 12), 1 + (salt % 28));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace barnplan;
    if (size == 0) {
        return 0;
    }
    std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::uint8_t selector = data[0];
    std::string plan_text = examples()[(selector >> 4U) % examples().size()];
    const bool fuzzed_plan = input.find(k_separator) != std::string_view::npos;
    if (const std::size_t cut = input.find(k_separator); cut != std::string_view::npos) {
        plan_text = std::string(input.substr(cut + k_separator.size()));
        input = input.substr(0, cut);
    }
    std::vector<std::string> args;
    for (std::string_view line : lines_of(input)) {
        if (args.size() == 7) {
            break;
        }
        args.emplace_back(line);
    }
    args.resize(7);
    const std::string& id = args[0];
    const std::string& value = args[1];
    const Date date = date_from(args[2], selector);
    const std::string& note = args[3];
    const std::string& kind = args[4];

    const LoadResult before = load_plan(plan_text, "plan.yaml");
    const std::size_t errors_before = count_severity(before.diagnostics, Severity::error);
    const unsigned op = selector % 5U;
    std::optional<std::string> edited;
    if (op <= 2) {
        PlanEdit edit;
        if (op == 2) {
            edit = set_plan_stage(plan_text, "plan.yaml", StageRequest{kind, date, args[5], args[6], note});
        } else {
            RecordRequest request;
            request.id = op == 0 ? id : std::string();
            request.value = value;
            request.date = date;
            if (!note.empty()) {
                request.note = note;
            }
            request.replace = (selector & 8U) != 0;
            request.meeting_kind = op == 1 ? kind : std::string();
            edit = record_in_plan(plan_text, "plan.yaml", request);
        }
        if (!edit.text) {
            if (edit.diagnostics.empty()) {
                fail("an edit was refused without a reason", plan_text, {});
            }
            return 0;
        }
        edited = std::move(edit.text);
        // A record or a stage change is one value and one entry: two lines of
        // the old text at most (a flow list's closing line, a replaced value).
        check_preserved(plan_text, *edited, 2);
        const LoadResult after = load_plan(*edited, "plan.yaml");
        if (!after.plan) {
            fail("the edited plan does not load", plan_text, *edited);
        }
        if (count_severity(after.diagnostics, Severity::error) > errors_before) {
            fail("the edit brought a new error", plan_text, *edited);
        }
        if (before.plan) {
            const PlanDiff diff = diff_plans(*before.plan, *after.plan);
            if (diff.empty() || diff.changes.size() > 3) {
                fail("the edit does not mean one recorded change", plan_text, *edited);
            }
        }
        return 0;
    }

    // The text level: a key set to a string, or an entry appended to a list.
    // Its callers pass text (record and advance refuse other bytes first).
    // Keys are the format's own (record and advance name them, never the
    // user): plain words, written as they are.
    const bool plain_key = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }) && id.front() >= 'a' && id.front() <= 'z';
    const std::string key = plain_key ? id : std::string("note");
    for (const std::string* arg : {&key, &value}) {
        if (find_invalid_utf8(*arg) != std::string::npos ||
            std::any_of(arg->begin(), arg->end(), [](char c) {
                return (static_cast<unsigned char>(c) < 0x20U && c != '\n') || c == 0x7F;
            })) {
            return 0;
        }
    }
    TextEdit edit;
    if (op == 3) {
        edit = yaml_set_scalar(plan_text, "plan.yaml", {}, key, yaml_scalar(value, (selector & 8U) != 0));
    } else {
        edit = yaml_append_entry(plan_text, "plan.yaml", {}, key,
                                 {YamlField{"date", date.iso(), false}, YamlField{"note", value, true}});
    }
    if (!edit.text) {
        return 0;
    }
    check_preserved(plan_text, *edit.text, 2);
    const YamlDocument doc_after = parse_yaml(*edit.text, "plan.yaml");
    if (!doc_after.root) {
        // yaml-cpp takes some invalid YAML (a continuation line less indented
        // than its scalar); an edit after such a line may then no longer
        // parse. record and advance re-read every edit and refuse those (the
        // plan-level operations above check that); the examples must always
        // edit cleanly.
        if (!fuzzed_plan) {
            fail("the edited text is no YAML document", plan_text, *edit.text);
        }
        return 0;
    }
    const YamlNode* node = root_value(doc_after, key);
    if (node == nullptr) {
        fail("the edited key is not in the document", plan_text, *edit.text);
    }
    if (op == 3 && (!node->is_scalar() || node->value != value)) {
        fail("the value does not read back as written", plan_text, *edit.text);
    }
    if (op == 4) {
        if (!node->is_sequence() || node->items.empty() || !node->items.back().is_mapping()) {
            fail("the appended entry is not the list's last mapping", plan_text, *edit.text);
        }
        const auto* written = node->items.back().find("note");
        if (written == nullptr || written->second.value != value) {
            fail("the appended note does not read back as written", plan_text, *edit.text);
        }
    }
    return 0;
}
