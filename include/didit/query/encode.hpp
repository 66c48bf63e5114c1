#pragma once

// The canonical URL of a query: the trailing-slash path, keys in sorted order, values
// form-encoded as the server encodes its `next` links, empty values left out. A first URL
// encoded this way matches the links the server sends back.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/writer.hpp>
#include <didit/query/form.hpp>
#include <didit/query/query.hpp>
#include <didit/query/value_text.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

inline constexpr std::string_view default_base_url = "https://verification.didit.me";
inline constexpr std::string_view sessions_path = "/v3/sessions/";

namespace detail {

// Writes the name=value pairs in sorted order, `lead` before the first and '&' between.
template<text_sink Sink>
constexpr void write_pairs(Sink& out, const query& q, std::string_view lead) {
    for (const parameter p : parameters_by_name) {
        if (!is_set(q, p)) continue;
        out.append(lead);
        out.append(to_string(p));
        out.append("=");
        form_encoder<Sink> encoded(out);
        write_value(encoded, q, p);
        lead = "&";
    }
}

} // namespace detail

// Writes the query string, without the '?'.
template<detail::text_sink Sink>
constexpr void write_query_string(Sink& out, const query& q) {
    detail::write_pairs(out, q, "");
}

// Writes base + "/v3/sessions/", then '?' and the query string when there is one.
template<detail::text_sink Sink>
constexpr void write_url(Sink& out, const query& q, std::string_view base = default_base_url) {
    if (base.ends_with('/')) base.remove_suffix(1);
    out.append(base);
    out.append(sessions_path);
    detail::write_pairs(out, q, "?");
}

// The URL into a caller's buffer; its size, or buffer_too_small.
constexpr result<std::size_t> encode_url(const query& q, std::span<char> out,
                                         std::string_view base = default_base_url) {
    detail::span_writer writer(out);
    write_url(writer, q, base);
    if (writer.overflowed())
        return error{errc::buffer_too_small, "the buffer is too small for the URL"};
    return writer.size();
}

// A URL held by value, for constant evaluation.
template<std::size_t Capacity>
struct url_text {
    char data[Capacity]{};
    std::size_t size = 0;

    constexpr std::string_view view() const { return {data, size}; }
    friend constexpr bool operator==(const url_text& a, std::string_view b) {
        return a.view() == b;
    }
};

template<std::size_t Capacity>
constexpr result<url_text<Capacity>> encode_url(const query& q,
                                                std::string_view base = default_base_url) {
    url_text<Capacity> url;
    const auto size = encode_url(q, url.data, base);
    if (!size) return size.error();
    url.size = size.value();
    return url;
}

inline std::string to_url(const query& q, std::string_view base = default_base_url) {
    std::string url;
    detail::string_writer sink{url};
    write_url(sink, q, base);
    return url;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
