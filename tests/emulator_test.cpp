// The emulator, end to end through the client: what it answers, how it filters, orders, pages
// and links, checked against its own store.

#include <algorithm>
#include <cctype>
#include <functional>
#include <string>
#include <vector>

#include <didit/client/client.hpp>
#include <didit/client/pages.hpp>
#include <didit/client/row_traversal.hpp>
#include <didit/json.hpp>
#include <didit/rows.hpp>
#include <didit/testing/emulator.hpp>
#include <didit/testing/generate.hpp>

#include <catch2/catch.hpp>

namespace {

using didit::errc;
using didit::testing::emulator;

constexpr std::string_view key = "sk_test_emulator";

// Time that never waits: retries are not what these tests are about.
struct no_wait {
    std::int64_t monotonic_ms() const { return 0; }
    std::int64_t unix_seconds() const { return 1'795'694'400; }
    void sleep_ms(std::int64_t) const {}
};

struct world {
    emulator server{std::string(key)};
    didit::client<emulator, no_wait> client{server, didit::client_config::make(key).value()};

    explicit world(std::size_t kyc = 120, std::size_t kyb = 130, std::uint64_t seed = 1) {
        didit::testing::session_generator generate(seed);
        server.sessions().kyc = generate.kyc(kyc);
        server.sessions().kyb = generate.kyb(kyb);
    }

    // The session numbers a traversal yields, kind by kind ("u12", "b7"), or the error.
    std::vector<std::string> listing(const didit::query& q) {
        std::vector<std::string> seen;
        for (const auto& page : didit::pages(client, q)) {
            REQUIRE(page.has_value());
            for (const auto row : page->results) {
                REQUIRE(row.has_value());
                seen.push_back(row->kind() == didit::row_kind::kyc
                                   ? "u" + std::to_string(row->kyc().session_number)
                                   : "b" + std::to_string(row->kyb().session_number));
            }
        }
        return seen;
    }

    // What the store says the listing holds, newest first.
    template<class Sessions, class Keep>
    static std::vector<std::string> expected(const Sessions& sessions, const char* prefix,
                                             Keep keep) {
        std::vector<std::int64_t> numbers;
        for (const auto& s : sessions)
            if (keep(s)) numbers.push_back(s.session_number);
        std::sort(numbers.rbegin(), numbers.rend());
        std::vector<std::string> out;
        for (const auto n : numbers)
            out.push_back(prefix + std::to_string(n));
        return out;
    }

    didit::buffered_response get(const std::string& url, std::string_view with_key = key) {
        const didit::http_header headers[] = {{"x-api-key", with_key}};
        return server(didit::http_request{"GET", url, headers}).value();
    }
};

const auto any = [](const auto&) { return true; };

} // namespace

static_assert(didit::transport<emulator>);

TEST_CASE("emulator: every session once, newest first, across pages", "[emulator]") {
    world w;
    CHECK(w.listing({.limit = 50}) == world::expected(w.server.sessions().kyc, "u", any));
    CHECK(w.listing({.session_kind = didit::session_kind::business, .limit = 7}) ==
          world::expected(w.server.sessions().kyb, "b", any));
    CHECK(w.server.sessions().requests == 3 + 19);
}

TEST_CASE("emulator: filters combine with AND, list items with OR", "[emulator]") {
    world w;
    const auto& kyc = w.server.sessions().kyc;
    CHECK(w.listing({.status = {didit::status::approved, didit::status::declined}}) ==
          world::expected(kyc, "u", [](const auto& s) {
              return s.status == didit::status::approved || s.status == didit::status::declined;
          }));
    const auto vendor = *kyc[10].vendor_data;
    CHECK(w.listing({.status = {didit::status::approved}, .vendor_data = vendor}) ==
          world::expected(kyc, "u", [&](const auto& s) {
              return s.status == didit::status::approved && s.vendor_data == vendor;
          }));
    // No valid workflow_id: no rows at all.
    didit::query nothing;
    REQUIRE(
        nothing.workflow_id.try_push_back(didit::lenient<didit::uuid>::from_text("not-a-uuid")));
    CHECK(w.listing(nothing).empty());
}

TEST_CASE("emulator: date_to covers the whole day for KYC, only midnight for KYB", "[emulator]") {
    world w;
    const auto day = w.server.sessions().kyc[40].created_at.date();
    CHECK(w.listing({.date_from = day, .date_to = day}) ==
          world::expected(w.server.sessions().kyc, "u",
                          [&](const auto& s) { return s.created_at.date() == day; }));
    const auto kyb_day = w.server.sessions().kyb[40].created_at.date();
    const didit::query business{.session_kind = didit::session_kind::business, .date_to = kyb_day};
    // A KYB session created during that day is after its midnight: not listed.
    CHECK(w.listing(business) == world::expected(w.server.sessions().kyb, "b", [&](const auto& s) {
              return s.created_at.date() < kyb_day;
          }));
}

TEST_CASE("emulator: search by number, name, UUID", "[emulator]") {
    world w;
    const auto& kyc = w.server.sessions().kyc;
    const auto& named = *std::find_if(kyc.begin(), kyc.end(),
                                      [](const auto& s) { return s.full_name.has_value(); });
    const auto number = std::to_string(named.session_number);
    const auto mine = "u" + number;
    const auto by_number = w.listing({.search = number});
    CHECK(std::find(by_number.begin(), by_number.end(), mine) != by_number.end());
    const auto by_name = w.listing({.search = *named.full_name});
    CHECK(std::find(by_name.begin(), by_name.end(), mine) != by_name.end());
    // Everyone of that exact name is found.
    for (const auto& s : kyc)
        if (s.full_name == named.full_name)
            CHECK(std::count(by_name.begin(), by_name.end(),
                             "u" + std::to_string(s.session_number)) == 1);
    char id[didit::uuid::text_size];
    named.session_id.to_chars(id);
    CHECK(w.listing({.search = std::string_view(id, sizeof id)}) == std::vector<std::string>{mine});
}

TEST_CASE("emulator: count, KYB cap, next and previous links", "[emulator]") {
    world w(120, 130);
    const auto body =
        w.get("https://verification.didit.me/v3/sessions/?limit=20&offset=20&session_kind=all");
    REQUIRE(body.status() == 200);
    const auto page = didit::parse_page(body.body());
    REQUIRE(page.has_value());
    CHECK(page->count == 120 + 100); // KYB counts stop at 100
    CHECK(page->next->raw() ==
          "https://verification.didit.me/v3/sessions/?limit=20&offset=40&session_kind=all");
    CHECK(page->previous->raw() ==
          "https://verification.didit.me/v3/sessions/?limit=20&session_kind=all");
    int rows = 0;
    for (const auto row : page->results)
        rows += row.has_value();
    CHECK(rows == 40); // a KYC page and a KYB page
}

TEST_CASE("emulator: offsets at the end of the range are past the last row, with no overflow",
          "[emulator]") {
    world w(30, 30);
    for (const char* offset :
         {"9223372036854775807", "9223372036854775800", "99999999999999999999"}) {
        INFO(offset);
        const auto body = w.get("https://verification.didit.me/v3/sessions/?limit=100&offset=" +
                                std::string(offset) + "&session_kind=all");
        REQUIRE(body.status() == 200);
        const auto page = didit::parse_page(body.body());
        REQUIRE(page.has_value());
        CHECK(page->count == 60);
        CHECK_FALSE(page->next);
        CHECK(page->results.begin() == page->results.end());
    }
}

TEST_CASE("emulator: 301 without the slash, 403 before 400, all 400s in one body", "[emulator]") {
    world w;
    const auto moved = w.get("https://verification.didit.me/v3/sessions?limit=5&status=In+Review");
    CHECK(moved.status() == 301);
    CHECK(moved.header("location") == "/v3/sessions/?limit=5&status=In+Review");

    const auto forbidden =
        w.get("https://verification.didit.me/v3/sessions/?date_from=bad", "wrong");
    CHECK(forbidden.status() == 403);
    CHECK(didit::parse_forbidden(forbidden.body()).value().detail ==
          "You do not have permission to perform this action.");

    const auto rejected =
        w.get("https://verification.didit.me/v3/sessions/?date_from=2026-02-30&api_service=FOO");
    CHECK(rejected.status() == 400);
    const auto reasons = didit::parse_bad_request(rejected.body());
    REQUIRE(reasons.has_value());
    std::vector<std::string> parameters;
    for (const auto p : *reasons)
        parameters.push_back(p.parameter.to_string());
    std::sort(parameters.begin(), parameters.end());
    CHECK(parameters == std::vector<std::string>{"api_service", "date_from"});
}

TEST_CASE("emulator: methods other than GET and HEAD get 405, after the key check", "[emulator]") {
    world w;
    const auto send = [&](std::string_view method, std::string_view with_key) {
        const didit::http_header headers[] = {{"x-api-key", with_key}};
        return w
            .server(
                didit::http_request{method, "https://verification.didit.me/v3/sessions/", headers})
            .value();
    };
    CHECK(send("HEAD", key).status() == 200);
    CHECK(send("POST", "wrong").status() == 403);
    for (const std::string_view method : {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "B\"AD"}) {
        INFO(method);
        const auto refused = send(method, key);
        CHECK(refused.status() == 405);
        CHECK(refused.header("allow") == "GET, HEAD");
        const auto body = didit::json::parse(refused.body());
        REQUIRE(body.has_value());
        const auto detail = body->get_object().value().find("detail");
        REQUIRE(detail.has_value());
        CHECK(detail->get_string().value().to_string() ==
              "Method \"" + std::string(method) + "\" not allowed.");
    }
}

TEST_CASE("emulator: the client's redirects and errors against it", "[emulator]") {
    world w;
    const auto page = w.client.fetch_link("/v3/sessions?limit=3"); // answered with a 301
    REQUIRE(page.has_value());
    CHECK(w.client.last_url() == "https://verification.didit.me/v3/sessions/?limit=3");

    emulator other_key(std::string("another"));
    didit::client<emulator, no_wait> refused(other_key, didit::client_config::make(key).value());
    CHECK(refused.fetch_page({}).code() == errc::forbidden);
}

TEST_CASE("emulator: injected 429s, 5xx and dropped connections are retried through",
          "[emulator][faults]") {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        world w(150, 0, seed);
        w.server.inject({.rate_limited_percent = 15,
                         .retry_after_seconds = 2,
                         .server_error_percent = 15,
                         .transport_failure_percent = 10,
                         .seed = seed});
        didit::client_options patient;
        patient.retries.max_attempts = 12;
        patient.retries.deadline_ms = 0;
        didit::client<emulator, no_wait> client(w.server,
                                                didit::client_config::make(key, patient).value());
        std::vector<std::string> seen;
        for (const auto& row : didit::rows(client, {.limit = 20})) {
            REQUIRE(row.has_value());
            seen.push_back("u" + std::to_string(row->kyc().session_number));
        }
        INFO("seed " << seed);
        CHECK(seen == world::expected(w.server.sessions().kyc, "u", any));
        CHECK(w.server.sessions().injected > 0);
    }
}

TEST_CASE("emulator: an outage answers nothing from a given request on", "[emulator][faults]") {
    world w;
    w.server.inject({.outage_after_requests = w.server.sessions().requests + 2});
    const didit::http_header headers[] = {{"x-api-key", key}};
    const didit::http_request request{"GET", "https://verification.didit.me/v3/sessions/", headers};
    CHECK(w.server(request).value().status() == 200);
    CHECK(w.server(request).value().status() == 200);
    for (int i = 0; i < 3; ++i)
        CHECK(w.server(request).code() == didit::errc::transport_failure);
}

TEST_CASE("emulator: both kinds merged newest first, each session once", "[emulator][traversal]") {
    world w(90, 70, 3);
    didit::client<emulator, no_wait> kyb_client(w.server, didit::client_config::make(key).value());
    std::vector<std::pair<std::int64_t, std::string>> seen; // created_at, kind and number
    for (const auto& row : didit::all_rows(w.client, kyb_client, {.limit = 25})) {
        REQUIRE(row.has_value());
        const bool kyc = row->kind() == didit::row_kind::kyc;
        const auto& at = kyc ? row->kyc().created_at : row->kyb().created_at;
        seen.emplace_back(at.value().unix_micros(),
                          (kyc ? "u" : "b") + std::to_string(kyc ? row->kyc().session_number
                                                                 : row->kyb().session_number));
    }
    CHECK(seen.size() == 90 + 70);
    CHECK(std::is_sorted(seen.rbegin(), seen.rend(),
                         [](const auto& a, const auto& b) { return a.first < b.first; }));
    std::vector<std::string> ids;
    for (const auto& [at, id] : seen)
        ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

TEST_CASE("counts: exact for KYC, lower bounds once KYB reaches its cap", "[emulator]") {
    world w(120, 130);
    for (const auto& [kind, count, at_least] :
         {std::tuple{didit::session_kind::user, 120, false},
          std::tuple{didit::session_kind::business, 100, true},
          std::tuple{didit::session_kind::all, 220, true}}) {
        const didit::query q{.session_kind = kind, .limit = 5};
        const auto page = w.client.fetch_page(q);
        REQUIRE(page.has_value());
        const auto counted = didit::count_of(q, *page);
        CHECK(counted.value == count);
        CHECK(counted.at_least == at_least);
    }
    world few(3, 4);
    const didit::query q{.session_kind = didit::session_kind::business};
    const auto page = few.client.fetch_page(q);
    REQUIRE(page.has_value());
    CHECK_FALSE(didit::count_of(q, *page).at_least);
}

TEST_CASE("emulator: the KYC-only filters, warning and organization_name", "[emulator]") {
    world w(300, 60, 11);
    const auto& kyc = w.server.sessions().kyc;
    const auto& kyb = w.server.sessions().kyb;
    const auto& someone = *std::find_if(kyc.begin(), kyc.end(), [](const auto& s) {
        return s.aml_screened_name && s.database_validation_screened_name;
    });
    char euuid[didit::uuid::text_size];
    someone.euuid.to_chars(euuid);
    const std::string screened = *someone.aml_screened_name;

    using kyc_rule = std::function<bool(const didit::testing::kyc_session&)>;
    struct filter_case {
        std::vector<std::pair<std::string, std::string>> raw;
        kyc_rule keep;
    };
    const auto has = [](const auto& list, std::string_view v) {
        return std::find(list.begin(), list.end(), v) != list.end();
    };
    const std::vector<filter_case> cases{
        {{{"document_type", "P,DL"}},
         [](const auto& s) {
             return s.document_type == didit::document_type::passport ||
                    s.document_type == didit::document_type::drivers_license;
         }},
        {{{"document_type", "Passport"}},
         [](const auto&) { return false; }}, // display names match nothing
        {{{"region", "California"}}, [](const auto& s) { return s.region == "California"; }},
        {{{"document_name", "Germany - Id Card, Type B"}}, // one " - ": matched whole
         [](const auto& s) { return s.document_name == "Germany - Id Card, Type B"; }},
        {{{"session_type", "API,HOSTED"}},
         [](const auto& s) {
             return s.session_type == didit::session_type::api ||
                    s.session_type == didit::session_type::hosted;
         }},
        {{{"session_type", "MIGRATED,ALL"}}, [](const auto&) { return true; }},
        {{{"session_type", "FOO"}}, [](const auto&) { return false; }},
        {{{"api_service", "AML"}},
         [](const auto& s) { return s.api_service == didit::api_service::aml; }},
        {{{"screened_full_name", screened}},
         [&](const auto& s) {
             return (s.aml_screened_name &&
                     s.aml_screened_name->find(screened) != std::string::npos) ||
                    (s.database_validation_screened_name &&
                     s.database_validation_screened_name->find(screened) != std::string::npos);
         }},
        {{{"screened_full_name", screened}, {"api_service", "DATABASE_VALIDATION"}},
         [&](const auto& s) {
             return s.api_service == didit::api_service::database_validation &&
                    s.database_validation_screened_name &&
                    s.database_validation_screened_name->find(screened) != std::string::npos;
         }},
        {{{"warning", "POSSIBLE_FRAUD,NOPE"}},
         [&](const auto& s) { return has(s.warnings, "POSSIBLE_FRAUD"); }},
        {{{"status_initialized_as_in_review", "true"}},
         [](const auto& s) { return s.initialized_in_review; }},
        {{{"is_kyc_to_be_reviewed", "False"}},
         [](const auto& s) { return s.kyc_to_be_reviewed == false; }},
        {{{"euuid", std::string(euuid, sizeof euuid)}},
         [&](const auto& s) { return s.euuid == someone.euuid; }},
        {{{"organization_name", "Other,Acme Verifications"}}, [](const auto&) { return true; }},
        {{{"organization_name", "Other"}}, [](const auto&) { return false; }},
    };
    std::size_t selective = 0; // cases whose expected rows are neither none nor all
    for (const auto& c : cases) {
        std::vector<didit::raw_parameter> raw;
        for (const auto& [name, value] : c.raw)
            raw.push_back({name, value});
        const auto parsed = didit::parse_query(raw);
        REQUIRE(parsed.has_value());
        REQUIRE_FALSE(parsed->findings.has_errors());
        INFO(c.raw.front().first << "=" << c.raw.front().second);
        const auto listed = w.listing(parsed->value);
        const auto expected = world::expected(kyc, "u", c.keep);
        CHECK(listed == expected);
        selective += !expected.empty() && expected.size() < kyc.size();
    }
    CHECK(selective >= 10); // the generator gives most filters something to select

    // KYB rows honour warning and organization_name, and ignore the KYC-only filters.
    const auto business = [&](std::vector<didit::raw_parameter> raw) {
        raw.push_back({"session_kind", "business"});
        return w.listing(didit::parse_query(raw).value().value);
    };
    CHECK(business({{"warning", "POSSIBLE_FRAUD"}}) ==
          world::expected(kyb, "b",
                          [&](const auto& s) { return has(s.warnings, "POSSIBLE_FRAUD"); }));
    CHECK(business({{"organization_name", "Other"}}).empty());
    CHECK(business({{"document_type", "P"}, {"region", "Texas"}}) ==
          world::expected(kyb, "b", any));
}

TEST_CASE("emulator: name search ignores case and accents", "[emulator]") {
    world w(200, 0, 8);
    const auto& kyc = w.server.sessions().kyc;
    for (const auto& names :
         {std::pair{"José García", "jose garcia"}, std::pair{"Łukasz Müller", "LUKASZ MULLER"},
          std::pair{"Zoë Øster", "zoe oster"}}) {
        const std::string accented = names.first; // a variable, not a binding: captured below
        const std::string_view plain = names.second;
        INFO(accented);
        const auto expected =
            world::expected(kyc, "u", [&](const auto& s) { return s.full_name == accented; });
        const auto listed = w.listing({.search = plain});
        // No other generated name or vendor_data holds these, accents and case aside.
        CHECK_FALSE(expected.empty());
        CHECK(listed == expected);
    }
    CHECK(w.listing({.search = "nobody by this name"}).empty());
}

TEST_CASE("emulator: search finds document and personal numbers", "[emulator]") {
    world w(150, 0, 4);
    const auto& kyc = w.server.sessions().kyc;
    const auto& holder = *std::find_if(kyc.begin(), kyc.end(), [](const auto& s) {
        return s.document_number.has_value() && s.personal_number.has_value();
    });
    const auto mine = "u" + std::to_string(holder.session_number);
    // The reference's rules for a term of letters and digits, in ASCII (these numbers are):
    // document or personal number, name or vendor_data containing it, any case; or the
    // session number starting with its digits. A term of digits alone (with + - . or spaces)
    // is not looked for in names, and also matches a phone number's first digits.
    const auto lower = [](std::string text) {
        for (auto& c : text)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    };
    const auto digits_of = [](const std::string& text) {
        std::string digits;
        for (const char c : text)
            if (c >= '0' && c <= '9') digits += c;
        return digits;
    };
    for (const auto& term : {*holder.document_number, *holder.personal_number}) {
        INFO(term);
        const auto digits = digits_of(term);
        const bool numeric =
            term.find_first_not_of("0123456789+-. ") == std::string::npos && !digits.empty();
        const auto has = [&](const std::optional<std::string>& field) {
            return field && lower(*field).find(lower(term)) != std::string::npos;
        };
        const auto listed = w.listing({.search = term});
        CHECK(std::find(listed.begin(), listed.end(), mine) != listed.end());
        CHECK(listed == world::expected(kyc, "u", [&](const didit::testing::kyc_session& s) {
                  return has(s.document_number) || has(s.personal_number) || has(s.vendor_data) ||
                         (!numeric && has(s.full_name)) ||
                         (!digits.empty() &&
                          std::to_string(s.session_number).starts_with(digits)) ||
                         (numeric && s.phone_number &&
                          digits_of(*s.phone_number).starts_with(digits));
              }));
    }
}
