#include "commands.hpp"
#include "plans.hpp"

#include <barnplan/skeleton.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace barnplan::cli {
namespace {

struct InitOptions {
    std::string file;
    std::string model = "unicef-bvk";
    std::string lang;
};

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
    const std::string text = plan_skeleton(Model::unicef_bvk, lang);
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
    // Barnrättsresan and partnership skeletons come with those models' rules.
    sub.add_option("--model", options->model, "The plan's model: unicef-bvk")->check(CLI::IsMember({"unicef-bvk"}));
    sub.add_option("--lang", options->lang, "Language of the comments: sv or en")->check(CLI::IsMember({"sv", "en"}));
    return [options, &global]() { return run_init(*options, global); };
}

} // namespace barnplan::cli
