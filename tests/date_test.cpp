#include <string>

#include <didit/date.hpp>
#include <didit/detail/text.hpp>

#include <catch2/catch.hpp>

#include "fixture.hpp"

using didit::date;

TEST_CASE("dates are read exactly as Django's DateField reads them", "[date][oracle]") {
    const auto cases = didit_test::load_fixture("dates.tsv");
    REQUIRE(cases.size() > 1000);
    for (const auto& c : cases) {
        if (c.expected == "none") {
            CHECK(c.input.empty()); // only an empty value means "no filter"
            continue;
        }
        const auto parsed = date::parse(didit::detail::strip(c.input));
        INFO("input: [" << c.input << "]");
        if (c.expected == "invalid") {
            CHECK_FALSE(parsed.has_value());
            CHECK(parsed.error().message == "Enter a valid date.");
        } else {
            REQUIRE(parsed.has_value());
            CHECK(didit_test::text_of(parsed.value()) == c.expected);
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

TEST_CASE("every day from year 1 to 9999 round-trips through its ISO text", "[date][property]") {
    int checked = 0;
    for (int year = 1; year <= 9999; year += 7) {
        for (auto d = date::from_ymd(year, 1, 1).value(); d.year() == year; d = d.next_day()) {
            const auto text = didit_test::text_of(d);
            REQUIRE(date::parse_iso(text).value() == d);
            REQUIRE(date::parse(text).value() == d);
            ++checked;
        }
    }
    CHECK(checked > 500000);
}
