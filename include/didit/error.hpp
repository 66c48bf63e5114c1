#pragma once

// What went wrong, as every fallible call of the library reports it: a code, a static message
// and, where one applies, the subject it is about (a parameter name or the offending text).
// Errors about a JSON document also say where: byte offset, line and column, and the JSON path
// of the value.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/inline_text.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

enum class errc : std::uint8_t {
    ok = 0,
    invalid_value,      // a value does not have the form its type requires
    capacity_exceeded,  // a fixed-capacity list is full
    buffer_too_small,   // the caller's output buffer cannot hold the result
    syntax_error,       // the input is not JSON (RFC 8259)
    depth_exceeded,     // arrays and objects nest deeper than the configured limit
    invalid_string,     // a JSON string holds a bad escape, control character or UTF-8
    wrong_type,         // a JSON value is not of the type the reader asked for
    out_of_range,       // a JSON number does not fit the type it is read as
    missing_field,      // an object lacks a member the schema requires
    transport_failure,  // the transport could not send the request or read the response
    response_too_large, // a response's body or headers are larger than the client accepts
    foreign_origin,     // a URL to follow is on another origin than the client's
    redirect_refused,   // a redirect the client cannot follow
    too_many_redirects, // more redirects in a row than the client follows
    forbidden,          // 403 (or 401): the API key was refused
    bad_request,        // 400: the server rejected the query
    rate_limited,       // 429: too many requests
    server_error,       // 5xx
    unexpected_status,  // any other status
    deadline_exceeded,  // retries would go past the deadline
    pagination_loop,    // a next link that goes back, or a page that makes no progress
    unplaceable_row,    // a row without a session_number, or out of descending order
};

// A JSON path such as results[3].features[1].status; the root value's path is empty.
inline constexpr std::size_t json_path_capacity = 128;
using json_path = detail::inline_text<json_path_capacity>;

inline constexpr std::size_t no_offset = static_cast<std::size_t>(-1);

struct error {
    errc code = errc::ok;
    std::string_view message;       // static storage, never owned
    std::string_view subject{};     // borrowed from the caller's input or static storage
    std::size_t offset = no_offset; // byte offset in the JSON input, when there is one
    std::uint32_t line = 0;         // 1-based, when there is an offset
    std::uint32_t column = 0;       // 1-based, in characters, when there is an offset
    json_path path{};

    friend constexpr bool operator==(const error&, const error&) = default;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
