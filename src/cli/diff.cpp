#include "commands.hpp"
#include "plans.hpp"

#include <barnplan/diagnostic_output.hpp>
#include <barnplan/diff.hpp>

#include <fmt/format.h>

namespace barnplan::cli {
namespace {

struct DiffOptions {
    std::vector<std::string> paths;
    std::string format = "text";
    bool exit_code = false;
};

/// A plan read from somewhere (a file, a git revision) under a display name.
struct PlanVersion {
    std::string name;
    std::string text;
};

/// Loads one version; a version that does not load as meant is reported on
/// stderr and gives nullopt: a diff of a misread plan would mislead.
std::optional<Plan> load_version(const PlanVersion& version, Language lang, const GlobalOptions& global)
{
    LoadResult loaded = load_plan(version.text, version.name);
    if (loaded.plan && count_severity(loaded.diagnostics, Severity::error) == 0) {
        return std::move(loaded.plan);
    }
    sort_diagnostics(loaded.diagnostics);
    OutputOptions out;
    out.language = lang;
    out.color = use_color(global, stderr);
    const std::string text = render_text({CheckedFile{version.name, version.text, lang, loaded.diagnostics}}, out);
    std::fputs(text.c_str(), stderr);
    return std::nullopt;
}

int show_diff(const PlanVersion& before, const PlanVersion& after, const DiffOptions& options,
              const GlobalOptions& global)
{
    Language lang = tool_language(global);
    const std::optional<Plan> old_plan = load_version(before, lang, global);
    const std::optional<Plan> new_plan = load_version(after, lang, global);
    if (!old_plan || !new_plan) {
        print_error(lang, {"cannot compare plans that do not load; fix the problems above first",
                           "kan inte jämföra planer som inte går att läsa; rätta problemen ovan först"});
        return k_exit_usage;
    }
    if (global.lang.empty() && new_plan->language.ok()) {
        lang = new_plan->language.value;
    }
    const PlanDiff diff = diff_plans(*old_plan, *new_plan);
    DiffRenderOptions render;
    render.language = lang;
    render.old_name = before.name;
    render.new_name = after.name;
    render.color = options.format == "text" && use_color(global, stdout);
    if (options.format == "json") {
        print_out(render_diff_json(diff, render));
    } else if (options.format == "markdown") {
        print_out(render_diff_markdown(diff, render));
    } else {
        print_out(render_diff_text(diff, render));
    }
    return options.exit_code && !diff.empty() ? k_exit_findings : k_exit_clean;
}

int run_diff(const DiffOptions& options, const GlobalOptions& global)
{
    const Language lang = tool_language(global);
    if (options.paths.size() != 2) {
        print_error(lang, {"give two plan files: barnplan diff OLD.yaml NEW.yaml",
                           "ange två planfiler: barnplan diff GAMMAL.yaml NY.yaml"});
        return k_exit_usage;
    }
    PlanVersion versions[2];
    for (std::size_t i = 0; i < 2; ++i) {
        std::string error;
        std::optional<std::string> text = read_file(options.paths[i], error);
        if (!text) {
            print_error(lang, {fmt::format("cannot read '{}': {}", options.paths[i], error),
                               fmt::format("kan inte läsa '{}': {}", options.paths[i], error)});
            return k_exit_usage;
        }
        versions[i] = {options.paths[i], std::move(*text)};
    }
    return show_diff(versions[0], versions[1], options, global);
}

} // namespace

Runner setup_diff(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<DiffOptions>();
    sub.add_option("paths", options->paths, "OLD.yaml NEW.yaml");
    sub.add_option("--format,-f", options->format, "Output: text, markdown or json")
        ->check(CLI::IsMember({"text", "markdown", "json"}));
    sub.add_flag("--exit-code", options->exit_code, "Exit 1 when the plans differ in meaning");
    return [options, &global]() { return run_diff(*options, global); };
}

} // namespace barnplan::cli
