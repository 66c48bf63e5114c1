#pragma once

// Each row type lists its JSON members once, as (key, pointer to member) pairs; reading a row,
// writing it back as JSON and the tests all walk that one list.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include <didit/config.hpp>
#include <didit/detail/code_size.hpp>
#include <didit/detail/item_list.hpp>
#include <didit/rows/reader.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

template<class Struct, class T>
struct schema_member {
    using struct_type = Struct;
    using value_type = T;

    std::string_view key;
    T Struct::*pointer;
    bool required = false; // an error when absent, rather than an absent field
};

template<class Struct, class T>
constexpr schema_member<Struct, T> member(std::string_view key, T Struct::*pointer) {
    return {key, pointer, false};
}

template<class Struct, class T>
constexpr schema_member<Struct, T> required_member(std::string_view key, T Struct::*pointer) {
    return {key, pointer, true};
}

// Specialised after each type that has a schema, as an item_list of schema_member.
template<class Struct>
inline constexpr std::nullptr_t schema_of = nullptr;

template<class Struct>
concept has_schema = !std::is_same_v<std::remove_cv_t<decltype(schema_of<Struct>)>, std::nullptr_t>;

// The number of members in Struct's schema.
template<class Struct>
inline constexpr std::size_t member_count = std::remove_cvref_t<decltype(schema_of<Struct>)>::size;

// The keys of Struct's schema, in its order.
template<class Struct>
inline constexpr auto keys_of = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array{nth<I>(schema_of<Struct>).key...};
}
(std::make_index_sequence<member_count<Struct>>{});

// The index of `key` among `keys`, or keys.size() when it is not there.
constexpr std::size_t index_of_key(std::string_view key, std::span<const std::string_view> keys) {
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key) return i;
    return keys.size();
}

// Just past the key that opens at doc[pos] when it is `key`, else read_failed. The document's
// bytes are compared with the key and its closing quote without measuring the key first: in a
// valid document, a key's plain bytes followed by a quote are the whole key.
DIDIT_SESSIONS_HOT_INLINE constexpr std::size_t end_of_key(std::string_view doc, std::size_t pos,
                                                           std::string_view key) {
    if (doc.size() - pos < key.size() + 2 || doc[pos + 1 + key.size()] != '"') return read_failed;
    const auto end = pos + 2 + key.size();
    if (!std::is_constant_evaluated())
        return std::memcmp(doc.data() + pos + 1, key.data(), key.size()) == 0 ? end : read_failed;
    return json::detail::slice(doc, pos + 1, end - 1) == key ? end : read_failed;
}

// The same for the key of member `index` of Struct's schema: one comparison per member, each
// with a key of constant length, which the compiler inlines.
template<class Struct>
constexpr std::size_t end_of_member_key(std::string_view doc, std::size_t pos, std::size_t index) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        std::size_t end = read_failed;
        (void)((index == I ? (end = end_of_key(doc, pos, nth<I>(schema_of<Struct>).key), true)
                           : false) ||
               ...);
        return end;
    }
    (std::make_index_sequence<member_count<Struct>>{});
}

// Reads `item` into member `index` of `out`.
template<class Struct>
constexpr std::size_t read_member(row_reader& reader, std::size_t index, json::value item,
                                  Struct& out) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        std::size_t end = read_failed;
        (void)((index == I
                    ? (end = read(reader, item, out.*nth<I>(schema_of<Struct>).pointer), true)
                    : false) ||
               ...);
        return end;
    }
    (std::make_index_sequence<member_count<Struct>>{});
}

// Walks the object `in` for a schema whose keys are `keys` (an array, or a span where their
// number is not a constant): end_of_member_key(doc, pos, index) matches the key at doc[pos]
// with member `index`'s, read_member(index, value) reads a member the schema lists, and other
// members are skipped. Notes in `seen` which members were read. Returns the offset just past
// the object.
template<class Keys, class EndOfMemberKey, class ReadMember>
constexpr std::size_t walk_schema(row_reader& reader, json::value in, const Keys& keys,
                                  EndOfMemberKey end_of_member_key, ReadMember read_member,
                                  std::uint32_t& seen) {
    // Writers keep one order, usually the schema's, so each key is first tried as the member
    // after the last one read: one comparison, where a search would make several.
    std::size_t expected = 0;
    // The end of the key at doc[pos], and the index of the member it names (keys.size() for
    // none).
    const auto read_key = [&](std::string_view doc, std::size_t pos) {
        if (expected < keys.size()) {
            if (const auto key_end = end_of_member_key(doc, pos, expected); key_end != read_failed)
                return std::pair(key_end, expected);
        }
        const auto key_end = json::detail::skip_string(doc, pos);
        return std::pair(key_end,
                         index_of_key(json::detail::slice(doc, pos + 1, key_end - 1), keys));
    };
    return walk_members(reader, in, read_key, [&](std::size_t index, json::value item) {
        if (index == keys.size()) return json::detail::skip_value(item.document(), item.offset());
        seen |= std::uint32_t{1} << index;
        expected = index + 1;
        return read_member(index, item);
    });
}

// A schema's member reads behind one virtual call, so that a build for small code has one copy
// of the walk for every schema.
class member_reader {
public:
    constexpr virtual std::size_t read(std::size_t index, json::value item) = 0;

protected:
    constexpr ~member_reader() = default;
};

template<class Struct>
class member_reader_for final : public member_reader {
public:
    constexpr member_reader_for(row_reader& reader, Struct& out)
        : reader_(reader)
        , out_(out) {}
    constexpr std::size_t read(std::size_t index, json::value item) override {
        return read_member(reader_, index, item, out_);
    }

private:
    row_reader& reader_;
    Struct& out_;
};

// The walk of a build for small code, one copy for every schema: keys are compared with the
// schema's key table, and members read through `members`.
constexpr std::size_t walk_any_schema(row_reader& reader, json::value in,
                                      std::span<const std::string_view> keys,
                                      member_reader& members, std::uint32_t& seen) {
    return walk_schema(
        reader, in, keys,
        [&](std::string_view doc, std::size_t pos, std::size_t index) {
            return end_of_key(doc, pos, keys[index]);
        },
        [&](std::size_t index, json::value item) { return members.read(index, item); }, seen);
}

// Reads the members `schema` lists into `out`; other members are skipped, and a required member
// that is missing is an error. Returns the offset just past the object.
template<class Struct>
constexpr std::size_t read_schema(row_reader& reader, json::value in, Struct& out) {
    static_assert(member_count<Struct> <= 32, "seen-member mask is 32 bits");
    std::uint32_t seen = 0;
    std::size_t end = read_failed;
    if constexpr (optimizing_for_size) {
        member_reader_for<Struct> members(reader, out);
        end = walk_any_schema(reader, in, keys_of<Struct>, members, seen);
    } else {
        end = walk_schema(
            reader, in, keys_of<Struct>,
            [](std::string_view doc, std::size_t pos, std::size_t index) {
                return end_of_member_key<Struct>(doc, pos, index);
            },
            [&](std::size_t index, json::value item) {
                return read_member(reader, index, item, out);
            },
            seen);
    }
    if (end == read_failed) return read_failed;
    std::size_t outcome = end;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (void)((nth<I>(schema_of<Struct>).required && !(seen & (std::uint32_t{1} << I))
                    ? (outcome = missing(reader, in, nth<I>(schema_of<Struct>).key), true)
                    : false) ||
               ...);
    }
    (std::make_index_sequence<member_count<Struct>>{});
    return outcome;
}

// Whether a string may stand in for the whole object, as its first member alone.
template<class Struct>
inline constexpr bool has_plain_string_form = false;

template<has_schema Struct>
constexpr std::size_t read(row_reader& reader, json::value in, Struct& out) {
    if constexpr (has_plain_string_form<Struct>) {
        if (in.kind() == json::kind::string)
            return read(reader, in, out.*nth<0>(schema_of<Struct>).pointer);
    }
    return read_schema(reader, in, out);
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
