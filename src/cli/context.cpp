#include "context.hpp"

#include <barnplan/escape.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace barnplan::cli {

Language tool_language(const GlobalOptions& global)
{
    if (global.lang == "sv") {
        return Language::sv;
    }
    if (global.lang == "en") {
        return Language::en;
    }
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') {
            return std::strncmp(value, "sv", 2) == 0 ? Language::sv : Language::en;
        }
    }
    return Language::en;
}

std::optional<Date> resolve_today(const GlobalOptions& global, Text& error)
{
    if (!global.today.empty()) {
        auto d = Date::parse(global.today);
        if (!d) {
            error = {fmt::format("--today '{}' is not a date (YYYY-MM-DD)", global.today),
                     fmt::format("--today '{}' är inget datum (ÅÅÅÅ-MM-DD)", global.today)};
        }
        return d;
    }
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
        char* end = nullptr;
        errno = 0;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (errno != 0 || *end != '\0' || seconds < 0) {
            error = {fmt::format("SOURCE_DATE_EPOCH '{}' is not a number of seconds", epoch),
                     fmt::format("SOURCE_DATE_EPOCH '{}' är inget antal sekunder", epoch)};
            return std::nullopt;
        }
        return Date::from_days(static_cast<long>(seconds / 86400));
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

bool use_color(const GlobalOptions& global, std::FILE* stream)
{
    if (global.color == "always") {
        return true;
    }
    if (global.color == "never") {
        return false;
    }
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color != nullptr && *no_color != '\0') {
        return false;
    }
    const char* term = std::getenv("TERM");
    if (term != nullptr && std::strcmp(term, "dumb") == 0) {
        return false;
    }
    return isatty(fileno(stream)) != 0;
}

std::string error_line(Language lang, const Text& message)
{
    return fmt::format("barnplan: {}: {}\n", lang == Language::sv ? "fel" : "error",
                       terminal_safe(localized(message, lang)));
}

void print_error(Language lang, const Text& message)
{
    const std::string line = error_line(lang, message);
    std::fwrite(line.data(), 1, line.size(), stderr);
}

std::optional<std::string> read_file(const std::string& path, std::string& error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    return std::move(buffer).str();
}

void print_out(const std::string& text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
}

} // namespace barnplan::cli
