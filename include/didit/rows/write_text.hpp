#pragma once

// The text of a decoded value, as a person reads it: strings unescaped, known enumerators by
// their display names, UUIDs in lower case, timestamps in UTC with microseconds; a value the
// library does not recognise is its text as sent.

#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/writer.hpp>
#include <didit/enums.hpp>
#include <didit/json/string.hpp>
#include <didit/rows/decoded.hpp>
#include <didit/timestamp.hpp>
#include <didit/uuid.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

template<detail::text_sink Sink>
constexpr void write_text(Sink& out, json::string s) {
    s.decode(out);
}

template<detail::text_sink Sink, wire_enum E>
constexpr void write_text(Sink& out, const decoded<E>& d) {
    if (d.known())
        out.append(to_string(d.value()));
    else
        d.raw().decode(out);
}

// Rows name document types by display name.
template<detail::text_sink Sink>
constexpr void write_text(Sink& out, const decoded<document_type>& d) {
    if (d.known())
        out.append(display_name(d.value()));
    else
        d.raw().decode(out);
}

template<detail::text_sink Sink>
constexpr void write_text(Sink& out, const decoded<uuid>& d) {
    if (!d.known()) return d.raw().decode(out);
    char text[uuid::text_size];
    d.value().to_chars(text);
    out.append(std::string_view(text, sizeof text));
}

template<detail::text_sink Sink>
constexpr void write_text(Sink& out, const decoded<timestamp>& d) {
    if (!d.known()) return d.raw().decode(out);
    char text[timestamp::text_size];
    d.value().to_chars(text);
    out.append(std::string_view(text, sizeof text));
}

namespace detail {

// Values that write_text writes.
template<class T>
concept textual = requires(string_writer& out, const T& value) {
    write_text(out, value);
};

} // namespace detail

} // namespace didit::inline DIDIT_SESSIONS_ABI
