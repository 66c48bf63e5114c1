#include <string>

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
