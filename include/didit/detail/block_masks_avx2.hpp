#pragma once

// The masks of a 64-byte block (block_masks.hpp) from two 32-byte AVX2 vectors, where the
// build targets x86-64 without assuming AVX2 but the processor has it: half the vector
// instructions of four SSE2 vectors. Validation and skipping choose them at run time. Define
// DIDIT_SESSIONS_AVX2=0 to keep to SSE2.
//
// These functions carry the AVX2 target themselves, so that the rest of the build does not: only
// functions with that target inline them, and they take no lambdas (a lambda would not have
// it). The tests check on random blocks that both ways give the same masks.

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

// What code for these processors may use: AVX2, and the instructions that every processor
// with AVX2 has: BMI1 and POPCNT for bits, PCLMUL for carry-less multiplication.
#define DIDIT_SESSIONS_AVX2_FUNCTION [[gnu::target("avx2,bmi,popcnt,pclmul")]]

// Whether this processor (and its operating system) runs that code.
inline bool avx2_available() {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
           __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("pclmul");
}

// prefix_xor (block_strings.hpp) as the carry-less product of `bits` and a word of ones: bit i
// of the product is the XOR of bits 0 to i.
DIDIT_SESSIONS_AVX2_FUNCTION inline std::uint64_t prefix_xor_clmul(std::uint64_t bits) {
    const auto product =
        _mm_clmulepi64_si128(_mm_cvtsi64_si128(static_cast<long long>(bits)), _mm_set1_epi8(-1), 0);
    return static_cast<std::uint64_t>(_mm_cvtsi128_si64(product));
}

namespace avx2 {

// The 64 bytes of a block as two vectors.
struct halves {
    __m256i low, high;
};

DIDIT_SESSIONS_AVX2_FUNCTION inline halves load_block(const char* p) {
    return {_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)),
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32))};
}

// One bit per byte of a block whose halves matched as `low` and `high`.
DIDIT_SESSIONS_AVX2_FUNCTION inline std::uint64_t bits(__m256i low, __m256i high) {
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(low)) |
           std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(high))} << 32;
}

DIDIT_SESSIONS_AVX2_FUNCTION inline __m256i equal_bytes(__m256i v, char c) {
    return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c));
}

// The bytes of `block` equal to c.
DIDIT_SESSIONS_AVX2_FUNCTION inline std::uint64_t bytes_equal(const halves& block, char c) {
    return bits(equal_bytes(block.low, c), equal_bytes(block.high, c));
}

// '[' and ']' differ from '{' and '}' only in the 0x20 bit.
DIDIT_SESSIONS_AVX2_FUNCTION inline __m256i fold_brackets(__m256i v) {
    return _mm256_or_si256(v, _mm256_set1_epi8(0x20));
}

// '{', '}', '[', ']', ':' and ','.
DIDIT_SESSIONS_AVX2_FUNCTION inline __m256i operators(__m256i v) {
    const auto folded = fold_brackets(v);
    return _mm256_or_si256(_mm256_or_si256(equal_bytes(folded, '{'), equal_bytes(folded, '}')),
                           _mm256_or_si256(equal_bytes(v, ':'), equal_bytes(v, ',')));
}

// Bytes below 0x20 or from 0x80 up: below 0x20 as signed bytes.
DIDIT_SESSIONS_AVX2_FUNCTION inline __m256i control_or_non_ascii(__m256i v) {
    return _mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v);
}

// Backslashes, control characters and bytes from 0x80 up.
DIDIT_SESSIONS_AVX2_FUNCTION inline __m256i rare(__m256i v) {
    return _mm256_or_si256(equal_bytes(v, '\\'), control_or_non_ascii(v));
}

} // namespace avx2

// The masks of the 64 bytes at p, as classify_block gives them.
DIDIT_SESSIONS_AVX2_FUNCTION inline block_masks classify_block_avx2(const char* p) {
    const auto block = avx2::load_block(p);
    block_masks masks;
    masks.quote = avx2::bytes_equal(block, '"');
    masks.space = avx2::bytes_equal(block, ' ');
    masks.operators = avx2::bits(avx2::operators(block.low), avx2::operators(block.high));
    const auto rare = _mm256_or_si256(avx2::rare(block.low), avx2::rare(block.high));
    if (_mm256_testz_si256(rare, rare) != 0) return masks;
    masks.backslash = avx2::bytes_equal(block, '\\');
    masks.non_ascii = avx2::bits(block.low, block.high); // (movemask takes each byte's high bit)
    masks.control =
        avx2::bits(avx2::control_or_non_ascii(block.low), avx2::control_or_non_ascii(block.high)) &
        ~masks.non_ascii;
    return masks;
}

// The bracket masks of the 64 bytes at p, as classify_brackets gives them.
DIDIT_SESSIONS_AVX2_FUNCTION inline bracket_masks classify_brackets_avx2(const char* p) {
    const auto block = avx2::load_block(p);
    const avx2::halves folded{avx2::fold_brackets(block.low), avx2::fold_brackets(block.high)};
    bracket_masks masks;
    masks.quote = avx2::bytes_equal(block, '"');
    masks.backslash = avx2::bytes_equal(block, '\\');
    masks.open = avx2::bytes_equal(folded, '{');
    masks.close = avx2::bytes_equal(folded, '}');
    return masks;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail

#endif
