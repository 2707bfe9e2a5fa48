#include "commands.hpp"
#include "config_file.hpp"
#include "departments.hpp"
#include "edit_file.hpp"

#include <barnplan/edit.hpp>
#include <barnplan/lifecycle.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/rules.hpp>

#include <fmt/format.h>

#include <cstdio>

namespace barnplan::cli {
namespace {

struct AdvanceOptions {
    std::string file;
    std::string to;
    std::string date;
    std::string by;
    std::string ref;
    std::string note;
    bool dry_run = false;
};

/// Prints findings about the plan and its department files, each with its own text.
void print_joint_problems(const PlanFile& file, const LoadResult& loaded, Diagnostics diagnostics, Language lang,
                          const GlobalOptions& global)
{
    OutputOptions out;
    out.language = lang;
    out.color = use_color(global, stderr);
    out.summary = false;
    std::vector<CheckedFile> files = split_by_file(file.path, file.text, loaded.sources, std::move(diagnostics), lang);
    std::erase_if(files, [](const CheckedFile& f) { return f.diagnostics.empty(); });
    std::fputs(render_text(files, out).c_str(), stderr);
}

std::string stage_list(Model model)
{
    std::string out;
    for (std::string_view s : lifecycle_of(model).stages) {
        out += (out.empty() ? "" : ", ") + std::string(s);
    }
    return out;
}

int run_advance(const AdvanceOptions& options, const GlobalOptions& global)
{
    ConfigFinder configs(global);
    const Config& config = configs.for_path(options.file).config;
    Language lang = tool_language(global, config);
    if (configs.failed()) {
        return k_exit_usage;
    }
    Text error;
    const std::optional<Date> today = resolve_today(global, error);
    if (!today) {
        print_error(lang, error);
        return k_exit_usage;
    }
    const std::optional<PlanFile> file = read_plan_file(options.file, lang);
    if (!file) {
        return k_exit_usage;
    }
    lang = plan_language(*file, global, config);
    // A Barnrättsresan plan is checked with its department files.
    const FileResolver departments(file->path);
    const LoadResult loaded = load_plan(file->text, file->path, {}, &departments);
    if (!loaded.plan || !loaded.plan->model.ok()) {
        print_joint_problems(*file, loaded, loaded.diagnostics, lang, global);
        print_error(lang, {"cannot advance: the file is not a plan with a known model",
                           "kan inte flytta planen: filen är ingen plan med en känd modell"});
        return k_exit_usage;
    }
    const Plan& plan = *loaded.plan;
    const Model model = plan.model.value;
    AdvanceRequest request;
    request.from = plan.stage.ok() ? plan.stage.value : std::string(lifecycle_of(model).stages.front());
    if (!stage_index(model, request.from)) {
        print_error(lang, {fmt::format("the plan's stage '{}' is not a stage of {} ({})", request.from,
                                       to_string(model), stage_list(model)),
                           fmt::format("planens skede '{}' är inget skede i {} ({})", request.from, to_string(model),
                                       stage_list(model))});
        return k_exit_usage;
    }
    if (options.to.empty()) {
        const auto next = next_stage(model, request.from);
        if (!next) {
            print_error(lang, {fmt::format("the plan is at {}, the last stage of {}", request.from, to_string(model)),
                               fmt::format("planen är i {}, det sista skedet i {}", request.from, to_string(model))});
            return k_exit_usage;
        }
        request.to = std::string(*next);
    } else {
        request.to = options.to;
    }
    const auto to_index = stage_index(model, request.to);
    if (!to_index) {
        print_error(lang,
                    {fmt::format("'{}' is not a stage of {} ({})", request.to, to_string(model), stage_list(model)),
                     fmt::format("'{}' är inget skede i {} ({})", request.to, to_string(model), stage_list(model))});
        return k_exit_usage;
    }
    if (*to_index <= *stage_index(model, request.from)) {
        print_error(
            lang,
            {fmt::format("the plan is at {}; advance only moves it forward, not to {}", request.from, request.to),
             fmt::format("planen är i {}; advance flyttar den bara framåt, inte till {}", request.from, request.to)});
        return k_exit_usage;
    }
    request.date = *today;
    if (!options.date.empty()) {
        const auto d = Date::parse(options.date);
        if (!d) {
            print_error(lang, {fmt::format("'{}' is not a date (YYYY-MM-DD)", options.date),
                               fmt::format("'{}' är inget datum (ÅÅÅÅ-MM-DD)", options.date)});
            return k_exit_usage;
        }
        request.date = *d;
        request.date_given = true;
    }
    request.by = options.by;
    request.ref = options.ref;
    request.note = options.note;

    Diagnostics problems = loaded.diagnostics;
    const Diagnostics found = check_plan(plan, rule_context(config, *today));
    problems.insert(problems.end(), found.begin(), found.end());
    apply_rule_settings(config, problems);
    const Diagnostics unmet = check_gates(plan, request, problems);
    if (!unmet.empty()) {
        print_joint_problems(*file, loaded, unmet, lang, global);
        print_error(
            lang, {fmt::format("cannot move the plan from {} to {}: {} {} not met; the file is unchanged", request.from,
                               request.to, unmet.size(), unmet.size() == 1 ? "condition" : "conditions"),
                   fmt::format("kan inte flytta planen från {} till {}: {} {} inte uppfyllda; filen är oförändrad",
                               request.from, request.to, unmet.size(), unmet.size() == 1 ? "villkor" : "villkor")});
        return k_exit_findings;
    }
    const PlanEdit edit =
        set_plan_stage(file->text, file->path, {request.to, request.date, request.by, request.ref, request.note});
    if (!edit.text) {
        print_problems(*file, edit.diagnostics, lang, global);
        print_error(lang,
                    {"the stage was not changed; the file is unchanged", "skedet ändrades inte; filen är oförändrad"});
        return k_exit_usage;
    }
    Text summary = edit.summary;
    if (request.to == "recognized") {
        const std::string until = recognition_valid_until(plan, request.date).iso();
        summary.en += fmt::format("; the recognition is valid until {}", until);
        summary.sv += fmt::format("; erkännandet gäller till {}", until);
    }
    return write_edit(*file, *edit.text, options.dry_run, summary, lang, global);
}

} // namespace

Runner setup_advance(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<AdvanceOptions>();
    sub.add_option("file", options->file, "The plan file")->required();
    sub.add_option("--to", options->to,
                   "The stage to move to (default: the next one); skipping checks every gate between");
    sub.add_option("--date", options->date, "The day of the step or decision (default: today)");
    sub.add_option("--by", options->by, "Who approved or decided (e.g. UNICEF, Kommunstyrelsen)");
    sub.add_option("--ref", options->ref, "The decision's reference (e.g. \"§ 57\")");
    sub.add_option("--note", options->note, "A note for the history entry");
    sub.add_flag("--dry-run,-n", options->dry_run,
                 "Check the gates and print the change as a unified diff; write nothing");
    return [options, &global]() { return run_advance(*options, global); };
}

} // namespace barnplan::cli
