#pragma once

// A User Verification (KYC) session as a listing row shows it. Every view in it borrows the
// response body, and is valid while the body's buffer is.

#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/enums.hpp>
#include <didit/json/string.hpp>
#include <didit/rows/additional_details.hpp>
#include <didit/rows/contact.hpp>
#include <didit/rows/decoded.hpp>
#include <didit/rows/features.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/schema.hpp>
#include <didit/timestamp.hpp>
#include <didit/uuid.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

struct kyc_row {
    decoded<uuid> session_id;
    std::int64_t session_number = 0;
    field<json::string> session_url;
    field<json::string> portrait_image;
    field<decoded<didit::document_type>> document_type; // from its display name ("Passport")
    field<json::string> full_name;
    field<json::string> country; // ISO 3166-1 alpha-3
    decoded<didit::status> status;
    field<json::string> vendor_data;
    field<decoded<uuid>> didit_internal_id;
    decoded<timestamp> created_at;
    field<feature_list> features;
    field<didit::phone_number> phone_number;
    field<didit::email_address> email_address;
    field<didit::additional_details> additional_details;
};

namespace detail {

// Rows name document types by display name; the short code is read too.
constexpr std::size_t read(row_reader& reader, json::value in, decoded<document_type>& out) {
    return read_known(reader, in, out, [](std::string_view text) {
        const auto by_name = document_type_from_display_name(text);
        return by_name ? by_name : from_response_text<document_type>(text);
    });
}

template<>
inline constexpr auto schema_of<kyc_row> = make_item_list(
    required_member("session_id", &kyc_row::session_id),
    required_member("session_number", &kyc_row::session_number),
    member("session_url", &kyc_row::session_url),
    member("portrait_image", &kyc_row::portrait_image),
    member("document_type", &kyc_row::document_type), member("full_name", &kyc_row::full_name),
    member("country", &kyc_row::country), required_member("status", &kyc_row::status),
    member("vendor_data", &kyc_row::vendor_data),
    member("didit_internal_id", &kyc_row::didit_internal_id),
    required_member("created_at", &kyc_row::created_at), member("features", &kyc_row::features),
    member("phone_number", &kyc_row::phone_number),
    member("email_address", &kyc_row::email_address),
    member("additional_details", &kyc_row::additional_details));

} // namespace detail

} // namespace didit::inline DIDIT_SESSIONS_ABI
