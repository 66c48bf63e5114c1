// Pages decoded row by row on the device, each typed value compared with what the page says:
// KYC and KYB rows, escaped names, timestamps with offsets, both shapes of `features`,
// `phone_number` and `email_address`, scores as sent, values the library does not know kept as
// text, and a row that fails to decode while the rows after it still decode.

#include <cstdint>
#include <string_view>

#include <didit/sessions.hpp>

#include "checks.hpp"
#include "fixed_text.hpp"
#include "groups.hpp"

namespace device {

// Writable, as a body just received would be. Line 21 holds the row that does not decode.
char received_page[] = R"({"count": 6, "next": null, "previous": null,
 "results": [
  {"session_id": "5b3720ed-d429-42ef-b67f-37ea805f48ee", "session_kind": "user",
   "session_number": 720, "status": "Approved", "document_type": "Passport",
   "full_name": "Jos\u00e9 Mar\u00eda Garc\u00eda", "country": "ESP",
   "created_at": "2026-06-09T14:26:54.328364+02:00",
   "features": [{"feature": "ID_VERIFICATION", "status": "Approved"},
                {"feature": "LIVENESS", "status": "In Review"},
                {"feature": "PALM_SCAN", "status": "Approved"}],
   "phone_number": {"number": "+34600111222", "is_verified": true},
   "email_address": {"email": "jose@example.com", "is_verified": false},
   "additional_details": {"liveness": {"method": "PASSIVE", "score": 0.98},
                          "face_match": {"score": 9.55e1}}},
  {"session_id": "038ad62f-5ebd-46c2-afe9-4b2956bf687f", "session_kind": "user",
   "session_number": 719, "status": "IN_REVIEW", "full_name": null,
   "created_at": "2026-06-09T08:02:23Z", "features": "ID_VERIFICATION, LIVENESS",
   "phone_number": "+14155550123", "email_address": "ana@example.com"},
  {"session_id": "...", "session_kind": "user", "session_number": 718,
   "status": "Awaiting Moderation", "created_at": "2026-06-08T23:59:59.999999Z"},
  {"session_id": "7c1fb1a4-1f0e-4d8a-9a55-0c6a1b9f3e21", "session_kind": "user",
   "session_number": "717", "status": "Declined", "created_at": "2026-06-08T10:00:00Z"},
  {"session_id": "9d0e4c2b-8f3a-4b6e-a1d2-5e7f9a0b1c3d", "session_kind": "business",
   "session_number": 88, "status": "Declined", "created_at": "2026-06-07T09:15:00.5Z",
   "workflow_id": "wf-legacy-7", "company_name": "Acme Robotics S.L.",
   "registration_number": "B12345678", "country": "ESP"},
  {"session_kind": "enterprise", "session_number": 1}]})";

namespace {

template<class E>
std::string_view name_of(const didit::decoded<E>& value) {
    return value.known() ? didit::to_string(value.value()) : value.raw().raw();
}

std::string_view timestamp_text(const didit::decoded<didit::timestamp>& at,
                                char (&text)[didit::timestamp::text_size]) {
    if (!at.known()) return "(unknown)";
    at.value().to_chars(text);
    return {text, sizeof text};
}

void first_kyc_row(const didit::kyc_row& kyc) {
    expect_equal("session_number", kyc.session_number, 720);
    expect_equal("status", name_of(kyc.status), "Approved");
    expect_equal("document_type, from its display name",
                 kyc.document_type ? name_of(*kyc.document_type) : "(none)", "P");
    char id[didit::uuid::text_size];
    if (kyc.session_id.known()) kyc.session_id.value().to_chars(id);
    expect_equal("session_id", kyc.session_id.known() ? std::string_view(id, sizeof id) : "",
                 "5b3720ed-d429-42ef-b67f-37ea805f48ee");

    expect("full_name is present", kyc.full_name.has_value());
    const didit::json::string name = kyc.full_name.value_or({});
    expect_equal("full_name as sent", name.raw(), R"(Jos\u00e9 Mar\u00eda Garc\u00eda)");
    expect_equal("full_name's decoded size", static_cast<std::int64_t>(name.decoded_size()), 20);
    char decoded[32];
    const auto size = name.unescape_to(decoded);
    expect_equal("full_name decoded to UTF-8", size ? std::string_view(decoded, *size) : "",
                 "José María García");
    expect("full_name compares with plain text", name == "José María García");

    char at[didit::timestamp::text_size];
    expect_equal("created_at, +02:00 read as UTC", timestamp_text(kyc.created_at, at),
                 "2026-06-09T12:26:54.328364Z");
    expect_equal("created_at in microseconds",
                 kyc.created_at.known() ? kyc.created_at.value().unix_micros() : 0,
                 1'781'008'014'328'364);
    expect_equal("created_at's day",
                 kyc.created_at.known() ? kyc.created_at.value().date().day() : 0, 9);

    const didit::feature_list features = kyc.features.value_or({});
    expect("features as an array", kyc.features.has_value() && !features.comma_separated());
    constexpr std::string_view names[] = {"ID_VERIFICATION", "LIVENESS", "PALM_SCAN"};
    constexpr std::string_view statuses[] = {"Approved", "In Review", "Approved"};
    std::int64_t count = 0;
    for (const didit::feature_check check : features) {
        if (count < 3) {
            expect_equal("a feature's name", name_of(check.feature), names[count]);
            expect_equal("a feature's status", check.status ? name_of(*check.status) : "(none)",
                         statuses[count]);
        }
        ++count;
    }
    expect_equal("features in the array", count, 3);

    const didit::phone_number phone = kyc.phone_number.value_or({});
    expect_equal("phone_number, object form", phone.number.raw(), "+34600111222");
    expect("phone_number is verified", phone.is_verified.value_or(false));
    const didit::email_address email = kyc.email_address.value_or({});
    expect_equal("email_address, object form", email.email.raw(), "jose@example.com");
    expect("email_address is not verified",
           email.is_verified.has_value() && !email.is_verified.value());

    const didit::additional_details details = kyc.additional_details.value_or({});
    const didit::liveness_details liveness = details.liveness.value_or({});
    expect_equal("liveness score as sent", liveness.score.value_or({}).raw(), "0.98");
    expect("liveness score converted to the double nearest 0.98",
           liveness.score.value_or({}).to_double() == 0.98);
    const didit::face_match_details face_match = details.face_match.value_or({});
    expect_equal("face_match score as sent", face_match.score.value_or({}).raw(), "9.55e1");
    expect("face_match score converted", face_match.score.value_or({}).to_double() == 95.5);
}

void second_kyc_row(const didit::kyc_row& kyc) {
    expect_equal("session_number", kyc.session_number, 719);
    expect_equal("status in upper case", name_of(kyc.status), "In Review");
    expect("full_name null, not absent", kyc.full_name.is_null());
    expect("document_type absent", kyc.document_type.is_absent());

    const didit::feature_list features = kyc.features.value_or({});
    expect("features as a comma-separated string", features.comma_separated());
    constexpr std::string_view names[] = {"ID_VERIFICATION", "LIVENESS"};
    std::int64_t count = 0;
    for (const didit::feature_check check : features) {
        if (count < 2)
            expect_equal("a listed feature's name", name_of(check.feature), names[count]);
        expect("a listed feature has no status", check.status.is_absent());
        ++count;
    }
    expect_equal("features in the string", count, 2);

    const didit::phone_number phone = kyc.phone_number.value_or({});
    expect_equal("phone_number, plain string", phone.number.raw(), "+14155550123");
    expect("a plain phone_number says nothing of verification", phone.is_verified.is_absent());
    const didit::email_address email = kyc.email_address.value_or({});
    expect_equal("email_address, plain string", email.email.raw(), "ana@example.com");
}

void row_with_unknown_values(const didit::kyc_row& kyc) {
    expect_equal("session_number", kyc.session_number, 718);
    expect("a status the library does not know", !kyc.status.known());
    expect_equal("the unknown status, kept", kyc.status.raw().raw(), "Awaiting Moderation");
    expect("a placeholder session_id", !kyc.session_id.known());
    expect_equal("the placeholder, kept", kyc.session_id.raw().raw(), "...");
    char at[didit::timestamp::text_size];
    expect_equal("the last microsecond of a day", timestamp_text(kyc.created_at, at),
                 "2026-06-08T23:59:59.999999Z");
}

// The row whose session_number is a string.
void row_that_does_not_decode(const didit::error& e) {
    expect_located(e, {didit::errc::wrong_type, "expected an integer", 21, 22, 1375,
                       "results[3].session_number"});
}

void kyb_row(const didit::kyb_row& kyb) {
    expect_equal("KYB session_number", kyb.session_number, 88);
    expect_equal("KYB status", name_of(kyb.status), "Declined");
    char at[didit::timestamp::text_size];
    expect_equal("KYB created_at, a fraction of one digit", timestamp_text(kyb.created_at, at),
                 "2026-06-07T09:15:00.500000Z");
    expect_equal("KYB created_at in microseconds",
                 kyb.created_at.known() ? kyb.created_at.value().unix_micros() : 0,
                 1'780'823'700'500'000);
    const auto workflow = kyb.workflow_id.value_or({});
    expect("a workflow_id that is not a UUID", kyb.workflow_id.has_value() && !workflow.known());
    expect_equal("the workflow_id, kept", workflow.raw().raw(), "wf-legacy-7");
    expect_equal("company_name", kyb.company_name.value_or({}).raw(), "Acme Robotics S.L.");
    expect_equal("registration_number", kyb.registration_number.value_or({}).raw(), "B12345678");
}

} // namespace

void row_checks() {
    const didit::result<didit::page> page = didit::parse_page(text_of(received_page));
    expect("the page decodes", page.has_value());
    if (!page) return;
    expect_equal("count", page->count, 6);
    expect("next is null", page->next.is_null());
    expect("previous is null", page->previous.is_null());

    std::int64_t index = 0, decoded = 0;
    for (const didit::result<didit::row> row : page->results) {
        if (row) ++decoded;
        switch (index++) {
        case 0:
            expect("row 0 is KYC", row && row->kind() == didit::row_kind::kyc);
            if (row && row->kind() == didit::row_kind::kyc) first_kyc_row(row->kyc());
            break;
        case 1:
            expect("row 1 is KYC", row && row->kind() == didit::row_kind::kyc);
            if (row && row->kind() == didit::row_kind::kyc) second_kyc_row(row->kyc());
            break;
        case 2:
            expect("row 2 is KYC", row && row->kind() == didit::row_kind::kyc);
            if (row && row->kind() == didit::row_kind::kyc) row_with_unknown_values(row->kyc());
            break;
        case 3:
            expect("row 3 does not decode", !row);
            if (!row) row_that_does_not_decode(row.error());
            break;
        case 4:
            expect("row 4 is KYB", row && row->kind() == didit::row_kind::kyb);
            if (row && row->kind() == didit::row_kind::kyb) kyb_row(row->kyb());
            break;
        case 5:
            expect("row 5 is of a kind the library does not know",
                   row && row->kind() == didit::row_kind::unknown);
            expect_equal("the unknown row, kept whole", row ? row->raw() : "",
                         R"({"session_kind": "enterprise", "session_number": 1})");
            break;
        }
    }
    expect_equal("rows on the page", index, 6);
    expect_equal("rows that decode, the failing one aside", decoded, 5);
}

} // namespace device
