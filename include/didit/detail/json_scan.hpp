#pragma once

// The lexical pieces of JSON (RFC 8259), each checked strictly and never read past the end of
// the input: whitespace, strings, numbers and literals.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <didit/config.hpp>
#include <didit/detail/byte_scan.hpp>
#include <didit/detail/code_size.hpp>
#include <didit/detail/text.hpp>
#include <didit/detail/utf8.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

constexpr bool is_json_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

constexpr std::size_t skip_json_space_run(std::string_view doc, std::size_t pos) {
    while (pos < doc.size() && is_json_space(doc[pos]))
        ++pos;
    return pos;
}

DIDIT_SESSIONS_HOT_INLINE constexpr std::size_t skip_json_space(std::string_view doc,
                                                                std::size_t pos) {
    // Every JSON space is below '!', and compact documents have none: one inlined test settles
    // most calls.
    if (pos < doc.size() && static_cast<unsigned char>(doc[pos]) > ' ') return pos;
    return skip_json_space_run(doc, pos);
}

// A lexical failure: where and why.
struct scan_failure {
    std::size_t offset = 0;
    errc code = errc::ok;
    std::string_view message;
};

// The outcome of scanning a string that starts at an opening quote.
struct string_scan {
    std::size_t end = 0;    // just past the closing quote
    scan_failure failure{}; // failure.code != ok when the string is bad
};

// The code unit of a \uXXXX escape whose 'u' is at `pos`, or -1.
constexpr long hex4(std::string_view doc, std::size_t pos) {
    if (doc.size() - pos < 5) return -1;
    long value = 0;
    for (std::size_t i = 1; i <= 4; ++i) {
        const int digit = hex_value(doc[pos + i]);
        if (digit < 0) return -1;
        value = value * 16 + digit;
    }
    return value;
}

// The outcome of scanning an escape that starts at a backslash.
struct escape_scan {
    std::size_t length = 0; // of the escape, or of a pair of surrogate escapes
    scan_failure failure{}; // failure.code != ok when the escape is bad
};

// Scans the escape whose backslash is at doc[pos]: one of \" \\ \/ \b \f \n \r \t, or \u and
// four hex digits, a high surrogate followed by a low one.
constexpr escape_scan scan_escape(std::string_view doc, std::size_t pos) {
    const auto fail = [](std::size_t at, errc code, std::string_view message) {
        return escape_scan{0, {at, code, message}};
    };
    if (pos + 1 >= doc.size()) return fail(doc.size(), errc::syntax_error, "unterminated string");
    const char kind = doc[pos + 1];
    if (kind == '"' || kind == '\\' || kind == '/' || kind == 'b' || kind == 'f' || kind == 'n' ||
        kind == 'r' || kind == 't')
        return {2, {}};
    if (kind != 'u') return fail(pos, errc::invalid_string, "invalid escape sequence");
    const long unit = hex4(doc, pos + 1);
    if (unit < 0)
        return fail(pos, errc::invalid_string, "invalid \\u escape: expected four hex digits");
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        return fail(pos, errc::invalid_string, "unpaired low surrogate escape");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        const bool has_pair = doc.size() - pos >= 12 && doc[pos + 6] == '\\' && doc[pos + 7] == 'u';
        const long low = has_pair ? hex4(doc, pos + 7) : -1;
        if (low < 0xDC00 || low > 0xDFFF)
            return fail(pos, errc::invalid_string, "unpaired high surrogate escape");
        return {12, {}};
    }
    return {6, {}};
}

// Scans the string whose opening quote is at doc[pos]: escapes must be valid, surrogate
// escapes paired, raw bytes UTF-8 and not control characters.
DIDIT_SESSIONS_HOT_INLINE constexpr string_scan scan_string(std::string_view doc, std::size_t pos) {
    string_scan scan;
    ++pos;
    const auto fail = [&](std::size_t at, errc code, std::string_view message) {
        scan.failure = {at, code, message};
        return scan;
    };
    for (;;) {
        if (!std::is_constant_evaluated()) pos = skip_unmarked<string_content_end>(doc, pos);
        if (pos >= doc.size()) return fail(doc.size(), errc::syntax_error, "unterminated string");
        const auto byte = static_cast<unsigned char>(doc[pos]);
        if (byte == '"') break;
        if (byte < 0x20)
            return fail(pos, errc::invalid_string, "control character in string (escape it)");
        if (byte >= 0x80) {
            const auto step = next_utf8(doc.substr(pos));
            if (!step.valid) return fail(pos, errc::invalid_string, "invalid UTF-8 in string");
            pos += step.length;
            continue;
        }
        if (byte != '\\') {
            ++pos;
            continue;
        }
        const auto escape = scan_escape(doc, pos);
        if (escape.failure.code != errc::ok) {
            scan.failure = escape.failure;
            return scan;
        }
        pos += escape.length;
    }
    scan.end = pos + 1;
    return scan;
}

// Just past the literal (true, false or null) that starts at doc[pos], or 0 when the bytes
// there do not spell it. Precondition: doc[pos] is 't', 'f' or 'n'.
constexpr std::size_t scan_literal(std::string_view doc, std::size_t pos) {
    const std::string_view literal = doc[pos] == 't' ? "true" : doc[pos] == 'f' ? "false" : "null";
    if (doc.size() - pos < literal.size()) return 0;
    // Byte by byte: a comparison of views calls memcmp for four or five bytes.
    for (std::size_t i = 1; i < literal.size(); ++i)
        if (doc[pos + i] != literal[i]) return 0;
    return pos + literal.size();
}

// Scans the number that starts at doc[pos]:
// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
// Returns the offset just past it, or a failure.
constexpr std::size_t scan_number(std::string_view doc, std::size_t pos, scan_failure& failure) {
    const auto at = [&](std::size_t i) { return i < doc.size() ? doc[i] : '\0'; };
    const auto digits = [&](std::size_t i) {
        while (is_digit(at(i)))
            ++i;
        return i;
    };
    const auto fail = [&](std::size_t i, std::string_view message) {
        failure = {i, errc::syntax_error, message};
        return i;
    };
    if (at(pos) == '-') ++pos;
    if (at(pos) == '0')
        ++pos;
    else if (is_digit(at(pos)))
        pos = digits(pos);
    else
        return fail(pos, "invalid number: expected a digit");
    if (at(pos) == '.') {
        if (!is_digit(at(pos + 1)))
            return fail(pos + 1, "invalid number: expected a digit after '.'");
        pos = digits(pos + 1);
    }
    if (at(pos) == 'e' || at(pos) == 'E') {
        ++pos;
        if (at(pos) == '+' || at(pos) == '-') ++pos;
        if (!is_digit(at(pos)))
            return fail(pos, "invalid number: expected a digit in the exponent");
        pos = digits(pos);
    }
    return pos;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
