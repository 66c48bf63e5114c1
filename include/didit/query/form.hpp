#pragma once

// application/x-www-form-urlencoded text as the server writes and reads it: Python's
// urlencode (quote_plus) and parse_qsl(keep_blank_values=True).

#include <cstddef>
#include <span>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/text.hpp>
#include <didit/detail/writer.hpp>
#include <didit/query/parameter.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

// A sink adaptor that form-encodes what it is given: A-Z a-z 0-9 _ . - ~ stay, a space
// becomes '+', every other byte becomes %XX in upper case.
template<detail::text_sink Sink>
class form_encoder {
public:
    constexpr explicit form_encoder(Sink& out)
        : out_(out) {}

    constexpr void append(std::string_view text) {
        detail::append_escaped(out_, text, is_unreserved, [](Sink& out, unsigned char byte) {
            constexpr std::string_view hex = "0123456789ABCDEF";
            const char escaped[3] = {'%', hex[byte >> 4], hex[byte & 0xF]};
            out.append(byte == ' ' ? std::string_view("+") : std::string_view(escaped, 3));
        });
    }

private:
    static constexpr bool is_unreserved(unsigned char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '_' || c == '.' || c == '-' || c == '~';
    }

    Sink& out_;
};

// Decodes one form-encoded component into `out`: '+' becomes a space and %XX its byte; a '%'
// without two hex digits stays as it is. Returns the decoded size, at most `encoded.size()`, or
// buffer_too_small when `out` cannot hold it (`out` is never written past its end).
constexpr result<std::size_t> form_decode(std::string_view encoded, std::span<char> out) {
    std::size_t size = 0;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        char c = encoded[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%' && i + 2 < encoded.size() && detail::hex_value(encoded[i + 1]) >= 0 &&
                   detail::hex_value(encoded[i + 2]) >= 0) {
            c = static_cast<char>(detail::hex_value(encoded[i + 1]) * 16 +
                                  detail::hex_value(encoded[i + 2]));
            i += 2;
        }
        if (size == out.size())
            return error{errc::buffer_too_small, "the buffer is too small for the decoded text"};
        out[size++] = c;
    }
    return size;
}

// Splits a query string (without the '?') into decoded parameters, as the server does:
// segments between '&', empty ones skipped, a segment without '=' a name with an empty value.
// Decoded text goes to `scratch`, which needs `encoded.size()` bytes; the parameters in `out`
// borrow from it. Returns how many parameters there are.
constexpr result<std::size_t> parse_form(std::string_view encoded, std::span<char> scratch,
                                         std::span<raw_parameter> out) {
    if (scratch.size() < encoded.size())
        return error{errc::buffer_too_small,
                     "the scratch buffer must be as large as the query string"};
    std::size_t count = 0, used = 0;
    while (!encoded.empty()) {
        const auto end = encoded.find('&');
        const auto segment = encoded.substr(0, end);
        encoded.remove_prefix(end == std::string_view::npos ? encoded.size() : end + 1);
        if (segment.empty()) continue;
        if (count == out.size())
            return error{errc::capacity_exceeded, "too many parameters in the query string"};
        const auto equals = segment.find('=');
        const auto decode = [&](std::string_view part) {
            // Cannot fail: the scratch buffer is at least as large as the whole query string.
            const std::size_t size = form_decode(part, scratch.subspan(used)).value();
            const std::string_view decoded(scratch.data() + used, size);
            used += size;
            return decoded;
        };
        out[count].name = decode(segment.substr(0, equals));
        out[count].value = equals == std::string_view::npos ? std::string_view{}
                                                            : decode(segment.substr(equals + 1));
        ++count;
    }
    return count;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
