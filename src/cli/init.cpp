#include "commands.hpp"
#include "plans.hpp"

#include <barnplan/escape.hpp>
#include <barnplan/models.hpp>
#include <barnplan/skeleton.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace barnplan::cli {
namespace {

// Where the install put the JSON Schemas (CMake: CMAKE_INSTALL_FULL_DATADIR).
#ifndef BARNPLAN_SCHEMA_DIR
#define BARNPLAN_SCHEMA_DIR "/usr/local/share/barnplan"
#endif

struct InitOptions {
    std::string file;
    std::string model = "unicef-bvk";
    std::string lang;
    std::string schema;
};

/// The installed schema in the plan's language, so that an editor's hovers
/// read like the plan's comments.
std::string installed_schema(Language lang)
{
    return lang == Language::sv ? BARNPLAN_SCHEMA_DIR "/barnplan.schema.sv.json" : BARNPLAN_SCHEMA_DIR "/barnplan.schema.json";
}

/// A modeline ends at the first space, and a line break would end the comment.
bool fits_modeline(std::string_view schema)
{
    if (schema.empty()) {
        return false;
    }
    for (const char c : schema) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f) {
            return false;
        }
    }
    return true;
}

/// Creates `path` only if it does not exist (O_EXCL), so a plan is never overwritten.
bool write_new_file(const std::string& path, const std::string& text, std::string& error)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    if (!write_all(fd, text)) {
        error = std::strerror(errno);
        ::close(fd);
        ::unlink(path.c_str());
        return false;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        error = std::strerror(errno);
        return false;
    }
    return true;
}

int run_init(const InitOptions& options, const GlobalOptions& global)
{
    Language lang = tool_language(global);
    if (options.lang == "sv") {
        lang = Language::sv;
    } else if (options.lang == "en") {
        lang = Language::en;
    }
    const std::string schema = options.schema.empty() ? installed_schema(lang) : options.schema;
    if (!fits_modeline(schema)) {
        const std::string shown = terminal_safe(schema);
        print_error(lang, {fmt::format("--schema '{}' cannot go into the modeline: give a path or URL without spaces", shown),
                           fmt::format("--schema '{}' går inte in i modeline-raden: ange en sökväg eller URL utan mellanslag",
                                       shown)});
        return k_exit_usage;
    }
    const std::string text = plan_skeleton(find_model(options.model)->model, lang, schema);
    if (options.file.empty() || options.file == "-") {
        print_out(text);
        return k_exit_clean;
    }
    std::string error;
    if (!write_new_file(options.file, text, error)) {
        if (errno == EEXIST) {
            print_error(lang, {fmt::format("'{}' already exists; barnplan init never overwrites a file", options.file),
                               fmt::format("'{}' finns redan; barnplan init skriver aldrig över en fil", options.file)});
        } else {
            print_error(lang, {fmt::format("cannot write '{}': {}", options.file, error),
                               fmt::format("kan inte skriva '{}': {}", options.file, error)});
        }
        return k_exit_usage;
    }
    const std::string done = lang == Language::sv
                                 ? fmt::format("skrev {}; fyll i den och kör: barnplan validate {}\n", options.file, options.file)
                                 : fmt::format("wrote {}; fill it in and run: barnplan validate {}\n", options.file, options.file);
    std::fputs(done.c_str(), stderr);
    return k_exit_clean;
}

} // namespace

Runner setup_init(CLI::App& sub, const GlobalOptions& global)
{
    auto options = std::make_shared<InitOptions>();
    sub.add_option("file", options->file, "The new plan file (default: print to standard output)");
    const std::vector<std::string_view> ids = model_ids();
    sub.add_option("--model", options->model, fmt::format("The plan's model: {}", fmt::join(ids, ", ")))
        ->check(CLI::IsMember(std::vector<std::string>(ids.begin(), ids.end())));
    sub.add_option("--lang", options->lang, "Language of the comments: sv or en")->check(CLI::IsMember({"sv", "en"}));
    sub.add_option("--schema", options->schema,
                   "Path or URL of the JSON Schema for the editor modeline on the first line (default: the installed "
                   "schema in the plan's language)")
        ->type_name("PATH|URL");
    return [options, &global]() { return run_init(*options, global); };
}

} // namespace barnplan::cli
