#pragma once

// The user's HTTP stack, as the library sees it: a callable that sends one request and returns
// either a response or a transport failure. Any HTTP library plugs in with a short adapter; the
// library opens no socket and starts no thread of its own.
//
//   struct my_transport {
//       didit::result<my_response> operator()(const didit::http_request& request);
//   };
//
// The response's body must stay valid until the transport is called again: the library decodes
// it in place.

#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include <didit/config.hpp>
#include <didit/detail/borrow.hpp>
#include <didit/detail/text.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

struct http_header {
    std::string_view name;
    std::string_view value;
};

// What a transport holds a response to while it arrives. A broken or hostile server could
// otherwise send an endless body or endless headers, or drip bytes for ever: the transport
// fails the request as soon as a limit is passed, with errc::response_too_large for a size
// and errc::transport_failure for the time. The request asks for no content coding, so a
// transport decodes none (a compressed body could inflate past any limit).
struct response_limits {
    std::size_t max_body_bytes = std::size_t{8} << 20;
    std::size_t max_header_bytes = std::size_t{64} << 10; // the status and header lines
    std::int64_t timeout_ms = 0; // from sending the request to the body's last byte; 0: none
};

// How long a transport of the library's (include/didit/transport/) waits: for a connection,
// and for the server's next bytes. The whole response's time is the request's own limit.
struct http_timeouts {
    std::chrono::seconds connect{10};
    std::chrono::seconds read{30};
};

struct http_request {
    std::string_view method; // always "GET" for this endpoint
    std::string_view url;    // absolute, canonical
    std::span<const http_header> headers;
    response_limits limits{};
};

// body() gives a view of text the response owns (a std::string_view, or a reference to a
// member): a string returned by value would be destroyed before the page is decoded from it.
template<class R>
concept body_is_a_view_into_the_response = requires(const R& r) {
    { r.body() } -> std::convertible_to<std::string_view>;
    requires !detail::temporary_string<decltype(r.body())>;
};

// A response: its status, a header by name (names compare case-insensitively, as in HTTP),
// and its body.
template<class R>
concept http_response = std::default_initializable<R> &&
    requires(const R& r, std::string_view name) {
    { r.status() } -> std::convertible_to<int>;
    { r.header(name) } -> std::convertible_to<std::optional<std::string_view>>;
    { r.body() } -> std::convertible_to<std::string_view>;
};

namespace detail {

template<class T>
struct result_value {};

template<class T>
struct result_value<result<T>> {
    using type = T;
};

// R, for a callable that returns result<R> for a request.
template<class T>
using response_of = typename result_value<
    std::remove_cvref_t<decltype(std::declval<T&>()(std::declval<const http_request&>()))>>::type;

// A transport but for the lifetime of its responses' bodies: what a client is constrained on,
// so that it can refuse a body returned by value with a static_assert that says why.
template<class T>
concept sends_requests = requires {
    typename response_of<T>;
    requires http_response<response_of<T>>;
};

} // namespace detail

// A callable from an http_request to result<R> for an http_response R. A transport failure
// (no connection, a timeout, a TLS error) is an error with code errc::transport_failure; a
// response past the request's size limits, errc::response_too_large.
template<class T>
concept transport =
    detail::sends_requests<T> && body_is_a_view_into_the_response<detail::response_of<T>>;

// The response type of a transport.
template<transport T>
using transport_response_t = detail::response_of<T>;

// The value of the first header named `name` (case-insensitively) in a list of headers: a
// helper for transports and responses that keep their headers as name/value pairs.
constexpr std::optional<std::string_view> find_header(std::span<const http_header> headers,
                                                      std::string_view name) {
    for (const auto& h : headers)
        if (detail::iequals(h.name, name)) return h.value;
    return std::nullopt;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
