#pragma once

// A row written back as one line of compact JSON, with decoded values in one canonical shape:
// the text of each value as write_text gives it, escaped again minimally; numbers as sent;
// `features` as an array of objects and contacts as objects, whichever shape the server sent.
// Absent members stay absent, null ones are null, and values the library does not recognise keep
// their text. A row of an unknown kind is its source object, compacted.

#include <cstdint>
#include <string>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/json_escaper.hpp>
#include <didit/detail/writer.hpp>
#include <didit/json/number.hpp>
#include <didit/json/string.hpp>
#include <didit/json/value.hpp>
#include <didit/rows/features.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/row.hpp>
#include <didit/rows/schema.hpp>
#include <didit/rows/write_text.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {

// Declared ahead, since members of each kind nest in the others.
template<text_sink Sink, has_schema T>
void write_json_value(Sink& out, const T& in);
template<text_sink Sink>
void write_json_value(Sink& out, const feature_list& features);

// Strings, enumerators, ids and timestamps: their text, quoted.
template<text_sink Sink, textual T>
void write_json_value(Sink& out, const T& value) {
    out.append("\"");
    json_escaper<Sink> escaped(out);
    write_text(escaped, value);
    out.append("\"");
}

template<text_sink Sink>
void write_json_value(Sink& out, std::int64_t n) {
    append_decimal(out, n);
}

// As written: a JSON number already, and exactly the value sent.
template<text_sink Sink>
void write_json_value(Sink& out, json::number n) {
    out.append(n.raw());
}

template<text_sink Sink>
void write_json_value(Sink& out, bool b) {
    out.append(b ? "true" : "false");
}

template<text_sink Sink, class T>
void write_json_value(Sink& out, const field<T>& f) {
    if (f.has_value())
        write_json_value(out, f.value());
    else
        out.append("null");
}

template<class T>
constexpr bool is_absent(const T&) {
    return false;
}

template<class T>
constexpr bool is_absent(const field<T>& f) {
    return f.is_absent();
}

// The members of `in` that T's schema lists, after `first` (already written, maybe empty).
template<text_sink Sink, has_schema T>
void write_json_members(Sink& out, const T& in, bool first) {
    schema_of<T>.apply([&](const auto&... members) {
        (
            [&](const auto& m) {
                const auto& value = in.*m.pointer;
                if (is_absent(value)) return;
                out.append(first ? "\"" : ",\"");
                out.append(m.key); // schema keys need no escaping
                out.append("\":");
                write_json_value(out, value);
                first = false;
            }(members),
            ...);
    });
}

template<text_sink Sink, has_schema T>
void write_json_value(Sink& out, const T& in) {
    out.append("{");
    write_json_members(out, in, true);
    out.append("}");
}

template<text_sink Sink>
void write_json_value(Sink& out, const feature_list& features) {
    out.append("[");
    bool first = true;
    for (const feature_check check : features) {
        if (!first) out.append(",");
        write_json_value(out, check);
        first = false;
    }
    out.append("]");
}

// A value of a validated document, without its insignificant whitespace: the bytes outside
// strings that are not whitespace, and every string as written.
template<text_sink Sink>
void write_compact(Sink& out, std::string_view value) {
    std::size_t copied = 0;
    for (std::size_t pos = 0; pos < value.size();) {
        if (value[pos] == '"') {
            pos = json::detail::skip_string(value, pos);
        } else if (is_json_space(value[pos])) {
            out.append(value.substr(copied, pos - copied));
            while (pos < value.size() && is_json_space(value[pos]))
                ++pos;
            copied = pos;
        } else {
            ++pos;
        }
    }
    out.append(value.substr(copied));
}

} // namespace detail

// One row as compact JSON, without a line break.
template<detail::text_sink Sink>
void write_json(Sink& out, const row& r) {
    switch (r.kind()) {
    case row_kind::kyc:
        out.append("{\"session_kind\":\"user\"");
        detail::write_json_members(out, r.kyc(), false);
        out.append("}");
        return;
    case row_kind::kyb:
        out.append("{\"session_kind\":\"business\"");
        detail::write_json_members(out, r.kyb(), false);
        out.append("}");
        return;
    case row_kind::unknown:
        detail::write_compact(out, r.raw());
        return;
    }
}

DIDIT_SESSIONS_INLINE std::string to_json(const row& r);

} // namespace didit::inline DIDIT_SESSIONS_ABI

#if !DIDIT_SESSIONS_SEPARATE_COMPILATION
#include <didit/rows/impl/write_json.hpp>
#endif
