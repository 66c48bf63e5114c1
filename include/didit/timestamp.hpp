#pragma once

// A UTC instant with microsecond resolution, as the server writes `created_at`
// (2026-06-09T12:26:54.328364Z). Held as microseconds since the Unix epoch, so that comparing
// two timestamps compares the instants, whatever offset each was written with.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/date.hpp>
#include <didit/detail/swar.hpp>
#include <didit/detail/text.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {

// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar.
constexpr std::int64_t days_since_epoch(int year, int month, int day) {
    const int y = month <= 2 ? year - 1 : year;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int year_of_era = y - era * 400;
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return std::int64_t{era} * 146097 + day_of_era - 719468;
}

// The date `days` after 1970-01-01.
constexpr date date_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<int>(days - era * 146097);
    const int year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int shifted_month = (5 * day_of_year + 2) / 153;
    const int day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    const int month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    const auto year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return date::from_ymd(year, month, day).value();
}

constexpr error invalid_timestamp(std::string_view text) {
    return {errc::invalid_value,
            "expected an RFC 3339 timestamp such as 2026-06-09T12:26:54.328364Z", text};
}

} // namespace detail

class timestamp {
public:
    static constexpr std::size_t text_size = 27; // YYYY-MM-DDTHH:MM:SS.ffffffZ
    static constexpr std::int64_t micros_per_second = 1'000'000;
    static constexpr std::int64_t micros_per_day = 86'400 * micros_per_second;

    constexpr timestamp() = default;

    // The first and last instants a timestamp holds: years 1 to 9999, as for dates.
    static constexpr std::int64_t min_unix_micros =
        detail::days_since_epoch(1, 1, 1) * micros_per_day;
    static constexpr std::int64_t max_unix_micros =
        detail::days_since_epoch(9999, 12, 31) * micros_per_day + micros_per_day - 1;

    // Whether a timestamp holds the instant `micros`.
    static constexpr bool holds(std::int64_t micros) {
        return micros >= min_unix_micros && micros <= max_unix_micros;
    }

    static constexpr result<timestamp> from_unix_micros(std::int64_t micros) {
        if (!holds(micros))
            return error{errc::invalid_value, "the instant is outside years 1 to 9999"};
        timestamp t;
        t.micros_ = micros;
        return t;
    }

    // YYYY-MM-DDTHH:MM:SS, an optional fraction of 1 to 6 digits, then Z or an offset ±HH:MM
    // (RFC 3339, with 'T' and 'Z' in either case).
    static constexpr result<timestamp> parse(std::string_view text) {
        timestamp t;
        if (!parse(text, t)) return detail::invalid_timestamp(text);
        return t;
    }

    // The same into `out`, telling only whether `text` was one: what a reader of many rows
    // calls, with no error to build.
    static constexpr bool parse(std::string_view text, timestamp& out) {
        const auto number = [&](std::size_t at, std::size_t width, int& value) {
            if (text.size() < at + width) return false;
            value = 0;
            for (std::size_t i = at; i < at + width; ++i) {
                if (!detail::is_digit(text[i])) return false;
                value = value * 10 + (text[i] - '0');
            }
            return true;
        };
        const auto is = [&](std::size_t at, char c) { return at < text.size() && text[at] == c; };
        // YYYY-MM- and HH:MM:SS a word each, the day and the T between them.
        constexpr detail::digit_pattern year_month("dddd-dd-"), time_of_day("dd:dd:dd"),
            server_fraction(".ddddddZ");
        std::uint64_t date_pairs = 0, time_pairs = 0;
        int day = 0;
        if (text.size() < 19 ||
            !detail::digit_pairs(detail::word_at(text, 0), year_month, date_pairs) ||
            !detail::digit_pairs(detail::word_at(text, 11), time_of_day, time_pairs) ||
            !number(8, 2, day) || !(is(10, 'T') || is(10, 't')))
            return false;
        const auto pair = [](std::uint64_t pairs, unsigned k) {
            return static_cast<int>(detail::byte_of(pairs, k));
        };
        const int year = pair(date_pairs, 0) * 100 + pair(date_pairs, 2);
        const int month = pair(date_pairs, 5);
        const int hour = pair(time_pairs, 0), minute = pair(time_pairs, 3);
        const int second = pair(time_pairs, 6);
        if (!date::exists(year, month, day) || hour > 23 || minute > 59 || second > 59)
            return false;
        std::size_t pos = 19;
        std::int64_t fraction = 0;
        std::uint64_t fraction_pairs = 0;
        if (text.size() >= pos + 8 &&
            detail::digit_pairs(detail::word_at(text, pos), server_fraction, fraction_pairs)) {
            // The server's six digits and Z, a word at once.
            fraction = pair(fraction_pairs, 1) * 10'000 + pair(fraction_pairs, 3) * 100 +
                       pair(fraction_pairs, 5);
            pos += 7;
        } else if (is(pos, '.')) {
            std::size_t digits = 0;
            for (++pos; pos < text.size() && detail::is_digit(text[pos]); ++pos, ++digits)
                if (digits < 6) fraction = fraction * 10 + (text[pos] - '0'); // more fail below
            if (digits == 0 || digits > 6) return false;
            for (; digits < 6; ++digits)
                fraction *= 10;
        }
        int offset_minutes = 0;
        if (is(pos, 'Z') || is(pos, 'z')) {
            ++pos;
        } else if (is(pos, '+') || is(pos, '-')) {
            int offset_hours = 0, offset_rest = 0;
            if (!number(pos + 1, 2, offset_hours) || !is(pos + 3, ':') ||
                !number(pos + 4, 2, offset_rest) || offset_hours > 23 || offset_rest > 59)
                return false;
            offset_minutes = (offset_hours * 60 + offset_rest) * (text[pos] == '-' ? -1 : 1);
            pos += 6;
        } else {
            return false;
        }
        if (pos != text.size()) return false;
        const std::int64_t seconds = detail::days_since_epoch(year, month, day) * 86'400 +
                                     hour * 3600 + minute * 60 + second -
                                     std::int64_t{offset_minutes} * 60;
        const auto micros = seconds * micros_per_second + fraction;
        // (an offset can take the instant out of years 1 to 9999)
        if (!holds(micros)) return false;
        out.micros_ = micros;
        return true;
    }

    constexpr std::int64_t unix_micros() const { return micros_; }

    // The UTC calendar date of this instant.
    constexpr didit::date date() const {
        return detail::date_from_days(floor_div(micros_, micros_per_day));
    }

    // YYYY-MM-DDTHH:MM:SS.ffffffZ into `out`, always in UTC.
    constexpr void to_chars(char (&out)[text_size]) const {
        char day_text[didit::date::text_size];
        date().to_chars(day_text);
        for (std::size_t i = 0; i < didit::date::text_size; ++i)
            out[i] = day_text[i];
        const std::int64_t in_day = micros_ - floor_div(micros_, micros_per_day) * micros_per_day;
        const auto put = [&](std::size_t at, std::size_t width, std::int64_t value) {
            for (std::size_t i = width; i-- > 0; value /= 10)
                out[at + i] = static_cast<char>('0' + value % 10);
        };
        out[10] = 'T';
        put(11, 2, in_day / (3600 * micros_per_second));
        out[13] = ':';
        put(14, 2, in_day / (60 * micros_per_second) % 60);
        out[16] = ':';
        put(17, 2, in_day / micros_per_second % 60);
        out[19] = '.';
        put(20, 6, in_day % micros_per_second);
        out[26] = 'Z';
    }

    friend constexpr auto operator<=>(const timestamp&, const timestamp&) = default;

private:
    static constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
        return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);
    }

    std::int64_t micros_ = 0;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
