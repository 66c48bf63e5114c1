#pragma once

// Reading raw `name=value` parameters exactly as the server reads them: the same errors for
// what it rejects with 400, and warnings for what it ignores, drops or cannot match.

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include <didit/config.hpp>
#include <didit/date.hpp>
#include <didit/detail/text.hpp>
#include <didit/query/comma_lists.hpp>
#include <didit/query/diagnostics.hpp>
#include <didit/query/parameter.hpp>
#include <didit/query/query.hpp>
#include <didit/query/validate.hpp>
#include <didit/result.hpp>
#include <didit/uuid.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

// A query read from raw parameters and what the server would make of it. When `findings` has
// errors the server answers 400 and `value` lacks the rejected parameters. `value` borrows from
// the raw parameters' text.
struct parsed_query {
    query value;
    diagnostics findings;

    constexpr bool ok() const { return !findings.has_errors(); }
};

namespace detail {

// Python's int(text) for base 10: blanks around, an optional sign, ASCII digits with single
// underscores between them, at most 4300 digits. Values beyond 64 bits saturate.
constexpr std::optional<std::int64_t> python_int(std::string_view text) {
    text = strip_with(text, [](std::string_view s) -> std::size_t {
        const std::size_t n = leading_space_length(s);
        return (n == 1 && s[0] >= 0x1C && s[0] <= 0x1F) ? 0 : n; // int() keeps these
    });
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    std::int64_t magnitude = 0;
    std::size_t digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i > 0 && i + 1 < text.size() && is_digit(text[i - 1]) &&
            is_digit(text[i + 1]))
            continue;
        if (!is_digit(text[i])) return std::nullopt;
        ++digits;
        const int d = text[i] - '0';
        magnitude = magnitude > (max - d) / 10 ? max : magnitude * 10 + d;
    }
    if (digits == 0 || digits > 4300) return std::nullopt;
    return negative ? -magnitude : magnitude;
}

// The server's booleans: 1, 0, true, false in any case; anything else is ignored.
constexpr std::optional<bool> server_boolean(std::string_view text) {
    if (text == "1" || iequals(text, "true")) return true;
    if (text == "0" || iequals(text, "false")) return false;
    return std::nullopt;
}

// One list item as the server reads it: as it is, or recognised as the list's value type.
template<class Item>
constexpr Item read_item(std::string_view text) {
    if constexpr (std::is_same_v<Item, std::string_view>)
        return text;
    else
        return Item::from_text(text);
}

constexpr error too_many_items(parameter p) {
    return {errc::capacity_exceeded, "more list items than DIDIT_SESSIONS_MAX_LIST_ITEMS",
            to_string(p)};
}

// Splits `text` into `items`, each read as the list's item type.
template<class T>
constexpr result<void> read_list(query_list<T>& items, parameter p, std::string_view text) {
    const bool fits = for_each_item(
        text, [&](std::string_view item) { return items.try_push_back(read_item<T>(item)); });
    if (!fits) return too_many_items(p);
    return {};
}

constexpr std::size_t edit_distance(std::string_view a, std::string_view b) {
    constexpr std::size_t longest = 40;
    if (a.size() > longest || b.size() > longest) return longest;
    std::array<std::size_t, longest + 1> row{};
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t replace =
                diagonal + (to_lower(a[i - 1]) == to_lower(b[j - 1]) ? 0 : 1);
            const std::size_t insert_or_delete = (above < row[j - 1] ? above : row[j - 1]) + 1;
            row[j] = insert_or_delete < replace ? insert_or_delete : replace;
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The parameter an unknown name was probably meant as, or empty.
constexpr std::string_view probable_parameter(std::string_view name) {
    // Names from other pagination styles, which the reference's prose also mentions.
    if (name == "page_size" || name == "per_page") return "limit";
    if (name == "page" || name == "cursor") return "offset";
    std::string_view best;
    std::size_t best_distance = 3; // at most two edits
    for (const auto candidate : wire_names<parameter>) {
        const std::size_t distance = edit_distance(name, candidate);
        if (distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

// Reads `text` (non-empty) as the value of `p` into `out`.
constexpr result<void> read_parameter(parsed_query& out, parameter p, std::string_view text) {
    query& q = out.value;
    const auto report = [&](finding what) { out.findings.add(make_diagnostic(what, p, text)); };
    switch (p) {
    case parameter::session_kind:
        for (std::size_t i = 0; i < enum_count<didit::session_kind>; ++i)
            if (iequals(text, wire_names<didit::session_kind>[i]))
                q.session_kind = static_cast<didit::session_kind>(i);
        if (!q.session_kind) report(finding::invalid_session_kind);
        return {};
    case parameter::limit:
    case parameter::offset: {
        const auto number = python_int(text);
        if (number)
            (p == parameter::limit ? q.limit : q.offset) = *number;
        else
            report(p == parameter::limit ? finding::limit_replaced : finding::offset_replaced);
        return {};
    }
    case parameter::date_from:
    case parameter::date_to: {
        const auto day = date::parse(strip(text));
        if (day)
            (p == parameter::date_from ? q.date_from : q.date_to) = day.value();
        else
            report(finding::invalid_date);
        return {};
    }
    case parameter::didit_internal_id:
    case parameter::euuid: {
        const auto stripped = strip(text);
        if (stripped.empty()) { // the form field strips first: no filter
            report(finding::empty_value);
            return {};
        }
        const auto id = uuid::parse(stripped);
        if (id)
            (p == parameter::euuid ? q.euuid : q.didit_internal_id) = id.value();
        else
            report(finding::invalid_uuid);
        return {};
    }
    case parameter::api_service:
        q.api_service = from_string<didit::api_service>(text);
        if (!q.api_service) report(finding::invalid_choice);
        return {};
    case parameter::status_initialized_as_in_review:
    case parameter::is_kyc_to_be_reviewed: {
        const auto flag = server_boolean(text);
        if (flag)
            (p == parameter::is_kyc_to_be_reviewed ? q.is_kyc_to_be_reviewed
                                                   : q.status_initialized_as_in_review) = *flag;
        else
            report(finding::boolean_ignored);
        return {};
    }
    case parameter::document_name:
        if (splits_document_names(count_name_separators(text)))
            return read_list(q.document_name, p, text);
        (void)q.document_name.try_push_back(text); // matched whole
        return {};
    default:
        return visit_parameter(q, p, [&](auto& member) -> result<void> {
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(member)>, std::string_view>) {
                member = text;
                return {};
            } else if constexpr (is_query_list<std::remove_cvref_t<decltype(member)>>) {
                return read_list(member, p, text);
            } else {
                return {}; // every other member type has its case above
            }
        });
    }
}

} // namespace detail

// Reads raw parameters as the server receives them (names and values percent-decoded). Like
// the server, it uses the last value of a repeated parameter and treats an empty value as
// absent. Fails only when a list holds more items than the configured capacity.
constexpr result<parsed_query> parse_query(std::span<const raw_parameter> raw) {
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::array<std::size_t, enum_count<parameter>> last{}, times{};
    last.fill(none);
    parsed_query out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (const auto p = from_string<parameter>(raw[i].name)) {
            last[static_cast<std::size_t>(*p)] = i;
            ++times[static_cast<std::size_t>(*p)];
            continue;
        }
        diagnostic d;
        d.what = finding::unknown_parameter;
        d.parameter = raw[i].name;
        d.hint = detail::probable_parameter(raw[i].name);
        out.findings.add(d);
    }
    for (std::size_t i = 0; i < last.size(); ++i) {
        if (last[i] == none) continue;
        const auto p = static_cast<parameter>(i);
        if (times[i] > 1)
            out.findings.add(
                detail::with_derived(detail::make_diagnostic(finding::repeated_parameter, p),
                                     static_cast<std::int64_t>(times[i])));
        const std::string_view text = raw[last[i]].value;
        if (text.empty() && p != parameter::session_kind) {
            out.findings.add(detail::make_diagnostic(finding::empty_value, p));
            continue;
        }
        if (const auto read = detail::read_parameter(out, p, text); !read) return read.error();
    }
    validate(out.value, out.findings);
    return out;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
