#pragma once

// A Business Verification (KYB) session as a listing row shows it. Every view in it borrows
// the response body, and is valid while the body's buffer is.

#include <cstdint>

#include <didit/config.hpp>
#include <didit/enums.hpp>
#include <didit/json/string.hpp>
#include <didit/rows/decoded.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/schema.hpp>
#include <didit/timestamp.hpp>
#include <didit/uuid.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

struct kyb_row {
    decoded<uuid> session_id;
    std::int64_t session_number = 0; // numbered apart from KYC sessions
    decoded<didit::status> status;
    field<json::string> vendor_data;
    decoded<timestamp> created_at;
    field<decoded<uuid>> workflow_id; // the reference's example shows a non-UUID id, kept raw
    field<json::string> workflow_type;
    field<json::string> workflow_label;
    field<json::string> company_name;
    field<json::string> registration_number;
    field<json::string> country; // of the registry company
};

namespace detail {

template<>
inline constexpr auto schema_of<kyb_row> = make_item_list(
    required_member("session_id", &kyb_row::session_id),
    required_member("session_number", &kyb_row::session_number),
    required_member("status", &kyb_row::status), member("vendor_data", &kyb_row::vendor_data),
    required_member("created_at", &kyb_row::created_at),
    member("workflow_id", &kyb_row::workflow_id), member("workflow_type", &kyb_row::workflow_type),
    member("workflow_label", &kyb_row::workflow_label),
    member("company_name", &kyb_row::company_name),
    member("registration_number", &kyb_row::registration_number),
    member("country", &kyb_row::country));

} // namespace detail

} // namespace didit::inline DIDIT_SESSIONS_ABI
