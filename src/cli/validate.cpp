#include "commands.hpp"

#include <barnplan/diagnostic_output.hpp>
#include <barnplan/loader.hpp>
#include <barnplan/rules.hpp>
#include <barnplan/version.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace barnplan::cli {
namespace {

namespace fs = std::filesystem;

struct ValidateOptions {
    std::vector<std::string> paths;
    std::string format = "text";
    bool strict = false;
    bool verbose = false;
};

struct Candidate {
    std::string path;
    bool explicit_file; ///< named on the command line, so it must be a plan
};

bool has_yaml_extension(const fs::path& p)
{
    const std::string ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

/// Files named directly, and *.yaml/*.yml below directories (hidden ones
/// skipped), in a stable order. Paths that cannot be read are reported.
std::vector<Candidate> collect(const std::vector<std::string>& paths, Language lang, bool& io_error)
{
    std::vector<Candidate> out;
    for (const std::string& path : paths) {
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            print_error(lang, {fmt::format("cannot read '{}': no such file or directory", path),
                               fmt::format("kan inte läsa '{}': filen eller katalogen finns inte", path)});
            io_error = true;
            continue;
        }
        if (!fs::is_directory(status)) {
            out.push_back({path, true});
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::path& p = it->path();
            const std::string name = p.filename().string();
            if (it->is_directory(ec) && name.size() > 1 && name[0] == '.') {
                it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && has_yaml_extension(p)) {
                found.push_back(p.lexically_normal().string());
            }
        }
        if (ec) {
            print_error(lang, {fmt::format("cannot read directory '{}': {}", path, ec.message()),
                               fmt::format("kan inte läsa katalogen '{}': {}", path, ec.message())});
            io_error = true;
        }
        std::sort(found.begin(), found.end());
        for (std::string& f : found) {
            out.push_back({std::move(f), false});
        }
    }
    return out;
}

int run_validate(const ValidateOptions& options, const GlobalOptions& global)
{
    const Language lang = tool_language(global);
    std::string error;
    const std::optional<Date> today = resolve_today(global, error);
    if (!today) {
        print_error(lang, {error, error});
        return k_exit_usage;
    }
    bool io_error = false;
    const std::vector<Candidate> candidates = collect(options.paths, lang, io_error);
    std::vector<CheckedFile> files;
    const YamlLimits limits;
    for (const Candidate& c : candidates) {
        std::error_code ec;
        const auto size = fs::file_size(c.path, ec);
        CheckedFile file;
        file.name = c.path;
        file.language = lang;
        LoadResult loaded;
        if (!ec && size > limits.max_bytes) {
            // Refuse before reading: a huge file is not read into memory.
            loaded.is_plan = true;
            loaded.diagnostics.push_back(file_too_large(c.path, size, limits.max_bytes));
        } else {
            std::optional<std::string> text = read_file(c.path, error);
            if (!text) {
                print_error(lang, {fmt::format("cannot read '{}': {}", c.path, error),
                                   fmt::format("kan inte läsa '{}': {}", c.path, error)});
                io_error = true;
                continue;
            }
            file.text = std::move(*text);
            loaded = load_plan(file.text, c.path, limits);
        }
        if (!loaded.is_plan && !c.explicit_file) {
            if (options.verbose) {
                std::fputs(fmt::format("{}: {}\n", c.path, lang == Language::sv ? "ingen plan, hoppas över"
                                                                                 : "not a plan, skipped")
                               .c_str(),
                           stderr);
            }
            continue;
        }
        file.diagnostics = std::move(loaded.diagnostics);
        if (loaded.plan) {
            if (global.lang.empty() && loaded.plan->language.ok()) {
                file.language = loaded.plan->language.value;
            }
            Diagnostics found = check_plan(*loaded.plan, RuleContext{*today});
            file.diagnostics.insert(file.diagnostics.end(), found.begin(), found.end());
        }
        sort_diagnostics(file.diagnostics);
        files.push_back(std::move(file));
    }
    if (files.empty() && !io_error) {
        print_error(lang, {"no barnplan plans found (a plan is a .yaml file with a 'barnplan:' key)",
                           "inga barnplan-planer hittades (en plan är en .yaml-fil med nyckeln 'barnplan:')"});
        return k_exit_usage;
    }
    OutputOptions out_options;
    // The summary speaks the plans' language when they agree.
    out_options.language = lang;
    if (global.lang.empty() && !files.empty() &&
        std::all_of(files.begin(), files.end(), [&](const CheckedFile& f) { return f.language == files[0].language; })) {
        out_options.language = files[0].language;
    }
    out_options.color = use_color(global, stdout);
    out_options.verbose = options.verbose;
    out_options.tool_version = std::string(k_version);
    if (options.format == "json") {
        print_out(render_json(files, out_options));
    } else if (options.format == "github") {
        print_out(render_github(files, out_options));
    } else {
        print_out(render_text(files, out_options));
    }
    if (io_error) {
        return k_exit_usage;
    }
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const CheckedFile& f : files) {
        errors += count_severity(f.diagnostics, Severity::error);
        warnings += count_severity(f.diagnostics, Severity::warning);
    }
    if (errors > 0 || (options.strict && warnings > 0)) {
        return k_exit_findings;
    }
    return k_exit_clean;
}

} // namespace

Runner setup_validate(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<ValidateOptions>();
    sub.add_option("paths", options->paths, "Plan files or directories (default: the current directory)");
    sub.add_option("--format,-f", options->format, "Output: text, json or github")
        ->check(CLI::IsMember({"text", "json", "github"}));
    sub.add_flag("--strict", options->strict, "Warnings fail too (exit 1)");
    sub.add_flag("--verbose,-v", options->verbose, "Say so when all is well, and which files were skipped");
    return [options, &global]() {
        if (options->paths.empty()) {
            options->paths.emplace_back(".");
        }
        return run_validate(*options, global);
    };
}

} // namespace barnplan::cli
