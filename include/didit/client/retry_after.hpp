#pragma once

// The Retry-After header of a 429 or 503: a number of seconds, or an HTTP-date (RFC 9110,
// section 10.2.3) in any of the three forms a recipient must accept:
//   Sun, 06 Nov 1994 08:49:37 GMT     (IMF-fixdate)
//   Sunday, 06-Nov-94 08:49:37 GMT    (obsolete RFC 850 form)
//   Sun Nov  6 08:49:37 1994          (obsolete asctime form)

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/text.hpp>
#include <didit/result.hpp>
#include <didit/timestamp.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {

constexpr error invalid_retry_after(std::string_view text) {
    return {errc::invalid_value, "Retry-After is neither seconds nor an HTTP-date", text};
}

inline constexpr std::array<std::string_view, 7> day_names{"Mon", "Tue", "Wed", "Thu",
                                                           "Fri", "Sat", "Sun"};
inline constexpr std::array<std::string_view, 7> long_day_names{
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
inline constexpr std::array<std::string_view, 12> month_abbreviations{
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Reads an HTTP-date left to right; each step consumes what it matched.
class http_date_reader {
public:
    constexpr explicit http_date_reader(std::string_view text)
        : rest_(text) {}

    constexpr bool literal(std::string_view expected) {
        if (!rest_.starts_with(expected)) return false;
        rest_.remove_prefix(expected.size());
        return true;
    }

    template<std::size_t N>
    constexpr bool one_of(const std::array<std::string_view, N>& names, int& index) {
        for (std::size_t i = 0; i < N; ++i)
            if (literal(names[i])) return index = static_cast<int>(i), true;
        return false;
    }

    // Exactly `width` digits; asctime's day may instead be a space and one digit.
    constexpr bool digits(std::size_t width, int& out, bool space_padded = false) {
        if (rest_.size() < width) return false;
        out = 0;
        for (std::size_t i = 0; i < width; ++i) {
            const char c = rest_[i];
            if (space_padded && i == 0 && c == ' ') continue;
            if (!is_digit(c)) return false;
            out = out * 10 + (c - '0');
        }
        rest_.remove_prefix(width);
        return true;
    }

    constexpr bool time(int& hour, int& minute, int& second) {
        return digits(2, hour) && literal(":") && digits(2, minute) && literal(":") &&
               digits(2, second) && hour <= 23 && minute <= 59 && second <= 60;
    }

    constexpr bool done() const { return rest_.empty(); }

private:
    std::string_view rest_;
};

// Unix seconds of a date and time, if the date exists.
constexpr bool unix_seconds(int year, int month, int day, int hour, int minute, int second,
                            std::int64_t& out) {
    if (!date::from_ymd(year, month, day)) return false;
    out = days_since_epoch(year, month, day) * 86'400 + hour * 3600 + minute * 60 + second;
    return true;
}

} // namespace detail

// The Unix time (seconds) an HTTP-date names. `now` (Unix seconds) places the two-digit years
// of the RFC 850 form: one that would be more than 50 years ahead is in the past century.
constexpr result<std::int64_t> parse_http_date(std::string_view text, std::int64_t now) {
    int weekday = 0, day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0;
    std::int64_t seconds = 0;
    {
        detail::http_date_reader r(text);
        if (r.one_of(detail::day_names, weekday) && r.literal(", ") && r.digits(2, day) &&
            r.literal(" ") && r.one_of(detail::month_abbreviations, month) && r.literal(" ") &&
            r.digits(4, year) && r.literal(" ") && r.time(hour, minute, second) &&
            r.literal(" GMT") && r.done() &&
            detail::unix_seconds(year, month + 1, day, hour, minute, second, seconds))
            return seconds;
    }
    {
        detail::http_date_reader r(text);
        if (r.one_of(detail::long_day_names, weekday) && r.literal(", ") && r.digits(2, day) &&
            r.literal("-") && r.one_of(detail::month_abbreviations, month) && r.literal("-") &&
            r.digits(2, year) && r.literal(" ") && r.time(hour, minute, second) &&
            r.literal(" GMT") && r.done()) {
            const auto today = timestamp::from_unix_micros(
                now > timestamp::max_unix_micros / 1'000'000 ||
                        now < timestamp::min_unix_micros / 1'000'000
                    ? timestamp::max_unix_micros + 1 // out of range: no year to place it in
                    : now * 1'000'000);
            if (!today) return detail::invalid_retry_after(text);
            const int this_year = today->date().year();
            year += this_year / 100 * 100;
            if (year > this_year + 50) year -= 100;
            if (detail::unix_seconds(year, month + 1, day, hour, minute, second, seconds))
                return seconds;
        }
    }
    {
        detail::http_date_reader r(text);
        if (r.one_of(detail::day_names, weekday) && r.literal(" ") &&
            r.one_of(detail::month_abbreviations, month) && r.literal(" ") &&
            r.digits(2, day, true) && r.literal(" ") && r.time(hour, minute, second) &&
            r.literal(" ") && r.digits(4, year) && r.done() &&
            detail::unix_seconds(year, month + 1, day, hour, minute, second, seconds))
            return seconds;
    }
    return detail::invalid_retry_after(text);
}

// How many seconds a Retry-After value asks the client to wait, counted from `now` (Unix
// seconds). A date in the past asks for no wait; very large numbers saturate.
constexpr result<std::int64_t> retry_after_seconds(std::string_view value, std::int64_t now) {
    value = detail::strip_with(value, [](std::string_view s) -> std::size_t {
        return !s.empty() && (s[0] == ' ' || s[0] == '\t') ? 1 : 0;
    });
    if (!value.empty() && detail::is_digit(value[0])) {
        std::int64_t seconds = 0;
        for (const char c : value) {
            if (!detail::is_digit(c)) return detail::invalid_retry_after(value);
            if (seconds < std::numeric_limits<std::int64_t>::max() / 10 - 1)
                seconds = seconds * 10 + (c - '0');
        }
        return seconds;
    }
    const auto at = parse_http_date(value, now);
    if (!at) return at.error();
    return at.value() > now ? at.value() - now : 0;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
