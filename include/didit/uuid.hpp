#pragma once

// A 128-bit UUID, and the server's rules for reading one from a query value.

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/text.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {
// Called only when a UUID literal is invalid: the compiler names it in the error.
inline void invalid_uuid_literal_expected_8_4_4_4_12_hex_digits() {}

constexpr error invalid_uuid(std::string_view text) {
    return {errc::invalid_value, "Enter a valid UUID.", text};
}

// The characters of `text` with every "urn:" and then every "uuid:" removed, left to right
// and without overlaps, as Python's str.replace does; produced one at a time, without a copy.
class uuid_prefix_remover {
public:
    constexpr explicit uuid_prefix_remover(std::string_view text)
        : text_(text) {
        refill();
    }

    // The next character, or false at the end.
    constexpr bool next(char& out) {
        if (pending_size_ == 0) return false;
        out = pending_[0];
        for (std::size_t i = 1; i < pending_size_; ++i)
            pending_[i - 1] = pending_[i];
        --pending_size_;
        refill();
        return true;
    }

private:
    static constexpr std::string_view urn = "urn:";
    static constexpr std::string_view uuid = "uuid:";

    // Keeps a window of the next five characters after "urn:" removal, and drops it whenever
    // it spells "uuid:".
    constexpr void refill() {
        for (;;) {
            while (pending_size_ < uuid.size() && !text_.empty()) {
                if (text_.starts_with(urn)) {
                    text_.remove_prefix(urn.size());
                    continue;
                }
                pending_[pending_size_++] = text_[0];
                text_.remove_prefix(1);
            }
            if (std::string_view(pending_.data(), pending_size_) != uuid) return;
            pending_size_ = 0;
        }
    }

    std::string_view text_;
    std::array<char, 5> pending_{};
    std::size_t pending_size_ = 0;
};

} // namespace detail

class uuid {
public:
    static constexpr std::size_t text_size = 36; // 8-4-4-4-12

    constexpr uuid() = default;

    // A literal in 8-4-4-4-12 form (either case), checked at compile time.
    template<std::size_t N>
    consteval uuid(const char (&literal)[N]) {
        const auto parsed = parse_canonical(std::string_view(literal, N - 1));
        if (!parsed) detail::invalid_uuid_literal_expected_8_4_4_4_12_hex_digits();
        *this = parsed.value();
    }

    static constexpr uuid from_bytes(const std::array<std::uint8_t, 16>& bytes) {
        uuid u;
        u.bytes_ = bytes;
        return u;
    }

    // Exactly 8-4-4-4-12 hexadecimal digits, either case.
    static constexpr result<uuid> parse_canonical(std::string_view text) {
        uuid u;
        if (!parse_canonical(text, u)) return detail::invalid_uuid(text);
        return u;
    }

    // The same into `out`, telling only whether `text` was one: what a reader of many rows
    // calls, with no error to build.
    static constexpr bool parse_canonical(std::string_view text, uuid& out) {
        // Where each byte's two digits start.
        constexpr std::array<std::uint8_t, 16> digit_pairs{0,  2,  4,  6,  9,  11, 14, 16,
                                                           19, 21, 24, 26, 28, 30, 32, 34};
        if (text.size() != text_size || text[8] != '-' || text[13] != '-' || text[18] != '-' ||
            text[23] != '-')
            return false;
        int invalid = 0; // negative once any digit is not hex
        for (std::size_t i = 0; i < digit_pairs.size(); ++i) {
            const int high = detail::hex_value(text[digit_pairs[i]]);
            const int low = detail::hex_value(text[digit_pairs[i] + 1u]);
            invalid |= high | low;
            out.bytes_[i] = static_cast<std::uint8_t>((high << 4 | low) & 0xFF);
        }
        return invalid >= 0;
    }

    // A value as Python's uuid.UUID(hex) reads it: every "urn:" and "uuid:" removed, braces
    // stripped from both ends, hyphens removed, and exactly 32 hex digits left. The server
    // strips surrounding blanks first for `didit_internal_id` and `euuid`, but not for the
    // items of a `workflow_id` list.
    static constexpr result<uuid> parse(std::string_view text) {
        detail::uuid_prefix_remover chars(text);
        enum { leading_braces, digits, trailing_braces } part = leading_braces;
        uuid u;
        std::size_t nibbles = 0;
        for (char c; chars.next(c);) {
            const bool brace = c == '{' || c == '}';
            if (part == leading_braces && !brace) part = digits;
            if (part == digits && brace) part = trailing_braces;
            if (part == trailing_braces && !brace) return detail::invalid_uuid(text);
            if (part != digits || c == '-') continue;
            if (nibbles == 32 || !u.set_nibble(nibbles++, c)) return detail::invalid_uuid(text);
        }
        if (nibbles != 32) return detail::invalid_uuid(text);
        return u;
    }

    constexpr const std::array<std::uint8_t, 16>& bytes() const { return bytes_; }

    // Lower-case 8-4-4-4-12 into `out`.
    constexpr void to_chars(char (&out)[text_size]) const {
        constexpr std::string_view digits = "0123456789abcdef";
        for (std::size_t i = 0, nibble = 0; i < text_size; ++i) {
            if (is_hyphen_position(i)) {
                out[i] = '-';
                continue;
            }
            const auto byte = bytes_[nibble / 2];
            out[i] = digits[nibble % 2 == 0 ? byte >> 4 : byte & 0xF];
            ++nibble;
        }
    }

    friend constexpr auto operator<=>(const uuid&, const uuid&) = default;

private:
    static constexpr bool is_hyphen_position(std::size_t i) {
        return i == 8 || i == 13 || i == 18 || i == 23;
    }

    constexpr bool set_nibble(std::size_t nibble, char c) {
        const int value = detail::hex_value(c);
        if (value < 0) return false;
        auto& byte = bytes_[nibble / 2];
        byte = static_cast<std::uint8_t>(nibble % 2 == 0 ? value << 4 : byte | value);
        return true;
    }

    std::array<std::uint8_t, 16> bytes_{};
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
