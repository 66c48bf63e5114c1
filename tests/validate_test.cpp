// Warnings for typed queries: what the server will silently do with them.

#include <string>

#include <didit/query.hpp>

#include <catch2/catch.hpp>

using didit::finding;

namespace {
std::string messages_of(const didit::diagnostics& findings, std::string_view name) {
    std::string text;
    for (const auto& d : findings)
        if (d.parameter == name) text += didit::message(d) + "\n";
    return text;
}
} // namespace

TEST_CASE("statuses are case-sensitive display names", "[validate]") {
    didit::query q{.status = {didit::status::approved}};
    REQUIRE(q.status.try_push_back(didit::lenient<didit::status>::from_text("APPROVED")));
    REQUIRE(q.status.try_push_back(didit::lenient<didit::status>::from_text("IN_REVIEW")));
    REQUIRE(q.status.try_push_back(didit::lenient<didit::status>::from_text("Pending")));
    const auto findings = didit::validate(q);
    CHECK(findings.size() == 3);
    CHECK(
        messages_of(findings, "status") ==
        "`APPROVED` matches no session: statuses are case-sensitive display names; use `Approved`\n"
        "`IN_REVIEW` matches no session: statuses are case-sensitive display names; use `In "
        "Review`\n"
        "`Pending` matches no session: statuses are case-sensitive display names\n");
}

TEST_CASE("document types are codes, not display names", "[validate]") {
    didit::query q{.document_type = {didit::document_type::passport}};
    for (const char* text : {"Passport", "driver's license", "p", "Scroll"})
        REQUIRE(
            q.document_type.try_push_back(didit::lenient<didit::document_type>::from_text(text)));
    const auto findings = didit::validate(q);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].what == finding::document_display_name);
    CHECK(findings[0].hint == "P");
    CHECK(findings[1].what == finding::document_display_name);
    CHECK(findings[1].hint == "DL");
    CHECK(findings[2].what == finding::unrecognised_document_type);
    CHECK(findings[2].hint == "P");
    CHECK(findings[3].hint.empty());
    CHECK(didit::message(findings[0]) ==
          "`Passport` is a display name and matches no session: the filter takes codes; use `P`");
}

TEST_CASE("unknown session types match nothing", "[validate]") {
    didit::query q{.session_type = {didit::session_type::hosted}};
    REQUIRE(q.session_type.try_push_back(didit::lenient<didit::session_type>::from_text("web")));
    REQUIRE(q.session_type.try_push_back(didit::lenient<didit::session_type>::from_text("api")));
    const auto findings = didit::validate(q);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].what == finding::unrecognised_session_type);
    CHECK(findings[1].hint == "API");
}

TEST_CASE("limit and offset the server replaces or clamps", "[validate]") {
    CHECK(didit::validate({.limit = 0}).contains(finding::limit_replaced, "limit"));
    CHECK(didit::validate({.limit = 101}).contains(finding::limit_clamped, "limit"));
    CHECK(didit::validate({.offset = -1}).contains(finding::offset_replaced, "offset"));
    CHECK(didit::validate({.limit = 1, .offset = 0}).empty());
    CHECK(didit::validate({.limit = 100}).empty());
    CHECK(didit::message(didit::validate({.limit = 250})[0]) ==
          "`250` is above the maximum; the server uses 100");
    CHECK(didit::effective_limit({.limit = 250}) == 100);
    CHECK(didit::effective_limit({.limit = -4}) == 50);
    CHECK(didit::effective_limit({}) == 50);
}

TEST_CASE("KYC-only filters on business and mixed listings", "[validate]") {
    const didit::query kyc_filters{
        .document_type = {didit::document_type::passport},
        .document_name = {"Spain - Id Card (2021)"},
        .region = {"CA"},
        .didit_internal_id = didit::uuid("d9e78474-6c8d-4f2a-bb90-6f5c2f3a1147"),
        .session_type = {didit::session_type::api},
        .api_service = didit::api_service::aml,
        .screened_full_name = "Jane Doe",
        .status_initialized_as_in_review = true,
        .is_kyc_to_be_reviewed = false,
        .euuid = didit::uuid("0f8fad5b-d9cb-469f-a165-70867728950e"),
    };
    CHECK(didit::validate(kyc_filters).empty()); // a user listing applies them all

    auto business = kyc_filters;
    business.session_kind = didit::session_kind::business;
    const auto on_business = didit::validate(business);
    CHECK(on_business.size() == 10);
    for (std::size_t i = 0; i < didit::enum_count<didit::parameter>; ++i) {
        const auto p = static_cast<didit::parameter>(i);
        INFO(didit::to_string(p));
        CHECK(on_business.contains(finding::kyc_only_filter_on_business, didit::to_string(p)) ==
              didit::is_kyc_only(p));
    }

    auto all = kyc_filters;
    all.session_kind = didit::session_kind::all;
    const auto on_all = didit::validate(all);
    CHECK(on_all.contains(finding::kyc_only_filter_on_all, "region"));
    const didit::query shared_filters{.session_kind = didit::session_kind::business,
                                      .vendor_data = "x",
                                      .country = {"ES"},
                                      .warning = {"POSSIBLE_FRAUD"}};
    CHECK(didit::validate(shared_filters).empty());
}

TEST_CASE("date_to on KYB rows compares against midnight", "[validate]") {
    const auto findings = didit::validate(
        {.session_kind = didit::session_kind::business, .date_to = didit::date("2026-06-30")});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].what == finding::date_to_midnight_on_kyb);
    CHECK(findings[0].derived() == "2026-07-01");
    const didit::query year_end{.session_kind = didit::session_kind::all,
                                .date_to = didit::date("2026-12-31")};
    CHECK(didit::validate(year_end)[0].derived() == "2027-01-01");
    const didit::query kyc_only{.date_to = didit::date("2026-06-30")};
    CHECK(didit::validate(kyc_only).empty());
}

TEST_CASE("date_from after date_to matches nothing", "[validate]") {
    const auto findings = didit::validate(
        {.date_from = didit::date("2026-07-01"), .date_to = didit::date("2026-06-30")});
    REQUIRE(findings.size() == 1);
    CHECK(didit::message(findings[0]) ==
          "`2026-07-01` is after date_to; the server returns no sessions");
    const didit::query one_day{.date_from = didit::date("2026-06-30"),
                               .date_to = didit::date("2026-06-30")};
    CHECK(didit::validate(one_day).empty());
}

TEST_CASE("registration numbers with separators in a business search", "[validate]") {
    const auto findings =
        didit::validate({.session_kind = didit::session_kind::business, .search = "DPC-001"});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].derived() == "DPC001");
    CHECK(didit::message(findings[0]) ==
          "KYB search matches registration numbers without separators; "
          "if `DPC-001` is one, it finds nothing; use `DPC001`");
    const auto business = didit::session_kind::business;
    CHECK(didit::validate({.session_kind = business, .search = "DPC001"}).empty());
    CHECK(didit::validate({.session_kind = business, .search = "Acme Holdings"}).empty());
    CHECK(didit::validate({.session_kind = business, .search = "jane@example.com"}).empty());
    CHECK(didit::validate(
              {.session_kind = business, .search = "8a1f63c2-1b9e-4f3a-9c41-2f6a1f0b7d52"})
              .empty());
    CHECK(didit::validate({.search = "DPC-001"}).empty()); // KYC search has no such rule
}

TEST_CASE("several document names where one contains a comma", "[validate]") {
    // Two separators in all: the server splits at every comma, cutting the first name.
    const auto split =
        didit::validate({.document_name = {"Spain - Id Card, back", "France - Passport"}});
    REQUIRE(split.size() == 1);
    CHECK(split[0].what == finding::document_name_split_at_comma);
    CHECK(split[0].value == "Spain - Id Card, back");

    // One separator in all: the server does not split and looks for one joined name.
    const auto joined = didit::validate({.document_name = {"Spain - Id Card, back", "Passport"}});
    REQUIRE(joined.size() == 1);
    CHECK(joined[0].what == finding::document_name_not_split);

    const didit::query one_name{.document_name = {"Spain - Id Card, back"}};
    CHECK(didit::validate(one_name).empty());
    const didit::query two_names{.document_name = {"Spain - Id Card", "France - Passport"}};
    CHECK(didit::validate(two_names).empty());
}

TEST_CASE("malformed workflow ids, as a typed query holds them", "[validate]") {
    didit::query q;
    REQUIRE(q.workflow_id.try_push_back(didit::lenient<didit::uuid>::from_text("wf_1")));
    const auto findings = didit::validate(q);
    CHECK(findings.contains(finding::workflow_id_dropped, "workflow_id"));
    CHECK(findings.contains(finding::no_valid_workflow_id, "workflow_id"));
}

TEST_CASE("warnings beyond the capacity are counted and errors always fit", "[validate]") {
    std::vector<didit::raw_parameter> raw(200, {"colour", "red"});
    raw.push_back({"date_from", "bad"});
    const auto p = didit::parse_query(raw).value();
    CHECK(p.findings.has_errors());
    CHECK(p.findings.warning_count() == 200);
    CHECK(p.findings.dropped_warnings() > 0);
    CHECK(p.findings.size() == didit::max_diagnostics - 7);
}

TEST_CASE("list items with a comma are split by the server into several", "[validate]") {
    using didit::parameter;
    const didit::query q{
        .country = {"ESP,USA", "GBR"},
        .region = {"CA,"},
        .warning = {",POSSIBLE_FRAUD"},
        .organization_name = {"Acme, Inc."},
    };
    const auto findings = didit::validate(q);
    CHECK(findings.size() == 4);
    for (const auto p : {parameter::country, parameter::region, parameter::warning,
                         parameter::organization_name}) {
        INFO(didit::to_string(p));
        CHECK(findings.contains(finding::list_item_split_at_comma, didit::to_string(p)));
    }
    CHECK(findings[0].value == "ESP,USA");
    CHECK(didit::message(findings[0]) ==
          "`ESP,USA` contains a comma and the server splits the list at every comma, "
          "so it reads this item as several");
    CHECK(didit::validate({.country = {"ESP", "USA"}}).empty());
}

TEST_CASE("an unrecognised item with a comma is reported as split, not as unknown", "[validate]") {
    using didit::lenient;
    didit::query q;
    // Each half is a status the server matches once it has split the item.
    REQUIRE(q.status.try_push_back(lenient<didit::status>::from_text("Approved,Declined")));
    REQUIRE(q.document_type.try_push_back(lenient<didit::document_type>::from_text("P,ID")));
    REQUIRE(q.session_type.try_push_back(lenient<didit::session_type>::from_text("API,HOSTED")));
    const auto findings = didit::validate(q);
    CHECK(findings.size() == 3);
    for (const auto& d : findings)
        CHECK(d.what == finding::list_item_split_at_comma);

    didit::query two_ids;
    REQUIRE(two_ids.workflow_id.try_push_back(lenient<didit::uuid>::from_text(
        "9f9b1234-aaaa-bbbb-cccc-1234567890ab,9f9b1234-aaaa-bbbb-cccc-1234567890ac")));
    const auto on_ids = didit::validate(two_ids);
    REQUIRE(on_ids.size() == 1);
    CHECK(on_ids[0].what == finding::list_item_split_at_comma);

    didit::query no_ids;
    REQUIRE(no_ids.workflow_id.try_push_back(lenient<didit::uuid>::from_text("wf_1,wf_2")));
    const auto on_no_ids = didit::validate(no_ids);
    CHECK(on_no_ids.contains(finding::list_item_split_at_comma, "workflow_id"));
    CHECK(on_no_ids.contains(finding::no_valid_workflow_id, "workflow_id"));
    CHECK_FALSE(on_no_ids.contains(finding::workflow_id_dropped, "workflow_id"));
}
