#pragma once

// The masks of a 64-byte block (block_masks.hpp) from two 32-byte AVX2 vectors, where the
// build targets x86-64 without assuming AVX2 but the processor has it: half the vector
// instructions of four SSE2 vectors. Chosen at run time, as validation starts. Define
// DIDIT_SESSIONS_AVX2=0 to keep to SSE2.
//
// These functions carry the AVX2 target themselves, so that the rest of the build does not:
// they cannot be inlined into code built for SSE2, and so take no lambdas and call only each
// other. The tests check on random blocks that both ways give the same masks.

#include <cstdint>

#include <didit/config.hpp>
#include <didit/detail/block_masks.hpp>
#include <didit/detail/code_size.hpp>

#ifndef DIDIT_SESSIONS_AVX2
#define DIDIT_SESSIONS_AVX2 1
#endif

#if DIDIT_SESSIONS_AVX2 && defined(DIDIT_SESSIONS_SIMD_SSE2) && defined(__x86_64__) &&             \
    (defined(__GNUC__) || defined(__clang__)) && !defined(__OPTIMIZE_SIZE__)
#define DIDIT_SESSIONS_SIMD_AVX2 1
#include <immintrin.h>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

// What code for these processors may use: AVX2, and the bit instructions (BMI1, POPCNT)
// that every processor with AVX2 has.
#define DIDIT_SESSIONS_AVX2_FUNCTION [[gnu::target("avx2,bmi,popcnt")]]

// Whether this processor (and its operating system) runs that code.
inline bool avx2_available() {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
           __builtin_cpu_supports("popcnt");
}

namespace avx2 {

// One bit per byte of the block whose halves matched as `low` and `high`.
DIDIT_SESSIONS_AVX2_FUNCTION inline std::uint64_t bits(__m256i low, __m256i high) {
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(low)) |
           std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(high))} << 32;
}

DIDIT_SESSIONS_AVX2_FUNCTION inline __m256i equal_bytes(__m256i v, char c) {
    return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c));
}

// '{', '}', '[', ']' (brackets fold onto braces by the 0x20 bit), ':' and ','.
DIDIT_SESSIONS_AVX2_FUNCTION inline __m256i operators(__m256i v) {
    const auto folded = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
    return _mm256_or_si256(_mm256_or_si256(equal_bytes(folded, '{'), equal_bytes(folded, '}')),
                           _mm256_or_si256(equal_bytes(v, ':'), equal_bytes(v, ',')));
}

// Bytes below 0x20 or from 0x80 up: below 0x20 as signed bytes.
DIDIT_SESSIONS_AVX2_FUNCTION inline __m256i control_or_non_ascii(__m256i v) {
    return _mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v);
}

} // namespace avx2

// The masks of the 64 bytes at p, as classify_block gives them.
DIDIT_SESSIONS_AVX2_FUNCTION inline block_masks classify_block_avx2(const char* p) {
    const auto low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const auto high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
    block_masks masks;
    masks.quote = avx2::bits(avx2::equal_bytes(low, '"'), avx2::equal_bytes(high, '"'));
    masks.space = avx2::bits(avx2::equal_bytes(low, ' '), avx2::equal_bytes(high, ' '));
    masks.operators = avx2::bits(avx2::operators(low), avx2::operators(high));
    const auto rare_low =
        _mm256_or_si256(avx2::equal_bytes(low, '\\'), avx2::control_or_non_ascii(low));
    const auto rare_high =
        _mm256_or_si256(avx2::equal_bytes(high, '\\'), avx2::control_or_non_ascii(high));
    if (_mm256_testz_si256(_mm256_or_si256(rare_low, rare_high), _mm256_set1_epi8(-1)) != 0)
        return masks;
    masks.backslash = avx2::bits(avx2::equal_bytes(low, '\\'), avx2::equal_bytes(high, '\\'));
    masks.non_ascii = avx2::bits(low, high); // (movemask takes each byte's high bit)
    masks.control = avx2::bits(avx2::control_or_non_ascii(low), avx2::control_or_non_ascii(high)) &
                    ~masks.non_ascii;
    return masks;
}

// The bracket masks of the 64 bytes at p, as classify_brackets gives them.
DIDIT_SESSIONS_AVX2_FUNCTION inline bracket_masks classify_brackets_avx2(const char* p) {
    const auto low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const auto high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
    const auto folded_low = _mm256_or_si256(low, _mm256_set1_epi8(0x20));
    const auto folded_high = _mm256_or_si256(high, _mm256_set1_epi8(0x20));
    bracket_masks masks;
    masks.quote = avx2::bits(avx2::equal_bytes(low, '"'), avx2::equal_bytes(high, '"'));
    masks.backslash = avx2::bits(avx2::equal_bytes(low, '\\'), avx2::equal_bytes(high, '\\'));
    masks.open =
        avx2::bits(avx2::equal_bytes(folded_low, '{'), avx2::equal_bytes(folded_high, '{'));
    masks.close =
        avx2::bits(avx2::equal_bytes(folded_low, '}'), avx2::equal_bytes(folded_high, '}'));
    return masks;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail

#endif
