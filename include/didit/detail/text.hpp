#pragma once

// Character classes as the server's Python code sees them. Inputs are UTF-8 bytes.

#include <array>
#include <cstddef>
#include <string_view>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Each byte's value as a hex digit, or -1: a load instead of three unpredictable branches on
// the random digits of UUIDs.
inline constexpr auto hex_values = [] {
    std::array<signed char, 256> values{};
    for (auto& value : values)
        value = -1;
    for (int i = 0; i < 10; ++i)
        values[static_cast<std::size_t>('0' + i)] = static_cast<signed char>(i);
    for (int i = 0; i < 6; ++i) {
        values[static_cast<std::size_t>('a' + i)] = static_cast<signed char>(10 + i);
        values[static_cast<std::size_t>('A' + i)] = static_cast<signed char>(10 + i);
    }
    return values;
}();

constexpr int hex_value(char c) {
    return hex_values[static_cast<unsigned char>(c)];
}

constexpr char to_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

constexpr bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    return true;
}

constexpr bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

// Byte length of the whitespace character that starts `s` (0 if there is none), using
// Python's str.isspace() set, which str.strip() and the regex class \s both use.
constexpr std::size_t leading_space_length(std::string_view s) {
    if (s.empty()) return 0;
    const auto b0 = static_cast<unsigned char>(s[0]);
    if ((b0 >= 0x09 && b0 <= 0x0D) || (b0 >= 0x1C && b0 <= 0x20)) return 1;
    if (s.size() >= 2 && b0 == 0xC2) {
        const auto b1 = static_cast<unsigned char>(s[1]);
        return (b1 == 0x85 || b1 == 0xA0) ? 2 : 0; // U+0085, U+00A0
    }
    if (s.size() < 3) return 0;
    const auto b1 = static_cast<unsigned char>(s[1]);
    const auto b2 = static_cast<unsigned char>(s[2]);
    const bool space = (b0 == 0xE1 && b1 == 0x9A && b2 == 0x80) ||                 // U+1680
                       (b0 == 0xE2 && b1 == 0x80 && b2 >= 0x80 && b2 <= 0x8A) ||   // U+2000..200A
                       (b0 == 0xE2 && b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9)) || // U+2028..2029
                       (b0 == 0xE2 && b1 == 0x80 && b2 == 0xAF) ||                 // U+202F
                       (b0 == 0xE2 && b1 == 0x81 && b2 == 0x9F) ||                 // U+205F
                       (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80);                   // U+3000
    return space ? 3 : 0;
}

// `s` without the characters at either end for which `space_length` (a function like
// leading_space_length) reports a length.
template<class SpaceLength>
constexpr std::string_view strip_with(std::string_view s, SpaceLength space_length) {
    while (const std::size_t n = space_length(s))
        s.remove_prefix(n);
    for (std::size_t n = 1; n <= 3 && n <= s.size();) {
        if (space_length(s.substr(s.size() - n)) == n) {
            s.remove_suffix(n);
            n = 1;
        } else {
            ++n;
        }
    }
    return s;
}

// Python's str.strip() with no arguments.
constexpr std::string_view strip(std::string_view s) {
    return strip_with(s, [](std::string_view t) { return leading_space_length(t); });
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
