#pragma once

// Reading typed members out of a validated document. Each read(reader, value, out) overload
// fills `out` and returns the offset just past the value it read, so that a reader walks the
// document once; or it records the failure, located by offset, line:column and JSON path, and
// returns read_failed. Failures stay off the fast path until one happens.

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include <didit/config.hpp>
#include <didit/json/options.hpp>
#include <didit/json/validate.hpp>
#include <didit/json/value.hpp>
#include <didit/result.hpp>
#include <didit/rows/decoded.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/spelling.hpp>
#include <didit/timestamp.hpp>
#include <didit/uuid.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

// No value ends at offset 0, so 0 can say that a read failed.
inline constexpr std::size_t read_failed = 0;

// Where the arrays and objects directly inside a document's root end, as validation found
// them, for the first few of them (every response body of the endpoint has at most one).
class member_container_ends {
public:
    constexpr explicit member_container_ends(std::string_view doc)
        : doc_(doc.data()) {}

    constexpr void operator()(std::size_t open, std::size_t end) {
        if (count_ < capacity) extents_[count_++] = {open, end};
    }
    // Just past `container`, or read_failed when it was not recorded (or is in another
    // document).
    constexpr std::size_t end_of(json::value container) const {
        if (container.document().data() != doc_) return read_failed;
        for (std::size_t i = 0; i < count_; ++i)
            if (extents_[i].open == container.offset()) return extents_[i].end;
        return read_failed;
    }

private:
    const char* doc_;
    static constexpr std::size_t capacity = 4;
    struct extent {
        std::size_t open = 0, end = 0;
    };
    extent extents_[capacity]{};
    std::size_t count_ = 0;
};

// Keeps the first failure of a read. Where it lies (line, column, path) is worked out only when
// it is reported, from the nearest place the reporter knows: the start of the document, or the
// start of the row being decoded, so that reporting a failure per row stays linear.
class row_reader {
public:
    constexpr row_reader() = default;
    constexpr explicit row_reader(const member_container_ends& known_ends)
        : known_ends_(&known_ends) {}

    // Just past the value `in` of a validated document.
    constexpr std::size_t end_of(json::value in) const {
        if (known_ends_ != nullptr)
            if (const auto end = known_ends_->end_of(in); end != read_failed) return end;
        return json::detail::skip_value(in.document(), in.offset());
    }

    constexpr std::size_t fail(json::value at, errc code, std::string_view message,
                               std::string_view subject = {}) {
        failure_ = {code, message, subject, at.offset()};
        return read_failed;
    }

    // The failure, located in `doc` by reading on from `from`.
    constexpr error located(std::string_view doc, const json::anchor& from = {}) const {
        return json::locate(doc, failure_.offset,
                            error{failure_.code, failure_.message, failure_.subject}, from);
    }

private:
    // What an error says before it is located: no path yet, so that a reader per row or per
    // element is cheap to make.
    struct unlocated_error {
        errc code = errc::ok;
        std::string_view message;
        std::string_view subject;
        std::size_t offset = 0;
    };
    unlocated_error failure_{};
    const member_container_ends* known_ends_ = nullptr;
};

constexpr std::size_t read(row_reader& reader, json::value in, json::string& out) {
    if (in.kind() != json::kind::string)
        return reader.fail(in, errc::wrong_type, json::detail::expected_string);
    const auto [text, end] = json::detail::string_at(in.document(), in.offset());
    out = text;
    return end;
}

constexpr std::size_t read(row_reader& reader, json::value in, std::int64_t& out) {
    if (in.kind() != json::kind::number)
        return reader.fail(in, errc::wrong_type, json::detail::expected_integer);
    const auto end = json::detail::scalar_end(in.document(), in.offset());
    switch (json::detail::to_int64(json::detail::slice(in.document(), in.offset(), end), out)) {
    case json::detail::integer_status::ok:
        return end;
    case json::detail::integer_status::not_an_integer:
        return reader.fail(in, errc::wrong_type, json::detail::expected_integer);
    case json::detail::integer_status::out_of_range:
        break;
    }
    return reader.fail(in, errc::out_of_range, json::detail::integer_too_large);
}

constexpr std::size_t read(row_reader& reader, json::value in, json::number& out) {
    if (in.kind() != json::kind::number)
        return reader.fail(in, errc::wrong_type, json::detail::expected_number);
    const auto end = json::detail::scalar_end(in.document(), in.offset());
    out = json::number(json::detail::trusted, json::detail::slice(in.document(), in.offset(), end));
    return end;
}

constexpr std::size_t read(row_reader& reader, json::value in, bool& out) {
    if (in.kind() != json::kind::boolean)
        return reader.fail(in, errc::wrong_type, json::detail::expected_boolean);
    out = in.document()[in.offset()] == 't';
    return in.offset() + (out ? 4 : 5);
}

// The decoded text of a short escaped string: names, ids and timestamps, which the server
// writes plainly but which any JSON writer may escape. Longer text names nothing the library
// knows.
class short_text {
public:
    static constexpr std::size_t capacity = 64;

    constexpr explicit short_text(json::string escaped) {
        // (an escape is at most six bytes per decoded byte, so longer text cannot fit)
        if (escaped.raw().size() <= 6 * capacity && escaped.decoded_size() <= capacity) {
            const auto size = escaped.unescape_to(buffer_).value();
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
    char buffer_[capacity]; // written before it is read: no need to clear it for every value
    std::string_view text_;
    bool fits_ = false;
};

// What `recognise` (which returns an optional) makes of the decoded text of `s`: plain text as
// it stands, escaped text once decoded, if it is short enough to name anything.
template<class Recognise>
constexpr auto recognised(json::string s, Recognise recognise) {
    if (!s.has_escapes()) return recognise(s.raw());
    const short_text decoded_text(s);
    std::string_view plain;
    return decoded_text.get(plain) ? recognise(plain) : std::nullopt;
}

// A string that names a T through `recognise`; text it does not recognise is kept.
template<class T, class Recognise>
constexpr std::size_t read_known(row_reader& reader, json::value in, decoded<T>& out,
                                 Recognise recognise) {
    json::string text;
    const auto end = read(reader, in, text);
    if (end == read_failed) return read_failed;
    const auto known = recognised(text, recognise);
    out = known ? decoded<T>(*known, text) : decoded<T>::unknown(text);
    return end;
}

template<wire_enum E>
constexpr std::size_t read(row_reader& reader, json::value in, decoded<E>& out) {
    return read_known(reader, in, out,
                      [](std::string_view text) { return from_response_text<E>(text); });
}

constexpr std::size_t read(row_reader& reader, json::value in, decoded<uuid>& out) {
    return read_known(reader, in, out, [](std::string_view text) {
        uuid id;
        return uuid::parse_canonical(text, id) ? std::optional(id) : std::nullopt;
    });
}

constexpr std::size_t read(row_reader& reader, json::value in, decoded<timestamp>& out) {
    return read_known(reader, in, out, [](std::string_view text) {
        timestamp at;
        return timestamp::parse(text, at) ? std::optional(at) : std::nullopt;
    });
}

// null, or whatever T reads, read in place (a nested object is large to copy).
template<class T>
constexpr std::size_t read(row_reader& reader, json::value in, field<T>& out) {
    if (in.is_null()) {
        out.make_null();
        return in.offset() + 4;
    }
    return read(reader, in, out.emplace());
}

// Walks the members of the object `in`: read_key(doc, pos) reads the key that opens at
// doc[pos] and returns where it ends and what it names, then on_member(what it names, value)
// reads the member's value and returns where it ends, or read_failed to stop on a failure it
// has recorded. Returns the offset just past the object.
template<class ReadKey, class OnMember>
constexpr std::size_t walk_members(row_reader& reader, json::value in, ReadKey read_key,
                                   OnMember on_member) {
    if (in.kind() != json::kind::object)
        return reader.fail(in, errc::wrong_type, json::detail::expected_object);
    const auto doc = in.document();
    // Validated: each member is a key, ':' and a value, then ',' or '}'.
    auto pos = skip_json_space(doc, in.offset() + 1);
    while (doc[pos] != '}') {
        const auto [key_end, key] = read_key(doc, pos);
        const auto value_end =
            on_member(key, json::value(json::detail::trusted, doc,
                                       json::detail::member_value_offset(doc, key_end)));
        if (value_end == read_failed) return read_failed;
        pos = json::detail::next_item(doc, value_end);
    }
    return pos + 1;
}

// Calls on_member(key, value) for each member of the object `in`, matching keys on their raw
// bytes, as walk_members does.
template<class OnMember>
constexpr std::size_t read_members(row_reader& reader, json::value in, OnMember on_member) {
    return walk_members(
        reader, in,
        [](std::string_view doc, std::size_t pos) {
            const auto end = json::detail::skip_string(doc, pos);
            return std::pair(end, json::detail::slice(doc, pos + 1, end - 1));
        },
        on_member);
}

// Calls on_element(value) for each element of the array `in`, as read_members does.
template<class OnElement>
constexpr std::size_t read_elements(row_reader& reader, json::value in, OnElement on_element) {
    if (in.kind() != json::kind::array)
        return reader.fail(in, errc::wrong_type, json::detail::expected_array);
    const auto doc = in.document();
    auto pos = skip_json_space(doc, in.offset() + 1);
    while (doc[pos] != ']') {
        const auto value_end = on_element(json::value(json::detail::trusted, doc, pos));
        if (value_end == read_failed) return read_failed;
        pos = json::detail::next_item(doc, value_end);
    }
    return pos + 1;
}

// A place among the elements of an array of a validated document, for iterators that decode
// each element as they reach it: reading an element records where it ends, so that stepping
// past it does not scan it again.
class element_cursor {
public:
    constexpr element_cursor() = default; // at the end of an empty array
    // `open` is the offset of the array's '['.
    constexpr element_cursor(std::string_view doc, std::size_t open)
        : doc_(doc)
        , pos_(skip_json_space(doc, open + 1)) {}

    constexpr bool at_end() const { return doc_[pos_] == ']'; }
    constexpr std::string_view document() const { return doc_; }
    // Precondition for the element: !at_end().
    constexpr std::size_t offset() const { return pos_; }
    constexpr json::value element() const { return {json::detail::trusted, doc_, pos_}; }

    // Reads the element into `out`, as read(reader, element(), out) does.
    template<class T>
    constexpr std::size_t read_element(row_reader& reader, T& out) const {
        const auto end = read(reader, element(), out);
        end_ = end; // (not read back: GCC 12 rejects that in constant evaluation)
        return end;
    }

    constexpr void advance() {
        pos_ = json::detail::next_item(
            doc_, end_ != read_failed ? end_ : json::detail::skip_value(doc_, pos_));
        end_ = read_failed;
    }

private:
    std::string_view doc_ = "[]";
    std::size_t pos_ = 1;
    mutable std::size_t end_ = read_failed; // where the element ends, once it has been read
};

// A member the schema requires was not there.
constexpr std::size_t missing(row_reader& reader, json::value object, std::string_view key) {
    return reader.fail(object, errc::missing_field, json::detail::missing_member_message, key);
}

// Validates `body` whole, then reads its root value as a T.
template<class T, json::options Options>
constexpr result<T> read_document(std::string_view body) {
    member_container_ends known_ends(body);
    if (auto checked = json::validate<Options>(body, known_ends); !checked) return checked.error();
    const json::value root(json::detail::trusted, body, skip_json_space(body, 0));
    row_reader reader(known_ends);
    T out{};
    if (read(reader, root, out) == read_failed) return reader.located(body);
    return out;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
