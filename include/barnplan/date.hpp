#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace barnplan {

/// A calendar date (proleptic Gregorian), the only kind of time a plan holds.
class Date {
public:
    Date() = default;

    /// Parses exactly YYYY-MM-DD and checks that the day exists.
    [[nodiscard]] static std::optional<Date> parse(std::string_view text);
    /// True when `text` has the YYYY-MM-DD shape, whether or not the day exists.
    [[nodiscard]] static bool looks_like_date(std::string_view text);
    [[nodiscard]] static Date from_days(long days_since_epoch);
    [[nodiscard]] static std::optional<Date> from_ymd(int year, int month, int day);

    [[nodiscard]] int year() const { return m_year; }
    [[nodiscard]] int month() const { return m_month; }
    [[nodiscard]] int day() const { return m_day; }
    /// Days since 1970-01-01.
    [[nodiscard]] long days() const;
    [[nodiscard]] std::string iso() const;
    /// The same day `months` months later (clamped to the month's last day).
    [[nodiscard]] Date add_months(int months) const;
    [[nodiscard]] Date add_days(long days) const { return from_days(this->days() + days); }

    friend auto operator<=>(const Date&, const Date&) = default;

private:
    int m_year = 1970;
    int m_month = 1;
    int m_day = 1;
};

[[nodiscard]] bool is_leap_year(int year);
[[nodiscard]] int days_in_month(int year, int month);

} // namespace barnplan
