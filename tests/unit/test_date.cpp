#include <barnplan/date.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using barnplan::Date;

namespace {

Date ymd(int year, int month, int day)
{
    const auto date = Date::from_ymd(year, month, day);
    REQUIRE(date.has_value());
    return *date;
}

} // namespace

TEST_CASE("Date::parse reads YYYY-MM-DD and only days that exist")
{
    SUBCASE("an ordinary date")
    {
        const auto d = Date::parse("2025-03-14");
        REQUIRE(d.has_value());
        CHECK(d->year() == 2025);
        CHECK(d->month() == 3);
        CHECK(d->day() == 14);
    }
    SUBCASE("first and last day of the year")
    {
        CHECK(Date::parse("2025-01-01") == ymd(2025, 1, 1));
        CHECK(Date::parse("2025-12-31") == ymd(2025, 12, 31));
    }
    SUBCASE("29 February only in leap years")
    {
        CHECK(Date::parse("2024-02-29").has_value());
        CHECK(Date::parse("2000-02-29").has_value()); // divisible by 400
        CHECK_FALSE(Date::parse("2023-02-29").has_value());
        CHECK_FALSE(Date::parse("1900-02-29").has_value()); // divisible by 100, not 400
    }
    SUBCASE("days past the end of the month")
    {
        CHECK_FALSE(Date::parse("2025-02-30").has_value());
        CHECK_FALSE(Date::parse("2025-04-31").has_value());
        CHECK_FALSE(Date::parse("2025-01-32").has_value());
        CHECK_FALSE(Date::parse("2025-01-00").has_value());
    }
    SUBCASE("months outside 1-12")
    {
        CHECK_FALSE(Date::parse("2025-13-01").has_value());
        CHECK_FALSE(Date::parse("2025-00-10").has_value());
    }
    SUBCASE("anything but exactly the YYYY-MM-DD shape")
    {
        CHECK_FALSE(Date::parse("2025-1-01").has_value());
        CHECK_FALSE(Date::parse("2025-01-1").has_value());
        CHECK_FALSE(Date::parse("").has_value());
        CHECK_FALSE(Date::parse("2025-01-01x").has_value());
        CHECK_FALSE(Date::parse(" 2025-01-01").has_value());
        CHECK_FALSE(Date::parse("2025/01/01").has_value());
        CHECK_FALSE(Date::parse("14.3.2025").has_value());
        CHECK_FALSE(Date::parse("2025-0a-01").has_value());
        CHECK_FALSE(Date::parse("+025-01-01").has_value());
    }
    SUBCASE("year 0 is refused")
    {
        CHECK_FALSE(Date::parse("0000-01-01").has_value());
        CHECK(Date::parse("0001-01-01").has_value());
        CHECK(Date::parse("9999-12-31").has_value());
    }
}

TEST_CASE("Date::looks_like_date checks the shape but not the calendar")
{
    CHECK(Date::looks_like_date("2025-02-30"));
    CHECK(Date::looks_like_date("2025-13-01"));
    CHECK_FALSE(Date::looks_like_date("2025-1-01"));
    CHECK_FALSE(Date::looks_like_date("2025-01-01x"));
    CHECK_FALSE(Date::looks_like_date(""));
}

TEST_CASE("Date::from_ymd refuses days that do not exist")
{
    CHECK(Date::from_ymd(2024, 2, 29).has_value());
    CHECK_FALSE(Date::from_ymd(2023, 2, 29).has_value());
    CHECK_FALSE(Date::from_ymd(2025, 0, 1).has_value());
    CHECK_FALSE(Date::from_ymd(2025, 13, 1).has_value());
    CHECK_FALSE(Date::from_ymd(2025, 6, 31).has_value());
    CHECK_FALSE(Date::from_ymd(2025, 6, 0).has_value());
}

TEST_CASE("leap years and month lengths")
{
    CHECK(barnplan::is_leap_year(2024));
    CHECK(barnplan::is_leap_year(2000));
    CHECK_FALSE(barnplan::is_leap_year(1900));
    CHECK_FALSE(barnplan::is_leap_year(2025));
    CHECK(barnplan::days_in_month(2024, 2) == 29);
    CHECK(barnplan::days_in_month(2025, 2) == 28);
    CHECK(barnplan::days_in_month(2025, 4) == 30);
    CHECK(barnplan::days_in_month(2025, 12) == 31);
}

TEST_CASE("Date::days counts days since 1970-01-01")
{
    CHECK(Date{}.days() == 0);
    CHECK(ymd(1970, 1, 1).days() == 0);
    CHECK(ymd(1970, 1, 2).days() == 1);
    CHECK(ymd(1969, 12, 31).days() == -1);
    CHECK(ymd(2000, 3, 1).days() == 11017);
    CHECK(ymd(2025, 1, 1).days() == 20089);
    CHECK(ymd(2025, 3, 1).days() - ymd(2025, 2, 28).days() == 1);
    CHECK(ymd(2024, 3, 1).days() - ymd(2024, 2, 28).days() == 2);
}

TEST_CASE("Date::from_days and days() round-trip over years 1 to 9999")
{
    const long first = ymd(1, 1, 1).days();
    const long last = ymd(9999, 12, 31).days();
    CHECK(last - first == 3652058); // 9999 years of 365.2425 days, less one day

    Date previous = Date::from_days(first);
    CHECK(previous == ymd(1, 1, 1));
    long mismatches = 0;
    long out_of_order = 0;
    long not_a_day = 0;
    for (long n = first + 1; n <= last; ++n) {
        const Date d = Date::from_days(n);
        if (d.days() != n) {
            ++mismatches;
        }
        if (!(previous < d)) {
            ++out_of_order;
        }
        if (!Date::from_ymd(d.year(), d.month(), d.day()).has_value()) {
            ++not_a_day;
        }
        previous = d;
    }
    CHECK(mismatches == 0);
    CHECK(out_of_order == 0);
    CHECK(not_a_day == 0);
    CHECK(previous == ymd(9999, 12, 31));
}

TEST_CASE("Date::iso writes zero-padded YYYY-MM-DD that parses back")
{
    CHECK(ymd(2025, 3, 4).iso() == "2025-03-04");
    CHECK(ymd(1, 1, 1).iso() == "0001-01-01");
    CHECK(ymd(9999, 12, 31).iso() == "9999-12-31");
    for (long n = ymd(1899, 1, 1).days(); n < ymd(2101, 1, 1).days(); n += 37) {
        const Date d = Date::from_days(n);
        const auto back = Date::parse(d.iso());
        REQUIRE(back.has_value());
        CHECK(*back == d);
    }
}

TEST_CASE("Date::add_months keeps the day and clamps it to the month's end")
{
    SUBCASE("31 January plus one month is the last day of February")
    {
        CHECK(ymd(2025, 1, 31).add_months(1) == ymd(2025, 2, 28));
        CHECK(ymd(2024, 1, 31).add_months(1) == ymd(2024, 2, 29));
    }
    SUBCASE("31 March plus one month is 30 April")
    {
        CHECK(ymd(2025, 3, 31).add_months(1) == ymd(2025, 4, 30));
    }
    SUBCASE("the day is kept when the month has it")
    {
        CHECK(ymd(2025, 1, 15).add_months(1) == ymd(2025, 2, 15));
        CHECK(ymd(2025, 1, 28).add_months(1) == ymd(2025, 2, 28));
    }
    SUBCASE("across the year end")
    {
        CHECK(ymd(2025, 12, 15).add_months(1) == ymd(2026, 1, 15));
        CHECK(ymd(2025, 11, 30).add_months(3) == ymd(2026, 2, 28));
        CHECK(ymd(2023, 1, 31).add_months(13) == ymd(2024, 2, 29));
        CHECK(ymd(2025, 1, 1).add_months(48) == ymd(2029, 1, 1));
    }
    SUBCASE("backwards")
    {
        CHECK(ymd(2025, 3, 31).add_months(-1) == ymd(2025, 2, 28));
        CHECK(ymd(2025, 1, 15).add_months(-1) == ymd(2024, 12, 15));
        CHECK(ymd(2025, 5, 31).add_months(-15) == ymd(2024, 2, 29));
    }
    SUBCASE("zero months is the same day")
    {
        CHECK(ymd(2024, 2, 29).add_months(0) == ymd(2024, 2, 29));
    }
}

TEST_CASE("Date::add_days moves across months and years")
{
    CHECK(ymd(2024, 12, 31).add_days(1) == ymd(2025, 1, 1));
    CHECK(ymd(2024, 2, 28).add_days(1) == ymd(2024, 2, 29));
    CHECK(ymd(2025, 3, 1).add_days(-1) == ymd(2025, 2, 28));
    CHECK(ymd(2025, 1, 1).add_days(365) == ymd(2026, 1, 1));
}

TEST_CASE("Dates order by year, then month, then day")
{
    CHECK(ymd(2025, 1, 1) < ymd(2025, 1, 2));
    CHECK(ymd(2025, 1, 31) < ymd(2025, 2, 1));
    CHECK(ymd(2024, 12, 31) < ymd(2025, 1, 1));
    CHECK(ymd(2025, 12, 1) > ymd(2025, 2, 28));
    CHECK(ymd(2025, 6, 1) == ymd(2025, 6, 1));
    CHECK(ymd(2025, 6, 1) <= ymd(2025, 6, 1));
    CHECK_FALSE(ymd(2025, 6, 1) < ymd(2025, 6, 1));
    CHECK(ymd(2025, 6, 1) != ymd(2025, 6, 2));
}
