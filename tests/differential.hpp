#pragma once

// The library's JSON reader against the reference decoder of reference_json.hpp: on any input
// both must reject it, or both accept it and read every value the same. Numbers are checked
// against the standard library's own conversions.

#include <bit>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <didit/json.hpp>

#include "reference_json.hpp"

namespace didit_test {

namespace differential_detail {

using didit::errc;

// How the number `text` (valid JSON) must read as an int64 and as a double.
inline std::string number_disagreement(didit::json::value number, const std::string& text) {
    if (number.raw() != text) return "the number's text differs";
    const auto as_integer = number.get_int64();
    if (text.find_first_of(".eE") != std::string::npos) {
        if (as_integer.code() != errc::wrong_type) return "a non-integer read as an integer";
    } else {
        std::int64_t expected = 0;
        const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), expected);
        if (code == std::errc::result_out_of_range) {
            if (as_integer.code() != errc::out_of_range) return "an int64 overflow not reported";
        } else if (code != std::errc{} || end != text.data() + text.size() || !as_integer ||
                   *as_integer != expected) {
            return "an integer read wrong";
        }
    }
    // Out of range: infinite, or zero though the digits before any exponent are not all zero.
    const double expected = std::strtod(text.c_str(), nullptr);
    const auto mantissa = text.substr(0, text.find_first_of("eE"));
    const bool nonzero = mantissa.find_first_of("123456789") != std::string::npos;
    const auto as_double = number.get_double();
    if (std::isinf(expected) || (expected == 0 && nonzero)) {
        if (as_double.code() != errc::out_of_range) return "a double out of range not reported";
    } else if (!as_double ||
               std::bit_cast<std::uint64_t>(*as_double) != std::bit_cast<std::uint64_t>(expected)) {
        return "a double read wrong";
    }
    return {};
}

inline std::string value_disagreement(didit::json::value value, const reference_value& expected,
                                      const std::string& path) {
    using kind = reference_value::kind;
    const auto differs = [&](std::string what) { return path + ": " + what; };
    switch (expected.type) {
    case kind::null:
        return value.is_null() ? std::string() : differs("not null");
    case kind::boolean: {
        const auto b = value.get_bool();
        return b && *b == expected.boolean ? std::string() : differs("boolean");
    }
    case kind::number: {
        if (value.kind() != didit::json::kind::number) return differs("not a number");
        const auto why = number_disagreement(value, expected.text);
        return why.empty() ? why : differs(why);
    }
    case kind::string: {
        const auto s = value.get_string();
        return s && s->to_string() == expected.text ? std::string() : differs("string");
    }
    case kind::array: {
        const auto items = value.get_array();
        if (!items) return differs("not an array");
        std::size_t i = 0;
        for (const auto item : *items) {
            if (i == expected.items.size()) return differs("more elements");
            const auto why =
                value_disagreement(item, expected.items[i], path + "[" + std::to_string(i) + "]");
            if (!why.empty()) return why;
            ++i;
        }
        return i == expected.items.size() ? std::string() : differs("fewer elements");
    }
    case kind::object: {
        const auto members = value.get_object();
        if (!members) return differs("not an object");
        std::size_t i = 0;
        for (const auto member : *members) {
            if (i == expected.members.size()) return differs("more members");
            const auto& [key, item] = expected.members[i];
            if (member.key.to_string() != key) return differs("key " + std::to_string(i));
            const auto why = value_disagreement(member.value, item, path + "." + key);
            if (!why.empty()) return why;
            ++i;
        }
        return i == expected.members.size() ? std::string() : differs("fewer members");
    }
    }
    return differs("unknown kind");
}

} // namespace differential_detail

// Where the library and the reference decoder disagree on `json`, or "" when they agree.
inline std::string json_disagreement(std::string_view json) {
    const auto expected = reference_decoder::decode(json);
    const auto root = didit::json::parse(json);
    if (root.has_value() != expected.has_value())
        return expected ? "the library rejects it: " + std::string(root.error().message)
                        : std::string("the library accepts it");
    if (!root) return {};
    return differential_detail::value_disagreement(*root, *expected, "$");
}

} // namespace didit_test
