#pragma once

// Each parameter's value as the text the server receives (before form encoding), and whether a
// query sends the parameter at all. The server treats an empty value as absent, so both the
// encoder and validation ask is_set, which looks at that same text.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <didit/config.hpp>
#include <didit/date.hpp>
#include <didit/detail/code_size.hpp>
#include <didit/detail/writer.hpp>
#include <didit/enums.hpp>
#include <didit/lenient.hpp>
#include <didit/query/parameter.hpp>
#include <didit/query/query.hpp>
#include <didit/uuid.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {

// A sink that only notes whether any text reached it.
struct non_empty_check {
    bool seen = false;
    constexpr void append(std::string_view text) { seen = seen || !text.empty(); }
};

template<text_sink Sink>
constexpr void write_item(Sink& out, std::string_view text) {
    out.append(text);
}

template<text_sink Sink>
constexpr void write_item(Sink& out, std::int64_t number) {
    append_decimal(out, number);
}

template<text_sink Sink>
constexpr void write_item(Sink& out, bool flag) {
    out.append(flag ? "true" : "false");
}

template<text_sink Sink, wire_enum E>
constexpr void write_item(Sink& out, E value) {
    out.append(to_string(value));
}

template<text_sink Sink>
constexpr void write_item(Sink& out, const date& day) {
    char text[date::text_size];
    day.to_chars(text);
    out.append(std::string_view(text, date::text_size));
}

template<text_sink Sink>
constexpr void write_item(Sink& out, const uuid& id) {
    char text[uuid::text_size];
    id.to_chars(text);
    out.append(std::string_view(text, uuid::text_size));
}

template<text_sink Sink, class T>
constexpr void write_item(Sink& out, const lenient<T>& item) {
    if (item.recognised())
        write_item(out, item.value());
    else
        out.append(item.text());
}

template<text_sink Sink, class T>
constexpr void write_item(Sink& out, const std::optional<T>& value) {
    if (value) write_item(out, *value);
}

// List items joined by commas.
template<text_sink Sink, class T>
constexpr void write_item(Sink& out, const query_list<T>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i != 0) out.append(",");
        write_item(out, items[i]);
    }
}

template<text_sink Sink>
constexpr void write_parameter(Sink& out, const query& q, parameter p) {
    visit_parameter(q, p, [&](const auto& member) { write_item(out, member); });
}

} // namespace detail

// Writes the value of parameter `p` as the server receives it (before form encoding). A build
// for small code writes through any_sink, so that the code that writes each parameter exists
// once in the program, whatever sinks it writes to.
template<detail::text_sink Sink>
constexpr void write_value(Sink& out, const query& q, parameter p) {
    if constexpr (detail::optimizing_for_size) {
        detail::any_sink_for<Sink> any(out);
        detail::write_parameter(static_cast<detail::any_sink&>(any), q, p);
    } else {
        detail::write_parameter(out, q, p);
    }
}

// Whether the query sends parameter `p`: whether its value is written as non-empty text. A list
// of one empty item is not sent, for example, and a list of two is sent as ",".
constexpr bool is_set(const query& q, parameter p) {
    detail::non_empty_check check;
    write_value(check, q, p);
    return check.seen;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
