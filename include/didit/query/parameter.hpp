#pragma once

// The endpoint's query parameters, in the order of the reference's OpenAPI block.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/enums.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

enum class parameter : std::uint8_t {
    session_kind,
    limit,
    offset,
    status,
    vendor_data,
    search,
    workflow_id,
    date_from,
    date_to,
    country,
    document_type,
    document_name,
    region,
    didit_internal_id,
    session_type,
    api_service,
    screened_full_name,
    warning,
    status_initialized_as_in_review,
    is_kyc_to_be_reviewed,
    euuid,
    organization_name,
};

namespace detail {
template<>
inline constexpr bool has_wire_names<parameter> = true;
template<>
inline constexpr std::array wire_names<parameter> = std::to_array<std::string_view>({
    "session_kind",
    "limit",
    "offset",
    "status",
    "vendor_data",
    "search",
    "workflow_id",
    "date_from",
    "date_to",
    "country",
    "document_type",
    "document_name",
    "region",
    "didit_internal_id",
    "session_type",
    "api_service",
    "screened_full_name",
    "warning",
    "status_initialized_as_in_review",
    "is_kyc_to_be_reviewed",
    "euuid",
    "organization_name",
});
} // namespace detail

// One query parameter as the server receives it: name and value, percent-decoded.
struct raw_parameter {
    std::string_view name;
    std::string_view value;
};

// Whether the server applies the filter to KYC rows only (it ignores it for KYB rows).
constexpr bool is_kyc_only(parameter p) {
    switch (p) {
    case parameter::document_type:
    case parameter::document_name:
    case parameter::region:
    case parameter::didit_internal_id:
    case parameter::session_type:
    case parameter::api_service:
    case parameter::screened_full_name:
    case parameter::status_initialized_as_in_review:
    case parameter::is_kyc_to_be_reviewed:
    case parameter::euuid:
        return true;
    default:
        return false;
    }
}

// Every parameter, ordered by name as the server sorts the keys of its `next` links.
inline constexpr auto parameters_by_name = [] {
    std::array<parameter, enum_count<parameter>> order{};
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<parameter>(i);
    for (std::size_t i = 1; i < order.size(); ++i) // insertion sort: constexpr and tiny
        for (std::size_t j = i; j > 0 && to_string(order[j]) < to_string(order[j - 1]); --j) {
            const parameter swapped = order[j];
            order[j] = order[j - 1];
            order[j - 1] = swapped;
        }
    return order;
}();

} // namespace didit::inline DIDIT_SESSIONS_ABI
