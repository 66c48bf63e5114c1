#pragma once

// The masks of a 64-byte block (block_masks.hpp) from two 32-byte AVX2 vectors, where the
// build targets x86-64 without assuming AVX2 but the processor has it: half the vector
// instructions of four SSE2 vectors. Validation and skipping choose them at run time. Define
// DIDIT_SESSIONS_AVX2=0 to keep to SSE2.
//
// These functions carry the AVX2 target themselves, so that the rest of the build does not: only
// functions with that target inline them, and they take no lambdas (a lambda would not have
// it). The tests check on random blocks that both ways give the same masks.
//
// They are written with the compiler's vector extensions and builtins (GCC and Clang share
// both), not <immintrin.h>, which takes longer to compile than the rest of the JSON reader.

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

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

// What code for these processors may use: AVX2, and the instructions that every processor
// with AVX2 has: BMI1 and POPCNT for bits, PCLMUL for carry-less multiplication.
#define DIDIT_SESSIONS_AVX2_FUNCTION [[gnu::target("avx2,bmi,popcnt,pclmul")]]

// Whether this processor (and its operating system) runs that code.
inline bool avx2_available() {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
           __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("pclmul");
}

namespace avx2 {

// 32 signed bytes, in one AVX2 register.
using bytes = signed char __attribute__((vector_size(32)));
// Two 64-bit lanes, for the carry-less multiplication.
using words = long long __attribute__((vector_size(16)));

} // namespace avx2

// prefix_xor (block_strings.hpp) as the carry-less product of `bits` and a word of ones: bit i
// of the product is the XOR of bits 0 to i.
DIDIT_SESSIONS_AVX2_FUNCTION inline std::uint64_t prefix_xor_clmul(std::uint64_t bits) {
    const avx2::words factor{static_cast<long long>(bits), 0};
    const avx2::words ones{-1, -1};
    return static_cast<std::uint64_t>(__builtin_ia32_pclmulqdq128(factor, ones, 0)[0]);
}

namespace avx2 {

// The 64 bytes of a block as two vectors.
struct halves {
    bytes low, high;
};

// The 32 bytes at p, at any alignment: a copy, which compiles to one unaligned load (a
// reduced-alignment vector type is not honoured by every compiler).
DIDIT_SESSIONS_AVX2_FUNCTION inline bytes load(const char* p) {
    bytes v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}

DIDIT_SESSIONS_AVX2_FUNCTION inline halves load_block(const char* p) {
    return {load(p), load(p + 32)};
}

// The high bit of each byte of v, one bit per byte.
DIDIT_SESSIONS_AVX2_FUNCTION inline std::uint32_t high_bits(bytes v) {
    using chars = char __attribute__((vector_size(32))); // the builtin's own type
    return static_cast<std::uint32_t>(__builtin_ia32_pmovmskb256(__builtin_bit_cast(chars, v)));
}

// One bit per byte of a block whose halves matched as `low` and `high`.
DIDIT_SESSIONS_AVX2_FUNCTION inline std::uint64_t bits(bytes low, bytes high) {
    return high_bits(low) | std::uint64_t{high_bits(high)} << 32;
}

// Comparisons give a vector of all-ones bytes where they hold.
DIDIT_SESSIONS_AVX2_FUNCTION inline bytes equal_bytes(bytes v, char c) {
    return __builtin_bit_cast(bytes, v == static_cast<signed char>(c));
}

// The bytes of `block` equal to c.
DIDIT_SESSIONS_AVX2_FUNCTION inline std::uint64_t bytes_equal(const halves& block, char c) {
    return bits(equal_bytes(block.low, c), equal_bytes(block.high, c));
}

// '[' and ']' differ from '{' and '}' only in the 0x20 bit.
DIDIT_SESSIONS_AVX2_FUNCTION inline bytes fold_brackets(bytes v) {
    return v | 0x20;
}

// '{', '}', '[', ']', ':' and ','.
DIDIT_SESSIONS_AVX2_FUNCTION inline bytes operators(bytes v) {
    const auto folded = fold_brackets(v);
    return equal_bytes(folded, '{') | equal_bytes(folded, '}') | equal_bytes(v, ':') |
           equal_bytes(v, ',');
}

// Bytes below 0x20 or from 0x80 up: below 0x20 as signed bytes.
DIDIT_SESSIONS_AVX2_FUNCTION inline bytes control_or_non_ascii(bytes v) {
    return __builtin_bit_cast(bytes, v < 0x20);
}

// Backslashes, control characters and bytes from 0x80 up.
DIDIT_SESSIONS_AVX2_FUNCTION inline bytes rare(bytes v) {
    return equal_bytes(v, '\\') | control_or_non_ascii(v);
}

// Whether no byte of v is set.
DIDIT_SESSIONS_AVX2_FUNCTION inline bool all_zero(bytes v) {
    using lanes = long long __attribute__((vector_size(32)));
    const auto as_lanes = __builtin_bit_cast(lanes, v);
    return __builtin_ia32_ptestz256(as_lanes, as_lanes) != 0;
}

} // namespace avx2

// The masks of the 64 bytes at p, as classify_block gives them.
DIDIT_SESSIONS_AVX2_FUNCTION inline block_masks classify_block_avx2(const char* p) {
    const auto block = avx2::load_block(p);
    block_masks masks;
    masks.quote = avx2::bytes_equal(block, '"');
    masks.space = avx2::bytes_equal(block, ' ');
    masks.operators = avx2::bits(avx2::operators(block.low), avx2::operators(block.high));
    if (avx2::all_zero(avx2::rare(block.low) | avx2::rare(block.high))) return masks;
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
