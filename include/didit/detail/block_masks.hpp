#pragma once

// The bytes of a 64-byte block of JSON sorted into the classes that validation and skipping
// need, one bit per byte (bit i for byte i), with the vector instructions byte_scan.hpp has.
// Targets without them validate and skip byte by byte: building the masks from 64-bit words
// costs more instructions than the byte loops' word scans do.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/byte_scan.hpp>
#include <didit/detail/code_size.hpp>

#if defined(DIDIT_SESSIONS_SIMD_VECTORS)

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

inline constexpr std::size_t block_size = 64;

// The 64 bytes of `doc` from `base`; for the last block, fewer bytes than that padded with
// spaces in `spare`, so that a block is always whole and never read past the view.
inline const char* block_at(std::string_view doc, std::size_t base, char (&spare)[block_size]) {
    const char* bytes = doc.data() + base;
    if (doc.size() - base >= block_size) return bytes;
    std::memset(spare, ' ', block_size);
    std::memcpy(spare, bytes, doc.size() - base);
    return spare;
}

struct block_masks {
    std::uint64_t quote = 0;     // '"'
    std::uint64_t backslash = 0; // '\\'
    std::uint64_t space = 0;     // ' ' (tabs and line ends are among the control bytes)
    std::uint64_t operators = 0; // '{', '}', '[', ']', ':', ','
    std::uint64_t control = 0;   // below 0x20
    std::uint64_t non_ascii = 0; // from 0x80 up

    bool operator==(const block_masks&) const = default;
};

// What skipping a container needs of a block.
struct bracket_masks {
    std::uint64_t quote = 0;     // '"'
    std::uint64_t backslash = 0; // '\\'
    std::uint64_t open = 0;      // '{', '['
    std::uint64_t close = 0;     // '}', ']'

    bool operator==(const bracket_masks&) const = default;
};

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

// The 64 bytes at p as four vectors.
struct vector_block {
    byte_vector v[4];

    explicit vector_block(const char* p) {
        for (unsigned i = 0; i < 4; ++i)
            v[i] = load_vector(p + 16 * i);
    }
    // The block's bytes that matches_of(vector) marks.
    template<class MatchesOf>
    std::uint64_t mask(MatchesOf matches_of) const {
        const byte_vector matches[4] = {matches_of(v[0]), matches_of(v[1]), matches_of(v[2]),
                                        matches_of(v[3])};
        return block_bits(matches);
    }
    // Whether any of the block's bytes is one that matches_of(vector) marks.
    template<class MatchesOf>
    bool any(MatchesOf matches_of) const {
        return marks_of(either(either(matches_of(v[0]), matches_of(v[1])),
                               either(matches_of(v[2]), matches_of(v[3])))) != 0;
    }
};

// The masks of the 64 bytes at p.
DIDIT_SESSIONS_HOT_INLINE inline block_masks classify_block(const char* p) {
    const vector_block block(p);
    block_masks masks;
    masks.quote = block.mask([](byte_vector x) { return equal_bytes(x, '"'); });
    masks.space = block.mask([](byte_vector x) { return equal_bytes(x, ' '); });
    masks.operators = block.mask([](byte_vector x) {
        const auto folded = fold_brackets(x);
        return either(either(equal_bytes(folded, '{'), equal_bytes(folded, '}')),
                      either(equal_bytes(x, ':'), equal_bytes(x, ',')));
    });
    // Backslashes, control characters and bytes from 0x80 up are rare: one test over the
    // block tells whether their masks are worth building.
    if (!block.any(
            [](byte_vector x) { return either(equal_bytes(x, '\\'), control_or_non_ascii(x)); }))
        return masks;
    masks.backslash = block.mask([](byte_vector x) { return equal_bytes(x, '\\'); });
    masks.non_ascii = block.mask([](byte_vector x) { return high_bytes(x); });
    masks.control =
        block.mask([](byte_vector x) { return control_or_non_ascii(x); }) & ~masks.non_ascii;
    return masks;
}

DIDIT_SESSIONS_HOT_INLINE inline bracket_masks classify_brackets(const char* p) {
    const vector_block block(p);
    bracket_masks masks;
    masks.quote = block.mask([](byte_vector x) { return equal_bytes(x, '"'); });
    masks.backslash = block.mask([](byte_vector x) { return equal_bytes(x, '\\'); });
    masks.open = block.mask([](byte_vector x) { return equal_bytes(fold_brackets(x), '{'); });
    masks.close = block.mask([](byte_vector x) { return equal_bytes(fold_brackets(x), '}'); });
    return masks;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail

#endif
