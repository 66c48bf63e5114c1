#pragma once

// A sink adaptor that escapes text for a JSON string as Python's json.dumps(ensure_ascii=False)
// does, plus the U+2028 and U+2029 escapes the server's renderer adds. Bytes that are not UTF-8
// become U+FFFD, as the server decoded them. Runs of text that need no escape are appended
// whole.

#include <cstddef>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/utf8.hpp>
#include <didit/detail/writer.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

template<text_sink Sink>
class json_escaper {
public:
    constexpr explicit json_escaper(Sink& out)
        : out_(out) {}

    constexpr void append(std::string_view text) {
        std::size_t run = 0; // where the current run of text that needs no escape starts
        for (std::size_t i = 0; i < text.size();) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\') {
                ++i;
                continue;
            }
            const auto step = byte < 0x80 ? utf8_step{1, true} : next_utf8(text.substr(i));
            const auto sequence = text.substr(i, step.length);
            const auto replacement = escape(byte, sequence, step.valid);
            if (replacement.empty()) {
                i += step.length;
                continue;
            }
            out_.append(text.substr(run, i - run));
            out_.append(replacement);
            i += step.length;
            run = i;
        }
        out_.append(text.substr(run));
    }

private:
    // What replaces `sequence`, or nothing when it stands as it is.
    constexpr std::string_view escape(unsigned char byte, std::string_view sequence, bool valid) {
        if (!valid) return "\xEF\xBF\xBD";
        if (sequence == "\xE2\x80\xA8") return "\\u2028";
        if (sequence == "\xE2\x80\xA9") return "\\u2029";
        switch (byte) {
        case '"':
            return "\\\"";
        case '\\':
            return "\\\\";
        case '\n':
            return "\\n";
        case '\r':
            return "\\r";
        case '\t':
            return "\\t";
        case '\b':
            return "\\b";
        case '\f':
            return "\\f";
        default:
            break;
        }
        if (byte >= 0x20) return {};
        constexpr std::string_view hex = "0123456789abcdef";
        control_[4] = hex[byte >> 4];
        control_[5] = hex[byte & 0xF];
        return std::string_view(control_, 6);
    }

    Sink& out_;
    char control_[6] = {'\\', 'u', '0', '0', '0', '0'};
};

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
