#pragma once

// What validation finds in a query: errors, which the server rejects with 400, and warnings,
// which say what the server will silently do instead of what was probably meant.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/date.hpp>
#include <didit/detail/writer.hpp>
#include <didit/fixed_list.hpp>
#include <didit/query/parameter.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

enum class severity : std::uint8_t { error, warning };

enum class finding : std::uint8_t {
    // Errors: the server answers 400 with a message for the parameter.
    invalid_session_kind,
    invalid_date,
    invalid_uuid,
    invalid_choice,
    // Warnings.
    unknown_parameter,
    repeated_parameter,
    empty_value,
    unrecognised_status,
    unrecognised_document_type,
    document_display_name,
    unrecognised_session_type,
    workflow_id_dropped,
    no_valid_workflow_id,
    boolean_ignored,
    limit_replaced,
    limit_clamped,
    offset_replaced,
    kyc_only_filter_on_business,
    kyc_only_filter_on_all,
    date_to_midnight_on_kyb,
    empty_date_range,
    registration_number_separators,
    document_name_split_at_comma,
    document_name_not_split,
    list_item_split_at_comma,
};

// How many findings there are. A new finding goes last, and this names it.
inline constexpr std::size_t finding_count =
    static_cast<std::size_t>(finding::list_item_split_at_comma) + 1;

// Every finding is listed, so that a new one does not compile until it is given a severity.
constexpr severity severity_of(finding f) {
    switch (f) {
    case finding::invalid_session_kind:
    case finding::invalid_date:
    case finding::invalid_uuid:
    case finding::invalid_choice:
        return severity::error;
    case finding::unknown_parameter:
    case finding::repeated_parameter:
    case finding::empty_value:
    case finding::unrecognised_status:
    case finding::unrecognised_document_type:
    case finding::document_display_name:
    case finding::unrecognised_session_type:
    case finding::workflow_id_dropped:
    case finding::no_valid_workflow_id:
    case finding::boolean_ignored:
    case finding::limit_replaced:
    case finding::limit_clamped:
    case finding::offset_replaced:
    case finding::kyc_only_filter_on_business:
    case finding::kyc_only_filter_on_all:
    case finding::date_to_midnight_on_kyb:
    case finding::empty_date_range:
    case finding::registration_number_separators:
    case finding::document_name_split_at_comma:
    case finding::document_name_not_split:
    case finding::list_item_split_at_comma:
        return severity::warning;
    }
    return severity::error; // unreachable for valid enumerators
}

struct diagnostic {
    finding what{};
    std::string_view parameter; // the parameter's name as given
    std::string_view value;     // the offending text, borrowed from the query or its source
    std::string_view hint;      // static text: the value probably meant
    std::array<char, 24> derived_text{}; // a date, number or text the library worked out
    std::uint8_t derived_size = 0;

    constexpr severity level() const { return severity_of(what); }
    constexpr std::string_view derived() const { return {derived_text.data(), derived_size}; }
    // The value the message is about: as given, or as derived from a typed query.
    constexpr std::string_view subject() const { return value.empty() ? derived() : value; }

    friend constexpr bool operator==(const diagnostic&, const diagnostic&) = default;
};

namespace detail {

constexpr diagnostic make_diagnostic(finding what, parameter p, std::string_view value = {},
                                     std::string_view hint = {}) {
    diagnostic d;
    d.what = what;
    d.parameter = to_string(p);
    d.value = value;
    d.hint = hint;
    return d;
}

// `d` with `text` as its derived text, or without one when the text does not fit.
constexpr diagnostic with_derived(diagnostic d, std::string_view text) {
    if (text.size() > d.derived_text.size()) return d;
    text.copy(d.derived_text.data(), text.size());
    d.derived_size = static_cast<std::uint8_t>(text.size());
    return d;
}

constexpr diagnostic with_derived(diagnostic d, std::int64_t number) {
    span_writer out(d.derived_text);
    append_decimal(out, number);
    d.derived_size = static_cast<std::uint8_t>(out.size());
    return d;
}

constexpr diagnostic with_derived(diagnostic d, const date& day) {
    char text[date::text_size];
    day.to_chars(text);
    return with_derived(d, std::string_view(text, date::text_size));
}

} // namespace detail

// A bounded set of diagnostics. Errors always fit (one per typed parameter at most); warnings
// that arrive when only room for errors is left are counted in dropped_warnings().
class diagnostics {
public:
    constexpr void add(const diagnostic& d) {
        const std::size_t room = items_.capacity() - items_.size();
        if (d.level() == severity::warning && room <= error_reserve) {
            ++dropped_warnings_;
            return;
        }
        if (d.level() == severity::error) ++errors_;
        (void)items_.try_push_back(d);
    }

    constexpr bool has_errors() const { return errors_ != 0; }
    constexpr std::size_t error_count() const { return errors_; }
    constexpr std::size_t warning_count() const {
        return items_.size() - errors_ + dropped_warnings_;
    }
    constexpr std::size_t dropped_warnings() const { return dropped_warnings_; }
    constexpr bool empty() const { return items_.empty() && dropped_warnings_ == 0; }
    constexpr std::size_t size() const { return items_.size(); }
    constexpr const diagnostic& operator[](std::size_t i) const { return items_[i]; }
    constexpr const diagnostic* begin() const { return items_.begin(); }
    constexpr const diagnostic* end() const { return items_.end(); }

    // Whether a diagnostic of kind `f` about `parameter_name` is present.
    constexpr bool contains(finding f, std::string_view parameter_name) const {
        for (const auto& d : items_)
            if (d.what == f && d.parameter == parameter_name) return true;
        return false;
    }

private:
    static constexpr std::size_t error_reserve = 8; // more than the parameters that can fail

    fixed_list<diagnostic, max_diagnostics> items_;
    std::size_t errors_ = 0;
    std::size_t dropped_warnings_ = 0;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
