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

// The decoded text of a short string: names, ids and timestamps, which the server writes
// plainly but which any JSON writer may escape. Longer text names nothing the library knows.
class short_text {
public:
    static constexpr std::size_t capacity = 64;

    constexpr explicit short_text(json::string s) {
        if (!s.has_escapes()) {
            text_ = s.raw();
            fits_ = true;
        } else if (s.raw().size() <= 6 * capacity && s.decoded_size() <= capacity) {
            // (an escape is at most six bytes per decoded byte, so longer text cannot fit)
            const auto size = s.unescape_to(buffer_).value();
            text_ = std::string_view(buffer_, size);
            fits_ = true;
        }
    }
    short_text(const short_text&) = delete; // the view may point into this object

    // The decoded text, or false when it is too long to name anything.
    constexpr bool get(std::string_view& out) const {
        out = text_;
        return fits_;
    }

private:
    char buffer_[capacity]{};
    std::string_view text_;
    bool fits_ = false;
};

// A string that names a T through `recognise`, which returns an optional<T> or a result<T>;
// text it does not recognise is kept.
template<class T, class Recognise>
constexpr bool read_known(row_reader& reader, json::value in, decoded<T>& out,
                          Recognise recognise) {
    json::string text;
    if (!read(reader, in, text)) return false;
    const short_text decoded_text(text);
    std::string_view plain;
    if (decoded_text.get(plain)) {
        if (const auto known = recognise(plain)) {
            out = decoded<T>(*known, text);
            return true;
        }
    }
    out = decoded<T>::unknown(text);
    return true;
}

template<wire_enum E>
constexpr bool read(row_reader& reader, json::value in, decoded<E>& out) {
    return read_known(reader, in, out,
                      [](std::string_view text) { return from_response_text<E>(text); });
}

constexpr bool read(row_reader& reader, json::value in, decoded<uuid>& out) {
    return read_known(reader, in, out,
                      [](std::string_view text) { return uuid::parse_canonical(text); });
}

constexpr bool read(row_reader& reader, json::value in, decoded<timestamp>& out) {
    return read_known(reader, in, out,
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
