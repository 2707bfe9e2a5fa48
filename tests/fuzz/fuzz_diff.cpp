// libFuzzer target: two untrusted versions of a plan through the diff — load
// both, compare them, render the changes as text, Markdown and JSON. The input
// is the old version, the separator line below, then the new version; without
// a separator the input is compared with itself, which must show no change.
// Build with -DBARNPLAN_FUZZ=ON (clang); run tests/fuzz/run.sh.

#include <barnplan/diff.hpp>
#include <barnplan/loader.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

/// Splits the two versions; tests/fuzz/run.sh joins seed pairs with it and
/// plan.dict holds it so mutations can move it.
constexpr std::string_view k_separator = "\n#barnplan-fuzz-next-version\n";

volatile std::size_t g_sink = 0;

void sink(const std::string& s)
{
    g_sink = g_sink + s.size();
}

void render_all(const barnplan::PlanDiff& diff, barnplan::Language lang, bool color)
{
    using namespace barnplan;
    DiffRenderOptions options;
    options.language = lang;
    options.color = color;
    options.old_name = "HEAD:plans/fuzz.yaml";
    options.new_name = "plans/fuzz.yaml";
    sink(render_diff_text(diff, options));
    sink(render_diff_markdown(diff, options));
    sink(render_diff_json(diff, options));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace barnplan;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t cut = input.find(k_separator);
    const std::string_view old_text = cut == std::string_view::npos ? input : input.substr(0, cut);
    const std::string_view new_text =
        cut == std::string_view::npos ? input : input.substr(cut + k_separator.size());

    const std::size_t h = size == 0 ? 0 : (size * 31U) ^ data[size - 1];
    const Language lang = (h & 1U) != 0 ? Language::en : Language::sv;
    const bool color = (h & 2U) != 0;

    const LoadResult before = load_plan(old_text, "old.yaml");
    const LoadResult after = load_plan(new_text, "new.yaml");
    if (!before.plan || !after.plan) {
        return 0;
    }
    // The CLI diffs only versions that load without errors; the core takes any
    // plan the loader returns, so the fuzzer does too.
    const PlanDiff diff = diff_plans(*before.plan, *after.plan);
    render_all(diff, lang, color);

    // A version compared with itself has no change in meaning. Entries are
    // matched by id, so this holds for what the CLI diffs: plans the loader
    // reports no error in (it refuses duplicate ids, for one).
    const PlanDiff same = diff_plans(*after.plan, *after.plan);
    if (count_severity(after.diagnostics, Severity::error) == 0 && !same.empty()) {
        std::fprintf(stderr, "a plan compared with itself shows %zu change(s); first: %s %s\n", same.changes.size(),
                     same.changes.front().subject.c_str(), same.changes.front().field.c_str());
        std::abort();
    }
    render_all(same, lang, color);
    return 0;
}
