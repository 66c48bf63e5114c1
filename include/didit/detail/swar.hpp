#pragma once

// SWAR: eight bytes examined at once in a 64-bit word, scalar code on every target.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include <didit/config.hpp>
#include <didit/detail/code_size.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

constexpr std::uint64_t repeat_byte(unsigned char b) {
    return 0x0101010101010101ULL * b;
}

// The high bit of each byte of `v` that is zero. Bits above the lowest true match may be false
// positives (a borrow), so only the lowest set bit is meaningful.
constexpr std::uint64_t zero_bytes(std::uint64_t v) {
    return (v - repeat_byte(1)) & ~v & repeat_byte(0x80);
}

// The high bit of each byte of `v` below `n` (n <= 128); same caveat as zero_bytes.
constexpr std::uint64_t bytes_below(std::uint64_t v, unsigned char n) {
    return (v - repeat_byte(n)) & ~v & repeat_byte(0x80);
}

// Whether to scan eight bytes at a time: unless the build is for small code, which keeps the
// scalar loops (they give the same results), or the target orders the bytes of a word neither
// little- nor big-endian.
inline constexpr bool word_scanning =
    (std::endian::native == std::endian::little || std::endian::native == std::endian::big) &&
    !optimizing_for_size;

// `v` with its bytes in reverse order (compilers emit one byte-swap instruction for this).
constexpr std::uint64_t reverse_bytes(std::uint64_t v) {
    v = ((v & 0x00FF00FF00FF00FFULL) << 8) | ((v >> 8) & 0x00FF00FF00FF00FFULL);
    v = ((v & 0x0000FFFF0000FFFFULL) << 16) | ((v >> 16) & 0x0000FFFF0000FFFFULL);
    return (v << 32) | (v >> 32);
}

// Eight bytes from `p`, the first in the lowest byte whatever the target's byte order: a
// borrow in zero_bytes runs from lower bytes to higher ones, so the first byte in string order
// must be the lowest for the lowest mark to be true. Precondition: eight bytes readable.
inline std::uint64_t load_word(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    if constexpr (std::endian::native == std::endian::big) word = reverse_bytes(word);
    return word;
}

// Eight bytes of `text` from `at`, the first in the lowest byte, in constant evaluation too.
constexpr std::uint64_t word_at(std::string_view text, std::size_t at) {
    if (!std::is_constant_evaluated() && word_scanning) return load_word(text.data() + at);
    std::uint64_t word = 0;
    for (std::size_t i = 8; i-- > 0;)
        word = word << 8 | static_cast<unsigned char>(text[at + i]);
    return word;
}

// The high bit of each byte of `v` from `low` to `high`, for words whose bytes are all below
// 0x80 and bounds below 0x80 (no sum carries then from one byte into the next).
constexpr std::uint64_t bytes_between(std::uint64_t v, unsigned char low, unsigned char high) {
    const auto at_least_low = v + repeat_byte(static_cast<unsigned char>(0x80 - low));
    const auto above_high = v + repeat_byte(static_cast<unsigned char>(0x7F - high));
    return at_least_low & ~above_high & repeat_byte(0x80);
}

// The number that the eight hex digits of `v` spell (the first in the lowest byte, either
// case), as four bytes with the first two digits' byte lowest; false when a byte is not a hex
// digit.
constexpr bool hex_word(std::uint64_t v, std::uint32_t& out) {
    if ((v & repeat_byte(0x80)) != 0) return false;
    const auto digits = bytes_between(v, '0', '9');
    const auto letters = bytes_between(v | repeat_byte(0x20), 'a', 'f');
    if ((digits | letters) != repeat_byte(0x80)) return false;
    const auto nibbles = (v & repeat_byte(0x0F)) + (letters >> 7) * 9; // 'a' & 0x0F is 1
    // Each pair of nibbles into the low byte of its 16-bit lane, then the four bytes together.
    auto bytes = ((nibbles << 4) | (nibbles >> 8)) & 0x00FF00FF00FF00FFULL;
    bytes = (bytes | (bytes >> 8)) & 0x0000FFFF0000FFFFULL;
    out = static_cast<std::uint32_t>(bytes | (bytes >> 16));
    return true;
}

// Eight bytes of fixed text with decimal digits in some places, written as in "dddd-dd-": 'd'
// stands for a digit, any other byte for itself.
struct digit_pattern {
    std::uint64_t digits = 0; // 0xFF in each digit's byte
    std::uint64_t fixed = 0;  // the other bytes, 0 in the digits' places

    consteval explicit digit_pattern(const char (&pattern)[9]) {
        for (unsigned k = 0; k < 8; ++k) {
            if (pattern[k] == 'd')
                digits |= std::uint64_t{0xFF} << (8 * k);
            else
                fixed |= std::uint64_t{static_cast<unsigned char>(pattern[k])} << (8 * k);
        }
    }
};

// When `v` (the first byte lowest) matches `pattern`: in each byte k, the two-digit number that
// bytes k and k+1 spell when both are digits.
constexpr bool digit_pairs(std::uint64_t v, digit_pattern pattern, std::uint64_t& out) {
    const auto high_bits = repeat_byte(0x80);
    if ((v & high_bits) != 0 || (v & ~pattern.digits) != pattern.fixed ||
        (bytes_between(v, '0', '9') & pattern.digits) != (high_bits & pattern.digits))
        return false;
    const auto digits = (v & pattern.digits) - (repeat_byte('0') & pattern.digits); // no borrows
    out = digits * 10 + (digits >> 8); // at most 99 in a byte: no carries
    return true;
}

// Byte k of `v`.
constexpr unsigned byte_of(std::uint64_t v, unsigned k) {
    return static_cast<unsigned>(v >> (8 * k)) & 0xFF;
}

// Index (0-7) of the byte whose high bit is the lowest set in non-zero `mask`.
constexpr unsigned first_marked_byte(std::uint64_t mask) {
    return static_cast<unsigned>(std::countr_zero(mask)) / 8;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
