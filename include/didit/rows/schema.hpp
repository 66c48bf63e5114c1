#pragma once

// Each row type lists its JSON members once, as (key, pointer to member) pairs; reading a row,
// writing it back as JSON and the tests all walk that one list.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>

#include <didit/rows/reader.hpp>

namespace didit::detail {

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

// Specialised after each type that has a schema, as a tuple of schema_member.
template<class Struct>
inline constexpr std::nullptr_t schema_of = nullptr;

template<class Struct>
concept has_schema = !std::is_same_v<std::remove_cv_t<decltype(schema_of<Struct>)>, std::nullptr_t>;

// Whether `key` is the key of member I of Struct's schema. Its length is a constant, so that
// the comparison unrolls instead of calling memcmp.
template<class Struct, std::size_t I>
constexpr bool is_member_key(std::string_view key) {
    constexpr std::string_view wanted = std::get<I>(schema_of<Struct>).key;
    if (key.size() != wanted.size()) return false;
    for (std::size_t i = 0; i < wanted.size(); ++i)
        if (key[i] != wanted[i]) return false;
    return true;
}

// Reads the members `schema` lists into `out`; other members are skipped, and a required member
// that is missing is an error. Returns the offset just past the object.
template<class Struct>
constexpr std::size_t read_schema(row_reader& reader, json::value in, Struct& out) {
    constexpr const auto& schema = schema_of<Struct>;
    constexpr std::size_t count = std::tuple_size_v<std::remove_cvref_t<decltype(schema)>>;
    static_assert(count <= 32, "seen-member mask is 32 bits");
    std::uint32_t seen = 0;
    const auto end = read_members(reader, in, [&](std::string_view key, json::value item) {
        std::size_t value_end = read_failed;
        const bool known = [&]<std::size_t... I>(std::index_sequence<I...>) {
            // The first member whose key matches reads the value; the rest are not compared.
            return ((is_member_key<Struct, I>(key)
                         ? (seen |= std::uint32_t{1} << I,
                            value_end = read(reader, item, out.*std::get<I>(schema).pointer), true)
                         : false) ||
                    ...);
        }
        (std::make_index_sequence<count>{});
        return known ? value_end : json::detail::skip_value(item.document(), item.offset());
    });
    if (end == read_failed) return read_failed;
    std::size_t outcome = end;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (void)((std::get<I>(schema).required && !(seen & (std::uint32_t{1} << I))
                    ? (outcome = missing(reader, in, std::get<I>(schema).key), true)
                    : false) ||
               ...);
    }
    (std::make_index_sequence<count>{});
    return outcome;
}

// Whether a string may stand in for the whole object, as its first member alone.
template<class Struct>
inline constexpr bool has_plain_string_form = false;

template<has_schema Struct>
constexpr std::size_t read(row_reader& reader, json::value in, Struct& out) {
    if constexpr (has_plain_string_form<Struct>) {
        if (in.kind() == json::kind::string)
            return read(reader, in, out.*std::get<0>(schema_of<Struct>).pointer);
    }
    return read_schema(reader, in, out);
}

} // namespace didit::detail
