#pragma once

// A KYC row's `additional_details`: compact extras of the features that produced any. Every
// member is optional, so each one tells absent, null and present apart.

#include <cstdint>

#include <didit/config.hpp>
#include <didit/json/number.hpp>
#include <didit/json/string.hpp>
#include <didit/json/value.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/schema.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

struct aml_screened_data {
    field<json::string> nationality;
    field<json::string> document_number;
    field<json::string> date_of_birth;
};

struct aml_details {
    field<std::int64_t> total_hits;
    field<json::string> entity_type;
    field<bool> is_adverse_media_fetched;
    field<aml_screened_data> screened_data;
};

struct database_validation_details {
    field<json::string> validation_type;
    field<json::string> match_type;
    field<json::string> identification_number;
};

struct poa_details {
    field<json::string> document_type;
    field<json::string> issuer;
    field<json::string> address;
    field<json::string> name_on_document;
};

struct liveness_details {
    field<json::string> method;
    field<json::number> score;
};

struct face_match_details {
    field<json::number> score;
    field<json::string> source_image;
    field<json::string> target_image;
};

struct phone_verification_details {
    field<json::string> country_code;
    field<bool> is_temporary;
    field<bool> is_ported;
    field<bool> is_blocked;
};

struct email_verification_details {
    field<bool> is_breached;
    field<bool> is_disposable;
    field<bool> is_undeliverable;
    field<bool> is_blocklisted;
};

struct additional_details {
    field<aml_details> aml;
    field<database_validation_details> database_validation;
    field<poa_details> poa;
    field<liveness_details> liveness;
    field<face_match_details> face_match;
    field<phone_verification_details> phone_verification;
    field<email_verification_details> email_verification;
};

namespace detail {

template<>
inline constexpr auto schema_of<aml_screened_data> =
    make_item_list(member("nationality", &aml_screened_data::nationality),
                   member("document_number", &aml_screened_data::document_number),
                   member("date_of_birth", &aml_screened_data::date_of_birth));

template<>
inline constexpr auto schema_of<aml_details> =
    make_item_list(member("total_hits", &aml_details::total_hits),
                   member("entity_type", &aml_details::entity_type),
                   member("is_adverse_media_fetched", &aml_details::is_adverse_media_fetched),
                   member("screened_data", &aml_details::screened_data));

template<>
inline constexpr auto schema_of<database_validation_details> = make_item_list(
    member("validation_type", &database_validation_details::validation_type),
    member("match_type", &database_validation_details::match_type),
    member("identification_number", &database_validation_details::identification_number));

template<>
inline constexpr auto schema_of<poa_details> =
    make_item_list(member("document_type", &poa_details::document_type),
                   member("issuer", &poa_details::issuer), member("address", &poa_details::address),
                   member("name_on_document", &poa_details::name_on_document));

template<>
inline constexpr auto
    schema_of<liveness_details> = make_item_list(member("method", &liveness_details::method),
                                                 member("score", &liveness_details::score));

template<>
inline constexpr auto schema_of<face_match_details> =
    make_item_list(member("score", &face_match_details::score),
                   member("source_image", &face_match_details::source_image),
                   member("target_image", &face_match_details::target_image));

template<>
inline constexpr auto schema_of<phone_verification_details> =
    make_item_list(member("country_code", &phone_verification_details::country_code),
                   member("is_temporary", &phone_verification_details::is_temporary),
                   member("is_ported", &phone_verification_details::is_ported),
                   member("is_blocked", &phone_verification_details::is_blocked));

template<>
inline constexpr auto schema_of<email_verification_details> =
    make_item_list(member("is_breached", &email_verification_details::is_breached),
                   member("is_disposable", &email_verification_details::is_disposable),
                   member("is_undeliverable", &email_verification_details::is_undeliverable),
                   member("is_blocklisted", &email_verification_details::is_blocklisted));

template<>
inline constexpr auto schema_of<additional_details> = make_item_list(
    member("aml", &additional_details::aml),
    member("database_validation", &additional_details::database_validation),
    member("poa", &additional_details::poa), member("liveness", &additional_details::liveness),
    member("face_match", &additional_details::face_match),
    member("phone_verification", &additional_details::phone_verification),
    member("email_verification", &additional_details::email_verification));

} // namespace detail

} // namespace didit::inline DIDIT_SESSIONS_ABI
