#pragma once

// Diagnostics as text: a sentence per finding for people, and the server's 400 body for the
// errors, byte for byte as the server writes it.

#include <cstddef>
#include <string>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/json_escaper.hpp>
#include <didit/detail/writer.hpp>
#include <didit/enums.hpp>
#include <didit/query/diagnostics.hpp>
#include <didit/query/parameter.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {

template<text_sink Sink>
constexpr void append_all(Sink&) {}

// Appends each part: string views as they are, quoted(...) parts between backticks.
struct quoted {
    std::string_view text;
};

template<text_sink Sink, class... Parts>
constexpr void append_all(Sink& out, std::string_view first, Parts... rest) {
    out.append(first);
    append_all(out, rest...);
}

template<text_sink Sink, class... Parts>
constexpr void append_all(Sink& out, quoted first, Parts... rest) {
    append_quoted(out, first.text);
    append_all(out, rest...);
}

// What the server does when the parameter named `name` has no value.
constexpr std::string_view without_a_value(std::string_view name) {
    if (name == to_string(parameter::limit)) return "uses the default, 50";
    if (name == to_string(parameter::offset)) return "uses 0";
    return "applies no filter";
}

// "; use `hint`" when there is a hint.
template<text_sink Sink>
constexpr void append_use(Sink& out, std::string_view hint) {
    if (!hint.empty()) append_all(out, "; use ", quoted{hint});
}

} // namespace detail

// The server's message for an error, or what the server will do for a warning, as a sentence
// about the diagnostic's parameter.
template<detail::text_sink Sink>
constexpr void write_message(Sink& out, const diagnostic& d) {
    using detail::append_all;
    using detail::quoted;
    const quoted value{d.subject()};
    switch (d.what) {
    case finding::invalid_session_kind:
        append_all(out, R"(Must be "user", "business", or "all".)");
        break;
    case finding::invalid_date:
        append_all(out, "Enter a valid date.");
        break;
    case finding::invalid_uuid:
        append_all(out, "Enter a valid UUID.");
        break;
    case finding::invalid_choice:
        append_all(out, "Select a valid choice. ", d.value,
                   " is not one of the available choices.");
        break;
    case finding::unknown_parameter:
        append_all(out, "not a parameter of this endpoint; the server ignores it");
        if (!d.hint.empty()) append_all(out, " (did you mean ", quoted{d.hint}, "?)");
        break;
    case finding::repeated_parameter:
        append_all(out, "given ", d.derived(), " times; the server uses only the last value");
        break;
    case finding::empty_value:
        if (d.value.empty())
            append_all(out, "empty; the server ", detail::without_a_value(d.parameter));
        else
            append_all(out, value, " is only blanks, which the server strips; it ",
                       detail::without_a_value(d.parameter));
        break;
    case finding::unrecognised_status:
        append_all(out, value, " matches no session: statuses are case-sensitive display names");
        detail::append_use(out, d.hint);
        break;
    case finding::unrecognised_document_type:
        append_all(out, value, " is not a document type code and matches no session");
        detail::append_use(out, d.hint);
        break;
    case finding::document_display_name:
        append_all(out, value, " is a display name and matches no session: the filter takes codes");
        detail::append_use(out, d.hint);
        break;
    case finding::unrecognised_session_type:
        append_all(out, value, " is not API, HOSTED, MIGRATED or ALL and matches no session");
        detail::append_use(out, d.hint);
        break;
    case finding::workflow_id_dropped:
        append_all(out, value, " is not a UUID; the server drops it from the list");
        break;
    case finding::no_valid_workflow_id:
        append_all(out, "no item is a valid UUID; the server returns no sessions");
        break;
    case finding::boolean_ignored:
        append_all(out, value, " is not true, false, 1 or 0; the server ignores the filter");
        break;
    case finding::limit_replaced:
        append_all(out, value, " is not a positive integer; the server uses the default, 50");
        break;
    case finding::limit_clamped:
        append_all(out, value, " is above the maximum; the server uses 100");
        break;
    case finding::offset_replaced:
        append_all(out, value, " is not a non-negative integer; the server uses 0");
        break;
    case finding::kyc_only_filter_on_business:
        append_all(out,
                   "applies to KYC sessions only; the server ignores it for business sessions");
        break;
    case finding::kyc_only_filter_on_all:
        append_all(out, "applies to KYC sessions only; the KYB rows of an `all` listing are not "
                        "filtered by it");
        break;
    case finding::date_to_midnight_on_kyb:
        append_all(out,
                   "KYB rows are compared with created_at <= date_to at midnight, so business "
                   "sessions created during that day are left out; use ",
                   quoted{d.derived()}, " to include them");
        break;
    case finding::empty_date_range:
        append_all(out, value, " is after date_to; the server returns no sessions");
        break;
    case finding::registration_number_separators:
        append_all(out, "KYB search matches registration numbers without separators; if ", value,
                   " is one, it finds nothing");
        detail::append_use(out, d.derived());
        break;
    case finding::document_name_split_at_comma:
        append_all(out, value,
                   " contains a comma and the server splits this value at every comma, "
                   "so the name matches nothing");
        break;
    case finding::document_name_not_split:
        append_all(out, "the server splits at commas only when the value holds more than one ",
                   quoted{" - "}, ", so these ", d.derived(), " names are matched as one");
        break;
    case finding::list_item_split_at_comma:
        append_all(out, value,
                   " contains a comma and the server splits the list at every comma, "
                   "so it reads this item as several");
        break;
    }
}

// The server's 400 body for the errors in `findings`: a compact JSON object keyed by parameter
// in the reference's parameter order, each value a list of messages (`session_kind`'s is a
// plain string). Writes "{}" when there are no errors.
template<detail::text_sink Sink>
constexpr void write_error_body(Sink& out, const diagnostics& findings) {
    out.append("{");
    bool first = true;
    for (std::size_t i = 0; i < enum_count<parameter>; ++i) {
        const auto name = to_string(static_cast<parameter>(i));
        for (const auto& d : findings) {
            if (d.level() != severity::error || d.parameter != name) continue;
            out.append(first ? "" : ",");
            const bool listed = d.what != finding::invalid_session_kind;
            detail::append_all(out, "\"", name, listed ? "\":[\"" : "\":\"");
            detail::json_escaper<Sink> escaped(out);
            write_message(escaped, d);
            out.append(listed ? "\"]" : "\"");
            first = false;
        }
    }
    out.append("}");
}

inline std::string message(const diagnostic& d) {
    return detail::written([&](auto& out) { write_message(out, d); });
}

// `text` as messages quote the text they are given: between backticks, with control bytes
// shown as \xNN, so that it stays on one line.
inline std::string quote(std::string_view text) {
    return detail::written([&](auto& out) { detail::append_quoted(out, text); });
}

inline std::string error_body(const diagnostics& findings) {
    return detail::written([&](auto& out) { write_error_body(out, findings); });
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
