// Pages, rows and error bodies: the reference's examples, every way a page can be wrong, and
// random pages that decode to the values they were generated from.

#include <cstring>
#include <memory>
#include <memory_resource>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <didit/rows.hpp>

#include <catch2/catch.hpp>

#include "page_generator.hpp"

namespace {

using didit::errc;
using didit::row_kind;
namespace json = didit::json;

std::string text(json::string s) {
    return s.to_string();
}

// The rows of a page that must decode.
std::vector<didit::row> rows_of(const didit::page& page) {
    std::vector<didit::row> rows;
    for (const auto r : page.results) {
        INFO(r.error().message << " at " << r.error().path.view());
        REQUIRE(r.has_value());
        rows.push_back(*r);
    }
    return rows;
}

// The first row's failure.
didit::error row_failure(std::string_view body) {
    const auto page = didit::parse_page(body);
    REQUIRE(page.has_value());
    const auto first = *page->results.begin();
    REQUIRE_FALSE(first.has_value());
    return first.error();
}

didit::error page_failure(std::string_view body) {
    const auto page = didit::parse_page(body);
    REQUIRE_FALSE(page.has_value());
    return page.error();
}

std::string page_with(std::string_view row) {
    return R"({"count": 1, "next": null, "previous": null, "results": [)" + std::string(row) + "]}";
}

// The KYC example of the reference's OpenAPI block, as JSON.
constexpr std::string_view openapi_kyc_page = R"({
  "count": 2, "next": null, "previous": null,
  "results": [
    {"session_id": "5b3720ed-d429-42ef-b67f-37ea805f48ee", "session_kind": "user",
     "session_number": 720, "session_url": "https://verify.didit.me/session/CuXoBYCYVO5Y",
     "portrait_image": "https://<media-host>/portraits/5b3720ed.jpg?X-Amz-Expires=3600&X-Amz-Signature=...",
     "document_type": "Passport", "full_name": "Jane Marie Doe", "country": "ESP",
     "status": "Approved", "vendor_data": "your-user-id-123",
     "didit_internal_id": "d9e78474-6c8d-4f2a-bb90-6f5c2f3a1147",
     "created_at": "2026-06-09T12:26:54.328364Z",
     "features": [{"feature": "ID_VERIFICATION", "status": "Approved"},
                  {"feature": "LIVENESS", "status": "Approved"},
                  {"feature": "FACE_MATCH", "status": "Approved"},
                  {"feature": "AML", "status": "Approved"},
                  {"feature": "IP_ANALYSIS", "status": "Approved"}],
     "phone_number": {"number": "+14155552671", "is_verified": true},
     "email_address": {"email": "jane@example.com", "is_verified": true},
     "additional_details": {"aml": {"total_hits": 0, "entity_type": "person",
                                    "is_adverse_media_fetched": false},
                            "liveness": {"method": "PASSIVE", "score": 0.98},
                            "face_match": {"score": 0.95}}},
    {"session_id": "038ad62f-5ebd-46c2-afe9-4b2956bf687f", "session_kind": "user",
     "session_number": 719, "session_url": "https://verify.didit.me/session/7RGKiO6ioGH6",
     "portrait_image": null, "document_type": null, "full_name": null, "country": null,
     "status": "Not Started", "vendor_data": "your-user-id-124",
     "didit_internal_id": "eb4e679d-ca4b-461f-9685-687bac29ebdb",
     "created_at": "2026-06-09T08:02:23.343053Z",
     "features": [{"feature": "ID_VERIFICATION", "status": "Not Finished"}],
     "phone_number": null, "email_address": null, "additional_details": null}]})";

// The prose examples: a KYC row with placeholders, a features string, a plain phone and email,
// an upper-case status; a KYB row with a workflow id that is not a UUID.
constexpr std::string_view prose_kyc_page = R"({
  "count": 3, "next": null, "previous": null,
  "results": [{"session_id": "...", "session_kind": "user", "session_number": 1024,
               "session_url": "...", "portrait_image": "...", "document_type": "Passport",
               "full_name": "John Doe", "country": "GBR", "status": "APPROVED",
               "vendor_data": "user-42", "didit_internal_id": "...",
               "created_at": "2026-04-10T09:00:00Z",
               "features": "ID_VERIFICATION,LIVENESS,FACE_MATCH,AML",
               "phone_number": "+14155550123", "email_address": "jane@example.com",
               "additional_details": null}]})";

constexpr std::string_view prose_kyb_page = R"({
  "count": 1, "next": null, "previous": null,
  "results": [{"session_id": "...", "session_kind": "business", "session_number": 89,
               "status": "APPROVED", "vendor_data": "biz-acme-001",
               "created_at": "2026-04-01T09:00:00Z", "workflow_id": "wf_kyb_standard",
               "workflow_type": "business", "workflow_label": "Standard KYB",
               "company_name": "Acme Corporation Limited", "registration_number": "12345678",
               "country": "GBR"}]})";

// Whether parse_page takes a `Text`.
template<class Text>
concept parses_as_page = requires(Text&& text) {
    didit::parse_page(std::forward<Text>(text));
};

// Whether parse_page refuses a `Text` as a temporary that owns its characters, which the page's
// views would outlive. (The compile-failure tests check that such a call does not compile, and
// what the compiler's first error says.)
template<class Text>
constexpr bool refused_as_temporary = didit::detail::temporary_string<Text>;

} // namespace

TEST_CASE("parse_page refuses, at compile time, a temporary that owns its text", "[rows]") {
    STATIC_REQUIRE(refused_as_temporary<std::string>);
    STATIC_REQUIRE(refused_as_temporary<const std::string>);
    STATIC_REQUIRE(refused_as_temporary<std::pmr::string>);
    STATIC_REQUIRE(refused_as_temporary<std::vector<char>>);
    STATIC_REQUIRE_FALSE(refused_as_temporary<std::string&>);
    STATIC_REQUIRE_FALSE(refused_as_temporary<const std::string&>);
    STATIC_REQUIRE_FALSE(refused_as_temporary<std::string_view>);
    STATIC_REQUIRE_FALSE(refused_as_temporary<const char(&)[3]>);
    STATIC_REQUIRE_FALSE(refused_as_temporary<const char*>);
    STATIC_REQUIRE(parses_as_page<std::string&>);
    STATIC_REQUIRE(parses_as_page<const std::string&>);
    STATIC_REQUIRE(parses_as_page<std::string_view>);
    STATIC_REQUIRE(parses_as_page<const char(&)[3]>);
    STATIC_REQUIRE(parses_as_page<const char*>);
}

TEST_CASE("the reference's OpenAPI KYC example decodes field by field", "[rows]") {
    const auto page = didit::parse_page(openapi_kyc_page);
    REQUIRE(page.has_value());
    CHECK(page->count == 2);
    CHECK(page->next.is_null());
    CHECK(page->previous.is_null());
    const auto rows = rows_of(*page);
    REQUIRE(rows.size() == 2);

    REQUIRE(rows[0].kind() == row_kind::kyc);
    const auto& kyc = rows[0].kyc();
    CHECK(kyc.session_id == didit::uuid("5b3720ed-d429-42ef-b67f-37ea805f48ee"));
    CHECK(kyc.session_number == 720);
    CHECK(text(*kyc.session_url) == "https://verify.didit.me/session/CuXoBYCYVO5Y");
    CHECK(*kyc.document_type == didit::document_type::passport);
    CHECK(text(*kyc.full_name) == "Jane Marie Doe");
    CHECK(text(*kyc.country) == "ESP");
    CHECK(kyc.status == didit::status::approved);
    CHECK(text(*kyc.vendor_data) == "your-user-id-123");
    CHECK(*kyc.didit_internal_id == didit::uuid("d9e78474-6c8d-4f2a-bb90-6f5c2f3a1147"));
    CHECK(kyc.created_at.value().unix_micros() == 1'781'008'014'328'364);
    std::vector<didit::feature> features;
    for (const auto check : *kyc.features) {
        features.push_back(check.feature.value());
        CHECK(*check.status == didit::feature_status::approved);
    }
    CHECK(features == std::vector{didit::feature::id_verification, didit::feature::liveness,
                                  didit::feature::face_match, didit::feature::aml,
                                  didit::feature::ip_analysis});
    CHECK(text(kyc.phone_number->number) == "+14155552671");
    CHECK(*kyc.phone_number->is_verified);
    CHECK(text(kyc.email_address->email) == "jane@example.com");
    const auto& details = *kyc.additional_details;
    CHECK(*details.aml->total_hits == 0);
    CHECK(text(*details.aml->entity_type) == "person");
    CHECK_FALSE(*details.aml->is_adverse_media_fetched);
    CHECK(details.aml->screened_data.is_absent());
    CHECK(text(*details.liveness->method) == "PASSIVE");
    CHECK(details.liveness->score->raw() == "0.98");
    CHECK(details.liveness->score->to_double() == 0.98);
    CHECK(details.face_match->score->to_double() == 0.95);
    CHECK(details.face_match->source_image.is_absent());
    CHECK(details.poa.is_absent());

    const auto& fresh = rows[1].kyc();
    CHECK(fresh.portrait_image.is_null());
    CHECK(fresh.document_type.is_null());
    CHECK(fresh.status == didit::status::not_started);
    CHECK(*(*fresh.features->begin()).status == didit::feature_status::not_finished);
    CHECK(fresh.phone_number.is_null());
    CHECK(fresh.additional_details.is_null());
    CHECK(fresh.created_at.value() < kyc.created_at.value());
}

TEST_CASE("scores keep their text and convert on request, beyond a double's range too", "[rows]") {
    const auto page = didit::parse_page(R"({"count": 1, "next": null, "previous": null,
        "results": [{"session_kind": "user", "session_id": "x", "session_number": 4,
        "status": "Approved", "created_at": "t", "additional_details": {
        "liveness": {"score": 1e999}, "face_match": {"score": -0.5E-2}}}]})");
    REQUIRE(page.has_value());
    const auto row = *page->results.begin();
    REQUIRE(row.has_value());
    const auto& details = *row->kyc().additional_details;
    CHECK(details.liveness->score->raw() == "1e999");
    CHECK_FALSE(details.liveness->score->to_double().has_value());
    CHECK(details.face_match->score->to_double() == -0.5e-2);
    const auto written = didit::to_json(*row);
    CHECK(written.find(R"("liveness":{"score":1e999})") != std::string::npos);
    CHECK(written.find(R"("face_match":{"score":-0.5E-2})") != std::string::npos);
    CHECK(json::number().to_double() == 0.0);
}

TEST_CASE("the shapes of the reference's prose examples decode too", "[rows]") {
    const auto kyc_page = didit::parse_page(prose_kyc_page);
    REQUIRE(kyc_page.has_value());
    const auto kyc = rows_of(*kyc_page).at(0).kyc();
    CHECK_FALSE(kyc.session_id.known());
    CHECK(text(kyc.session_id.raw()) == "...");
    CHECK_FALSE(kyc.didit_internal_id->known());
    CHECK(kyc.status == didit::status::approved);
    CHECK(text(kyc.status.raw()) == "APPROVED");
    CHECK(kyc.created_at.value().unix_micros() == 1'775'811'600'000'000);
    REQUIRE(kyc.features->comma_separated());
    std::vector<didit::feature> features;
    for (const auto check : *kyc.features) {
        features.push_back(check.feature.value());
        CHECK(check.status.is_absent());
    }
    CHECK(features == std::vector{didit::feature::id_verification, didit::feature::liveness,
                                  didit::feature::face_match, didit::feature::aml});
    CHECK(text(kyc.phone_number->number) == "+14155550123");
    CHECK(kyc.phone_number->is_verified.is_absent());
    CHECK(text(kyc.email_address->email) == "jane@example.com");

    const auto kyb_page = didit::parse_page(prose_kyb_page);
    REQUIRE(kyb_page.has_value());
    const auto row = rows_of(*kyb_page).at(0);
    REQUIRE(row.kind() == row_kind::kyb);
    const auto& kyb = row.kyb();
    CHECK(kyb.session_number == 89);
    CHECK(kyb.status == didit::status::approved);
    CHECK_FALSE(kyb.workflow_id->known());
    CHECK(text(kyb.workflow_id->raw()) == "wf_kyb_standard");
    CHECK(text(*kyb.company_name) == "Acme Corporation Limited");
    CHECK(text(*kyb.registration_number) == "12345678");
    CHECK(text(*kyb.country) == "GBR");
}

TEST_CASE("a features string splits on commas, escaped ones included", "[rows]") {
    const auto page_text = page_with(
        R"({"session_kind": "user", "session_id": "x", "session_number": 1, "status": "Approved",
            "created_at": "2026-01-01T00:00:00Z", "features": " AML ,NFC\u002cLIVENESS,,N\u0046C"})");
    const auto page = didit::parse_page(page_text);
    REQUIRE(page.has_value());
    const auto kyc = rows_of(*page).at(0).kyc();
    std::vector<std::string> names;
    std::vector<bool> known;
    for (const auto check : *kyc.features) {
        names.push_back(check.feature.raw().to_string());
        known.push_back(check.feature.known());
    }
    CHECK(names == std::vector<std::string>{"AML", "NFC", "LIVENESS", "", "NFC"});
    // Escapes name the same feature as the plain text would; an empty piece names none.
    CHECK(known == std::vector<bool>{true, true, true, false, true});

    const auto empty_text = page_with(
        R"({"session_kind": "user", "session_id": "x", "session_number": 1, "status": "Approved",
            "created_at": "2026-01-01T00:00:00Z", "features": ""})");
    const auto empty = didit::parse_page(empty_text);
    CHECK(rows_of(*empty).at(0).kyc().features->empty());
}

TEST_CASE("rows of an unknown kind keep their bytes and do not fail the page", "[rows]") {
    const std::string body = R"({"count": 3, "next": null, "previous": null, "results": [
        {"session_kind": "organisation", "id": 1},
        {"id": 2},
        {"session_kind": 5},
        {"session_kind": "business", "session_id": "x", "session_number": 2, "status": "Declined",
         "created_at": "2026-01-01T00:00:00Z"}]})";
    const auto page = didit::parse_page(body);
    REQUIRE(page.has_value());
    const auto rows = rows_of(*page);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].kind() == row_kind::unknown);
    CHECK(rows[0].raw() == R"({"session_kind": "organisation", "id": 1})");
    CHECK_FALSE(rows[0].session_kind()->known());
    CHECK(text(rows[0].session_kind()->raw()) == "organisation");
    CHECK(rows[1].kind() == row_kind::unknown);
    CHECK(rows[1].session_kind().is_absent());
    CHECK(rows[2].kind() == row_kind::unknown);
    CHECK(rows[3].kind() == row_kind::kyb);
    CHECK(rows[3].kyb().status == didit::status::declined);
    CHECK(didit::to_json(rows[0]) == R"({"session_kind":"organisation","id":1})");
}

namespace {

// A row of `kind` ("user" or "business") whose `country` member is `country` (JSON text).
std::string row_from(std::string_view kind, std::string_view country) {
    return std::string(R"({"session_kind": ")") + std::string(kind) +
           R"(", "session_id": "x", "session_number": 1, "status": "Approved", )" +
           R"("created_at": "2026-01-01T00:00:00Z", "country": )" + std::string(country) + "}";
}

// The country() of each row of a page of `rows`.
std::vector<std::optional<didit::country_code>> countries_of(const std::vector<std::string>& rows) {
    std::string body = R"({"count": 1, "next": null, "previous": null, "results": [)";
    for (const auto& row : rows)
        body += (&row == &rows.front() ? "" : ", ") + row;
    body += "]}";
    const auto page = didit::parse_page(body);
    REQUIRE(page.has_value());
    std::vector<std::optional<didit::country_code>> countries;
    for (const auto& row : rows_of(*page))
        countries.push_back(row.country());
    return countries;
}

std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

} // namespace

TEST_CASE("KYC and KYB rows give the same country, whichever ISO 3166-1 form they sent", "[rows]") {
    for (std::size_t index = 0; index < didit::country_code::count; ++index) {
        const auto country = didit::country_code::from_index(index).value();
        CAPTURE(country.alpha2(), country.alpha3());
        const auto countries = countries_of({row_from("user", quoted(country.alpha3())),
                                             row_from("business", quoted(country.alpha2())),
                                             row_from("business", quoted(country.alpha3()))});
        REQUIRE(countries.size() == 3);
        CHECK(countries[0] == country);
        CHECK(countries[1] == country);
        CHECK(countries[2] == country);
    }
    // Escapes are decoded first; the text as sent stays in the row's member.
    const std::string escaped = R"("\u0045S")";
    CHECK(countries_of({row_from("business", escaped)})[0]->alpha3() == "ESP");
    const std::string body = R"({"count": 1, "next": null, "previous": null, "results": [)" +
                             row_from("business", escaped) + "]}";
    const auto page = didit::parse_page(body);
    REQUIRE(page.has_value());
    const auto row = *page->results.begin();
    REQUIRE(row);
    CHECK(row->kyb().country->raw() == R"(\u0045S)");
}

TEST_CASE("a row's country is empty when its member is absent, null or not an official code",
          "[rows]") {
    const std::string absent = R"({"session_kind": "user", "session_id": "x",
        "session_number": 1, "status": "Approved", "created_at": "2026-01-01T00:00:00Z"})";
    const auto countries =
        countries_of({absent, row_from("user", "null"), row_from("user", R"("esp")"),
                      row_from("business", R"("XK")"), row_from("user", R"("ESPA")"),
                      row_from("user", R"("E")"), row_from("user", R"("")"),
                      row_from("user", R"("\u0000SP")"), row_from("organisation", R"("ESP")")});
    REQUIRE(countries.size() == 9);
    for (const auto& country : countries)
        CHECK_FALSE(country.has_value());
}

TEST_CASE("member order does not matter and unknown members are skipped", "[rows]") {
    const auto page = didit::parse_page(R"({"results": [{"created_at": "2026-01-01T00:00:00Z",
        "extra": {"deep": [1, {"session_number": "not this one"}]}, "status": "In Review",
        "session_number": 3, "session_id": "x", "session_kind": "user"}],
        "previous": "p", "unknown": [], "next": "n", "count": 9})");
    REQUIRE(page.has_value());
    CHECK(page->count == 9);
    CHECK(text(*page->next) == "n");
    CHECK(text(*page->previous) == "p");
    const auto kyc = rows_of(*page).at(0).kyc();
    CHECK(kyc.session_number == 3);
    CHECK(kyc.status == didit::status::in_review);
    CHECK(kyc.features.is_absent());
}

TEST_CASE("keys are matched whole, also where the next member of the schema is expected",
          "[rows]") {
    // Each real member follows keys that share its first bytes, extend it, or spell it with an
    // escape; only the exact key is the member (keys are compared as sent).
    const auto page = didit::parse_page(R"({"count": 1, "next": null, "previous": null,
        "results": [{"session_i": 1, "session_idx": 2, "session\u005fid": 3,
        "session_id": "x", "session_kind": "user", "session_number ": 4, "session_number": 5,
        "statu": 6, "status": "Approved", "status2": "Declined", "created_at": "t",
        "session_number": 7}]})");
    REQUIRE(page.has_value());
    const auto kyc = rows_of(*page).at(0).kyc();
    CHECK(text(kyc.session_id.raw()) == "x");
    CHECK(kyc.session_number == 7); // the last of a repeated member
    CHECK(kyc.status == didit::status::approved);
}

TEST_CASE("a field tells absent, null and present apart, and a repeated member replaces it whole",
          "[rows]") {
    didit::field<std::int64_t> number;
    CHECK(number.is_absent());
    number = didit::field<std::int64_t>::null();
    CHECK(number.is_null());
    number.emplace() = 5;
    CHECK(number.value_or(0) == 5);
    CHECK(number.emplace() == 0);
    CHECK(number.has_value());
    number.emplace() = 6;
    number.make_null();
    CHECK(number.is_null());
    CHECK(number.emplace() == 0); // the value went with the null

    const auto page = didit::parse_page(R"({"count": 1, "next": null, "previous": null,
        "results": [{"session_kind": "user", "session_id": "x", "session_number": 4,
        "status": "Approved", "created_at": "t",
        "phone_number": {"number": "+1", "is_verified": true},
        "phone_number": {"number": "+2"}}]})");
    REQUIRE(page.has_value());
    const auto phone = rows_of(*page).at(0).kyc().phone_number;
    REQUIRE(phone.has_value());
    CHECK(text(phone->number) == "+2");
    CHECK(phone->is_verified.is_absent());

    const auto nulled = didit::parse_page(R"({"count": 1, "next": null, "previous": null,
        "results": [{"session_kind": "user", "session_id": "x", "session_number": 4,
        "status": "Approved", "created_at": "t",
        "phone_number": {"number": "+1", "is_verified": true}, "phone_number": null,
        "phone_number": {"number": "+3"}}]})");
    REQUIRE(nulled.has_value());
    const auto renewed = rows_of(*nulled).at(0).kyc().phone_number;
    REQUIRE(renewed.has_value());
    CHECK(text(renewed->number) == "+3");
    CHECK(renewed->is_verified.is_absent());
}

TEST_CASE("containers before the results, more than validation records, change nothing", "[rows]") {
    // Validation records where the first few containers inside the root end; `results`, the
    // sixth here, is then found by scanning it.
    const auto page = didit::parse_page(R"({"a": {}, "b": [1], "c": {"d": [2]}, "e": [], "f": {},
        "results": [{"session_kind": "user", "session_id": "x", "session_number": 4,
        "status": "Approved", "created_at": "t"}, {"session_kind": "team"}],
        "count": 2, "next": null, "previous": null, "g": [3]})");
    REQUIRE(page.has_value());
    const auto rows = rows_of(*page);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].kyc().session_number == 4);
    CHECK(rows[1].kind() == row_kind::unknown);
}

TEST_CASE("a page that is not JSON fails with its location", "[rows][errors]") {
    const auto failure = page_failure("{\"count\": 1,\n \"results\": [{\"a\": 01}]}");
    CHECK(failure.code == errc::syntax_error);
    CHECK(failure.line == 2);
    CHECK(failure.column == 21); // the leading zero is a number; the digit after it is not
    CHECK(failure.path.view() == "results[0].a");
}

TEST_CASE("a page without its members, or with wrong types, fails", "[rows][errors]") {
    CHECK(page_failure("[]").code == errc::wrong_type);
    const std::vector<std::pair<std::string, std::string>> members{
        {"count", "1"}, {"next", "null"}, {"previous", "null"}, {"results", "[]"}};
    for (const auto& [left_out, unused] : members) {
        std::string body = "{";
        for (const auto& [key, value] : members)
            if (key != left_out) body += (body.size() > 1 ? ", \"" : "\"") + key + "\": " + value;
        body += "}";
        INFO(body);
        const auto failure = page_failure(body);
        CHECK(failure.code == errc::missing_field);
        CHECK(failure.subject == left_out);
        CHECK(failure.offset == 0);
    }
    const auto count =
        page_failure(R"({"count": "1", "next": null, "previous": null, "results": []})");
    CHECK(count.code == errc::wrong_type);
    CHECK(count.path.view() == "count");
    CHECK(page_failure(R"({"count": 1.5, "next": null, "previous": null, "results": []})").code ==
          errc::wrong_type);
    CHECK(page_failure(
              R"({"count": 99999999999999999999, "next": null, "previous": null, "results": []})")
              .code == errc::out_of_range);
    CHECK(page_failure(R"({"count": 1, "next": 2, "previous": null, "results": []})").path.view() ==
          "next");
    CHECK(page_failure(R"({"count": 1, "next": null, "previous": null, "results": {}})")
              .path.view() == "results");
}

TEST_CASE("a row that fails names its path, and the rows after it still decode", "[rows][errors]") {
    const std::string good = R"({"session_kind": "business", "session_id": "x", "session_number": 2,
                                 "status": "Declined", "created_at": "2026-01-01T00:00:00Z"})";
    const std::string body = R"({"count": 3, "next": null, "previous": null, "results": [
        {"session_kind": "user", "session_number": "7"}, 42, )" +
                             good + "]}";
    const auto page = didit::parse_page(body);
    REQUIRE(page.has_value());
    std::vector<std::string> outcomes;
    for (const auto r : page->results)
        outcomes.push_back(
            r ? "ok" : std::string(r.error().path.view()) + ": " + std::string(r.error().message));
    CHECK(outcomes == std::vector<std::string>{"results[0].session_number: expected an integer",
                                               "results[1]: expected an object", "ok"});
}

TEST_CASE("failing rows are located as if from the start of the body", "[rows][errors]") {
    // Rows are located from the last row located, not from the start: the outcome must match.
    didit_test::page_generator generate(99);
    for (int round = 0; round < 50; ++round) {
        std::vector<didit_test::generated_row> rows;
        for (int i = 0; i < 30; ++i) {
            auto r = generate.row();
            if (generate.random()() % 3 == 0) // break it: a required member of the wrong type
                r.wire.add("session_number", didit_test::node::of(std::string("7")));
            rows.push_back(r);
        }
        didit_test::writer writer(generate.random());
        const auto body = writer.write(generate.page(rows, 30));
        const auto page = didit::parse_page(body);
        REQUIRE(page.has_value());
        int failures = 0;
        for (const auto r : page->results) {
            if (r) continue;
            ++failures;
            didit::error bare = r.error();
            bare.line = bare.column = 0;
            bare.path.clear();
            const auto expected = json::locate(body, bare.offset, bare);
            CHECK(r.error().line == expected.line);
            CHECK(r.error().column == expected.column);
            CHECK(r.error().path.view() == expected.path.view());
        }
        CHECK(failures > 0);
    }
}

TEST_CASE("every kind of bad row member is an error at its path", "[rows][errors]") {
    const std::string base = R"("session_kind": "user", "session_id": "x", "session_number": 1,
                                "status": "Approved", "created_at": "2026-01-01T00:00:00Z")";
    struct bad {
        std::string members;
        errc code;
        std::string path;
        std::string subject;
    };
    const bad cases[] = {
        {R"("features": [{"feature": "AML", "status": 1}])", errc::wrong_type,
         "results[0].features[0].status", ""},
        {R"("features": [{"feature": "AML"}, {"status": "Approved"}])", errc::missing_field,
         "results[0].features[1]", "feature"},
        {R"("features": [1])", errc::wrong_type, "results[0].features[0]", ""},
        {R"("features": 1)", errc::wrong_type, "results[0].features", ""},
        {R"("phone_number": {"is_verified": true})", errc::missing_field, "results[0].phone_number",
         "number"},
        {R"("email_address": {"email": "a", "is_verified": "yes"})", errc::wrong_type,
         "results[0].email_address.is_verified", ""},
        {R"("additional_details": {"aml": {"total_hits": 1.5}})", errc::wrong_type,
         "results[0].additional_details.aml.total_hits", ""},
        {R"("additional_details": {"liveness": {"score": "0.9"}})", errc::wrong_type,
         "results[0].additional_details.liveness.score", ""},
        {R"("additional_details": {"poa": []})", errc::wrong_type,
         "results[0].additional_details.poa", ""},
        {R"("full_name": 3)", errc::wrong_type, "results[0].full_name", ""},
        {R"("status": null)", errc::wrong_type, "results[0].status", ""},
        {R"("created_at": 1)", errc::wrong_type, "results[0].created_at", ""},
    };
    for (const auto& c : cases) {
        INFO(c.members);
        const auto body = page_with("{" + base + ", " + c.members + "}");
        const auto failure = row_failure(body);
        CHECK(failure.code == c.code);
        CHECK(failure.path.view() == c.path);
        CHECK(failure.subject == c.subject);
    }
    for (const auto* required : {"session_id", "session_number", "status", "created_at"}) {
        std::string members = base;
        const auto at = members.find(std::string("\"") + required + "\"");
        members.erase(at, members.find(',', at) == std::string::npos
                              ? std::string::npos
                              : members.find(',', at) - at + 1);
        if (members.back() == ',' || members.back() == ' ')
            members = members.substr(0, members.find_last_not_of(", ") + 1);
        INFO(members);
        const auto body = page_with("{" + members + "}");
        const auto failure = row_failure(body);
        CHECK(failure.code == errc::missing_field);
        CHECK(failure.subject == required);
        CHECK(failure.path.view() == "results[0]");
    }
}

TEST_CASE("400 bodies decode to parameters and messages, listed or single", "[rows][errors]") {
    const std::string body = R"({"date_from": ["Enter a valid date.", "Second."],
                                 "session_kind": "Must be \"user\", \"business\", or \"all\"."})";
    const auto parsed = didit::parse_bad_request(body);
    REQUIRE(parsed.has_value());
    std::vector<std::pair<std::string, std::vector<std::string>>> seen;
    for (const auto parameter : *parsed) {
        std::vector<std::string> messages;
        for (const auto message : parameter.messages)
            messages.push_back(message.to_string());
        seen.emplace_back(parameter.parameter.to_string(), messages);
    }
    CHECK(seen == std::vector<std::pair<std::string, std::vector<std::string>>>{
                      {"date_from", {"Enter a valid date.", "Second."}},
                      {"session_kind", {R"(Must be "user", "business", or "all".)"}}});
    CHECK(didit::parse_bad_request("{}").value().empty());

    CHECK(didit::parse_bad_request("[]").code() == errc::wrong_type);
    const auto number = didit::parse_bad_request(R"({"limit": [1]})");
    CHECK(number.code() == errc::wrong_type);
    CHECK(number.error().path.view() == "limit[0]");
    CHECK(didit::parse_bad_request(R"({"limit": 1})").error().path.view() == "limit");
    CHECK(didit::parse_bad_request(R"({"limit": [)").code() == errc::syntax_error);
}

TEST_CASE("403 bodies decode to their detail", "[rows][errors]") {
    const auto forbidden = didit::parse_forbidden(
        R"({"detail": "You do not have permission to perform this action."})");
    REQUIRE(forbidden.has_value());
    CHECK(forbidden->detail == "You do not have permission to perform this action.");
    const auto missing = didit::parse_forbidden(R"({"message": "no"})");
    CHECK(missing.code() == errc::missing_field);
    CHECK(missing.error().subject == "detail");
    CHECK(didit::parse_forbidden(R"({"detail": null})").code() == errc::wrong_type);
}

TEST_CASE("property: random pages decode to the values they were generated from",
          "[rows][property]") {
    didit_test::page_generator generate(20261126);
    for (int round = 0; round < 300; ++round) {
        std::vector<didit_test::generated_row> rows;
        const auto size = generate.random()() % 8;
        for (std::size_t i = 0; i < size; ++i)
            rows.push_back(generate.row());
        const auto count = static_cast<std::int64_t>(generate.random()() % 1000);
        const auto wire = generate.page(rows, count);
        didit_test::writer writer(generate.random());
        const auto body = writer.write(wire);
        CAPTURE(round);

        // At the end of an exact-size allocation: any read past the body is caught.
        const auto exact = std::make_unique<char[]>(body.size());
        std::memcpy(exact.get(), body.data(), body.size());
        const std::string_view view(exact.get(), body.size());
        const auto page = didit::parse_page(view);
        INFO(page.error().message << " at " << page.error().path.view() << " offset "
                                  << page.error().offset);
        REQUIRE(page.has_value());
        CHECK(page->count == count);
        const auto* next = wire.find("next");
        CHECK(page->next.is_null() == (next->type == didit_test::node::kind::null));
        if (page->next) CHECK(page->next->to_string() == next->text);

        std::size_t index = 0;
        for (const auto r : page->results) {
            REQUIRE(index < rows.size());
            INFO("row " << index);
            REQUIRE(r.has_value());
            const auto written = didit::to_json(*r);
            INFO("written:  " << written);
            INFO("expected: "
                 << didit_test::writer(generate.random(), false).write(rows[index].expected));
            CHECK(written.find('\n') == std::string::npos);
            const auto reread = json::parse(written);
            REQUIRE(reread.has_value());
            CHECK(didit_test::same(didit_test::to_node(*reread), rows[index].expected));
            // What was written lists members in schema order, where each key is the one the
            // reader tries first: it must read back to the same row.
            const auto again =
                R"({"count":1,"next":null,"previous":null,"results":[)" + written + "]}";
            const auto again_page = didit::parse_page(again);
            REQUIRE(again_page.has_value());
            const auto again_row = *again_page->results.begin();
            REQUIRE(again_row.has_value());
            CHECK(didit::to_json(*again_row) == written);
            ++index;
        }
        CHECK(index == rows.size());
    }
}

namespace {

constexpr std::int64_t first_session_number(std::string_view body) {
    const auto page = didit::parse_page(body).value();
    const auto row = (*page.results.begin()).value();
    return row.kind() == row_kind::kyc ? row.kyc().session_number : -1;
}

} // namespace

TEST_CASE("pages decode in constant evaluation", "[rows]") {
    static_assert(first_session_number(openapi_kyc_page) == 720);
    static_assert(first_session_number(prose_kyc_page) == 1024);
    static_assert(didit::parse_page(R"({"count": 0})").code() == errc::missing_field);
    SUCCEED("checked at compile time");
}

TEST_CASE("default-constructed views are empty and safe to read", "[rows]") {
    const json::value nothing;
    CHECK(nothing.is_null());
    CHECK(nothing.raw() == "null");
    CHECK(nothing.get_string().code() == errc::wrong_type);
    CHECK(json::array{}.empty());
    CHECK(json::object{}.empty());
    CHECK(json::object{}.find("x").code() == errc::missing_field);
    CHECK(didit::row_range{}.empty());
    CHECK(didit::row_range{}.begin() == didit::row_range{}.end());
    CHECK(didit::message_list{}.begin() == didit::message_list{}.end());
    CHECK(didit::bad_request_body{}.empty());
    CHECK(didit::feature_list{}.empty());
    const didit::row row;
    CHECK(row.kind() == row_kind::unknown);
    CHECK(row.raw() == "null");
    CHECK(json::string{}.decoded_size() == 0);
}
