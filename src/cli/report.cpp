#include "commands.hpp"
#include "plans.hpp"
#include "departments.hpp"

#include <barnplan/diagnostic_output.hpp>
#include <barnplan/report_render.hpp>
#include <barnplan/version.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>

namespace barnplan::cli {
namespace {

using Renderer = std::string (*)(const std::vector<PlanReport>&, const RenderOptions&);

struct ReportFormat {
    std::string_view name;
    std::vector<std::string_view> extensions;
    Renderer render;
};

/// Every output format, by name and by the extensions -o infers it from.
const std::vector<ReportFormat>& report_formats()
{
    static const std::vector<ReportFormat> k_formats{
        {"text", {".txt"}, &render_report_text},
        {"json", {".json"}, &render_report_json},
        {"html", {".html", ".htm"}, &render_report_html},
        {"markdown", {".md", ".markdown"}, &render_report_markdown},
        {"csv", {".csv"}, &render_report_csv},
    };
    return k_formats;
}

struct ReportCliOptions {
    std::vector<std::string> paths;
    std::string format;
    std::string output;
    std::string as_of;
    std::string goal;
    std::string owner;
    std::string department;
    bool late = false;
    bool detail = false;
    std::size_t width = 0;
    std::optional<int> stale_days; ///< absent: the configuration's (365 by default)
};

std::size_t terminal_width()
{
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
        const long n = std::strtol(columns, nullptr, 10);
        if (n >= 40 && n <= 1000) {
            return static_cast<std::size_t>(n);
        }
    }
    winsize ws{};
    if (isatty(STDOUT_FILENO) != 0 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) {
        return ws.ws_col;
    }
    return 100; // a pipe or a file: wide enough for a table, narrow enough to print
}

const ReportFormat* pick_format(const ReportCliOptions& options, Language lang)
{
    std::string name = options.format;
    if (name.empty() && !options.output.empty() && options.output != "-") {
        const std::size_t dot = options.output.rfind('.');
        std::string ext = dot == std::string::npos ? "" : options.output.substr(dot);
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        for (const ReportFormat& f : report_formats()) {
            if (std::find(f.extensions.begin(), f.extensions.end(), ext) != f.extensions.end()) {
                return &f;
            }
        }
        print_error(lang, {fmt::format("cannot tell the format from '{}'; add --format", options.output),
                           fmt::format("kan inte avgöra formatet av '{}'; ange --format", options.output)});
        return nullptr;
    }
    if (name.empty()) {
        name = "text";
    }
    for (const ReportFormat& f : report_formats()) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

int run_report(const ReportCliOptions& options, const GlobalOptions& global)
{
    ConfigFinder configs(global);
    const Language lang = tool_language(global, configs.for_path(options.paths.front()).config);
    if (configs.failed()) {
        return k_exit_usage;
    }
    Text date_error;
    std::string error;
    GlobalOptions dated = global;
    if (!options.as_of.empty()) {
        dated.today = options.as_of;
    }
    const std::optional<Date> as_of = resolve_today(dated, date_error);
    if (!as_of) {
        if (!options.as_of.empty()) {
            date_error = {fmt::format("--as-of '{}' is not a date (YYYY-MM-DD)", options.as_of),
                          fmt::format("--as-of '{}' är inget datum (ÅÅÅÅ-MM-DD)", options.as_of)};
        }
        print_error(lang, date_error);
        return k_exit_usage;
    }
    const ReportFormat* format = pick_format(options, lang);
    if (format == nullptr) {
        return k_exit_usage;
    }
    ReportOptions report_options;
    report_options.as_of = *as_of;
    report_options.goal = options.goal;
    report_options.owner = options.owner;
    report_options.department = options.department;
    report_options.late_only = options.late;

    bool io_error = false;
    bool unreadable = false;
    std::vector<PlanReport> reports;
    bool goal_found = options.goal.empty();
    bool department_found = options.department.empty();
    std::vector<CheckedFile> broken;
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
        const Config& config = candidate_configs[i]->config;
        std::optional<LoadedFile> loaded = load_candidate(c, lang, false, io_error);
        if (!loaded) {
            continue;
        }
        // A plan that does not load as meant cannot be reported honestly;
        // rule findings do not stop a report (that is validate's job).
        if (!loaded->result.plan || count_severity(loaded->result.diagnostics, Severity::error) > 0) {
            unreadable = true;
            for (CheckedFile& f : split_by_file(loaded->path, std::move(loaded->text), loaded->result.sources,
                                                std::move(loaded->result.diagnostics), lang)) {
                if (!f.diagnostics.empty() || f.name == loaded->path) {
                    broken.push_back(std::move(f));
                }
            }
            continue;
        }
        for (const Goal& g : loaded->result.plan->goals) {
            goal_found = goal_found || (g.id.ok() && g.id.value == options.goal);
        }
        for (const Department& d : loaded->result.plan->departments) {
            std::string name = d.name.value;
            std::string wanted = options.department;
            auto low = [](std::string& s) {
                std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            };
            low(name);
            low(wanted);
            department_found = department_found || name == wanted;
        }
        report_options.stale_days = options.stale_days.value_or(config.thresholds.stale_days);
        report_options.soon_days = config.thresholds.due_soon_days;
        PlanReport report = build_report(*loaded->result.plan, report_options);
        if (global.lang.empty() && config.language) {
            report.language = *config.language;
        } else if (!loaded->result.plan->language.ok()) {
            report.language = lang; // no (or a Finnish) language key: the reader's language
        }
        reports.push_back(std::move(report));
    }
    if (!broken.empty()) {
        OutputOptions out;
        out.language = lang;
        out.color = use_color(global, stderr);
        const std::string text = render_text(broken, out);
        std::fputs(text.c_str(), stderr);
        print_error(lang, {"the plans above cannot be read as meant and are left out of the report; "
                           "'barnplan validate' shows the same",
                           "planerna ovan kan inte läsas som avsett och är utelämnade ur rapporten; "
                           "'barnplan validate' visar detsamma"});
    }
    if (reports.empty()) {
        if (!io_error && broken.empty()) {
            print_error(lang, {"no barnplan plans found (a plan is a .yaml file with a 'barnplan:' key)",
                               "inga barnplan-planer hittades (en plan är en .yaml-fil med nyckeln 'barnplan:')"});
        }
        return io_error || broken.empty() ? k_exit_usage : k_exit_findings;
    }
    // Checked against the plans' ids, not against what other filters left.
    if (!goal_found) {
        print_error(lang, {fmt::format("no plan has a goal '{}'", options.goal),
                           fmt::format("ingen plan har målsättningen '{}'", options.goal)});
        return k_exit_usage;
    }
    if (!department_found) {
        print_error(lang, {fmt::format("no plan has a department '{}'", options.department),
                           fmt::format("ingen plan har avdelningen '{}'", options.department)});
        return k_exit_usage;
    }
    RenderOptions render;
    render.language = lang;
    if (global.lang.empty() &&
        std::all_of(reports.begin(), reports.end(), [&](const PlanReport& r) { return r.language == reports[0].language; })) {
        render.language = reports[0].language;
    }
    render.detail = options.detail;
    render.tool_version = std::string(k_version);
    render.color = options.output.empty() && format->name == "text" && use_color(global, stdout);
    render.width = options.width != 0 ? options.width : (options.output.empty() ? terminal_width() : 100);
    const std::string text = format->render(reports, render);
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
    return unreadable ? k_exit_findings : k_exit_clean;
}

} // namespace

Runner setup_report(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<ReportCliOptions>();
    std::vector<std::string> names;
    for (const ReportFormat& f : report_formats()) {
        names.emplace_back(f.name);
    }
    sub.add_option("paths", options->paths, "Plan files or directories (default: the current directory)");
    sub.add_option("--format,-f", options->format, "Output format (default: from -o's extension, else text)")
        ->check(CLI::IsMember(names));
    sub.add_option("--output,-o", options->output, "Write to this file (atomically) instead of standard output");
    sub.add_option("--as-of", options->as_of, "Report as of this date (YYYY-MM-DD); default today");
    sub.add_option("--goal", options->goal, "Only this goal (by id)");
    sub.add_option("--owner", options->owner, "Only actions whose owner contains this text");
    sub.add_option("--department", options->department,
                   "Barnrättsresan: only this department's activities (its name, any case)");
    sub.add_flag("--late", options->late, "Only what is late or at risk");
    sub.add_flag("--detail", options->detail, "With several plans: each plan's detail after the overview");
    sub.add_option("--width", options->width, "Table width in columns (default: the terminal's, else 100)")
        ->check(CLI::Range(40, 1000));
    sub.add_option("--stale-days", options->stale_days,
                   "A measurement older than this many days cannot show the state "
                   "(default: the configuration's stale-days, else 365)")
        ->check(CLI::Range(1, 10000));
    return [options, &global]() {
        if (options->paths.empty()) {
            options->paths.emplace_back(".");
        }
        return run_report(*options, global);
    };
}

} // namespace barnplan::cli
