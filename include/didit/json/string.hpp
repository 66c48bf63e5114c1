#pragma once

// A JSON string in the caller's document: its raw (escaped) bytes stay where they are, and are
// decoded only on request. Borrows the document; valid while the document's buffer is. Only
// the reader makes strings from raw text, and only from text it has validated.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/json_scan.hpp>
#include <didit/detail/writer.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::json {

namespace detail {
// Marks the constructors that take text as already validated. Only the reader names it: a view
// over text nobody validated could read past its end.
struct trusted_t {
    explicit constexpr trusted_t() = default;
};
inline constexpr trusted_t trusted{};
} // namespace detail

class string {
public:
    constexpr string() = default;
    // `raw` is the text between the quotes of a string that scan_string accepted, and
    // `escaped` whether it holds a backslash.
    constexpr string(detail::trusted_t, std::string_view raw, bool escaped)
        : raw_(raw)
        , escaped_(escaped) {}

    // The bytes between the quotes, escapes as written.
    constexpr std::string_view raw() const { return raw_; }
    constexpr bool has_escapes() const { return escaped_; }

    // The size of the decoded text; walks the escapes, if there are any.
    constexpr std::size_t decoded_size() const {
        if (!escaped_) return raw_.size();
        struct counter {
            std::size_t size = 0;
            constexpr void append(std::string_view piece) { size += piece.size(); }
        } count;
        decode(count);
        return count.size;
    }

    // Calls sink.append with the decoded text, a piece at a time.
    template<didit::detail::text_sink Sink>
    constexpr void decode(Sink& sink) const {
        // (find goes through plain runs many bytes at a time, where a byte loop took two
        // instructions a byte)
        std::size_t plain = 0;
        for (auto i = raw_.find('\\'); i != std::string_view::npos; i = raw_.find('\\', plain)) {
            sink.append(raw_.substr(plain, i - plain));
            char utf8[4]{};
            sink.append(std::string_view(utf8, decode_escape(i, utf8)));
            plain = i;
        }
        sink.append(raw_.substr(plain));
    }

    // Whether the decoded text equals `plain`, without allocating.
    constexpr bool equals(std::string_view plain) const {
        if (!escaped_) return raw_ == plain;
        if (plain.size() > raw_.size()) return false; // escapes only ever shorten the text
        struct comparer {
            std::string_view rest;
            bool same = true;
            constexpr void append(std::string_view piece) {
                same = same && rest.starts_with(piece);
                if (same) rest.remove_prefix(piece.size());
            }
        } compare{plain};
        decode(compare);
        return compare.same && compare.rest.empty();
    }

    friend constexpr bool operator==(const string& s, std::string_view plain) {
        return s.equals(plain);
    }

    // The decoded text into `out`; its size, or buffer_too_small.
    constexpr result<std::size_t> unescape_to(std::span<char> out) const {
        if (out.size() < decoded_size())
            return error{errc::buffer_too_small, "the buffer is too small for the decoded string"};
        didit::detail::span_writer writer(out);
        decode(writer);
        return writer.size();
    }

    std::string to_string() const {
        std::string text;
        text.reserve(decoded_size());
        didit::detail::string_writer writer{text};
        decode(writer);
        return text;
    }

private:
    // Decodes the escape at raw_[i] into `out`, advances i past it, returns the byte count.
    constexpr std::size_t decode_escape(std::size_t& i, char (&out)[4]) const {
        const char kind = raw_[i + 1];
        if (kind != 'u') {
            i += 2;
            switch (kind) {
            case 'b':
                out[0] = '\b';
                break;
            case 'f':
                out[0] = '\f';
                break;
            case 'n':
                out[0] = '\n';
                break;
            case 'r':
                out[0] = '\r';
                break;
            case 't':
                out[0] = '\t';
                break;
            default:
                out[0] = kind;
                break; // '"', '\\', '/'
            }
            return 1;
        }
        auto code = static_cast<unsigned long>(didit::detail::hex4(raw_, i + 1));
        i += 6;
        if (code >= 0xD800 && code <= 0xDBFF) { // validated: a low surrogate follows
            const auto low = static_cast<unsigned long>(didit::detail::hex4(raw_, i + 1));
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
        }
        const auto byte = [](unsigned long bits) {
            return static_cast<char>(static_cast<unsigned char>(bits));
        };
        if (code < 0x80) {
            out[0] = byte(code);
            return 1;
        }
        if (code < 0x800) {
            out[0] = byte(0xC0 | (code >> 6));
            out[1] = byte(0x80 | (code & 0x3F));
            return 2;
        }
        if (code < 0x10000) {
            out[0] = byte(0xE0 | (code >> 12));
            out[1] = byte(0x80 | ((code >> 6) & 0x3F));
            out[2] = byte(0x80 | (code & 0x3F));
            return 3;
        }
        out[0] = byte(0xF0 | (code >> 18));
        out[1] = byte(0x80 | ((code >> 12) & 0x3F));
        out[2] = byte(0x80 | ((code >> 6) & 0x3F));
        out[3] = byte(0x80 | (code & 0x3F));
        return 4;
    }

    std::string_view raw_;
    bool escaped_ = false;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI::json
