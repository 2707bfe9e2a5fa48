#include <barnplan/date.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace barnplan {

bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month)
{
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) {
        return 29;
    }
    return k_days[month - 1];
}

bool Date::looks_like_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
            return false;
        }
    }
    return true;
}

std::optional<Date> Date::from_ymd(int year, int month, int day)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
        return std::nullopt;
    }
    Date d;
    d.m_year = year;
    d.m_month = month;
    d.m_day = day;
    return d;
}

std::optional<Date> Date::parse(std::string_view text)
{
    if (!looks_like_date(text)) {
        return std::nullopt;
    }
    auto num = [&](std::size_t pos, std::size_t len) {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    return from_ymd(num(0, 4), num(5, 2), num(8, 2));
}

// Howard Hinnant's days_from_civil / civil_from_days.
long Date::days() const
{
    const int y = m_month <= 2 ? m_year - 1 : m_year;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(m_month > 2 ? m_month - 3 : m_month + 9);
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(m_day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days(long z)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    Date out;
    out.m_year = static_cast<int>(m <= 2 ? y + 1 : y);
    out.m_month = static_cast<int>(m);
    out.m_day = static_cast<int>(d);
    return out;
}

std::string Date::iso() const
{
    return fmt::format("{:04}-{:02}-{:02}", m_year, m_month, m_day);
}

Date Date::add_months(int months) const
{
    const int total = m_year * 12 + (m_month - 1) + months;
    Date out;
    out.m_year = total / 12;
    out.m_month = total % 12 + 1;
    out.m_day = std::min(m_day, days_in_month(out.m_year, out.m_month));
    return out;
}

} // namespace barnplan
