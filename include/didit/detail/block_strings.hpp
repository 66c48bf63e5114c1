#pragma once

// Which bytes of a 64-byte block lie inside strings, found from the block's quote and backslash
// masks (block_masks.hpp) with bit operations, never byte by byte: a quote opens or closes a
// string unless a backslash escapes it, and everything from an opening quote up to the closing
// one is inside. What a block leaves open carries into the next.

#include <bit>
#include <cstdint>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

// Running prefix XOR: bit i becomes the XOR of bits 0 to i, so that between a quote that opens
// a string and the one that closes it every bit is set.
constexpr std::uint64_t prefix_xor(std::uint64_t bits) {
    for (unsigned shift = 1; shift < 64; shift *= 2)
        bits ^= bits << shift;
    return bits;
}

// What carries from one block to the next.
struct string_carry {
    bool in_string = false; // the block ended inside a string
    bool escaped = false;   // the block's last byte is a backslash that escapes the next
};

// The bytes that backslashes escape, in a block with `backslashes`: a backslash escapes the
// byte after it unless it is escaped itself.
constexpr std::uint64_t escaped_bytes(std::uint64_t backslashes, string_carry& carry) {
    std::uint64_t escaped = carry.escaped ? 1 : 0;
    carry.escaped = false;
    for (auto escaping = backslashes & ~escaped; escaping != 0; escaping &= escaping - 1) {
        const auto at = static_cast<unsigned>(std::countr_zero(escaping));
        if (at == 63) {
            carry.escaped = true;
            break;
        }
        const auto next = std::uint64_t{1} << (at + 1);
        escaped |= next;
        escaping &= ~next; // an escaped backslash escapes nothing
    }
    return escaped;
}

struct block_strings {
    std::uint64_t escaped = 0; // bytes a backslash escapes
    std::uint64_t quotes = 0;  // quotes that open or close a string
    std::uint64_t inside = 0;  // from each opening quote up to its closing quote (not included)
};

// `PrefixXor` computes prefix_xor, in one instruction where the processor has one for it.
template<std::uint64_t (*PrefixXor)(std::uint64_t)>
constexpr block_strings strings_of_block(std::uint64_t quote, std::uint64_t backslash,
                                         string_carry& carry) {
    block_strings strings;
    strings.escaped = backslash != 0 || carry.escaped ? escaped_bytes(backslash, carry) : 0;
    strings.quotes = quote & ~strings.escaped;
    strings.inside = PrefixXor(strings.quotes) ^ (carry.in_string ? ~std::uint64_t{0} : 0);
    carry.in_string = (strings.inside >> 63) != 0;
    return strings;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
