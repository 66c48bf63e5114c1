#pragma once

// Reading typed members out of a validated document. Each read(reader, value, out) overload
// fills `out` or records the first failure, located by offset, line:column and JSON path, and
// returns false; failures stay off the fast path until one happens.

#include <cstdint>
#include <string_view>

#include <didit/json/options.hpp>
#include <didit/json/parse.hpp>
#include <didit/json/value.hpp>
#include <didit/result.hpp>
#include <didit/rows/decoded.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/spelling.hpp>
#include <didit/timestamp.hpp>
#include <didit/uuid.hpp>

namespace didit::detail {

class row_reader {
public:
    constexpr bool fail(const error& failure) {
        failure_ = failure;
        return false;
    }
    constexpr bool fail(json::value at, errc code, std::string_view message) {
        return fail(json::locate(at.document(), at.offset(), error{code, message}));
    }
    constexpr const error& failure() const { return failure_; }

private:
    error failure_{};
};

// Takes the value of a result, or records its error.
template<class T>
constexpr bool take(row_reader& reader, result<T> read, T& out) {
    if (!read) return reader.fail(read.error());
    out = std::move(read).value();
    return true;
}

constexpr bool read(row_reader& reader, json::value in, json::string& out) {
    return take(reader, in.get_string(), out);
}

constexpr bool read(row_reader& reader, json::value in, std::int64_t& out) {
    return take(reader, in.get_int64(), out);
}

constexpr bool read(row_reader& reader, json::value in, double& out) {
    return take(reader, in.get_double(), out);
}

constexpr bool read(row_reader& reader, json::value in, bool& out) {
    return take(reader, in.get_bool(), out);
}

// The text of `s` when it has no escapes; escaped text never names a known value, since the
// server writes names, ids and timestamps in plain ASCII.
constexpr bool plain_text(json::string s, std::string_view& out) {
    out = s.raw();
    return !s.has_escapes();
}

// A string that names a value through `lookup`, which returns an optional.
template<class T, class Lookup>
constexpr bool read_named(row_reader& reader, json::value in, decoded<T>& out, Lookup lookup) {
    json::string text;
    if (!read(reader, in, text)) return false;
    std::string_view plain;
    if (plain_text(text, plain)) {
        if (const auto known = lookup(plain)) {
            out = decoded<T>(*known, text);
            return true;
        }
    }
    out = decoded<T>::unknown(text);
    return true;
}

// A string that parses as a T through `parse`, which returns a result.
template<class T, class Parse>
constexpr bool read_parsed(row_reader& reader, json::value in, decoded<T>& out, Parse parse) {
    json::string text;
    if (!read(reader, in, text)) return false;
    std::string_view plain;
    if (plain_text(text, plain)) {
        if (const auto parsed = parse(plain)) {
            out = decoded<T>(parsed.value(), text);
            return true;
        }
    }
    out = decoded<T>::unknown(text);
    return true;
}

template<wire_enum E>
constexpr bool read(row_reader& reader, json::value in, decoded<E>& out) {
    return read_named(reader, in, out,
                      [](std::string_view text) { return from_response_text<E>(text); });
}

constexpr bool read(row_reader& reader, json::value in, decoded<uuid>& out) {
    return read_parsed(reader, in, out,
                       [](std::string_view text) { return uuid::parse_canonical(text); });
}

constexpr bool read(row_reader& reader, json::value in, decoded<timestamp>& out) {
    return read_parsed(reader, in, out,
                       [](std::string_view text) { return timestamp::parse(text); });
}

// null, or whatever T reads.
template<class T>
constexpr bool read(row_reader& reader, json::value in, field<T>& out) {
    if (in.is_null()) {
        out = field<T>::null();
        return true;
    }
    T value{};
    if (!read(reader, in, value)) return false;
    out = field<T>(value);
    return true;
}

// Calls on_member(key, value) for each member of the object `in`, matching keys on their raw
// bytes; on_member returns false to stop on a failure it has recorded.
template<class OnMember>
constexpr bool read_members(row_reader& reader, json::value in, OnMember on_member) {
    json::object members;
    if (!take(reader, in.get_object(), members)) return false;
    for (const json::member m : members)
        if (!on_member(m.key.raw(), m.value)) return false;
    return true;
}

// A member the schema requires was not there.
constexpr bool missing(row_reader& reader, json::value object, std::string_view key) {
    return reader.fail(json::detail::missing_member(object.document(), object.offset(), key));
}

// Validates `body` whole, then reads its root value as a T.
template<class T, json::options Options>
constexpr result<T> read_document(std::string_view body) {
    auto root = json::parse<Options>(body);
    if (!root) return root.error();
    row_reader reader;
    T out{};
    if (!read(reader, *root, out)) return reader.failure();
    return out;
}

} // namespace didit::detail
