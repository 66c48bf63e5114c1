#pragma once

// SWAR: eight bytes examined at once in a 64-bit word, scalar code on every target.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

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

// Index (0-7) of the byte whose high bit is the lowest set in non-zero `mask`.
constexpr unsigned first_marked_byte(std::uint64_t mask) {
    return static_cast<unsigned>(std::countr_zero(mask)) / 8;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
