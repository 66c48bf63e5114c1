#pragma once

// Realistic sessions for the emulator, the same for the same seed: session numbers counting up
// with creation time, a few workflows, names with accents, statuses and features as live
// accounts show them, and nulls where a session has not reached a step yet.

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <didit/config.hpp>
#include <didit/enums.hpp>
#include <didit/testing/sessions.hpp>
#include <didit/timestamp.hpp>
#include <didit/uuid.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::testing {

class session_generator {
public:
    explicit session_generator(std::uint64_t seed)
        : random_(seed) {}

    std::vector<kyc_session> kyc(std::size_t count) {
        std::vector<kyc_session> sessions;
        auto at = start_micros;
        for (std::size_t i = 1; i <= count; ++i) {
            at += gap();
            kyc_session s;
            s.session_id = id();
            s.session_number = static_cast<std::int64_t>(i);
            s.session_url = "https://verify.didit.me/session/" + token();
            s.status = pick(statuses);
            s.created_at = timestamp::from_unix_micros(at).value();
            s.workflow_id = workflows[static_cast<std::size_t>(random_() % workflows.size())];
            s.vendor_data =
                chance(90) ? std::optional<std::string>("user-" + std::to_string(random_() % 500))
                           : std::nullopt;
            if (s.status != status::not_started) {
                s.full_name = std::string(pick(first_names)) + " " + std::string(pick(last_names));
                s.country = std::string(pick(countries));
                s.document_type = pick(document_types);
                s.portrait_image = "https://media.example/portraits/" + token() + ".jpg";
                s.didit_internal_id = id();
            }
            if (chance(60))
                s.phone_number = "+34" + std::to_string(600'000'000 + random_() % 99'999'999);
            if (chance(60)) s.email_address = "user" + std::to_string(i) + "@example.com";
            if (s.document_type) {
                s.document_name = std::string(pick(document_names));
                s.document_number = "X" + std::to_string(1'000'000 + random_() % 8'999'999);
                if (chance(50))
                    s.personal_number = std::to_string(10'000'000 + random_() % 89'999'999) + "Z";
                if (chance(30)) s.region = std::string(pick(regions));
            }
            s.session_type = pick(session_types);
            if (chance(20)) s.api_service = pick(api_services);
            if (s.full_name && chance(50)) s.aml_screened_name = s.full_name;
            if (s.full_name && chance(30)) s.database_validation_screened_name = s.full_name;
            if (chance(25)) s.warnings.emplace_back(pick(warning_codes));
            s.initialized_in_review = chance(15);
            if (chance(70)) s.kyc_to_be_reviewed = chance(30);
            s.euuid = id();
            for (const auto f : {feature::id_verification, feature::liveness, feature::face_match})
                s.features.emplace_back(f, s.status == status::approved ? feature_status::approved
                                                                        : pick(feature_statuses));
            sessions.push_back(std::move(s));
        }
        return sessions;
    }

    std::vector<kyb_session> kyb(std::size_t count) {
        std::vector<kyb_session> sessions;
        auto at = start_micros;
        for (std::size_t i = 1; i <= count; ++i) {
            at += gap();
            kyb_session s;
            s.session_id = id();
            s.session_number = static_cast<std::int64_t>(i);
            s.status = pick(statuses);
            s.created_at = timestamp::from_unix_micros(at).value();
            s.workflow_id = workflows[static_cast<std::size_t>(random_() % workflows.size())];
            s.workflow_label = "Standard KYB";
            s.vendor_data = "biz-" + std::to_string(random_() % 300);
            if (chance(85)) {
                s.company_name =
                    std::string(pick(company_words)) + " " + std::string(pick(company_kinds));
                s.registration_number = "B" + std::to_string(10'000'000 + random_() % 89'999'999);
                s.country = std::string(pick(company_countries));
            }
            if (chance(25)) s.warnings.emplace_back(pick(warning_codes));
            sessions.push_back(std::move(s));
        }
        return sessions;
    }

    // A session created after all others, as a live account adds them.
    kyc_session next_kyc(std::int64_t number, timestamp after) {
        return later(kyc(1).front(), number, after);
    }
    kyb_session next_kyb(std::int64_t number, timestamp after) {
        return later(kyb(1).front(), number, after);
    }

private:
    template<class Session>
    Session later(Session s, std::int64_t number, timestamp after) {
        s.session_number = number;
        s.created_at = timestamp::from_unix_micros(after.unix_micros() + gap()).value();
        return s;
    }

    static constexpr std::int64_t start_micros = 1'767'225'600'000'000; // 2026-01-01T00:00:00Z
    static constexpr std::array workflows{uuid("9f9b1234-aaaa-4bbb-8ccc-1234567890ab"),
                                          uuid("0f8fad5b-d9cb-469f-a165-70867728950e"),
                                          uuid("7c9e6679-7425-40de-944b-e07fc1f90ae7")};
    static constexpr std::array statuses{
        status::approved,    status::approved,    status::declined, status::in_review,
        status::in_progress, status::not_started, status::expired,  status::abandoned};
    static constexpr std::array feature_statuses{feature_status::not_finished,
                                                 feature_status::approved, feature_status::declined,
                                                 feature_status::in_review};
    static constexpr std::array document_types{
        document_type::passport, document_type::identity_card, document_type::drivers_license,
        document_type::residence_permit};
    static constexpr std::array<std::string_view, 6> first_names{"Jane",   "José",   "Zoë",
                                                                 "Amelie", "Łukasz", "Mía"};
    static constexpr std::array<std::string_view, 6> last_names{"Doe",   "García",   "Müller",
                                                                "Øster", "Nakamura", "O'Brien"};
    static constexpr std::array<std::string_view, 5> countries{"ESP", "GBR", "DEU", "USA", "FRA"};
    static constexpr std::array<std::string_view, 4> company_words{"Acme", "Globex", "Initech",
                                                                   "Hooli"};
    static constexpr std::array<std::string_view, 3> company_kinds{"S.L.", "Ltd", "GmbH"};
    static constexpr std::array<std::string_view, 3> company_countries{"ES", "GB", "DE"};
    static constexpr std::array<std::string_view, 4> document_names{
        "Spain - Id Card (2021)", "United Kingdom - Passport (2020)", "Germany - Id Card, Type B",
        "USA - California - Driving License"};
    static constexpr std::array<std::string_view, 3> regions{"California", "Texas", "Ontario"};
    static constexpr std::array session_types{session_type::api, session_type::hosted,
                                              session_type::migrated};
    static constexpr std::array api_services{api_service::aml, api_service::database_validation,
                                             api_service::face_match};
    static constexpr std::array<std::string_view, 3> warning_codes{
        "POSSIBLE_FRAUD", "DOCUMENT_EXPIRED", "LOW_LIVENESS_SCORE"};

    bool chance(int percent) { return static_cast<int>(random_() % 100) < percent; }

    template<class Array>
    typename Array::value_type pick(const Array& options) {
        return options[static_cast<std::size_t>(random_() % options.size())];
    }

    // Between a minute and four hours between two sessions, to the microsecond: a few thousand
    // sessions span some months of 2026.
    std::int64_t gap() {
        return 60'000'000 + static_cast<std::int64_t>(random_() % 14'400'000'000ULL);
    }

    uuid id() {
        std::array<std::uint8_t, 16> bytes{};
        for (auto& b : bytes)
            b = static_cast<std::uint8_t>(random_());
        bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return uuid::from_bytes(bytes);
    }

    std::string token() {
        std::string out;
        for (int i = 0; i < 12; ++i)
            out += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[random_() % 62];
        return out;
    }

    std::mt19937_64 random_;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI::testing
