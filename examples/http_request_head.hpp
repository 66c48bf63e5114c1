#pragma once

// The head of an HTTP/1.1 request (RFC 9112): the request line and the header fields, read from
// the bytes a connection has received so far, within limits. `serve` never reads a request's
// body: it answers from the head alone, so a body cannot cost it memory whatever its size or
// encoding.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <didit/client/transport.hpp>
#include <didit/detail/text.hpp>

#include "option_number.hpp"

namespace didit_cli {

struct request_head_limits {
    std::size_t max_line_bytes = 8 * 1024;  // the request line; 414 beyond
    std::size_t max_head_bytes = 32 * 1024; // up to and with the empty line; 431 beyond
    std::size_t max_fields = 100;           // 431 beyond
};

struct request_head {
    std::string_view method;
    std::string_view target;
    std::vector<didit::http_header> fields; // views into the received bytes
    std::size_t size = 0;                   // the head's bytes, with the empty line
    bool keep_alive = true;                 // HTTP/1.1 without Connection: close
    bool has_body = false;                  // Content-Length above 0, or Transfer-Encoding
};

struct head_reading {
    enum state { incomplete, complete, refused } state = incomplete;
    int refusal = 0; // when refused, the status to answer: 400, 414, 431 or 505
    request_head head;
};

namespace detail {

// RFC 9110's tchar: what a method and a field name are made of.
constexpr bool is_token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

constexpr bool is_token(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text)
        if (!is_token_char(c)) return false;
    return true;
}

// A field value may hold visible characters, spaces, tabs and bytes above 0x7F; no other
// control character (a CR or NUL inside a value is how requests get smuggled).
constexpr bool is_field_value(std::string_view value) {
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7F) return false;
    }
    return true;
}

// `text` without the blanks (spaces and tabs: RFC 9110's OWS) at either end.
constexpr std::string_view trim_blanks(std::string_view text) {
    return didit::detail::strip_with(text, [](std::string_view rest) -> std::size_t {
        return !rest.empty() && (rest.front() == ' ' || rest.front() == '\t');
    });
}

// Whether a comma-separated list (a Connection header) holds `token`.
constexpr bool list_holds(std::string_view list, std::string_view token) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (didit::detail::iequals(trim_blanks(list.substr(0, comma)), token)) return true;
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return false;
}

} // namespace detail

// Reads the head at the start of `received`. Empty lines before the request line are skipped
// (RFC 9112 §2.2); a line may end in CRLF or a bare LF.
inline head_reading read_request_head(std::string_view received,
                                      const request_head_limits& limits = {}) {
    head_reading reading;
    const auto refuse = [&reading](int status) {
        reading.state = head_reading::refused;
        reading.refusal = status;
        return reading;
    };
    std::size_t at = 0;
    while (at < received.size() && (received[at] == '\r' || received[at] == '\n'))
        ++at;
    const std::size_t head_start = at;
    // The next line without its end, or nothing when it has not arrived whole.
    const auto next_line = [&]() -> std::optional<std::string_view> {
        const auto end = received.find('\n', at);
        if (end == std::string_view::npos) return std::nullopt;
        auto line = received.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        at = end + 1;
        return line;
    };

    const auto request_line = next_line();
    if (!request_line) {
        if (received.size() - head_start > limits.max_line_bytes) return refuse(414);
        return reading;
    }
    if (request_line->size() > limits.max_line_bytes) return refuse(414);
    auto& head = reading.head;
    bool http_1_1 = true;
    {
        const auto first_space = request_line->find(' ');
        const auto last_space = request_line->rfind(' ');
        if (first_space == std::string_view::npos || first_space == last_space) return refuse(400);
        head.method = request_line->substr(0, first_space);
        head.target = request_line->substr(first_space + 1, last_space - first_space - 1);
        const auto version = request_line->substr(last_space + 1);
        if (!detail::is_token(head.method) || head.target.empty()) return refuse(400);
        for (const char c : head.target)
            if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return refuse(400);
        if (version.size() != 8 || !version.starts_with("HTTP/") || version[6] != '.' ||
            !number_in(version.substr(5, 1), 0, 9) || !number_in(version.substr(7, 1), 0, 9))
            return refuse(400);
        if (version != "HTTP/1.1" && version != "HTTP/1.0") return refuse(505);
        http_1_1 = version == "HTTP/1.1";
    }

    int hosts = 0;
    std::optional<std::size_t> content_length;
    bool transfer_coding = false;
    bool close = false;
    bool keep_alive = false;
    for (;;) {
        const auto line = next_line();
        if (at - head_start > limits.max_head_bytes) return refuse(431);
        if (!line) {
            if (received.size() - head_start > limits.max_head_bytes) return refuse(431);
            return reading;
        }
        if (line->empty()) break;
        if (line->front() == ' ' || line->front() == '\t') return refuse(400); // obsolete folding
        const auto colon = line->find(':');
        if (colon == std::string_view::npos) return refuse(400);
        const auto name = line->substr(0, colon);
        const auto value = detail::trim_blanks(line->substr(colon + 1));
        if (!detail::is_token(name) || !detail::is_field_value(value)) return refuse(400);
        if (head.fields.size() == limits.max_fields) return refuse(431);
        head.fields.push_back({name, value});

        using didit::detail::iequals;
        if (iequals(name, "Host")) {
            ++hosts;
        } else if (iequals(name, "Content-Length")) {
            // Two differing lengths, or one that is not a number, leave the body's end unknown.
            const auto length = number_in<std::size_t>(value, 0, SIZE_MAX);
            if (!length || (content_length && *content_length != *length)) return refuse(400);
            content_length = length;
        } else if (iequals(name, "Transfer-Encoding")) {
            transfer_coding = true;
        } else if (iequals(name, "Connection")) {
            close = close || detail::list_holds(value, "close");
            keep_alive = keep_alive || detail::list_holds(value, "keep-alive");
        }
    }
    // HTTP/1.1 requires one Host; a length next to a transfer coding is a smuggling attempt.
    if (hosts > 1 || (http_1_1 && hosts == 0)) return refuse(400);
    if (content_length && transfer_coding) return refuse(400);
    head.has_body = transfer_coding || content_length.value_or(0) > 0;
    head.keep_alive = !close && (http_1_1 || keep_alive);
    head.size = at;
    reading.state = head_reading::complete;
    return reading;
}

} // namespace didit_cli
