#pragma once

// The bytes of a 64-byte block of JSON sorted into the classes that validation needs, one bit
// per byte (bit i for byte i): with vector instructions where byte_scan.hpp has them, 64-bit
// words elsewhere. Both give the same masks.

#include <cstddef>
#include <cstdint>

#include <didit/config.hpp>
#include <didit/detail/byte_scan.hpp>
#include <didit/detail/code_size.hpp>
#include <didit/detail/swar.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

inline constexpr std::size_t block_size = 64;

struct block_masks {
    std::uint64_t quote = 0;     // '"'
    std::uint64_t backslash = 0; // '\\'
    std::uint64_t space = 0;     // ' ' (tabs and line ends are among the control bytes)
    std::uint64_t operators = 0; // '{', '}', '[', ']', ':', ','
    std::uint64_t control = 0;   // below 0x20
    std::uint64_t non_ascii = 0; // from 0x80 up
};

#if defined(DIDIT_SESSIONS_SIMD_SSE2) || defined(DIDIT_SESSIONS_SIMD_NEON)

#if defined(DIDIT_SESSIONS_SIMD_SSE2)
// One bit per byte of four vectors' matches.
inline std::uint64_t block_bits(const byte_vector (&matches)[4]) {
    std::uint64_t bits = 0;
    for (unsigned i = 0; i < 4; ++i)
        bits |= marks_of(matches[i]) << (16 * i);
    return bits;
}
// (movemask takes each byte's high bit: a byte from 0x80 up is its own match)
inline byte_vector high_bytes(byte_vector v) {
    return v;
}
#else
// One bit per byte of four vectors' matches: each byte keeps the bit of its place in its eight,
// and pairwise sums gather them into bytes.
inline std::uint64_t block_bits(const byte_vector (&matches)[4]) {
    constexpr std::uint8_t places[16] = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    const auto place = vld1q_u8(places);
    const auto first = vpaddq_u8(vandq_u8(matches[0], place), vandq_u8(matches[1], place));
    const auto second = vpaddq_u8(vandq_u8(matches[2], place), vandq_u8(matches[3], place));
    auto sums = vpaddq_u8(first, second);
    sums = vpaddq_u8(sums, sums);
    return vgetq_lane_u64(vreinterpretq_u64_u8(sums), 0);
}
inline byte_vector high_bytes(byte_vector v) {
    return vcgeq_u8(v, vdupq_n_u8(0x80));
}
#endif

// The masks of the 64 bytes at p.
DIDIT_SESSIONS_HOT_INLINE inline block_masks classify_block(const char* p) {
    byte_vector v[4];
    for (unsigned i = 0; i < 4; ++i)
        v[i] = load_vector(p + 16 * i);
    const auto mask = [&](auto matches_of) {
        const byte_vector matches[4] = {matches_of(v[0]), matches_of(v[1]), matches_of(v[2]),
                                        matches_of(v[3])};
        return block_bits(matches);
    };
    block_masks masks;
    masks.quote = mask([](byte_vector x) { return equal_bytes(x, '"'); });
    masks.backslash = mask([](byte_vector x) { return equal_bytes(x, '\\'); });
    masks.space = mask([](byte_vector x) { return equal_bytes(x, ' '); });
    masks.operators = mask([](byte_vector x) {
        const auto folded = fold_brackets(x);
        return either(either(equal_bytes(folded, '{'), equal_bytes(folded, '}')),
                      either(equal_bytes(x, ':'), equal_bytes(x, ',')));
    });
    masks.non_ascii = mask([](byte_vector x) { return high_bytes(x); });
    masks.control = mask([](byte_vector x) { return control_or_non_ascii(x); }) & ~masks.non_ascii;
    return masks;
}

#else

// The high bits of a word's bytes gathered into eight bits, the first byte's lowest.
constexpr std::uint64_t gather_high_bits(std::uint64_t marks) {
    return ((marks >> 7) * 0x0102040810204080ULL) >> 56;
}

DIDIT_SESSIONS_HOT_INLINE inline block_masks classify_block(const char* p) {
    block_masks masks;
    for (unsigned i = 0; i < block_size / 8; ++i) {
        const auto word = load_word(p + 8 * i);
        const auto equal = [&](std::uint64_t in, unsigned char c) {
            return exact_zero_bytes(in ^ repeat_byte(c));
        };
        const auto folded = word | repeat_byte(0x20);
        const auto add = [&](std::uint64_t& mask, std::uint64_t marks) {
            mask |= gather_high_bits(marks) << (8 * i);
        };
        add(masks.quote, equal(word, '"'));
        add(masks.backslash, equal(word, '\\'));
        add(masks.space, equal(word, ' '));
        add(masks.operators,
            equal(folded, '{') | equal(folded, '}') | equal(word, ':') | equal(word, ','));
        add(masks.control, exact_zero_bytes(word & repeat_byte(0xE0)));
        add(masks.non_ascii, word & repeat_byte(0x80));
    }
    return masks;
}

#endif

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
