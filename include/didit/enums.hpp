#pragma once

// The closed sets of values the endpoint knows, with the exact text the server uses for each.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

// Which tables a listing reads: KYC (`user`), KYB (`business`) or both.
enum class session_kind : std::uint8_t { user, business, all };

// Session statuses; the server filters on their exact, case-sensitive display names.
enum class status : std::uint8_t {
    not_started,
    in_progress,
    approved,
    declined,
    in_review,
    expired,
    abandoned,
    kyc_expired,
    resubmitted,
    awaiting_user,
};

// ID-document types; the `document_type` filter takes their short codes.
enum class document_type : std::uint8_t {
    passport,
    identity_card,
    drivers_license,
    residence_permit,
    social_security_card,
    health_insurance_card,
    work_permit,
    tax_card,
    visa,
    public_service_card,
    birth_certificate,
    other,
};

// Standalone API services (`api_service` filter).
enum class api_service : std::uint8_t {
    id_verification,
    face_match,
    age_estimation,
    face_search,
    poa,
    aml,
    kyb_registry,
    passive_liveness,
    database_validation,
    phone_verification,
    email_verification,
};

// Session creation channels; `all` disables the `session_type` filter.
enum class session_type : std::uint8_t { all, api, hosted, migrated };

// Verification steps of a workflow, as a KYC row's `features` lists them.
enum class feature : std::uint8_t {
    id_verification,
    nfc,
    liveness,
    face_match,
    poa,
    questionnaire,
    email_verification,
    phone,
    aml,
    ip_analysis,
    age_estimation,
    database_validation,
};

// The state of one step of a session.
enum class feature_status : std::uint8_t {
    not_finished,
    approved,
    declined,
    in_review,
    resub_requested,
};

namespace detail {

// Called only when a name given to named<E>() is not one of E's: the compiler names it.
inline void not_a_name_of_this_enumeration() {}

template<class E>
inline constexpr bool has_wire_names = false;

template<class E>
inline constexpr std::array<std::string_view, 0> wire_names{};

#define DIDIT_WIRE_NAMES(E, ...)                                                                   \
    template<>                                                                                     \
    inline constexpr bool has_wire_names<E> = true;                                                \
    template<>                                                                                     \
    inline constexpr std::array wire_names<E> = std::to_array<std::string_view>(__VA_ARGS__)

DIDIT_WIRE_NAMES(session_kind, {"user", "business", "all"});
DIDIT_WIRE_NAMES(status, {"Not Started", "In Progress", "Approved", "Declined", "In Review",
                          "Expired", "Abandoned", "Kyc Expired", "Resubmitted", "Awaiting User"});
DIDIT_WIRE_NAMES(document_type,
                 {"P", "ID", "DL", "RP", "SSC", "HIC", "WP", "TC", "VISA", "PSC", "BC", "OTHER"});
DIDIT_WIRE_NAMES(api_service, {"ID_VERIFICATION", "FACE_MATCH", "AGE_ESTIMATION", "FACE_SEARCH",
                               "POA", "AML", "KYB_REGISTRY", "PASSIVE_LIVENESS",
                               "DATABASE_VALIDATION", "PHONE_VERIFICATION", "EMAIL_VERIFICATION"});
DIDIT_WIRE_NAMES(session_type, {"ALL", "API", "HOSTED", "MIGRATED"});
DIDIT_WIRE_NAMES(feature, {"ID_VERIFICATION", "NFC", "LIVENESS", "FACE_MATCH", "POA",
                           "QUESTIONNAIRE", "EMAIL_VERIFICATION", "PHONE", "AML", "IP_ANALYSIS",
                           "AGE_ESTIMATION", "DATABASE_VALIDATION"});
DIDIT_WIRE_NAMES(feature_status,
                 {"Not Finished", "Approved", "Declined", "In Review", "Resub Requested"});

#undef DIDIT_WIRE_NAMES

// What people call each document type; the server's responses use some of these names, and
// its filter matches none of them.
inline constexpr auto document_display_names = std::to_array<std::string_view>(
    {"Passport", "Identity Card", "Driver's License", "Residence Permit", "Social Security Card",
     "Health Insurance Card", "Work Permit", "Tax Card", "Visa", "Public Service Card",
     "Birth Certificate", "Other"});

} // namespace detail

// An enumeration with a fixed text for each value on the wire.
template<class E>
concept wire_enum = detail::has_wire_names<E>;

// Every value of E, in declaration order.
template<wire_enum E>
constexpr std::size_t enum_count = detail::wire_names<E>.size();

// The text the server uses for `value`.
template<wire_enum E>
constexpr std::string_view to_string(E value) {
    return detail::wire_names<E>[static_cast<std::size_t>(value)];
}

// The value whose text is exactly `text`, if any.
template<wire_enum E>
constexpr std::optional<E> from_string(std::string_view text) {
    for (std::size_t i = 0; i < enum_count<E>; ++i)
        if (detail::wire_names<E>[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

// The value named by a literal, checked at compile time:
// named<api_service>("AML") is api_service::aml, and named<api_service>("FOO") does not compile.
template<wire_enum E>
consteval E named(std::string_view literal) {
    const auto value = from_string<E>(literal);
    if (!value) detail::not_a_name_of_this_enumeration();
    return *value;
}

constexpr std::string_view display_name(document_type type) {
    return detail::document_display_names[static_cast<std::size_t>(type)];
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
