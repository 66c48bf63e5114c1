#pragma once

// A listing query: one member per query parameter, named as the parameter. Strings and list
// items are views that borrow from the caller (literals, or the text a query was parsed
// from); the query must not outlive them. An empty string or list means "not sent".
//
//     constexpr didit::query q{
//         .session_kind = didit::session_kind::all,
//         .limit = 20,
//         .status = {didit::status::approved, didit::status::in_review},
//         .date_from = didit::date("2026-06-01"),
//     };
//
// Designated initializers follow the member order, which is the reference's parameter order.

#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include <didit/config.hpp>
#include <didit/date.hpp>
#include <didit/enums.hpp>
#include <didit/fixed_list.hpp>
#include <didit/lenient.hpp>
#include <didit/query/parameter.hpp>
#include <didit/uuid.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

template<class T>
using query_list = fixed_list<T, max_list_items>;

namespace detail {
template<class T>
inline constexpr bool is_query_list = false;
template<class T>
inline constexpr bool is_query_list<query_list<T>> = true;
} // namespace detail

struct query {
    std::optional<didit::session_kind> session_kind{};
    std::optional<std::int64_t> limit{};
    std::optional<std::int64_t> offset{};
    query_list<lenient<didit::status>> status{};
    std::string_view vendor_data{};
    std::string_view search{};
    query_list<lenient<uuid>> workflow_id{};
    std::optional<date> date_from{};
    std::optional<date> date_to{};
    query_list<std::string_view> country{};
    query_list<lenient<didit::document_type>> document_type{};
    query_list<std::string_view> document_name{};
    query_list<std::string_view> region{};
    std::optional<uuid> didit_internal_id{};
    query_list<lenient<didit::session_type>> session_type{};
    std::optional<didit::api_service> api_service{};
    std::string_view screened_full_name{};
    query_list<std::string_view> warning{};
    std::optional<bool> status_initialized_as_in_review{};
    std::optional<bool> is_kyc_to_be_reviewed{};
    std::optional<uuid> euuid{};
    query_list<std::string_view> organization_name{};

    friend constexpr bool operator==(const query&, const query&) = default;
};

// Calls `f` with the member of `q` that holds parameter `p` (const or not, as `q` is).
template<class Query, class F>
requires std::is_same_v<std::remove_const_t<Query>, query>
constexpr decltype(auto) visit_parameter(Query& q, parameter p, F&& f) {
    switch (p) {
    case parameter::session_kind:
        return f(q.session_kind);
    case parameter::limit:
        return f(q.limit);
    case parameter::offset:
        return f(q.offset);
    case parameter::status:
        return f(q.status);
    case parameter::vendor_data:
        return f(q.vendor_data);
    case parameter::search:
        return f(q.search);
    case parameter::workflow_id:
        return f(q.workflow_id);
    case parameter::date_from:
        return f(q.date_from);
    case parameter::date_to:
        return f(q.date_to);
    case parameter::country:
        return f(q.country);
    case parameter::document_type:
        return f(q.document_type);
    case parameter::document_name:
        return f(q.document_name);
    case parameter::region:
        return f(q.region);
    case parameter::didit_internal_id:
        return f(q.didit_internal_id);
    case parameter::session_type:
        return f(q.session_type);
    case parameter::api_service:
        return f(q.api_service);
    case parameter::screened_full_name:
        return f(q.screened_full_name);
    case parameter::warning:
        return f(q.warning);
    case parameter::status_initialized_as_in_review:
        return f(q.status_initialized_as_in_review);
    case parameter::is_kyc_to_be_reviewed:
        return f(q.is_kyc_to_be_reviewed);
    case parameter::euuid:
        return f(q.euuid);
    case parameter::organization_name:
        return f(q.organization_name);
    }
    return f(q.session_kind); // unreachable for valid enumerators
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
