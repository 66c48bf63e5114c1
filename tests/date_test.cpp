#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <didit/date.hpp>
#include <didit/query.hpp>

#include <catch2/catch.hpp>

#include "fixture.hpp"

using didit::date;

TEST_CASE("dates are read exactly as Django's DateField reads them", "[date][oracle]") {
    const auto cases = didit_test::load_fixture("dates.tsv");
    REQUIRE(cases.size() > 1000);
    for (const auto& c : cases) {
        INFO("input: [" << c.input << "]");
        const didit::raw_parameter raw[] = {{"date_from", c.input}, {"date_to", c.input}};
        const auto parsed = didit::parse_query(raw).value();
        if (c.expected == "none") {
            CHECK(parsed.findings.contains(didit::finding::empty_value, "date_from"));
            CHECK(parsed.findings.contains(didit::finding::empty_value, "date_to"));
            CHECK(parsed.value == didit::query{});
        } else if (c.expected == "invalid") {
            CHECK(didit::error_body(parsed.findings) ==
                  R"({"date_from":["Enter a valid date."],"date_to":["Enter a valid date."]})");
        } else {
            CHECK(parsed.findings.empty());
            REQUIRE(parsed.value.date_from);
            REQUIRE(parsed.value.date_to);
            CHECK(didit_test::text_of(*parsed.value.date_from) == c.expected);
            CHECK(didit_test::text_of(*parsed.value.date_to) == c.expected);
        }
    }
}

TEST_CASE("date literals are ISO dates checked at compile time", "[date]") {
    constexpr date d{"2024-02-29"};
    static_assert(d.year() == 2024 && d.month() == 2 && d.day() == 29);
    static_assert(date{"2026-12-31"}.next_day() == date{"2027-01-01"});
    static_assert(date{"2024-02-28"}.next_day() == date{"2024-02-29"});
    static_assert(date{"2026-04-30"}.next_day() == date{"2026-05-01"});
    static_assert(date{"9999-12-31"}.next_day() == date{"9999-12-31"});
    static_assert(date{"2026-01-31"} < date{"2026-02-01"});
    static_assert(date{"2025-12-31"} < date{"2026-01-01"});
    CHECK(didit_test::text_of(d) == "2024-02-29");
}

TEST_CASE("parse_iso takes only the canonical form", "[date]") {
    CHECK(date::parse_iso("2026-04-01").has_value());
    for (const char* text : {"2026-4-01", "2026-04- 1", "2026/04/01", "04/01/2026", "2026-04-01 ",
                             "2026-02-29", "0000-01-01", "+026-04-01"}) {
        INFO(text);
        CHECK_FALSE(date::parse_iso(text).has_value());
    }
}

TEST_CASE("days, their order and their ISO text agree with std::chrono's calendar",
          "[date][property]") {
    using namespace std::chrono;
    // Leap years, for every year, by the standard library's proleptic Gregorian calendar.
    for (int y = 1; y <= 9999; ++y) {
        INFO("year " << y);
        REQUIRE(date::exists(y, 2, 29) == year{y}.is_leap());
        REQUIRE(date::exists(y, 2, 28));
        REQUIRE_FALSE(date::exists(y, 2, 30));
    }
    // Every day of a sample of years (the century rules among them), walked by next_day and by
    // sys_days side by side, written by snprintf.
    std::vector<int> years{1, 4, 100, 1600, 1700, 1800, 1900, 2000, 2023, 2024, 2100, 2400, 9999};
    for (int y = 3; y < 9999; y += 97)
        years.push_back(y);
    int checked = 0;
    for (const int y : years) {
        auto d = date::from_ymd(y, 1, 1).value();
        for (sys_days at = sys_days{year{y} / January / 1}; year_month_day{at}.year() == year{y};
             at += days{1}) {
            const year_month_day expected{at};
            char text[16];
            std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(expected.year()),
                          unsigned(expected.month()), unsigned(expected.day()));
            INFO(text);
            REQUIRE(didit_test::text_of(d) == text);
            REQUIRE(date::parse_iso(text).value() == d);
            REQUIRE(date::parse(text).value() == d);
            const auto next = d.next_day();
            if (y < 9999 || expected.month() != December || expected.day() != day{31}) {
                REQUIRE(d < next);
                d = next;
            }
            ++checked;
        }
    }
    CHECK(checked == 365 * static_cast<int>(years.size()) +
                         static_cast<int>(std::count_if(years.begin(), years.end(),
                                                        [](int y) { return year{y}.is_leap(); })));
}
