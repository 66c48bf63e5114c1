// Timestamps: RFC 3339 as the server writes them, any offset, exact microseconds, and an order
// that follows the instants.

#include <chrono>
#include <cstdio>
#include <limits>
#include <optional>
#include <random>
#include <regex>
#include <string>

#include <didit/timestamp.hpp>

#include <catch2/catch.hpp>

#include "page_generator.hpp"

namespace {

using namespace std::chrono;

std::string canonical(didit::timestamp t) {
    char text[didit::timestamp::text_size];
    t.to_chars(text);
    return {text, sizeof text};
}

std::int64_t micros_of(std::string_view text) {
    return didit::timestamp::parse(text).value().unix_micros();
}

} // namespace

TEST_CASE("timestamps as the server writes them", "[timestamp]") {
    CHECK(micros_of("1970-01-01T00:00:00Z") == 0);
    CHECK(micros_of("2026-06-09T12:26:54.328364Z") == 1'781'008'014'328'364);
    CHECK(micros_of("2026-06-09T12:26:54.3Z") == 1'781'008'014'300'000);
    CHECK(micros_of("2026-06-09t12:26:54z") == 1'781'008'014'000'000);
    CHECK(micros_of("2026-06-09T14:26:54.328364+02:00") == 1'781'008'014'328'364);
    CHECK(micros_of("2026-06-09T02:56:54.328364-09:30") == 1'781'008'014'328'364);
    CHECK(micros_of("1969-12-31T23:59:59.999999Z") == -1);
    CHECK(micros_of("0001-01-01T00:00:00Z") == -62'135'596'800'000'000);
    CHECK(canonical(didit::timestamp::parse("2026-06-09T14:26:54+02:00").value()) ==
          "2026-06-09T12:26:54.000000Z");
    CHECK(canonical(didit::timestamp::from_unix_micros(-1).value()) ==
          "1969-12-31T23:59:59.999999Z");
    CHECK(didit::timestamp::parse("2026-01-01T00:30:00+01:00").value().date() ==
          didit::date("2025-12-31"));
}

TEST_CASE("timestamps hold years 1 to 9999, whatever the offset", "[timestamp]") {
    CHECK(canonical(didit::timestamp::parse("0001-01-01T00:00:00Z").value()) ==
          "0001-01-01T00:00:00.000000Z");
    CHECK(canonical(didit::timestamp::parse("9999-12-31T23:59:59.999999Z").value()) ==
          "9999-12-31T23:59:59.999999Z");
    CHECK(canonical(didit::timestamp::parse("0001-01-01T00:30:00-01:00").value()) ==
          "0001-01-01T01:30:00.000000Z");
    // Local times whose instant falls in year 0 or year 10000.
    CHECK_FALSE(didit::timestamp::parse("0001-01-01T00:30:00+01:00").has_value());
    CHECK_FALSE(didit::timestamp::parse("9999-12-31T23:30:00-01:00").has_value());
    using limits = std::numeric_limits<std::int64_t>;
    CHECK(didit::timestamp::from_unix_micros(limits::min()).code() == didit::errc::invalid_value);
    CHECK(didit::timestamp::from_unix_micros(limits::max()).code() == didit::errc::invalid_value);
    CHECK(didit::timestamp::from_unix_micros(didit::timestamp::min_unix_micros).has_value());
    CHECK_FALSE(
        didit::timestamp::from_unix_micros(didit::timestamp::min_unix_micros - 1).has_value());
    CHECK(didit::timestamp::from_unix_micros(didit::timestamp::max_unix_micros).has_value());
    CHECK_FALSE(
        didit::timestamp::from_unix_micros(didit::timestamp::max_unix_micros + 1).has_value());
}

TEST_CASE("malformed timestamps are errors that keep the text", "[timestamp]") {
    for (const std::string_view bad :
         {"", "2026-06-09", "2026-06-09T12:26:54", "2026-06-09 12:26:54Z", "2026-02-30T00:00:00Z",
          "2026-06-09T24:00:00Z", "2026-06-09T12:60:00Z", "2026-06-09T12:26:60Z",
          "2026-06-09T12:26:54.Z", "2026-06-09T12:26:54.1234567Z", "2026-06-09T12:26:54+0200",
          "2026-06-09T12:26:54+24:00", "2026-06-09T12:26:54Zjunk", "26-06-09T12:26:54Z",
          "2026-6-09T12:26:54Z", "+2026-06-09T12:26:54Z", "2026-06-09T12:26:54.32a364Z",
          // digits enough to overflow the fraction, were they all counted (found by fuzzing)
          "2026-06-09T12:26:54.55444444444444444444444Z"}) {
        INFO(bad);
        const auto parsed = didit::timestamp::parse(bad);
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().code == didit::errc::invalid_value);
        CHECK(parsed.error().subject == bad);
    }
}

TEST_CASE("property: every single-byte change of a timestamp is read as RFC 3339 and "
          "std::chrono read it",
          "[timestamp][property]") {
    // The grammar written from RFC 3339 as the server uses it, and the calendar from chrono.
    const std::regex form(R"((\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d{1,6})?)"
                          R"(([Zz]|([+-])(\d\d):(\d\d)))");
    const auto expected = [&](const std::string& text) -> std::optional<std::int64_t> {
        std::smatch m;
        if (!std::regex_match(text, m, form)) return std::nullopt;
        const auto number = [&](std::size_t group) { return std::stoi(m[group].str()); };
        const year_month_day day{year(number(1)), month(unsigned(number(2))),
                                 std::chrono::day(unsigned(number(3)))};
        if (!day.ok() || number(4) > 23 || number(5) > 59 || number(6) > 59) return std::nullopt;
        std::int64_t micros = 0;
        if (m[7].matched) micros = std::stoll((m[7].str().substr(1) + "00000").substr(0, 6));
        int offset = 0;
        if (m[9].matched) {
            if (number(10) > 23 || number(11) > 59) return std::nullopt;
            offset = (number(10) * 60 + number(11)) * (m[9].str() == "-" ? -1 : 1);
        }
        const auto at = sys_days(day) + hours(number(4)) + minutes(number(5) - offset) +
                        seconds(number(6)) + microseconds(micros);
        return at.time_since_epoch().count();
    };
    std::size_t accepted = 0;
    for (const std::string base : {"2026-06-09T12:26:54.328364Z", "1999-12-31T23:59:59+01:30"}) {
        for (std::size_t at = 0; at < base.size(); ++at) {
            for (int byte = 0; byte < 256; ++byte) {
                std::string text = base;
                text[at] = static_cast<char>(byte);
                INFO(text);
                const auto parsed = didit::timestamp::parse(text);
                const auto want = expected(text);
                REQUIRE(parsed.has_value() == want.has_value());
                if (want) CHECK(parsed->unix_micros() == *want);
                accepted += want.has_value();
            }
        }
    }
    CHECK(accepted > 100); // digits changed into other digits, T into t, Z into z
}

TEST_CASE("property: timestamps agree with std::chrono and order by instant",
          "[timestamp][property]") {
    std::mt19937_64 random(42);
    // Years 1 to 9999, a day in from either end so that any offset stays within them.
    const auto earliest = sys_days(year(1) / 1 / 2).time_since_epoch();
    const auto latest = sys_days(year(9999) / 12 / 31).time_since_epoch();
    std::uniform_int_distribution<std::int64_t> micros(
        duration_cast<microseconds>(earliest).count(),
        duration_cast<microseconds>(latest).count() - 1);
    std::uniform_int_distribution<int> offsets(-(23 * 60 + 59), 23 * 60 + 59);
    didit::timestamp previous;
    std::int64_t previous_micros = 0;
    for (int round = 0; round < 20000; ++round) {
        const sys_time<microseconds> at{microseconds(micros(random))};
        const bool whole_seconds = at.time_since_epoch().count() % 1'000'000 == 0;
        const auto text = didit_test::format_time(at, random() % 2 ? offsets(random) : 0,
                                                  !whole_seconds || random() % 2);
        INFO(text);
        const auto parsed = didit::timestamp::parse(text);
        REQUIRE(parsed.has_value());
        CHECK(parsed->unix_micros() == at.time_since_epoch().count());
        CHECK(canonical(*parsed) == didit_test::format_time(at, 0, true));
        const year_month_day ymd(floor<days>(at));
        CHECK(parsed->date() == didit::date::from_ymd(int(ymd.year()), int(unsigned(ymd.month())),
                                                      int(unsigned(ymd.day())))
                                    .value());
        CHECK((*parsed < previous) == (at.time_since_epoch().count() < previous_micros));
        previous = *parsed;
        previous_micros = at.time_since_epoch().count();
    }
}

TEST_CASE("timestamps parse in constant evaluation", "[timestamp]") {
    static_assert(didit::timestamp::parse("1970-01-01T00:00:01.5Z").value().unix_micros() ==
                  1'500'000);
    static_assert(didit::timestamp::parse("2026-01-01T00:00:00+01:00").value() <
                  didit::timestamp::parse("2026-01-01T00:00:00Z").value());
    SUCCEED("checked at compile time");
}
