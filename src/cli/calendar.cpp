#include "commands.hpp"
#include "departments.hpp"
#include "plans.hpp"

#include <barnplan/calendar.hpp>
#include <barnplan/diagnostic_output.hpp>
#include <barnplan/version.hpp>

#include <fmt/format.h>

namespace barnplan::cli {
namespace {

struct CalendarCliOptions {
    std::vector<std::string> paths;
    std::string output;
};

int run_calendar(const CalendarCliOptions& options, const GlobalOptions& global)
{
    ConfigFinder configs(global);
    const Language lang = tool_language(global, configs.for_path(options.paths.front()).config);
    if (configs.failed()) {
        return k_exit_usage;
    }
    Text date_error;
    const std::optional<Date> today = resolve_today(global, date_error);
    if (!today) {
        print_error(lang, date_error);
        return k_exit_usage;
    }
    bool io_error = false;
    std::vector<Plan> plans;
    std::vector<CheckedFile> broken;
    Language plan_language = lang;
    const std::vector<Candidate> candidates = collect_plan_files(options.paths, lang, io_error, &configs);
    std::vector<const ProjectConfig*> candidate_configs;
    for (const Candidate& c : candidates) {
        candidate_configs.push_back(&configs.for_path(c.path));
    }
    if (configs.failed()) {
        return k_exit_usage;
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        std::optional<LoadedFile> loaded = load_candidate(c, lang, false, io_error);
        if (!loaded) {
            continue;
        }
        // Dates from a misread plan would put wrong days in people's calendars.
        if (!loaded->result.plan || count_severity(loaded->result.diagnostics, Severity::error) > 0) {
            for (CheckedFile& f : split_by_file(loaded->path, std::move(loaded->text), loaded->result.sources,
                                                std::move(loaded->result.diagnostics), lang)) {
                if (!f.diagnostics.empty() || f.name == loaded->path) {
                    broken.push_back(std::move(f));
                }
            }
            continue;
        }
        if (plans.empty()) {
            plan_language = cli::plan_language(global, candidate_configs[i]->config, *loaded->result.plan);
        }
        plans.push_back(std::move(*loaded->result.plan));
    }
    if (!broken.empty()) {
        OutputOptions out;
        out.language = lang;
        out.color = use_color(global, stderr);
        const std::string text = render_text(broken, out);
        std::fputs(text.c_str(), stderr);
        print_error(lang, {"the plans above cannot be read as meant and are left out of the calendar",
                           "planerna ovan kan inte läsas som avsett och är utelämnade ur kalendern"});
    }
    if (plans.empty()) {
        if (!io_error && broken.empty()) {
            print_error(lang, {"no barnplan plans found (a plan is a .yaml file with a 'barnplan:' key)",
                               "inga barnplan-planer hittades (en plan är en .yaml-fil med nyckeln 'barnplan:')"});
        }
        return io_error || broken.empty() ? k_exit_usage : k_exit_findings;
    }
    std::vector<const Plan*> pointers;
    for (const Plan& p : plans) {
        pointers.push_back(&p);
    }
    CalendarOptions calendar;
    calendar.stamp = *today;
    calendar.language = plan_language;
    calendar.tool_version = std::string(k_version);
    const std::string text = render_calendar(pointers, calendar);
    std::string error;
    if (options.output.empty() || options.output == "-") {
        print_out(text);
    } else if (!write_file_atomically(options.output, text, error)) {
        print_error(lang, {fmt::format("cannot write '{}': {}", options.output, error),
                           fmt::format("kan inte skriva '{}': {}", options.output, error)});
        return k_exit_usage;
    }
    if (io_error) {
        return k_exit_usage;
    }
    return broken.empty() ? k_exit_clean : k_exit_findings;
}

} // namespace

Runner setup_calendar(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<CalendarCliOptions>();
    sub.add_option("paths", options->paths, "Plan files or directories (default: the current directory)");
    sub.add_option("--output,-o", options->output, "Write the .ics file here (atomically) instead of standard output");
    return [options, &global]() {
        if (options->paths.empty()) {
            options->paths.emplace_back(".");
        }
        return run_calendar(*options, global);
    };
}

} // namespace barnplan::cli
