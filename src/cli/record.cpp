#include "commands.hpp"
#include "config_file.hpp"
#include "edit_file.hpp"

#include <barnplan/edit.hpp>

#include <fmt/format.h>

namespace barnplan::cli {
namespace {

struct RecordOptions {
    std::string file;
    std::string id;
    std::string value;
    std::string date;
    std::string note;
    bool has_note = false;
    bool replace = false;
    bool dry_run = false;
    std::string meeting;
    std::string kind;
    std::string host;
};

int run_record(const RecordOptions& options, const GlobalOptions& global)
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
    RecordRequest request;
    request.replace = options.replace;
    if (options.has_note) {
        request.note = options.note;
    }
    std::string date_text = options.date;
    if (!options.meeting.empty()) {
        if (!options.id.empty() || options.kind.empty()) {
            print_error(lang, {"--meeting DATE takes --kind KIND and no ID or VALUE",
                               "--meeting DATUM tar --kind TYP och inget ID eller VÄRDE"});
            return k_exit_usage;
        }
        date_text = options.meeting;
        request.meeting_kind = options.kind;
        request.meeting_host = options.host;
    } else if (options.id.empty() || options.value.empty()) {
        print_error(lang,
                    {"give ID VALUE (a meter, action or goal id and what to record), or --meeting DATE --kind KIND",
                     "ange ID VÄRDE (id för en mätare, åtgärd eller målsättning och vad som ska registreras), "
                     "eller --meeting DATUM --kind TYP"});
        return k_exit_usage;
    } else if (!options.kind.empty()) {
        print_error(lang, {"--kind goes with --meeting", "--kind hör ihop med --meeting"});
        return k_exit_usage;
    } else if (!options.host.empty()) {
        print_error(lang, {"--host goes with --meeting", "--host hör ihop med --meeting"});
        return k_exit_usage;
    }
    request.id = options.id;
    request.value = options.value;
    if (date_text.empty()) {
        request.date = *today;
    } else if (auto d = Date::parse(date_text)) {
        request.date = *d;
    } else {
        print_error(lang, {fmt::format("'{}' is not a date (YYYY-MM-DD)", date_text),
                           fmt::format("'{}' är inget datum (ÅÅÅÅ-MM-DD)", date_text)});
        return k_exit_usage;
    }
    const PlanEdit edit = record_in_plan(file->text, file->path, request);
    if (!edit.text) {
        print_problems(*file, edit.diagnostics, lang, global);
        print_error(lang, {"nothing was recorded; the file is unchanged", "inget registrerades; filen är oförändrad"});
        return k_exit_usage;
    }
    return write_edit(*file, *edit.text, options.dry_run, edit.summary, lang, global);
}

} // namespace

Runner setup_record(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<RecordOptions>();
    sub.add_option("file", options->file, "The plan file")->required();
    sub.add_option("id", options->id, "A meter id (a measurement), an action id (a status) or a goal id (a level)");
    sub.add_option("value", options->value,
                   "The measurement (number, percent, yes/no, level 1-4), the status (planned, started, done, "
                   "dropped) or the level (1-4)");
    sub.add_option("--date", options->date, "The day it applies to (default: today)");
    sub.add_option("--note", options->note, "A note on the entry")->each([options](const std::string&) {
        options->has_note = true;
    });
    sub.add_flag("--replace", options->replace, "Overwrite an entry of the same date");
    sub.add_option("--meeting", options->meeting, "Record a meeting on this day (YYYY-MM-DD) instead");
    sub.add_option("--kind", options->kind, "The meeting's kind, with --meeting (e.g. coordination-group, follow-up)");
    sub.add_option("--host", options->host,
                   "Partnership: the id of the member hosting the meeting, with --meeting");
    sub.add_flag("--dry-run,-n", options->dry_run, "Print the change as a unified diff and write nothing");
    return [options, &global]() { return run_record(*options, global); };
}

} // namespace barnplan::cli
