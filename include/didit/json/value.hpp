#pragma once

// Reading values out of a validated JSON document. A value is a position in the caller's
// buffer; reading it decodes only what is asked for. Values, objects, arrays and strings
// borrow the document and are valid while its buffer is. Wrong types and numbers that do not
// fit are errors located by offset, line:column and JSON path.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include <didit/config.hpp>
#include <didit/detail/block_masks.hpp>
#include <didit/detail/block_masks_avx2.hpp>
#include <didit/detail/block_strings.hpp>
#include <didit/detail/byte_scan.hpp>
#include <didit/detail/code_size.hpp>
#include <didit/detail/json_scan.hpp>
#include <didit/json/location.hpp>
#include <didit/json/number.hpp>
#include <didit/json/string.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::json {

enum class kind : std::uint8_t { null, boolean, number, string, array, object };

class object;
class array;

namespace detail {

using namespace didit::detail;

// The bytes [from, to) of a validated document. The reader's offsets lie inside it by
// construction, so unlike substr this has no check and no throwing path to keep it from being
// inlined.
constexpr std::string_view slice(std::string_view doc, std::size_t from, std::size_t to) {
    return {doc.data() + from, to - from};
}

// Where a string of a validated document ends, and whether it holds escapes.
struct string_extent {
    std::size_t end = 0; // just past the closing quote
    bool escaped = false;
};

// The extent of the string whose opening quote is at doc[pos] (the string is known to be valid).
constexpr string_extent measure_string(std::string_view doc, std::size_t pos) {
    bool escaped = false;
    ++pos;
    for (;;) {
        if (!std::is_constant_evaluated()) pos = skip_unmarked<quote_or_backslash>(doc, pos);
        if (pos >= doc.size()) return {doc.size(), escaped};
        if (doc[pos] == '"') return {pos + 1, escaped};
        if (doc[pos] == '\\') {
            escaped = true;
            pos += 2;
        } else {
            ++pos;
        }
    }
}

constexpr std::size_t skip_string(std::string_view doc, std::size_t pos) {
    return measure_string(doc, pos).end;
}

// The string whose opening quote is at doc[pos] (the string is known to be valid), and where
// it ends.
struct string_at_extent {
    json::string text;
    std::size_t end = 0; // just past the closing quote
};

constexpr string_at_extent string_at(std::string_view doc, std::size_t pos) {
    const auto extent = measure_string(doc, pos);
    return {json::string(trusted, slice(doc, pos + 1, extent.end - 1), extent.escaped), extent.end};
}

// The first byte of the item after one that ends at `end` in a container of a validated
// document, or the container's closing bracket.
DIDIT_SESSIONS_HOT_INLINE constexpr std::size_t next_item(std::string_view doc, std::size_t end) {
    // A container's closing bracket follows its last item, so doc[end] is there; a comma is
    // followed by an item. In compact documents, one test settles most calls.
    if (doc[end] == ',' && static_cast<unsigned char>(doc[end + 1]) > ' ') return end + 1;
    auto pos = skip_json_space(doc, end);
    if (pos < doc.size() && doc[pos] == ',') pos = skip_json_space(doc, pos + 1);
    return pos;
}

// The first byte of the value of a member whose key ends at `key_end`, in a validated
// document.
DIDIT_SESSIONS_HOT_INLINE constexpr std::size_t member_value_offset(std::string_view doc,
                                                                    std::size_t key_end) {
    // A key is followed by ':' and a value: both bytes are there.
    if (doc[key_end] == ':' && static_cast<unsigned char>(doc[key_end + 1]) > ' ')
        return key_end + 1;
    return skip_json_space(doc, skip_json_space(doc, key_end) + 1);
}

// Just past the number or literal that starts at doc[pos] (the document is known to be valid).
constexpr std::size_t scalar_end(std::string_view doc, std::size_t pos) {
    while (pos < doc.size() && doc[pos] != ',' && doc[pos] != '}' && doc[pos] != ']' &&
           !is_json_space(doc[pos]))
        ++pos;
    return pos;
}

// Just past the array or object that opens at doc[pos] (the document is known to be valid),
// crossed a run of plain bytes at a time (byte_scan.hpp), stopping at strings and brackets.
constexpr std::size_t skip_container_by_bytes(std::string_view doc, std::size_t pos) {
    std::size_t depth = 0;
    for (;;) {
        if (!std::is_constant_evaluated()) pos = skip_unmarked<structure_byte>(doc, pos);
        if (pos >= doc.size()) return doc.size();
        const char c = doc[pos];
        if (c == '"') {
            pos = skip_string(doc, pos);
        } else if (c == '{' || c == '[') {
            ++depth;
            ++pos;
        } else if (c == '}' || c == ']') {
            ++pos;
            if (--depth == 0) return pos;
        } else {
            ++pos;
        }
    }
}

#if defined(DIDIT_SESSIONS_SIMD_VECTORS)
// The same, 64 bytes at a time: masks tell which bytes lie inside strings (block_strings.hpp),
// and the brackets outside them are counted a block at a time, one by one only in a block where
// the container may close; `Classify` sorts the bytes of each block, and `PrefixXor` computes
// prefix_xor. Not for constant evaluation.
template<bracket_masks (*Classify)(const char*), std::uint64_t (*PrefixXor)(std::uint64_t)>
std::size_t skip_container_with(std::string_view doc, std::size_t pos) {
    string_carry carry;
    std::size_t depth = 0; // of the brackets before the block
    char last_block[block_size];
    for (std::size_t base = pos; base < doc.size(); base += block_size) {
        const auto masks = Classify(block_at(doc, base, last_block));
        const auto inside = strings_of_block<PrefixXor>(masks.quote, masks.backslash, carry).inside;
        const auto opens = masks.open & ~inside;
        const auto closes = masks.close & ~inside;
        if (const auto closed = static_cast<std::size_t>(std::popcount(closes)); closed < depth) {
            depth = depth + static_cast<std::size_t>(std::popcount(opens)) - closed;
            continue;
        }
        for (auto brackets = opens | closes; brackets != 0; brackets &= brackets - 1) {
            const auto at = static_cast<unsigned>(std::countr_zero(brackets));
            if ((opens >> at) & 1)
                ++depth;
            else if (--depth == 0)
                return base + at + 1;
        }
    }
    return doc.size();
}

#if defined(DIDIT_SESSIONS_SIMD_AVX2)
// The same with AVX2, built for the processors that have it, as validate_blocks_avx2 is (the
// counts of brackets get POPCNT, where other x86-64 builds call a function of the runtime).
DIDIT_SESSIONS_AVX2_FUNCTION [[gnu::flatten]] inline std::size_t
skip_container_avx2(std::string_view doc, std::size_t pos) {
    return skip_container_with<classify_brackets_avx2, prefix_xor_clmul>(doc, pos);
}
#endif

inline std::size_t skip_container_by_blocks(std::string_view doc, std::size_t pos) {
#if defined(DIDIT_SESSIONS_SIMD_AVX2)
    if (avx2_available()) return skip_container_avx2(doc, pos);
#endif
    return skip_container_with<classify_brackets, prefix_xor>(doc, pos);
}
#endif

// Whether containers are skipped by blocks: at run time, where the target has vectors.
inline constexpr bool block_skipping = vector_scanning;

// Just past the value that starts at doc[pos] (the document is known to be valid).
constexpr std::size_t skip_value(std::string_view doc, std::size_t pos) {
    const char first = doc[pos];
    if (first == '"') return skip_string(doc, pos);
    if (first != '{' && first != '[') return scalar_end(doc, pos);
#if defined(DIDIT_SESSIONS_SIMD_VECTORS)
    if constexpr (block_skipping) {
        if (!std::is_constant_evaluated()) return skip_container_by_blocks(doc, pos);
    }
#endif
    return skip_container_by_bytes(doc, pos);
}

enum class integer_status : std::uint8_t { ok, not_an_integer, out_of_range };

// The integer that `text`, a valid JSON number, spells.
constexpr integer_status to_int64(std::string_view text, std::int64_t& out) {
    const bool negative = text[0] == '-';
    std::uint64_t magnitude = 0;
    const std::uint64_t limit = negative ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
    for (std::size_t i = negative ? 1 : 0; i < text.size(); ++i) {
        if (!is_digit(text[i])) return integer_status::not_an_integer;
        const auto digit = static_cast<std::uint64_t>(text[i] - '0');
        if (magnitude > (limit - digit) / 10) // too large, if it is an integer at all
            return text.find_first_not_of("0123456789", i) == std::string_view::npos
                       ? integer_status::out_of_range
                       : integer_status::not_an_integer;
        magnitude = magnitude * 10 + digit;
    }
    out =
        negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    return integer_status::ok;
}

constexpr error located(std::string_view doc, std::size_t pos, errc code,
                        std::string_view message) {
    return locate(doc, pos, error{code, message});
}

inline constexpr std::string_view missing_member_message = "missing member";

// The object at doc[object_pos] has no member `key`.
constexpr error missing_member(std::string_view doc, std::size_t object_pos, std::string_view key) {
    auto failure = located(doc, object_pos, errc::missing_field, missing_member_message);
    failure.subject = key;
    return failure;
}

// The messages of the reader's type errors.
inline constexpr std::string_view expected_string = "expected a string";
inline constexpr std::string_view expected_integer = "expected an integer";
inline constexpr std::string_view expected_number = "expected a number";
inline constexpr std::string_view expected_boolean = "expected true or false";
inline constexpr std::string_view expected_object = "expected an object";
inline constexpr std::string_view expected_array = "expected an array";
inline constexpr std::string_view integer_too_large = "integer does not fit in 64 bits";
inline constexpr std::string_view double_too_large = "number does not fit in a double";

} // namespace detail

// One value of a validated document.
class value {
public:
    constexpr value() = default;
    // `pos` is the offset of the value's first byte in `doc`, which validate() accepted.
    constexpr value(detail::trusted_t, std::string_view doc, std::size_t pos)
        : doc_(doc)
        , pos_(pos) {}

    constexpr std::size_t offset() const { return pos_; }
    constexpr std::string_view document() const { return doc_; }

    DIDIT_SESSIONS_HOT_INLINE constexpr json::kind kind() const {
        switch (doc_[pos_]) {
        case 'n':
            return json::kind::null;
        case 't':
        case 'f':
            return json::kind::boolean;
        case '"':
            return json::kind::string;
        case '[':
            return json::kind::array;
        case '{':
            return json::kind::object;
        default:
            return json::kind::number;
        }
    }
    DIDIT_SESSIONS_HOT_INLINE constexpr bool is_null() const { return doc_[pos_] == 'n'; }

    // The value's text as it stands in the document.
    constexpr std::string_view raw() const {
        return detail::slice(doc_, pos_, detail::skip_value(doc_, pos_));
    }

    constexpr result<bool> get_bool() const {
        if (kind() != json::kind::boolean) return wrong_type(detail::expected_boolean);
        return doc_[pos_] == 't';
    }

    constexpr result<json::string> get_string() const {
        if (kind() != json::kind::string) return wrong_type(detail::expected_string);
        return detail::string_at(doc_, pos_).text;
    }

    // An integer: no fraction, no exponent, within 64 bits.
    constexpr result<std::int64_t> get_int64() const {
        if (kind() != json::kind::number) return wrong_type(detail::expected_integer);
        std::int64_t number = 0;
        switch (detail::to_int64(raw(), number)) {
        case detail::integer_status::ok:
            return number;
        case detail::integer_status::not_an_integer:
            return wrong_type(detail::expected_integer);
        case detail::integer_status::out_of_range:
            break;
        }
        return detail::located(doc_, pos_, errc::out_of_range, detail::integer_too_large);
    }

    // A double, correctly rounded; values beyond its range are errors.
    constexpr result<double> get_double() const {
        if (kind() != json::kind::number) return wrong_type(detail::expected_number);
        double number = 0;
        if (!detail::to_double(raw(), number))
            return detail::located(doc_, pos_, errc::out_of_range, detail::double_too_large);
        return number;
    }

    constexpr result<json::object> get_object() const;
    constexpr result<json::array> get_array() const;

    // An error about this value, located in the document.
    constexpr error wrong_type(std::string_view message) const {
        return detail::located(doc_, pos_, errc::wrong_type, message);
    }

private:
    std::string_view doc_ = "null"; // a default value is null, and safe to read
    std::size_t pos_ = 0;
};

// A key and its value.
struct member {
    json::string key;
    json::value value;
};

// Iterates the elements of an array or the members of an object: `pos` rests on the next
// element's first byte, or on the closing bracket.
template<class Derived, class Item>
class container {
public:
    class iterator {
    public:
        using value_type = Item;
        using difference_type = std::ptrdiff_t;

        constexpr iterator() = default;
        constexpr iterator(detail::trusted_t, std::string_view doc, std::size_t pos)
            : doc_(doc)
            , pos_(pos) {}

        constexpr Item operator*() const { return Derived::read(doc_, pos_, value_pos()); }
        constexpr iterator& operator++() {
            pos_ = detail::next_item(doc_, detail::skip_value(doc_, value_pos()));
            return *this;
        }
        constexpr void operator++(int) { ++*this; }
        constexpr bool operator==(std::default_sentinel_t) const {
            return pos_ >= doc_.size() || doc_[pos_] == '}' || doc_[pos_] == ']';
        }

    private:
        constexpr std::size_t value_pos() const { return Derived::value_offset(doc_, pos_); }

        std::string_view doc_;
        std::size_t pos_ = 0;
    };

    constexpr container() = default;
    // `pos` is the offset of the opening bracket.
    constexpr container(detail::trusted_t, std::string_view doc, std::size_t pos)
        : doc_(doc)
        , pos_(pos) {}

    constexpr iterator begin() const {
        return {detail::trusted, doc_, didit::detail::skip_json_space(doc_, pos_ + 1)};
    }
    constexpr std::default_sentinel_t end() const { return {}; }
    constexpr bool empty() const { return begin() == end(); }
    constexpr std::size_t offset() const { return pos_; }
    constexpr std::string_view document() const { return doc_; }

private:
    std::string_view doc_ = Derived::empty_document; // a default container is empty
    std::size_t pos_ = 0;
};

class array : public container<array, value> {
public:
    static constexpr std::string_view empty_document = "[]";
    using container::container;

    static constexpr std::size_t value_offset(std::string_view, std::size_t pos) { return pos; }
    static constexpr value read(std::string_view doc, std::size_t, std::size_t value_pos) {
        return {detail::trusted, doc, value_pos};
    }
};

class object : public container<object, member> {
public:
    static constexpr std::string_view empty_document = "{}";
    using container::container;

    static constexpr std::size_t value_offset(std::string_view doc, std::size_t key_pos) {
        return detail::member_value_offset(doc, detail::skip_string(doc, key_pos));
    }
    static constexpr member read(std::string_view doc, std::size_t key_pos, std::size_t value_pos) {
        return {detail::string_at(doc, key_pos).text, value(detail::trusted, doc, value_pos)};
    }

    // The value of the first member whose key is `key`, or a missing_field error. Keys are
    // matched on their raw bytes, as everywhere in the library: a key written with escapes
    // matches only the same escapes.
    constexpr result<value> find(std::string_view key) const {
        if (const auto found = find_if_present(key)) return *found;
        return detail::missing_member(document(), offset(), key);
    }

    // The values of the first members whose keys are `keys` (empty for a key that is absent),
    // found in one walk of the object that stops once every key is found: cheaper than a find()
    // per key, each of which walks from the first member.
    template<std::size_t N>
    constexpr std::array<std::optional<value>, N>
    find_each(const std::string_view (&keys)[N]) const {
        std::array<std::optional<value>, N> found{};
        std::size_t missing = N;
        // The members walked directly: each key measured once, each value skipped unread.
        const auto doc = document();
        for (auto pos = didit::detail::skip_json_space(doc, offset() + 1);
             pos < doc.size() && doc[pos] == '"';) {
            const auto [name, key_end] = detail::string_at(doc, pos);
            const auto value_pos = detail::member_value_offset(doc, key_end);
            for (std::size_t i = 0; i < N; ++i) {
                if (!found[i] && name.raw() == keys[i]) {
                    found[i] = value(detail::trusted, doc, value_pos);
                    --missing;
                }
            }
            if (missing == 0) break;
            pos = detail::next_item(doc, detail::skip_value(doc, value_pos));
        }
        return found;
    }

    // find(key) for a member that may well be absent: no error to build and locate.
    constexpr std::optional<value> find_if_present(std::string_view key) const {
        return find_each({key})[0];
    }
};

constexpr result<object> value::get_object() const {
    if (kind() != json::kind::object) return wrong_type(detail::expected_object);
    return object(detail::trusted, doc_, pos_);
}

constexpr result<array> value::get_array() const {
    if (kind() != json::kind::array) return wrong_type(detail::expected_array);
    return array(detail::trusted, doc_, pos_);
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::json
