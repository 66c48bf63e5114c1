#pragma once

// Skipping runs of bytes that need no attention: sixteen at a time with vector instructions
// where the target has them (SSE2 on every x86-64, NEON on AArch64), eight at a time in a
// 64-bit word elsewhere. Define DIDIT_SESSIONS_SIMD=0 to keep to words. Both ways stop at the
// same byte, and neither reads outside the view.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/code_size.hpp>
#include <didit/detail/swar.hpp>

#ifndef DIDIT_SESSIONS_SIMD
#define DIDIT_SESSIONS_SIMD 1
#endif

#if DIDIT_SESSIONS_SIMD && defined(__SSE2__)
#include <emmintrin.h>
#define DIDIT_SESSIONS_SIMD_SSE2 1
#elif DIDIT_SESSIONS_SIMD && defined(__aarch64__) && defined(__ARM_NEON)
#include <arm_neon.h>
#define DIDIT_SESSIONS_SIMD_NEON 1
#endif
#if defined(DIDIT_SESSIONS_SIMD_SSE2) || defined(DIDIT_SESSIONS_SIMD_NEON)
#define DIDIT_SESSIONS_SIMD_VECTORS 1
#endif

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

#if defined(DIDIT_SESSIONS_SIMD_VECTORS)
inline constexpr bool vector_scanning = !optimizing_for_size;
#else
inline constexpr bool vector_scanning = false;
#endif

#if defined(DIDIT_SESSIONS_SIMD_SSE2)
// Sixteen bytes, and a mask with one bit per byte (bit i for byte i).
using byte_vector = __m128i;
inline byte_vector load_vector(const char* p) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}
inline byte_vector equal_bytes(byte_vector v, char c) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}
inline byte_vector either(byte_vector a, byte_vector b) {
    return _mm_or_si128(a, b);
}
// Bytes below 0x20 or from 0x80 up: below 0x20 as signed bytes.
inline byte_vector control_or_non_ascii(byte_vector v) {
    return _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
}
inline byte_vector fold_brackets(byte_vector v) {
    return _mm_or_si128(v, _mm_set1_epi8(0x20));
}
inline std::uint64_t marks_of(byte_vector matches) {
    return static_cast<std::uint32_t>(_mm_movemask_epi8(matches));
}
inline constexpr unsigned bits_per_byte = 1;
#elif defined(DIDIT_SESSIONS_SIMD_NEON)
// Sixteen bytes, and a mask with four bits per byte (bits 4i to 4i+3 for byte i), the
// narrowing shift that NEON has in place of a byte mask.
using byte_vector = uint8x16_t;
inline byte_vector load_vector(const char* p) {
    return vld1q_u8(reinterpret_cast<const std::uint8_t*>(p));
}
inline byte_vector equal_bytes(byte_vector v, char c) {
    return vceqq_u8(v, vdupq_n_u8(static_cast<std::uint8_t>(c)));
}
inline byte_vector either(byte_vector a, byte_vector b) {
    return vorrq_u8(a, b);
}
inline byte_vector control_or_non_ascii(byte_vector v) {
    return vorrq_u8(vcltq_u8(v, vdupq_n_u8(0x20)), vcgeq_u8(v, vdupq_n_u8(0x80)));
}
inline byte_vector fold_brackets(byte_vector v) {
    return vorrq_u8(v, vdupq_n_u8(0x20));
}
inline std::uint64_t marks_of(byte_vector matches) {
    return vget_lane_u64(vreinterpret_u64_u8(vshrn_n_u16(vreinterpretq_u16_u8(matches), 4)), 0);
}
inline constexpr unsigned bits_per_byte = 4;
#endif

// What a scan stops at. Each kind gives the marks of sixteen bytes (vector_marks) and of the
// eight bytes of a word (word_marks, as zero_bytes marks them).

// Bytes that end a run of plain string content: '"', '\\', control characters, non-ASCII.
struct string_content_end {
    static constexpr std::uint64_t word_marks(std::uint64_t word) {
        return zero_bytes(word ^ repeat_byte('"')) | zero_bytes(word ^ repeat_byte('\\')) |
               bytes_below(word, 0x20) | (word & repeat_byte(0x80));
    }
#if defined(DIDIT_SESSIONS_SIMD_VECTORS)
    static std::uint64_t vector_marks(byte_vector v) {
        return marks_of(
            either(either(equal_bytes(v, '"'), equal_bytes(v, '\\')), control_or_non_ascii(v)));
    }
#endif
};

// The bytes that end a string of a validated document, or start an escape: '"' and '\\'.
struct quote_or_backslash {
    static constexpr std::uint64_t word_marks(std::uint64_t word) {
        return zero_bytes(word ^ repeat_byte('"')) | zero_bytes(word ^ repeat_byte('\\'));
    }
#if defined(DIDIT_SESSIONS_SIMD_VECTORS)
    static std::uint64_t vector_marks(byte_vector v) {
        return marks_of(either(equal_bytes(v, '"'), equal_bytes(v, '\\')));
    }
#endif
};

// Bytes that open or close a string, object or array: '"', '{' or '[', '}' or ']' ('[' and
// ']' differ from '{' and '}' only in the 0x20 bit).
struct structure_byte {
    static constexpr std::uint64_t word_marks(std::uint64_t word) {
        const auto folded = word | repeat_byte(0x20);
        return zero_bytes(word ^ repeat_byte('"')) | zero_bytes(folded ^ repeat_byte('{')) |
               zero_bytes(folded ^ repeat_byte('}'));
    }
#if defined(DIDIT_SESSIONS_SIMD_VECTORS)
    static std::uint64_t vector_marks(byte_vector v) {
        const auto folded = fold_brackets(v);
        return marks_of(either(equal_bytes(v, '"'),
                               either(equal_bytes(folded, '{'), equal_bytes(folded, '}'))));
    }
#endif
};

// The first byte at or after `pos` that `Stop` marks, or a place fewer than eight bytes from
// the end of `doc` with none marked before it: the caller's byte loop takes over from there.
// A build for small code returns `pos` itself, leaving every byte to that loop. Not for
// constant evaluation.
template<class Stop>
DIDIT_SESSIONS_HOT_INLINE inline std::size_t skip_unmarked(std::string_view doc, std::size_t pos) {
#if defined(DIDIT_SESSIONS_SIMD_VECTORS)
    if constexpr (vector_scanning) {
        while (doc.size() - pos >= 16) {
            if (const auto marks = Stop::vector_marks(load_vector(doc.data() + pos)); marks != 0)
                return pos + static_cast<unsigned>(std::countr_zero(marks)) / bits_per_byte;
            pos += 16;
        }
    }
#endif
    if constexpr (word_scanning) {
        while (doc.size() - pos >= 8) {
            if (const auto marks = Stop::word_marks(load_word(doc.data() + pos)); marks != 0)
                return pos + first_marked_byte(marks);
            pos += 8;
        }
    }
    return pos;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
