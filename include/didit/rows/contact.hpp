#pragma once

// A KYC row's `phone_number` and `email_address`. The schema sends an object with the value
// and whether it was verified; one of the reference's examples sends the plain string, which
// says nothing about verification.

#include <didit/config.hpp>
#include <didit/json/string.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/schema.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

struct phone_number {
    json::string number;     // E.164
    field<bool> is_verified; // absent in the plain-string form
};

struct email_address {
    json::string email;
    field<bool> is_verified; // absent in the plain-string form
};

namespace detail {

template<>
inline constexpr auto
    schema_of<phone_number> = make_item_list(required_member("number", &phone_number::number),
                                             member("is_verified", &phone_number::is_verified));

template<>
inline constexpr auto
    schema_of<email_address> = make_item_list(required_member("email", &email_address::email),
                                              member("is_verified", &email_address::is_verified));

template<>
inline constexpr bool has_plain_string_form<phone_number> = true;

template<>
inline constexpr bool has_plain_string_form<email_address> = true;

} // namespace detail

} // namespace didit::inline DIDIT_SESSIONS_ABI
