#pragma once

// Validation of a whole document 64 bytes at a time, the fast way to the answer validate()
// gives. Each block's bytes are sorted into classes at once (block_masks.hpp); from those,
// bit operations find which bytes lie inside strings, so that string content is checked by
// masks and never walked, and which bytes start a token: a bracket, a ':' or ',', a string's
// opening quote, or a number or literal. The grammar then steps from token to token. Only the
// rare parts go byte by byte: escapes, non-ASCII text, and numbers and literals.
//
// It answers only whether the document is valid. validate() asks it first and, when it says
// no, validates again the careful way, which says where and why.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/block_masks.hpp>
#include <didit/detail/block_masks_avx2.hpp>
#include <didit/detail/block_strings.hpp>
#include <didit/detail/json_scan.hpp>
#include <didit/detail/utf8.hpp>
#include <didit/json/container_stack.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::json::detail {

using namespace didit::detail;

// Whether this build validates by blocks: at run time, where the target has vectors.
inline constexpr bool block_validation = vector_scanning;

#if defined(DIDIT_SESSIONS_SIMD_VECTORS)

// What carries from one block to the next, besides the strings.
struct block_carry {
    bool in_scalar = false;             // the block's last byte belongs to a number or literal
    std::size_t escapes_checked_to = 0; // escapes are checked up to here
    std::size_t utf8_checked_to = 0;    // and UTF-8 sequences up to here
};

// Whether `doc` is one valid JSON value, as validate<Options>() would say, telling
// on_member_container about the containers directly inside the root as validate() does;
// `Classify` sorts the bytes of each block, and `PrefixXor` computes prefix_xor.
template<std::size_t MaxDepth, block_masks (*Classify)(const char*),
         std::uint64_t (*PrefixXor)(std::uint64_t), class OnMemberContainer>
bool validate_blocks_with(std::string_view doc, OnMemberContainer& on_member_container) {
    enum class expect : std::uint8_t { value, value_or_close, key_or_close, key, colon, more, end };
    container_stack<MaxDepth> open;
    expect next = expect::value;
    bool in_object = false; // the innermost open container is an object
    std::size_t member_container_open = 0;
    string_carry strings_carry;
    block_carry carry;
    char last_block[block_size];

    // A value ended: what may follow it.
    const auto after_value = [&] { next = open.depth() == 0 ? expect::end : expect::more; };
    // The number or literal at doc[at]: valid, and followed by a byte that ends it.
    const auto scalar_is_valid = [&](std::size_t at) {
        const char c = doc[at];
        std::size_t end = 0;
        if (c == 't' || c == 'f' || c == 'n') {
            end = scan_literal(doc, at);
            if (end == 0) return false;
        } else if (c == '-' || is_digit(c)) {
            scan_failure failure;
            end = scan_number(doc, at, failure);
            if (failure.code != errc::ok) return false;
        } else {
            return false;
        }
        if (end == doc.size()) return true;
        const char after = doc[end];
        return is_json_space(after) || after == ',' || after == ':' || after == '"' ||
               after == '{' || after == '}' || after == '[' || after == ']';
    };
    // The escapes and non-ASCII bytes of a block at `base`, checked byte by byte.
    const auto rare_bytes_are_valid = [&](std::size_t base, std::uint64_t escapes,
                                          std::uint64_t non_ascii) {
        for (; escapes != 0; escapes &= escapes - 1) {
            const auto at = base + static_cast<unsigned>(std::countr_zero(escapes));
            if (at < carry.escapes_checked_to) continue; // the second of a surrogate pair
            const auto escape = scan_escape(doc, at);
            if (escape.failure.code != errc::ok) return false;
            carry.escapes_checked_to = at + escape.length;
        }
        for (; non_ascii != 0; non_ascii &= non_ascii - 1) {
            const auto at = base + static_cast<unsigned>(std::countr_zero(non_ascii));
            if (at < carry.utf8_checked_to) continue; // inside a sequence already checked
            const auto step = next_utf8(std::string_view(doc.data() + at, doc.size() - at));
            if (!step.valid) return false;
            carry.utf8_checked_to = at + step.length;
        }
        return true;
    };

    for (std::size_t base = 0; base < doc.size(); base += block_size) {
        const char* bytes = block_at(doc, base, last_block);
        const auto masks = Classify(bytes);
        const auto [escaped, quotes, in_string] =
            strings_of_block<PrefixXor>(masks.quote, masks.backslash, strings_carry);
        if ((masks.control & in_string) != 0) return false;
        // Control characters outside strings: tabs, line feeds and carriage returns are spaces.
        auto space = masks.space;
        for (auto control = masks.control; control != 0; control &= control - 1) {
            const auto at = static_cast<unsigned>(std::countr_zero(control));
            const char c = bytes[at];
            if (c != '\t' && c != '\n' && c != '\r') return false;
            space |= std::uint64_t{1} << at;
        }
        if (const auto escapes = masks.backslash & ~escaped & in_string;
            (escapes | masks.non_ascii) != 0 &&
            !rare_bytes_are_valid(base, escapes, masks.non_ascii))
            return false;
        // Bytes of numbers and literals (and of anything else outside strings, which the
        // grammar then refuses).
        const auto scalar = ~(masks.operators | space | quotes | in_string);
        const auto scalar_starts = scalar & ~((scalar << 1) | (carry.in_scalar ? 1 : 0));
        carry.in_scalar = (scalar >> 63) != 0;
        auto tokens = (masks.operators & ~in_string) | (quotes & in_string) | scalar_starts;
        // The grammar, token by token: a bracket, ':' or ',', an opening quote, or the first
        // byte of a number or literal.
        for (; tokens != 0; tokens &= tokens - 1) {
            const auto at = base + static_cast<unsigned>(std::countr_zero(tokens));
            const char c = doc[at];
            switch (next) {
            case expect::value_or_close:
                if (c == ']') break;
                [[fallthrough]];
            case expect::value:
                if (c == '"') { // the most common value first
                    after_value();
                    continue;
                }
                if (c == '{' || c == '[') {
                    if (open.depth() == 1) member_container_open = at;
                    in_object = c == '{';
                    if (!open.push(in_object)) return false;
                    next = in_object ? expect::key_or_close : expect::value_or_close;
                    continue;
                }
                if (c == ':' || c == ',' || c == '}' || c == ']' || !scalar_is_valid(at))
                    return false;
                after_value();
                continue;
            case expect::key_or_close:
                if (c == '}') break;
                [[fallthrough]];
            case expect::key:
                if (c != '"') return false;
                // The ':' is the next token: checked here when this block holds it, a round of
                // the loop saved on every key.
                if (const auto rest = tokens & (tokens - 1); rest != 0) {
                    if (doc[base + static_cast<unsigned>(std::countr_zero(rest))] != ':')
                        return false;
                    tokens = rest; // the loop's step drops the ':'
                    next = expect::value;
                    continue;
                }
                next = expect::colon;
                continue;
            case expect::colon:
                if (c != ':') return false;
                next = expect::value;
                continue;
            case expect::more:
                if (c == ',') {
                    next = in_object ? expect::key : expect::value;
                    continue;
                }
                if (c != (in_object ? '}' : ']')) return false;
                break;
            case expect::end:
                return false;
            }
            // A container closes at doc[at].
            open.pop();
            in_object = open.depth() != 0 && open.in_object();
            if (open.depth() == 1) on_member_container(member_container_open, at + 1);
            after_value();
        }
    }
    return next == expect::end && !strings_carry.in_string;
}

#if defined(DIDIT_SESSIONS_SIMD_AVX2)
// The same with AVX2, all of it built for the processors that have it: everything it calls is
// inlined (flatten), so that the bit operations of the grammar get their instructions too.
template<std::size_t MaxDepth, class OnMemberContainer>
DIDIT_SESSIONS_AVX2_FUNCTION [[gnu::flatten]] bool
validate_blocks_avx2(std::string_view doc, OnMemberContainer& on_member_container) {
    return validate_blocks_with<MaxDepth, classify_block_avx2, prefix_xor_clmul>(
        doc, on_member_container);
}
#endif

// The same, with the widest vectors this processor has.
template<std::size_t MaxDepth, class OnMemberContainer>
bool validate_by_blocks(std::string_view doc, OnMemberContainer& on_member_container) {
#if defined(DIDIT_SESSIONS_SIMD_AVX2)
    if (avx2_available()) return validate_blocks_avx2<MaxDepth>(doc, on_member_container);
#endif
    return validate_blocks_with<MaxDepth, classify_block, prefix_xor>(doc, on_member_container);
}
#endif

} // namespace didit::inline DIDIT_SESSIONS_ABI::json::detail
