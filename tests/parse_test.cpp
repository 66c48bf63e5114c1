// Raw parameters read as the server reads them: one section per rule of the server.

#include <cstdlib>
#include <initializer_list>
#include <string>
#include <vector>

#include <didit/query.hpp>

#include <catch2/catch.hpp>

#include "fixture.hpp"

using didit::finding;
using didit::parameter;

namespace {
didit::parsed_query parse(std::initializer_list<didit::raw_parameter> raw) {
    auto parsed = didit::parse_query(std::vector<didit::raw_parameter>(raw));
    REQUIRE(parsed.has_value());
    return parsed.value();
}

bool has(const didit::parsed_query& p, finding what, std::string_view name) {
    return p.findings.contains(what, name);
}
} // namespace

TEST_CASE("date_from and date_to: Django's formats after stripping, otherwise 400",
          "[parse][date]") {
    const auto ok = parse({{"date_from", " \t04/01/2026\xC2\xA0"}, {"date_to", "Apr 3, 2026"}});
    CHECK(ok.ok());
    constexpr didit::date april_1{"2026-04-01"}, april_3{"2026-04-03"};
    CHECK(ok.value.date_from == april_1);
    CHECK(ok.value.date_to == april_3);

    const auto iso_time = parse({{"date_from", "2026-04-01T00:00:00Z"}, {"date_to", "2026-02-30"}});
    CHECK(iso_time.findings.error_count() == 2);
    CHECK(has(iso_time, finding::invalid_date, "date_from"));
    CHECK(has(iso_time, finding::invalid_date, "date_to"));
    CHECK_FALSE(iso_time.value.date_from);

    SECTION("an empty value is no filter, but blanks alone are a value that fails") {
        const auto empty = parse({{"date_from", ""}});
        CHECK(empty.ok());
        CHECK_FALSE(empty.value.date_from);
        CHECK(has(empty, finding::empty_value, "date_from"));
        CHECK(has(parse({{"date_from", "  "}}), finding::invalid_date, "date_from"));
    }
}

TEST_CASE("didit_internal_id and euuid: stripped, then Python's UUID rules, otherwise 400",
          "[parse][uuid]") {
    const auto ok = parse({{"didit_internal_id", " urn:uuid:D9E784746C8D4F2ABB906F5C2F3A1147 "},
                           {"euuid", "{0f8fad5b-d9cb-469f-a165-70867728950e}"}});
    CHECK(ok.ok());
    constexpr didit::uuid internal_id{"d9e78474-6c8d-4f2a-bb90-6f5c2f3a1147"};
    constexpr didit::uuid euuid{"0f8fad5b-d9cb-469f-a165-70867728950e"};
    CHECK(ok.value.didit_internal_id == internal_id);
    CHECK(ok.value.euuid == euuid);

    const auto bad = parse({{"didit_internal_id", "d9e78474"},
                            {"euuid", "URN:UUID:0f8fad5b-d9cb-469f-a165-70867728950e"}});
    CHECK(has(bad, finding::invalid_uuid, "didit_internal_id"));
    CHECK(has(bad, finding::invalid_uuid, "euuid"));

    // Blanks alone strip to nothing: no filter and no error, but the same warning as empty.
    const auto blank = parse({{"euuid", "   "}, {"didit_internal_id", "\t\xC2\xA0"}});
    CHECK(blank.ok());
    CHECK_FALSE(blank.value.euuid);
    CHECK_FALSE(blank.value.didit_internal_id);
    CHECK(has(blank, finding::empty_value, "euuid"));
    CHECK(has(blank, finding::empty_value, "didit_internal_id"));
    CHECK(didit::message(blank.findings[1]) ==
          "`   ` is only blanks, which the server strips; it applies no filter");
}

TEST_CASE("an empty value is no filter, and the default page for limit and offset", "[parse]") {
    const auto p = parse({{"limit", ""}, {"offset", ""}, {"status", ""}});
    CHECK(p.ok());
    CHECK(p.value == didit::query{});
    CHECK(didit::effective_limit(p.value) == 50);
    CHECK(didit::effective_offset(p.value) == 0);
    REQUIRE(p.findings.size() == 3);
    CHECK(didit::message(p.findings[0]) == "empty; the server uses the default, 50");
    CHECK(didit::message(p.findings[1]) == "empty; the server uses 0");
    CHECK(didit::message(p.findings[2]) == "empty; the server applies no filter");
}

TEST_CASE("workflow_id: malformed items are dropped, and none valid matches nothing",
          "[parse][uuid]") {
    const auto some =
        parse({{"workflow_id",
                "9f9b1234-aaaa-bbbb-cccc-1234567890ab, 9f9b1234-aaaa-bbbb-cccc-1234567890ac"}});
    CHECK(some.ok());
    REQUIRE(some.value.workflow_id.size() == 2);
    CHECK(some.value.workflow_id[0].recognised());
    CHECK_FALSE(some.value.workflow_id[1].recognised()); // items are not stripped
    CHECK(has(some, finding::workflow_id_dropped, "workflow_id"));
    CHECK_FALSE(has(some, finding::no_valid_workflow_id, "workflow_id"));

    const auto none = parse({{"workflow_id", "wf_kyb_standard,12"}});
    CHECK(none.ok());
    CHECK(has(none, finding::no_valid_workflow_id, "workflow_id"));
}

TEST_CASE("api_service: exact and case-sensitive, not stripped, otherwise 400", "[parse]") {
    CHECK(parse({{"api_service", "KYB_REGISTRY"}}).value.api_service ==
          didit::api_service::kyb_registry);
    for (const char* text : {"aml", " AML", "AML ", "FOO"}) {
        INFO(text);
        const auto bad = parse({{"api_service", text}});
        REQUIRE(bad.findings.error_count() == 1);
        CHECK(didit::message(bad.findings[0]) == "Select a valid choice. " + std::string(text) +
                                                     " is not one of the available choices.");
    }
}

TEST_CASE("session_kind: user, business or all in any case, otherwise 400", "[parse]") {
    CHECK(parse({{"session_kind", "BUSINESS"}}).value.session_kind ==
          didit::session_kind::business);
    CHECK(parse({{"session_kind", "All"}}).value.session_kind == didit::session_kind::all);
    for (const char* text : {"users", " user", "kyc", ""}) {
        INFO(text);
        const auto bad = parse({{"session_kind", text}});
        REQUIRE(has(bad, finding::invalid_session_kind, "session_kind"));
        CHECK(didit::message(bad.findings[0]) == R"(Must be "user", "business", or "all".)");
    }
}

TEST_CASE("comma lists split on commas only: items are not trimmed and empty ones are kept",
          "[parse]") {
    const auto p = parse({{"status", "Approved, In Review,,Declined"}, {"country", "ESP;USA,GBR"}});
    REQUIRE(p.value.status.size() == 4);
    CHECK(p.value.status[0].value() == didit::status::approved);
    CHECK(p.value.status[1].text() == " In Review");
    CHECK(p.value.status[2].text().empty());
    CHECK(p.value.status[3].value() == didit::status::declined);
    REQUIRE(p.value.country.size() == 2);
    CHECK(p.value.country[0] == "ESP;USA");
}

TEST_CASE("booleans: 1, 0, true, false in any case, and anything else is ignored", "[parse]") {
    for (const char* text : {"1", "true", "TRUE", "True"})
        CHECK(parse({{"is_kyc_to_be_reviewed", text}}).value.is_kyc_to_be_reviewed == true);
    for (const char* text : {"0", "false", "FaLsE"})
        CHECK(parse({{"status_initialized_as_in_review", text}})
                  .value.status_initialized_as_in_review == false);
    for (const char* text : {"yes", "on", " true", "2"}) {
        const auto p = parse({{"is_kyc_to_be_reviewed", text}});
        CHECK(p.ok());
        CHECK_FALSE(p.value.is_kyc_to_be_reviewed);
        CHECK(has(p, finding::boolean_ignored, "is_kyc_to_be_reviewed"));
    }
}

TEST_CASE("limit and offset are the values Django REST Framework uses", "[parse][oracle]") {
    for (const auto& [file, name] :
         {std::pair{"limits.tsv", "limit"}, std::pair{"offsets.tsv", "offset"}}) {
        const auto cases = didit_test::load_fixture(file);
        REQUIRE(cases.size() > 100);
        for (const auto& c : cases) {
            INFO(name << " = [" << c.input << "] -> " << c.expected);
            const auto p = parse({{name, c.input}});
            const auto used = std::string(name) == "limit" ? didit::effective_limit(p.value)
                                                           : didit::effective_offset(p.value);
            // Offsets beyond 64 bits saturate, as strtoll does.
            CHECK(used == std::strtoll(c.expected.c_str(), nullptr, 10));
        }
    }
}

TEST_CASE("limit and offset values the server replaces or clamps are warnings", "[parse]") {
    CHECK(has(parse({{"limit", "abc"}}), finding::limit_replaced, "limit"));
    CHECK(has(parse({{"limit", "0"}}), finding::limit_replaced, "limit"));
    CHECK(has(parse({{"limit", "-3"}}), finding::limit_replaced, "limit"));
    CHECK(has(parse({{"limit", "500"}}), finding::limit_clamped, "limit"));
    CHECK(has(parse({{"offset", "-1"}}), finding::offset_replaced, "offset"));
    CHECK(has(parse({{"offset", "1.5"}}), finding::offset_replaced, "offset"));
    const auto fine = parse({{"limit", " 100 "}, {"offset", "1_000"}});
    CHECK(fine.findings.empty());
    CHECK(fine.value.limit == 100);
    CHECK(fine.value.offset == 1000);
}

TEST_CASE("all invalid parameters are reported together, as one 400 body", "[parse]") {
    const auto p = parse({{"euuid", "nope"},
                          {"date_to", "yesterday"},
                          {"api_service", "FOO"},
                          {"session_kind", "kyc"},
                          {"date_from", "2026-13-01"},
                          {"didit_internal_id", "x"},
                          {"status", "APPROVED"}});
    CHECK_FALSE(p.ok());
    CHECK(p.findings.error_count() == 6);
    CHECK(didit::error_body(p.findings) ==
          R"({"session_kind":"Must be \"user\", \"business\", or \"all\".",)"
          R"("date_from":["Enter a valid date."],"date_to":["Enter a valid date."],)"
          R"("didit_internal_id":["Enter a valid UUID."],)"
          R"("api_service":["Select a valid choice. FOO is not one of the available choices."],)"
          R"("euuid":["Enter a valid UUID."]})");
}

TEST_CASE("a repeated parameter takes its last value, as Django's QueryDict.get does", "[parse]") {
    const auto p = parse({{"date_from", "bad"}, {"limit", "5"}, {"date_from", "2026-01-01"}});
    CHECK(p.ok());
    constexpr didit::date new_year{"2026-01-01"};
    CHECK(p.value.date_from == new_year);
    CHECK(has(p, finding::repeated_parameter, "date_from"));
    CHECK(didit::message(p.findings[0]) == "given 2 times; the server uses only the last value");
}

TEST_CASE("unknown parameter names are ignored by the server, with a likely meaning", "[parse]") {
    const auto p = parse({{"stauts", "Approved"}, {"page_size", "10"}, {"colour", "red"}});
    CHECK(p.ok());
    CHECK(p.value == didit::query{});
    REQUIRE(p.findings.size() == 3);
    CHECK(p.findings[0].hint == "status");
    CHECK(p.findings[1].hint == "limit");
    CHECK(p.findings[2].hint.empty());
    CHECK(didit::message(p.findings[0]) ==
          "not a parameter of this endpoint; the server ignores it (did you mean `status`?)");
}

TEST_CASE("document_name is split at commas only when it holds more than one ' - '", "[parse]") {
    const auto whole = parse({{"document_name", "Spain - Id Card (2021),Back"}});
    REQUIRE(whole.value.document_name.size() == 1);
    CHECK(whole.value.document_name[0] == "Spain - Id Card (2021),Back");

    const auto split = parse({{"document_name", "Spain - Id Card (2021),France - Passport"}});
    REQUIRE(split.value.document_name.size() == 2);
    CHECK(split.value.document_name[1] == "France - Passport");
    CHECK(split.findings.empty());
}

TEST_CASE("a list longer than the configured capacity is an error, never a truncation", "[parse]") {
    std::string many;
    for (std::size_t i = 0; i <= didit::max_list_items; ++i)
        many += "ESP,";
    many.pop_back();
    const std::vector<didit::raw_parameter> raw{{"country", many}};
    const auto parsed = didit::parse_query(raw);
    CHECK(parsed.code() == didit::errc::capacity_exceeded);
    CHECK(parsed.error().subject == "country");
}

TEST_CASE("parse_query works in constant evaluation", "[parse]") {
    static constexpr didit::raw_parameter raw[] = {{"session_kind", "User"}, {"limit", "20"}};
    constexpr auto p = didit::parse_query(raw);
    static_assert(p.value().ok());
    static_assert(p.value().value.limit == 20);
    CHECK(p.value().value.session_kind == didit::session_kind::user);
}
