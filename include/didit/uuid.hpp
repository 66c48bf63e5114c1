#pragma once

// A 128-bit UUID, and the server's rules for reading one from a query value.

#include <array>
#include <bit>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include <didit/config.hpp>
#include <didit/detail/swar.hpp>
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
        if (text.size() != text_size || text[8] != '-' || text[13] != '-' || text[18] != '-' ||
            text[23] != '-')
            return false;
        // The 32 digits as four words of eight: 8, 4 and 4, 4 and 4, 8 (the last twelve).
        constexpr std::uint64_t low_half = 0xFFFFFFFF;
        const auto word = [&](std::size_t at) { return detail::word_at(text, at); };
        const std::array<std::uint64_t, 4> words{word(0), (word(9) & low_half) | word(14) << 32,
                                                 (word(19) & low_half) | word(24) << 32, word(28)};
        for (std::size_t i = 0; i < words.size(); ++i) {
            std::uint32_t value = 0;
            if (!detail::hex_word(words[i], value)) return false;
            if (!std::is_constant_evaluated() && std::endian::native == std::endian::little) {
                std::memcpy(out.bytes_.data() + 4 * i, &value, sizeof value); // one store
            } else {
                for (std::size_t b = 0; b < 4; ++b)
                    out.bytes_[4 * i + b] = static_cast<std::uint8_t>(value >> (8 * b));
            }
        }
        return true;
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
