#pragma once

// A calendar date, and the server's rules for reading one from a query value.

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/text.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {
// Called only when a date literal is invalid: the compiler names it in the error.
inline void invalid_date_literal_expected_existing_YYYY_MM_DD() {}

// The server's message for every date it cannot read.
constexpr error invalid_date(std::string_view text = {}) {
    return {errc::invalid_value, "Enter a valid date.", text};
}
} // namespace detail

class date {
public:
    static constexpr std::size_t text_size = 10; // YYYY-MM-DD

    constexpr date() = default;

    // A literal in ISO form, checked at compile time: date("2026-02-30") does not compile.
    template<std::size_t N>
    consteval date(const char (&literal)[N]) {
        const auto parsed = parse_iso(std::string_view(literal, N - 1));
        if (!parsed) detail::invalid_date_literal_expected_existing_YYYY_MM_DD();
        *this = parsed.value();
    }

    // Whether the date exists in years 1 to 9999.
    static constexpr bool exists(int year, int month, int day) {
        return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
               day <= days_in_month(year, month);
    }

    // A date that exists in years 1 to 9999, or an error.
    static constexpr result<date> from_ymd(int year, int month, int day) {
        if (!exists(year, month, day)) return detail::invalid_date();
        date d;
        d.year_ = static_cast<std::uint16_t>(year);
        d.month_ = static_cast<std::uint8_t>(month);
        d.day_ = static_cast<std::uint8_t>(day);
        return d;
    }

    // Exactly YYYY-MM-DD.
    static constexpr result<date> parse_iso(std::string_view text);

    // A value as the server reads `date_from` / `date_to` once it has stripped blanks: any of
    // Django's default English input formats, as Python's strptime matches them.
    static constexpr result<date> parse(std::string_view text);

    constexpr int year() const { return year_; }
    constexpr int month() const { return month_; }
    constexpr int day() const { return day_; }

    // The following day; 9999-12-31 has none and returns itself.
    constexpr date next_day() const {
        if (day_ < days_in_month(year_, month_)) return ymd(year_, month_, day_ + 1);
        if (month_ < 12) return ymd(year_, month_ + 1, 1);
        if (year_ < 9999) return ymd(year_ + 1, 1, 1);
        return *this;
    }

    // YYYY-MM-DD into `out`.
    constexpr void to_chars(char (&out)[text_size]) const {
        write_digits(out, 0, year_, 4);
        out[4] = '-';
        write_digits(out, 5, month_, 2);
        out[7] = '-';
        write_digits(out, 8, day_, 2);
    }

    friend constexpr auto operator<=>(const date&, const date&) = default;

    static constexpr int days_in_month(int year, int month) {
        constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return (month == 2 && leap) ? 29 : days[static_cast<std::size_t>(month - 1)];
    }

private:
    static constexpr date ymd(int year, int month, int day) {
        return from_ymd(year, month, day).value();
    }

    static constexpr void write_digits(char (&out)[text_size], std::size_t at, int value,
                                       std::size_t width) {
        for (std::size_t i = width; i-- > 0; value /= 10)
            out[at + i] = static_cast<char>('0' + value % 10);
    }

    // Declared in this order so that the defaulted comparison orders by time.
    std::uint16_t year_ = 1;
    std::uint8_t month_ = 1;
    std::uint8_t day_ = 1;
};

namespace detail {

// One strptime format applied to a whole value. Directives: %Y %y %m %d %b %B; a space in the
// format matches one or more whitespace characters; anything else matches itself.
class strptime_reader {
public:
    constexpr explicit strptime_reader(std::string_view text)
        : text_(text) {}

    constexpr result<date> read(std::string_view format) {
        int year = 0, month = 0, day = 0;
        for (std::size_t i = 0; i < format.size(); ++i) {
            const char f = format[i];
            bool ok = false;
            if (f == '%') {
                switch (format[++i]) {
                case 'Y':
                    ok = fixed_digits(4, year);
                    break;
                case 'y':
                    ok = fixed_digits(2, year);
                    year += year <= 68 ? 2000 : 1900;
                    break;
                case 'm':
                    ok = month_number(month);
                    break;
                case 'd':
                    ok = day_number(day);
                    break;
                case 'b':
                    ok = month_name(abbreviated_months, month);
                    break;
                case 'B':
                    ok = month_name(full_months, month);
                    break;
                }
            } else if (f == ' ') {
                ok = spaces();
            } else {
                ok = literal(f);
            }
            if (!ok) return invalid_date();
        }
        if (!text_.empty()) return invalid_date(); // Python: "unconverted data remains"
        return date::from_ymd(year, month, day);
    }

private:
    static constexpr std::array<std::string_view, 12> abbreviated_months{
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    static constexpr std::array<std::string_view, 12> full_months{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};

    constexpr char peek(std::size_t at) const { return at < text_.size() ? text_[at] : '\0'; }
    constexpr int digit(std::size_t at) const { return is_digit(peek(at)) ? peek(at) - '0' : -1; }

    constexpr bool take(std::size_t count, int& out, int value) {
        text_.remove_prefix(count);
        out = value;
        return true;
    }

    constexpr bool fixed_digits(std::size_t count, int& out) {
        int value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            if (digit(i) < 0) return false;
            value = value * 10 + digit(i);
        }
        return take(count, out, value);
    }

    // Python's regex for %m: 1[0-2]|0[1-9]|[1-9]. The separators after a number are never
    // digits, so the first alternative that matches is the only one that can succeed.
    constexpr bool month_number(int& out) {
        const int d0 = digit(0), d1 = digit(1);
        if (d0 == 1 && d1 >= 0 && d1 <= 2) return take(2, out, 10 + d1);
        if (d0 == 0 && d1 >= 1) return take(2, out, d1);
        if (d0 >= 1) return take(1, out, d0);
        return false;
    }

    // Python's regex for %d: 3[01]|[12]\d|0[1-9]|[1-9]| [1-9].
    constexpr bool day_number(int& out) {
        const int d0 = digit(0), d1 = digit(1);
        if (d0 == 3 && (d1 == 0 || d1 == 1)) return take(2, out, 30 + d1);
        if ((d0 == 1 || d0 == 2) && d1 >= 0) return take(2, out, d0 * 10 + d1);
        if (d0 == 0 && d1 >= 1) return take(2, out, d1);
        if (d0 >= 1) return take(1, out, d0);
        if (peek(0) == ' ' && d1 >= 1) return take(2, out, d1);
        return false;
    }

    // Month names match case-insensitively; no name is a prefix of another in its list.
    constexpr bool month_name(const std::array<std::string_view, 12>& names, int& out) {
        for (std::size_t m = 0; m < names.size(); ++m) {
            const auto n = names[m].size();
            if (text_.size() >= n && iequals(text_.substr(0, n), names[m]))
                return take(n, out, static_cast<int>(m) + 1);
        }
        return false;
    }

    constexpr bool spaces() {
        std::size_t n = leading_space_length(text_);
        if (n == 0) return false;
        do
            text_.remove_prefix(n);
        while ((n = leading_space_length(text_)) != 0);
        return true;
    }

    constexpr bool literal(char c) {
        if (text_.empty() || text_[0] != c) return false;
        text_.remove_prefix(1);
        return true;
    }

    std::string_view text_;
};

// Django's DATE_INPUT_FORMATS, in the order it tries them.
inline constexpr std::array<std::string_view, 11> django_date_formats{
    "%Y-%m-%d",  "%m/%d/%Y", "%m/%d/%y",  "%b %d %Y", "%b %d, %Y", "%d %b %Y",
    "%d %b, %Y", "%B %d %Y", "%B %d, %Y", "%d %B %Y", "%d %B, %Y"};

} // namespace detail

constexpr result<date> date::parse_iso(std::string_view text) {
    constexpr std::string_view shape = "dddd-dd-dd";
    if (text.size() != shape.size()) return detail::invalid_date(text);
    int fields[3] = {0, 0, 0};
    for (std::size_t i = 0, field = 0; i < shape.size(); ++i) {
        if (shape[i] == '-') {
            if (text[i] != '-') return detail::invalid_date(text);
            ++field;
        } else if (detail::is_digit(text[i])) {
            fields[field] = fields[field] * 10 + (text[i] - '0');
        } else {
            return detail::invalid_date(text);
        }
    }
    return from_ymd(fields[0], fields[1], fields[2]);
}

constexpr result<date> date::parse(std::string_view text) {
    for (const auto format : detail::django_date_formats)
        if (auto parsed = detail::strptime_reader(text).read(format)) return parsed;
    return detail::invalid_date(text);
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
