#pragma once

// Validation of a typed query: the warnings that follow from the values themselves and from
// how they combine. Typed values cannot hold what the server rejects (dates, UUIDs and choices
// are checked when they are made), so every finding here is a warning.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include <didit/config.hpp>
#include <didit/date.hpp>
#include <didit/detail/text.hpp>
#include <didit/enums.hpp>
#include <didit/lenient.hpp>
#include <didit/query/comma_lists.hpp>
#include <didit/query/diagnostics.hpp>
#include <didit/query/query.hpp>
#include <didit/query/value_text.hpp>
#include <didit/uuid.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

// The server's pagination: default and maximum page size.
inline constexpr std::int64_t default_limit = 50;
inline constexpr std::int64_t max_limit = 100;

// The page size the server uses for `q`: the default for a missing, zero or negative limit,
// the maximum for a larger one.
constexpr std::int64_t effective_limit(const query& q) {
    if (!q.limit || *q.limit < 1) return default_limit;
    return *q.limit > max_limit ? max_limit : *q.limit;
}

// The offset the server uses for `q`: 0 for a missing or negative one.
constexpr std::int64_t effective_offset(const query& q) {
    return (!q.offset || *q.offset < 0) ? 0 : *q.offset;
}

namespace detail {

// Whether `a` and `b` are the same name written another way: case, blanks around it, and
// '_' for ' ' (so APPROVED and IN_REVIEW find Approved and In Review).
constexpr bool same_name_loosely(std::string_view a, std::string_view b) {
    a = strip(a);
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char ca = a[i] == '_' ? ' ' : to_lower(a[i]);
        const char cb = b[i] == '_' ? ' ' : to_lower(b[i]);
        if (ca != cb) return false;
    }
    return true;
}

// The wire name `text` was probably meant as, or empty.
template<wire_enum E>
constexpr std::string_view probable_name(std::string_view text) {
    for (std::size_t i = 0; i < enum_count<E>; ++i)
        if (same_name_loosely(text, wire_names<E>[i])) return wire_names<E>[i];
    return {};
}

// The text of an item that is sent as it was given: a string, or a lenient item the server
// does not recognise. Empty for a recognised value.
constexpr std::string_view given_text(std::string_view item) {
    return item;
}

template<class T>
constexpr std::string_view given_text(const lenient<T>& item) {
    return item.recognised() ? std::string_view{} : item.text();
}

// Whether the server reads `item` as one item that it does not recognise. An item with a comma
// is read as several instead, which check_item_commas reports.
template<class T>
constexpr bool unrecognised_item(const lenient<T>& item) {
    return !item.recognised() && !contains(item.text(), ",");
}

// Items are sent joined by commas, so the server splits an item that holds one. `document_name`
// has its own rule (check_document_names).
constexpr void check_item_commas(const query& q, diagnostics& out) {
    for (std::size_t i = 0; i < enum_count<parameter>; ++i) {
        const auto p = static_cast<parameter>(i);
        if (p == parameter::document_name) continue;
        visit_parameter(q, p, [&](const auto& member) {
            if constexpr (is_query_list<std::remove_cvref_t<decltype(member)>>)
                for (const auto& item : member)
                    if (contains(given_text(item), ","))
                        out.add(make_diagnostic(finding::list_item_split_at_comma, p,
                                                given_text(item)));
        });
    }
}

// List checks look only at lists the server receives: one empty item is never sent.
template<wire_enum E>
constexpr void check_choices(const query& q, const query_list<lenient<E>>& items, parameter p,
                             finding what, diagnostics& out) {
    if (!is_set(q, p)) return;
    for (const auto& item : items)
        if (unrecognised_item(item))
            out.add(make_diagnostic(what, p, item.text(), probable_name<E>(item.text())));
}

// The code of the document type whose display name `text` is, or empty.
constexpr std::string_view code_for_display_name(std::string_view text) {
    for (std::size_t i = 0; i < enum_count<didit::document_type>; ++i) {
        const auto type = static_cast<didit::document_type>(i);
        if (same_name_loosely(text, display_name(type)) &&
            !same_name_loosely(text, to_string(type)))
            return to_string(type);
    }
    return {};
}

constexpr void check_document_types(const query& q, diagnostics& out) {
    if (!is_set(q, parameter::document_type)) return;
    for (const auto& item : q.document_type) {
        if (!unrecognised_item(item)) continue;
        if (const auto code = code_for_display_name(item.text()); !code.empty())
            out.add(make_diagnostic(finding::document_display_name, parameter::document_type,
                                    item.text(), code));
        else
            out.add(make_diagnostic(finding::unrecognised_document_type, parameter::document_type,
                                    item.text(), probable_name<didit::document_type>(item.text())));
    }
}

// Whether any of the items the server reads from `text` is a UUID: an item given with commas
// is several items to the server.
constexpr bool holds_a_uuid(std::string_view text) {
    // for_each_item stops early, returning false, at the first item that is a UUID.
    return !for_each_item(text, [](std::string_view item) { return !uuid::parse(item); });
}

constexpr void check_workflow_ids(const query& q, diagnostics& out) {
    if (!is_set(q, parameter::workflow_id)) return;
    bool any_valid = false;
    for (const auto& item : q.workflow_id) {
        any_valid = any_valid || item.recognised() || holds_a_uuid(item.text());
        if (unrecognised_item(item))
            out.add(
                make_diagnostic(finding::workflow_id_dropped, parameter::workflow_id, item.text()));
    }
    if (!any_valid) out.add(make_diagnostic(finding::no_valid_workflow_id, parameter::workflow_id));
}

constexpr void check_paging(const query& q, diagnostics& out) {
    if (q.limit && *q.limit < 1)
        out.add(with_derived(make_diagnostic(finding::limit_replaced, parameter::limit), *q.limit));
    if (q.limit && *q.limit > max_limit)
        out.add(with_derived(make_diagnostic(finding::limit_clamped, parameter::limit), *q.limit));
    if (q.offset && *q.offset < 0)
        out.add(
            with_derived(make_diagnostic(finding::offset_replaced, parameter::offset), *q.offset));
}

constexpr void check_kind_specific(const query& q, diagnostics& out) {
    const auto kind = q.session_kind.value_or(didit::session_kind::user);
    if (kind == didit::session_kind::user) return;
    for (std::size_t i = 0; i < enum_count<parameter>; ++i) {
        const auto p = static_cast<parameter>(i);
        if (is_kyc_only(p) && is_set(q, p))
            out.add(make_diagnostic(kind == didit::session_kind::business
                                        ? finding::kyc_only_filter_on_business
                                        : finding::kyc_only_filter_on_all,
                                    p));
    }
    if (q.date_to)
        out.add(with_derived(make_diagnostic(finding::date_to_midnight_on_kyb, parameter::date_to),
                             q.date_to->next_day()));
}

// Registration numbers are stored without separators; a business search typed with them
// (DPC-001) finds nothing by registration number.
constexpr void check_registration_search(const query& q, diagnostics& out) {
    const auto kind = q.session_kind.value_or(didit::session_kind::user);
    if (kind == didit::session_kind::user || uuid::parse(strip(q.search))) return;
    bool digit = false, separator = false;
    char compact[24]{};
    std::size_t compact_size = 0;
    for (const char c : q.search) {
        if (c == '-' || c == '.' || c == '/' || c == ' ') {
            separator = true;
            continue;
        }
        const bool alnum = is_digit(c) || (to_lower(c) >= 'a' && to_lower(c) <= 'z');
        if (!alnum) return;
        digit = digit || is_digit(c);
        if (compact_size < sizeof compact) compact[compact_size] = c;
        ++compact_size;
    }
    if (!digit || !separator) return;
    auto d = make_diagnostic(finding::registration_number_separators, parameter::search, q.search);
    if (compact_size <= sizeof compact)
        d = with_derived(d, std::string_view(compact, compact_size));
    out.add(d);
}

constexpr void check_document_names(const query& q, diagnostics& out) {
    const auto& names = q.document_name;
    // The items are sent joined by commas, and no " - " can span a comma.
    std::size_t separators = 0;
    for (const auto name : names)
        separators += count_name_separators(name);
    const bool server_splits = splits_document_names(separators);
    if (!server_splits && names.size() > 1) {
        auto d = make_diagnostic(finding::document_name_not_split, parameter::document_name);
        out.add(with_derived(d, static_cast<std::int64_t>(names.size())));
    }
    if (!server_splits) return;
    for (const auto name : names)
        if (contains(name, ","))
            out.add(make_diagnostic(finding::document_name_split_at_comma, parameter::document_name,
                                    name));
}

} // namespace detail

// Adds to `out` the warnings for `q`.
constexpr void validate(const query& q, diagnostics& out) {
    detail::check_paging(q, out);
    detail::check_choices(q, q.status, parameter::status, finding::unrecognised_status, out);
    detail::check_workflow_ids(q, out);
    if (q.date_from && q.date_to && *q.date_from > *q.date_to)
        out.add(detail::with_derived(
            detail::make_diagnostic(finding::empty_date_range, parameter::date_from),
            *q.date_from));
    detail::check_document_types(q, out);
    detail::check_document_names(q, out);
    detail::check_item_commas(q, out);
    detail::check_choices(q, q.session_type, parameter::session_type,
                          finding::unrecognised_session_type, out);
    detail::check_kind_specific(q, out);
    detail::check_registration_search(q, out);
}

constexpr diagnostics validate(const query& q) {
    diagnostics out;
    validate(q, out);
    return out;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
