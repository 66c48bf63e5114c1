#pragma once

// The library's error channel: fallible calls return result<T> instead of throwing, so every
// header builds with -fno-exceptions. An error is a code, a static message and, where one
// applies, the subject it is about (a parameter name or the offending text). Errors about a
// JSON document also say where: byte offset, line and column, and the JSON path of the value.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>

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

namespace detail {
// False, but only once T is known: the condition of a static_assert in a member that must not
// be used, which fails only where it is used.
template<class T>
inline constexpr bool refused = false;

// Called only when the value of a result that holds an error is read: not constexpr, so that
// constant evaluation names it, and fatal at run time, like an assertion.
[[noreturn]] inline void value_of_an_error() {
    std::abort();
}
} // namespace detail

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

// Holds either a T or an error. T must be default-constructible: the layout stays trivial
// enough for constant evaluation on every compiler we support.
template<class T>
class [[nodiscard]] result {
public:
    constexpr result(T value)
        : value_(std::move(value)) {}
    constexpr result(didit::error failure)
        : error_(failure) {}
    // A value-initialised T, to be filled in place: a large T is then neither built twice nor
    // copied.
    constexpr explicit result(std::in_place_t) {}

    [[nodiscard]] constexpr bool has_value() const { return error_.code == errc::ok; }
    constexpr explicit operator bool() const { return has_value(); }

    // Precondition: has_value(). Reading the value of an error stops the program (and fails to
    // compile in constant evaluation) rather than hand out a default value.
    [[nodiscard]] constexpr const T& value() const& { return checked(), value_; }
    [[nodiscard]] constexpr T& value() & { return checked(), value_; }
    // By value, so that `for (auto x : f().value())` does not iterate a destroyed temporary.
    [[nodiscard]] constexpr T value() && { return checked(), std::move(value_); }
    constexpr const T& operator*() const& { return value(); }
    constexpr T operator*() && { return std::move(*this).value(); }
    constexpr const T* operator->() const& { return &value(); }
    // A member reached through a temporary result would dangle as soon as the statement ends,
    // as in `for (auto row : parse_page(body)->results)`. Refused with a static_assert, not
    // deleted, so that the compiler's first error says why.
    constexpr auto operator->() const&& {
        static_assert(detail::refused<T>,
                      "-> on a temporary result reaches a member that dangles when the "
                      "statement ends: keep the result in a variable");
    }

    [[nodiscard]] constexpr const didit::error& error() const { return error_; }
    [[nodiscard]] constexpr errc code() const { return error_.code; }

    // simdjson style: moves the value into `out` on success and returns the code either way.
    [[nodiscard]] constexpr errc get(T& out) && {
        if (has_value()) out = std::move(value_);
        return error_.code;
    }

private:
    constexpr void checked() const {
        if (!has_value()) detail::value_of_an_error();
    }

    T value_{};
    didit::error error_{};
};

template<>
class [[nodiscard]] result<void> {
public:
    constexpr result() = default;
    constexpr result(didit::error failure)
        : error_(failure) {}

    [[nodiscard]] constexpr bool has_value() const { return error_.code == errc::ok; }
    constexpr explicit operator bool() const { return has_value(); }
    [[nodiscard]] constexpr const didit::error& error() const { return error_; }
    [[nodiscard]] constexpr errc code() const { return error_.code; }

private:
    didit::error error_{};
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
