// libFuzzer target: untrusted bytes through the whole pipeline a pull request
// can reach — load, rules, report, every report format, every diagnostic
// format. A crash, a sanitizer report, a hang or a memory blow-up anywhere in
// it is a finding. Build with -DBARNPLAN_FUZZ=ON (clang); run tests/fuzz/run.sh.

#include <barnplan/date.hpp>
#include <barnplan/diagnostic.hpp>
#include <barnplan/diagnostic_output.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/report.hpp>
#include <barnplan/report_render.hpp>
#include <barnplan/rules.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

// A fixed "today" keeps every run reproducible; it lies inside the periods of
// the example plans the corpus starts from, so dated rules take both branches.
const barnplan::Date k_today = *barnplan::Date::from_ymd(2026, 11, 23);

/// Consumes the returned text so the optimiser cannot drop a render.
volatile std::size_t g_sink = 0;

void sink(const std::string& s)
{
    g_sink = g_sink + s.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace barnplan;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string file = "fuzz.yaml";

    LoadResult loaded = load_plan(text, file, YamlLimits{});

    // Options the user picks on the command line, varied by the input itself so
    // that one corpus covers both languages, colour and narrow tables while a
    // given input always takes the same path.
    const std::size_t h = size == 0 ? 0 : (size * 31U) ^ data[0] ^ (static_cast<std::size_t>(data[size - 1]) << 3U);
    const Language lang = (h & 1U) != 0 ? Language::en : Language::sv;
    const bool color = (h & 2U) != 0;

    CheckedFile checked;
    checked.name = file;
    checked.text = std::string(text);
    checked.language = lang;
    checked.diagnostics = loaded.diagnostics;

    if (loaded.plan) {
        const Plan& plan = *loaded.plan;
        Diagnostics found = check_plan(plan, RuleContext{k_today});
        checked.diagnostics.insert(checked.diagnostics.end(), found.begin(), found.end());

        // The CLI reports only plans without loader errors; the core API takes
        // any plan the loader returns, so the fuzzer does too.
        ReportOptions report_options;
        report_options.as_of = k_today;
        if ((h & 4U) != 0) {
            report_options.late_only = true;
            report_options.owner = "a";
        }
        if ((h & 8U) != 0 && !plan.goals.empty() && plan.goals.front().id.ok()) {
            report_options.goal = plan.goals.front().id.value;
        }
        std::vector<PlanReport> one{build_report(plan, report_options)};

        RenderOptions render;
        render.language = lang;
        render.color = color;
        render.width = 40 + (h >> 4U) % 120U; // the CLI's range starts at 40
        render.tool_version = "fuzz";
        render.detail = (h & 16U) != 0;

        sink(render_report_text(one, render));
        sink(render_report_json(one, render));
        sink(render_report_markdown(one, render));
        sink(render_report_csv(one, render));
        sink(render_report_html(one, render));

        // Two plans: the portfolio view, a different code path in every format.
        std::vector<PlanReport> two{one.front(), one.front()};
        two.back().file = "other.yaml";
        sink(render_report_text(two, render));
        sink(render_report_json(two, render));
        sink(render_report_markdown(two, render));
        sink(render_report_csv(two, render));
        sink(render_report_html(two, render));
    }

    sort_diagnostics(checked.diagnostics);
    OutputOptions out;
    out.language = lang;
    out.color = color;
    out.verbose = true;
    out.tool_version = "fuzz";
    const std::vector<CheckedFile> files{checked};
    sink(render_text(files, out));
    sink(render_json(files, out));
    sink(render_github(files, out));
    return 0;
}
