// Queries built from settings read at run time, as a device reads them from its storage: parsed
// with the library's run-time parsers, validated, encoded into a fixed buffer and compared with
// the URLs the server itself would write; a query the server rejects gives its 400 body.

#include <cstdint>
#include <span>
#include <string_view>

#include <didit/sessions.hpp>

#include "checks.hpp"
#include "fixed_text.hpp"
#include "groups.hpp"

// Writable and with external linkage, as a device's settings are: the compiler cannot take them
// for constants, so every parser below runs on the device.
namespace device::settings {
char status[] = "In Review";
char status_in_upper_case[] = "APPROVED";
char date_from[] = "06/01/2026"; // one of Django's input formats: month/day/year
char internal_id[] = "urn:uuid:D9E78474-6C8D-4F2A-BB90-6F5C2F3A1147";
char vendor_data[] = "device 7/\xCE\xB1"; // "device 7/α": a space, a slash and UTF-8
volatile std::int64_t limit = 20;

// Raw name=value pairs, as a configuration file or a console would give them.
char kind_all[] = "all";
char statuses[] = "Approved,Declined";
char limit_too_large[] = "500";
char date_to[] = "2026-06-30";
char passport_code[] = "P";
char misspelt_name[] = "stauts";

char kind_misspelt[] = "users";
char date_time[] = "2026-04-01T00:00:00Z";
char api_service_unknown[] = "FOO";
char euuid_malformed[] = "not-a-uuid";
} // namespace device::settings

namespace device {

namespace {

// The query encoded into a fixed buffer, as a device would send it, compared with `expected`.
void expect_url(std::string_view what, const didit::query& q, std::string_view expected) {
    char url[256];
    const auto size = didit::encode_url(q, url);
    expect_equal(what, size ? std::string_view(url, *size) : "(error)", expected);
}

// The diagnostic about `parameter`, or an empty one when there is none.
didit::diagnostic finding_about(const didit::diagnostics& findings, std::string_view parameter) {
    for (const didit::diagnostic& d : findings)
        if (d.parameter == parameter) return d;
    return {};
}

std::string_view date_text(const didit::result<didit::date>& day,
                           char (&text)[didit::date::text_size]) {
    if (!day) return "(error)";
    day->to_chars(text);
    return {text, sizeof text};
}

void typed_query_from_settings() {
    didit::query q{
        .session_kind = didit::session_kind::user,
        .limit = settings::limit,
        .vendor_data = text_of(settings::vendor_data),
    };
    const auto status = didit::lenient<didit::status>::from_text(text_of(settings::status));
    expect("`In Review` is a status the server recognises",
           status.recognised() && status.value() == didit::status::in_review);
    expect("the status fits in the query's list", q.status.try_push_back(status));

    const auto from = didit::date::parse(text_of(settings::date_from));
    char day[didit::date::text_size];
    expect_equal("06/01/2026 read as the server reads it", date_text(from, day), "2026-06-01");
    if (from) q.date_from = *from;

    const auto id = didit::uuid::parse(text_of(settings::internal_id));
    expect("an upper-case urn:uuid: id is a UUID", id.has_value());
    if (id) q.didit_internal_id = *id;

    const didit::diagnostics findings = didit::validate(q);
    expect_equal("warnings for a query the server takes as it is",
                 static_cast<std::int64_t>(findings.warning_count()), 0);
    expect("no errors in a typed query", !findings.has_errors());

    expect_url("the URL of a query built from settings", q,
               "https://verification.didit.me/v3/sessions/?date_from=2026-06-01"
               "&didit_internal_id=d9e78474-6c8d-4f2a-bb90-6f5c2f3a1147&limit=20"
               "&session_kind=user&status=In+Review&vendor_data=device+7%2F%CE%B1");

    char small[64];
    expect_equal("a buffer too small for the URL", didit::encode_url(q, small).code(),
                 didit::errc::buffer_too_small);
}

void status_in_the_wrong_case() {
    didit::query q{.session_kind = didit::session_kind::user};
    const auto status =
        didit::lenient<didit::status>::from_text(text_of(settings::status_in_upper_case));
    expect("`APPROVED` is kept as text, not recognised", !status.recognised());
    expect_equal("the text kept", status.recognised() ? "" : status.text(), "APPROVED");
    expect("the unrecognised status fits in the query's list", q.status.try_push_back(status));

    const didit::diagnostics findings = didit::validate(q);
    expect_equal("warnings for `APPROVED`", static_cast<std::int64_t>(findings.warning_count()), 1);
    fixed_text<160> message;
    didit::write_message(message, finding_about(findings, "status"));
    expect_equal("the warning for `APPROVED`", message.view(),
                 "`APPROVED` matches no session: statuses are case-sensitive display names; "
                 "use `Approved`");

    expect_url("an unrecognised status is still sent", q,
               "https://verification.didit.me/v3/sessions/?session_kind=user&status=APPROVED");
}

void raw_parameters_with_warnings() {
    const didit::raw_parameter raw[] = {
        {"session_kind", text_of(settings::kind_all)},
        {"status", text_of(settings::statuses)},
        {"limit", text_of(settings::limit_too_large)},
        {"date_to", text_of(settings::date_to)},
        {"document_type", text_of(settings::passport_code)},
        {text_of(settings::misspelt_name), text_of(settings::statuses)},
    };
    const didit::result<didit::parsed_query> parsed = didit::parse_query(raw);
    expect("raw parameters within the lists' capacity parse", parsed.has_value());
    if (!parsed) return;
    const didit::diagnostics& findings = parsed->findings;
    expect("the server accepts these parameters", parsed->ok());
    expect_equal("warnings for the raw parameters",
                 static_cast<std::int64_t>(findings.warning_count()), 4);
    expect("limit 500: clamped", findings.contains(didit::finding::limit_clamped, "limit"));
    expect("document_type on an `all` listing: KYC only",
           findings.contains(didit::finding::kyc_only_filter_on_all, "document_type"));
    expect("date_to on KYB rows: compared with midnight",
           findings.contains(didit::finding::date_to_midnight_on_kyb, "date_to"));
    expect("`stauts`: not a parameter",
           findings.contains(didit::finding::unknown_parameter, "stauts"));

    fixed_text<200> message;
    didit::write_message(message, finding_about(findings, "date_to"));
    expect_equal("the warning for date_to names the next day", message.view(),
                 "KYB rows are compared with created_at <= date_to at midnight, so business "
                 "sessions created during that day are left out; use `2026-07-01` to include "
                 "them");
    fixed_text<160> misspelt;
    didit::write_message(misspelt, finding_about(findings, "stauts"));
    expect_equal("the warning for `stauts`", misspelt.view(),
                 "not a parameter of this endpoint; the server ignores it (did you mean "
                 "`status`?)");

    expect_url("the URL of the raw parameters", parsed->value,
               "https://verification.didit.me/v3/sessions/?date_to=2026-06-30&document_type=P"
               "&limit=500&session_kind=all&status=Approved%2CDeclined");
}

void rejected_query() {
    const didit::raw_parameter raw[] = {
        {"session_kind", text_of(settings::kind_misspelt)},
        {"date_from", text_of(settings::date_time)},
        {"api_service", text_of(settings::api_service_unknown)},
        {"euuid", text_of(settings::euuid_malformed)},
    };
    const didit::result<didit::parsed_query> parsed = didit::parse_query(raw);
    expect("a rejected query still parses into findings", parsed.has_value());
    if (!parsed) return;
    expect("the server rejects it", !parsed->ok());
    expect_equal("errors, all reported together",
                 static_cast<std::int64_t>(parsed->findings.error_count()), 4);
    // Not error_body(), which returns a std::string: the same text into a fixed buffer.
    fixed_text<300> body;
    didit::write_error_body(body, parsed->findings);
    expect_equal("the server's 400 body", body.view(),
                 R"({"session_kind":"Must be \"user\", \"business\", or \"all\".",)"
                 R"("date_from":["Enter a valid date."],)"
                 R"("api_service":["Select a valid choice. FOO is not one of the available )"
                 R"(choices."],"euuid":["Enter a valid UUID."]})");
}

void dates_as_the_server_reads_them() {
    char day[didit::date::text_size];
    expect_equal("`Jun 1 2026`", date_text(didit::date::parse("Jun 1 2026"), day), "2026-06-01");
    expect_equal("`february 29, 2028`, in a leap year",
                 date_text(didit::date::parse("february 29, 2028"), day), "2028-02-29");
    expect_equal("2026-02-29 does not exist", didit::date::parse("2026-02-29").code(),
                 didit::errc::invalid_value);
    expect_equal("a date-time is not a date",
                 didit::date::parse(text_of(settings::date_time)).code(),
                 didit::errc::invalid_value);
}

} // namespace

void query_checks() {
    typed_query_from_settings();
    status_in_the_wrong_case();
    raw_parameters_with_warnings();
    rejected_query();
    dates_as_the_server_reads_them();
}

} // namespace device
