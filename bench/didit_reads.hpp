#pragma once

// This library's readers for the decoding cases: every field of every row, decoded into rows
// (UUIDs, timestamps and enumerations recognised, numbers converted), and three fields of each
// row (session_id, status, created_at) found in its JSON object; and the references every
// library's reading is checked against.

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

#include <didit/json.hpp>
#include <didit/rows.hpp>

#include "corpus.hpp"
#include "measure.hpp"

namespace didit_bench {

namespace detail {

inline void touch(reading& read, std::int64_t n) {
    read.integer(n);
}
inline void touch(reading& read, didit::json::number x) {
    read.number(x.to_double().value());
}
inline void touch(reading& read, bool b) {
    read.boolean(b);
}
inline void touch(reading& read, didit::json::string text) {
    read.string(text);
}
template<class T>
void touch(reading& read, const didit::decoded<T>& value);
template<class T>
void touch(reading& read, const didit::field<T>& value);
inline void touch(reading& read, const didit::feature_list& list);
template<class Struct>
requires didit::detail::has_schema<Struct>
void touch(reading& read, const Struct& object);

inline std::uint64_t folded(const didit::timestamp& at) {
    return static_cast<std::uint64_t>(at.unix_micros());
}
// All sixteen bytes, as two words: a fold byte by byte cost more than decoding the UUID.
inline std::uint64_t folded(const didit::uuid& id) {
    std::uint64_t high = 0, low = 0;
    std::memcpy(&high, id.bytes().data(), sizeof high);
    std::memcpy(&low, id.bytes().data() + sizeof high, sizeof low);
    return high * 31 + low;
}
template<class Enum>
requires std::is_enum_v<Enum> std::uint64_t folded(Enum value) {
    return static_cast<std::uint64_t>(value);
}

// A recognised value is read through the text it was recognised from, and its decoded value
// folded in.
template<class T>
void touch(reading& read, const didit::decoded<T>& value) {
    if (value.known()) read.typed_value(folded(value.value()));
    touch(read, value.raw());
}

template<class T>
void touch(reading& read, const didit::field<T>& value) {
    if (value.is_null()) read.null();
    if (value) touch(read, *value);
}

inline void touch(reading& read, const didit::feature_list& list) {
    for (const auto check : list)
        touch(read, check);
}

template<class Struct>
requires didit::detail::has_schema<Struct>
void touch(reading& read, const Struct& object) {
    didit::detail::schema_of<Struct>.apply(
        [&](const auto&... member) { (touch(read, object.*member.pointer), ...); });
}

// Every scalar of a JSON value, found by walking it generically rather than by decoding rows.
inline void walk(didit::json::value value, reading& read) {
    switch (value.kind()) {
    case didit::json::kind::object:
        for (const auto member : value.get_object().value())
            walk(member.value, read);
        break;
    case didit::json::kind::array:
        for (const auto item : value.get_array().value())
            walk(item, read);
        break;
    case didit::json::kind::string:
        read.string(value.get_string().value());
        break;
    case didit::json::kind::number:
        if (value.raw().find_first_of(".eE") == std::string_view::npos)
            read.integer(value.get_int64().value());
        else
            read.number(value.get_double().value());
        break;
    case didit::json::kind::boolean:
        read.boolean(value.get_bool().value());
        break;
    case didit::json::kind::null:
        read.null();
        break;
    }
}

} // namespace detail

// The reference for reading every field: every scalar of every row, walked generically, so that
// decoding rows (this library's every_field) is checked against something other than itself.
inline void every_scalar(const std::string& page, reading& read) {
    const auto results =
        didit::json::parse(page).value().get_object().value().find("results").value().get_array();
    for (const auto row : results.value())
        detail::walk(row, read);
}

inline void every_field(const std::string& page, reading& read) {
    const auto parsed = didit::parse_page(page);
    for (const auto row : parsed->results) {
        detail::touch(read, row->session_kind());
        if (row->kind() == didit::row_kind::kyc) detail::touch(read, row->kyc());
        if (row->kind() == didit::row_kind::kyb) detail::touch(read, row->kyb());
    }
}

// The reference for three fields: the same three read from decoded rows, not found by key.
inline void three_fields_of_rows(const std::string& page, reading& read) {
    const auto read_three = [&](const auto& fields) {
        read.string(fields.session_id.raw());
        read.string(fields.status.raw());
        read.string(fields.created_at.raw());
    };
    const auto parsed = didit::parse_page(page);
    for (const auto row : parsed->results) {
        if (row->kind() == didit::row_kind::kyc) read_three(row->kyc());
        if (row->kind() == didit::row_kind::kyb) read_three(row->kyb());
    }
}

inline void three_fields(const std::string& page, reading& read) {
    const auto results =
        didit::json::parse(page).value().get_object().value().find("results").value().get_array();
    for (const auto row : results.value()) {
        const auto found =
            row.get_object().value().find_each({"session_id", "status", "created_at"});
        for (const auto& value : found)
            read.string(value.value().get_string().value());
    }
}

} // namespace didit_bench
