#include "edit_file.hpp"
#include "plans.hpp"
#include "unified_diff.hpp"

#include <barnplan/diagnostic_output.hpp>
#include <barnplan/loader.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>

namespace barnplan::cli {

std::optional<PlanFile> read_plan_file(const std::string& path, Language lang)
{
    std::string error;
    std::optional<std::string> text = read_file(path, error);
    if (!text) {
        print_error(lang, {fmt::format("cannot read '{}': {}", path, error),
                           fmt::format("kan inte läsa '{}': {}", path, error)});
        return std::nullopt;
    }
    return PlanFile{path, std::move(*text)};
}

Language plan_language(const PlanFile& file, const GlobalOptions& global, const Config& config)
{
    if (global.lang.empty() && config.language) {
        return *config.language;
    }
    if (global.lang.empty()) {
        const LoadResult loaded = load_plan(file.text, file.path);
        if (loaded.plan && loaded.plan->language.ok()) {
            return loaded.plan->language.value;
        }
    }
    return tool_language(global);
}

void print_problems(const PlanFile& file, const Diagnostics& diagnostics, Language lang, const GlobalOptions& global)
{
    Diagnostics sorted = diagnostics;
    sort_diagnostics(sorted);
    OutputOptions out;
    out.language = lang;
    out.color = use_color(global, stderr);
    out.summary = false;
    const std::string text = render_text({CheckedFile{file.path, file.text, lang, sorted}}, out);
    std::fputs(text.c_str(), stderr);
}

int write_edit(const PlanFile& file, const std::string& new_text, bool dry_run, const Text& summary, Language lang,
               const GlobalOptions& global)
{
    if (dry_run) {
        print_out(unified_diff(file.text, new_text, "a/" + file.path, "b/" + file.path, use_color(global, stdout)));
        return k_exit_clean;
    }
    // Tests stand in for another program saving the file meanwhile.
    if (const char* hook = std::getenv("BARNPLAN_TEST_CHANGE_BEFORE_WRITE"); hook != nullptr && *hook == '1') {
        std::string ignored;
        (void)write_file_atomically(file.path, file.text + "# changed meanwhile\n", ignored);
    }
    std::string error;
    const std::optional<std::string> now = read_file(file.path, error);
    if (!now || *now != file.text) {
        print_error(lang, {fmt::format("'{}' changed on disk while barnplan was editing it; nothing was written. "
                                       "Run the command again.",
                                       file.path),
                           fmt::format("'{}' ändrades på disken medan barnplan ändrade den; inget skrevs. "
                                       "Kör kommandot igen.",
                                       file.path)});
        return k_exit_usage;
    }
    if (!write_file_atomically(file.path, new_text, error)) {
        print_error(lang, {fmt::format("cannot write '{}': {}; the file is unchanged", file.path, error),
                           fmt::format("kan inte skriva '{}': {}; filen är oförändrad", file.path, error)});
        return k_exit_usage;
    }
    const std::string line = fmt::format("{}: {}\n", file.path, localized(summary, lang));
    std::fputs(line.c_str(), stderr);
    return k_exit_clean;
}

} // namespace barnplan::cli
