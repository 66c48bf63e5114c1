#pragma once

// Text from a server or a file, made safe to show on a terminal: nothing in it can move the
// cursor, retitle the window, ring the bell, end the line or reorder the text that follows. The
// controls (C0, DEL, C1), the Bidi_Control characters and bytes that are not UTF-8 become
// visible escapes; everything else, a backslash included, stands as it is (the escapes are for
// reading, not for undoing).

#include <cstddef>
#include <string>
#include <string_view>

#include <didit/detail/utf8.hpp>

namespace didit_cli {

enum class escapes {
    text, // \x1b for a byte, \u{202e} for a character: messages, table and CSV cells
    json, // \u001b, \u202e: the same data inside a JSON string (bytes that are not UTF-8,
          // which a JSON string cannot hold, become \ufffd)
};

namespace detail {

// The character a well-formed UTF-8 sequence encodes.
constexpr char32_t code_point(std::string_view sequence) {
    constexpr unsigned char lead_bits[] = {0x7F, 0x1F, 0x0F, 0x07};
    char32_t c = static_cast<unsigned char>(sequence[0]) & lead_bits[sequence.size() - 1];
    for (std::size_t i = 1; i < sequence.size(); ++i)
        c = c << 6 | (static_cast<unsigned char>(sequence[i]) & 0x3F);
    return c;
}

// The controls (C0, DEL, C1) and the Bidi_Control characters.
constexpr bool needs_escape(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// `prefix`, `value` in `digits` hexadecimal digits, `suffix`: one escape.
inline void append_escape(std::string& out, std::string_view prefix, char32_t value, int digits,
                          std::string_view suffix = {}) {
    out += prefix;
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
        out += "0123456789abcdef"[(value >> shift) & 0xF];
    out += suffix;
}

} // namespace detail

// `text` with what needs it escaped in `notation`; all else, whatever it is, as it was.
inline std::string terminal_text(std::string_view text, escapes notation = escapes::text) {
    std::string shown;
    shown.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto step = didit::detail::next_utf8(text.substr(i));
        const auto sequence = text.substr(i, step.length);
        i += step.length;
        if (!step.valid) {
            if (notation == escapes::json)
                shown += "\\ufffd";
            else
                for (const char byte : sequence)
                    detail::append_escape(shown, "\\x", static_cast<unsigned char>(byte), 2);
            continue;
        }
        const char32_t c = detail::code_point(sequence);
        if (!detail::needs_escape(c))
            shown += sequence;
        else if (notation == escapes::json)
            detail::append_escape(shown, "\\u", c, 4);
        else if (c < 0x80)
            detail::append_escape(shown, "\\x", c, 2);
        else
            detail::append_escape(shown, "\\u{", c, 4, "}");
    }
    return shown;
}

} // namespace didit_cli
