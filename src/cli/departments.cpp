#include "departments.hpp"

#include <fmt/format.h>

#include <glob.h>

#include <algorithm>
#include <system_error>

namespace barnplan::cli {
namespace {

namespace fs = std::filesystem;

bool inside(const fs::path& path, const fs::path& root)
{
    auto r = root.begin();
    auto p = path.begin();
    for (; r != root.end(); ++r, ++p) {
        if (p == path.end() || *p != *r) {
            return false;
        }
    }
    return true;
}

fs::path repository_root(const fs::path& base)
{
    std::error_code ec;
    for (fs::path dir = base; !dir.empty(); dir = dir.parent_path()) {
        if (fs::exists(dir / ".git", ec)) {
            return dir;
        }
        if (dir == dir.parent_path()) {
            break;
        }
    }
    return base;
}

ResolvedSources failure(Text error)
{
    ResolvedSources out;
    out.error = std::move(error);
    return out;
}

} // namespace

FileResolver::FileResolver(const std::string& plan_path) : m_plan(plan_path) {}

void FileResolver::locate() const
{
    std::error_code ec;
    const fs::path plan(m_plan);
    m_display = plan.parent_path();
    m_base = fs::weakly_canonical(fs::absolute(plan, ec).parent_path(), ec);
    m_root = repository_root(m_base);
    m_located = true;
}

ResolvedSources FileResolver::resolve(std::string_view pattern) const
{
    if (!m_located) {
        locate();
    }
    const std::string text(pattern);
    const fs::path relative(text);
    if (text.empty()) {
        return failure({"an empty entry under 'departments:'", "en tom post under 'departments:'"});
    }
    if (relative.is_absolute() || text.front() == '~') {
        return failure({fmt::format("'{}' is an absolute path; department files are named relative to the plan", text),
                        fmt::format("'{}' är en absolut sökväg; avdelningsfiler anges relativt planen", text)});
    }
    for (const fs::path& part : relative) {
        if (part == "..") {
            return failure({fmt::format("'{}' climbs out with '..'; department files lie beside or below the plan", text),
                            fmt::format("'{}' går uppåt med '..'; avdelningsfiler ligger bredvid eller under planen", text)});
        }
    }
    const std::string full = (m_base / relative).string();
    glob_t found{};
    const int rc = ::glob(full.c_str(), GLOB_ERR, nullptr, &found);
    std::vector<std::string> matches;
    if (rc == 0) {
        for (std::size_t i = 0; i < found.gl_pathc; ++i) {
            matches.emplace_back(found.gl_pathv[i]);
        }
    }
    ::globfree(&found);
    if (matches.empty()) {
        return failure({fmt::format("no department file matches '{}'", text),
                        fmt::format("ingen avdelningsfil matchar '{}'", text)});
    }
    ResolvedSources out;
    const YamlLimits limits;
    for (const std::string& match : matches) {
        std::error_code ec;
        const fs::path real = fs::canonical(match, ec);
        const fs::path shown = (m_display / fs::path(match).lexically_relative(m_base)).lexically_normal();
        if (ec || !inside(real, m_root)) {
            return failure({fmt::format("'{}' leads outside the repository; it is not read", shown.string()),
                            fmt::format("'{}' leder utanför förrådet; den läses inte", shown.string())});
        }
        if (!fs::is_regular_file(real, ec)) {
            if (fs::is_directory(real, ec)) {
                continue; // a glob such as avdelningar/* may meet a folder
            }
            return failure({fmt::format("'{}' is not a regular file", shown.string()),
                            fmt::format("'{}' är ingen vanlig fil", shown.string())});
        }
        const auto size = fs::file_size(real, ec);
        if (!ec && size > limits.max_bytes) {
            return failure({fmt::format("'{}' is larger than {} bytes", shown.string(), limits.max_bytes),
                            fmt::format("'{}' är större än {} byte", shown.string(), limits.max_bytes)});
        }
        std::string error;
        std::optional<std::string> content = read_file(real.string(), error);
        if (!content) {
            return failure({fmt::format("cannot read '{}': {}", shown.string(), error),
                            fmt::format("kan inte läsa '{}': {}", shown.string(), error)});
        }
        out.files.push_back({shown.string(), std::move(*content)});
    }
    return out;
}

std::vector<CheckedFile> split_by_file(const std::string& plan_name, std::string plan_text,
                                       const std::vector<SourceText>& sources, Diagnostics diagnostics,
                                       Language language)
{
    std::vector<CheckedFile> out;
    out.push_back({plan_name, std::move(plan_text), language, {}});
    for (const SourceText& s : sources) {
        out.push_back({s.name, s.text, language, {}});
    }
    for (Diagnostic& d : diagnostics) {
        auto it = std::find_if(out.begin() + 1, out.end(), [&](const CheckedFile& f) { return f.name == d.file; });
        (it == out.end() ? out.front() : *it).diagnostics.push_back(std::move(d));
    }
    for (CheckedFile& f : out) {
        cap_findings(f.diagnostics);
    }
    return out;
}

} // namespace barnplan::cli
