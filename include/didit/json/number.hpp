#pragma once

// A JSON number in the caller's document, kept as the text it was written as and converted only
// on request: rows keep their scores this way, so that decoding a row converts none of them and
// a program that never asks for a double does not link the conversion, which is large on a
// microcontroller.

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>
#include <system_error>
#include <type_traits>

#include <didit/config.hpp>
#include <didit/json/string.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::json {

namespace detail {

// Powers of ten a double holds exactly.
inline constexpr double exact_powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Clinger's fast path: exact when the digits fit 53 bits and the power of ten is exact. Used in
// constant evaluation, where std::from_chars is not available.
constexpr bool fast_path_double(std::string_view text, double& out) {
    bool negative = false;
    std::uint64_t digits = 0;
    int exponent = 0, significant = 0;
    std::size_t i = 0;
    if (text[i] == '-') {
        negative = true;
        ++i;
    }
    bool fraction = false;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] == '.') {
            fraction = true;
            continue;
        }
        if (digits != 0 || text[i] != '0') ++significant;
        if (significant > 19) return false;
        digits = digits * 10 + static_cast<std::uint64_t>(text[i] - '0');
        if (fraction) --exponent;
    }
    if (i < text.size()) {
        int written = 0;
        bool minus = false;
        for (++i; i < text.size(); ++i) {
            if (text[i] == '-' || text[i] == '+') {
                minus = text[i] == '-';
                continue;
            }
            written = written * 10 + (text[i] - '0');
            if (written > 400) return false;
        }
        exponent += minus ? -written : written;
    }
    if (digits > (std::uint64_t{1} << 53) || exponent < -22 || exponent > 22) return false;
    const auto mantissa = static_cast<double>(digits);
    out = exponent < 0 ? mantissa / exact_powers_of_ten[-exponent]
                       : mantissa * exact_powers_of_ten[exponent];
    if (negative) out = -out;
    return true;
}

// The double nearest to `text`, a valid JSON number; false when it is beyond a double's range
// (or, in constant evaluation, beyond the exact fast path).
constexpr bool to_double(std::string_view text, double& out) {
    if (std::is_constant_evaluated()) return fast_path_double(text, out);
    const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), out);
    return code == std::errc{} && end == text.data() + text.size();
}

} // namespace detail

class number {
public:
    constexpr number() = default; // zero
    // `text` is a number that validation accepted.
    constexpr number(detail::trusted_t, std::string_view text)
        : text_(text) {}

    // The number as written.
    constexpr std::string_view raw() const { return text_; }

    // The double nearest to it (correctly rounded), or nothing when it is beyond a double's
    // range.
    constexpr std::optional<double> to_double() const {
        double out = 0;
        if (!detail::to_double(text_, out)) return std::nullopt;
        return out;
    }

private:
    std::string_view text_ = "0";
};

} // namespace didit::inline DIDIT_SESSIONS_ABI::json
