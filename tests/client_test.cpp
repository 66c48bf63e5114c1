// The client against a scripted transport that records every request: one page, redirects,
// each error status, and the API key never leaving the configured origin.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <didit/client/client.hpp>
#include <didit/rows.hpp>

#include <catch2/catch.hpp>

namespace {

using didit::errc;

struct owned_response {
    int code = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string text;

    int status() const { return code; }
    std::optional<std::string_view> header(std::string_view name) const {
        for (const auto& [key, value] : headers)
            if (didit::detail::iequals(key, name)) return std::string_view(value);
        return std::nullopt;
    }
    std::string_view body() const { return text; }
};

struct sent_request {
    std::string method;
    std::string url;
    std::map<std::string, std::string> headers;
};

// Answers each URL as scripted (404 otherwise) and records what was sent.
class scripted_transport {
public:
    struct script {
        std::map<std::string, owned_response> responses;
        std::vector<sent_request> sent;
        bool fail = false;
    };

    explicit scripted_transport(std::shared_ptr<script> s)
        : script_(std::move(s)) {}

    didit::result<owned_response> operator()(const didit::http_request& request) {
        sent_request copy{std::string(request.method), std::string(request.url), {}};
        for (const auto& h : request.headers)
            copy.headers[std::string(h.name)] = std::string(h.value);
        script_->sent.push_back(copy);
        if (script_->fail) return didit::error{errc::invalid_value, "connection refused"};
        const auto found = script_->responses.find(std::string(request.url));
        if (found == script_->responses.end()) return owned_response{404, {}, "{}"};
        return found->second;
    }

private:
    std::shared_ptr<script> script_;
};

constexpr std::string_view key = "sk_test_0123456789";
const std::string base = "https://verification.didit.me";
const std::string first_url = base + "/v3/sessions/?limit=2";
const std::string page_body =
    R"({"count": 1, "next": null, "previous": null, "results": [{"session_id": "5b3720ed-d429-42ef-b67f-37ea805f48ee",
        "session_kind": "user", "session_number": 7, "status": "Approved", "created_at": "2026-06-09T12:26:54Z"}]})";

struct fixture {
    std::shared_ptr<scripted_transport::script> script =
        std::make_shared<scripted_transport::script>();
    didit::client<scripted_transport> client{scripted_transport(script),
                                             didit::client_config::make(key).value()};
    const didit::query two{.limit = 2};

    void answer(const std::string& url, int status, std::string body = "{}",
                std::vector<std::pair<std::string, std::string>> headers = {}) {
        script->responses[url] = owned_response{status, std::move(headers), std::move(body)};
    }
    didit::error failure() {
        const auto page = client.fetch_page(two, 1'795'694'400);
        REQUIRE_FALSE(page.has_value());
        return page.error();
    }
    // The key went only to the configured origin.
    void check_key_stayed_home() const {
        for (const auto& r : script->sent) {
            INFO(r.url);
            CHECK(didit::origin::of(r.url).value() == didit::origin::of(base).value());
        }
    }
};

} // namespace

static_assert(didit::transport<scripted_transport>);

TEST_CASE("a page: the canonical URL, the headers, the decoded rows", "[client]") {
    fixture f;
    f.answer(first_url, 200, page_body);
    const auto page = f.client.fetch_page(f.two);
    REQUIRE(page.has_value());
    REQUIRE(f.script->sent.size() == 1);
    const auto& sent = f.script->sent[0];
    CHECK(sent.method == "GET");
    CHECK(sent.url == first_url);
    CHECK(sent.headers.at("x-api-key") == key);
    CHECK(sent.headers.at("Accept") == "application/json");
    CHECK(sent.headers.at("User-Agent").starts_with("didit-sessions/"));
    CHECK(page->count == 1);
    const auto row = *page->results.begin();
    REQUIRE(row.has_value());
    CHECK(row->kyc().session_number == 7);
    CHECK(f.client.last_url() == first_url);
}

TEST_CASE("same-origin redirects are followed, relative ones resolved", "[client]") {
    fixture f;
    // The server's 301 for the path without a slash, as the reference describes it.
    f.answer(first_url, 301, "", {{"Location", "/v3/sessions?limit=2"}});
    f.answer(base + "/v3/sessions?limit=2", 308, "", {{"location", "sessions/?limit=2&x=1"}});
    f.answer(base + "/v3/sessions/?limit=2&x=1", 200, page_body);
    const auto page = f.client.fetch_page(f.two);
    REQUIRE(page.has_value());
    CHECK(f.script->sent.size() == 3);
    CHECK(f.client.last_url() == base + "/v3/sessions/?limit=2&x=1");
    f.check_key_stayed_home();
}

TEST_CASE("a redirect or link to another origin is refused before any request", "[client]") {
    for (const std::string location :
         {"https://evil.example/v3/sessions/", "http://verification.didit.me/v3/sessions/",
          "https://verification.didit.me:8443/", "//evil.example/v3/",
          "https://verification.didit.me@evil.example/",
          "https://evil.example\\@verification.didit.me/"}) {
        INFO(location);
        fixture f;
        f.answer(first_url, 302, "", {{"Location", location}});
        const auto failure = f.failure();
        CHECK((failure.code == errc::foreign_origin || failure.code == errc::invalid_value));
        CHECK(f.script->sent.size() == 1);
        f.check_key_stayed_home();
    }
    fixture f;
    f.answer(first_url, 200, page_body);
    REQUIRE(f.client.fetch_page(f.two).has_value());
    CHECK(f.client.fetch_link("https://evil.example/v3/sessions/?offset=2").code() ==
          errc::foreign_origin);
    CHECK(f.script->sent.size() == 1);
}

TEST_CASE("redirects: at most five in a row, and each needs a Location", "[client]") {
    fixture f;
    f.answer(first_url, 307, "", {{"Location", first_url}});
    CHECK(f.failure().code == errc::too_many_redirects);
    CHECK(f.script->sent.size() == 6); // the request and five redirects

    fixture g;
    g.answer(first_url, 301);
    CHECK(g.failure().code == errc::redirect_refused);
}

TEST_CASE("each error status becomes a typed error", "[client]") {
    fixture f;
    f.answer(first_url, 403, R"({"detail": "You do not have permission to perform this action."})");
    auto failure = f.failure();
    CHECK(failure.code == errc::forbidden);
    CHECK(failure.subject == "You do not have permission to perform this action.");
    CHECK(f.client.last_failure().status == 403);

    f.answer(first_url, 401, "not json");
    CHECK(f.failure().code == errc::forbidden);

    f.answer(first_url, 400, R"({"date_from": ["Enter a valid date."]})");
    CHECK(f.failure().code == errc::bad_request);
    const auto reasons = didit::parse_bad_request(f.client.last_response().body());
    REQUIRE(reasons.has_value());
    CHECK((*reasons->begin()).parameter == "date_from");

    f.answer(first_url, 429, "", {{"Retry-After", "7"}});
    CHECK(f.failure().code == errc::rate_limited);
    CHECK(f.client.last_failure().retry_after_seconds == 7);

    f.answer(first_url, 429, "", {{"Retry-After", "Thu, 26 Nov 2026 12:01:30 GMT"}});
    CHECK(f.failure().code == errc::rate_limited);
    CHECK(f.client.last_failure().retry_after_seconds == 90);

    f.answer(first_url, 503, "", {{"Retry-After", "3"}});
    CHECK(f.failure().code == errc::server_error);
    CHECK(f.client.last_failure().retry_after_seconds == 3);

    f.answer(first_url, 502);
    CHECK(f.failure().code == errc::server_error);
    CHECK_FALSE(f.client.last_failure().retry_after_seconds.has_value());

    f.answer(first_url, 418);
    CHECK(f.failure().code == errc::unexpected_status);
    CHECK(f.client.last_failure().status == 418);
}

TEST_CASE("transport failures and undecodable pages are errors with their causes", "[client]") {
    fixture f;
    f.script->fail = true;
    const auto failure = f.failure();
    CHECK(failure.code == errc::transport_failure);
    CHECK(failure.message == "connection refused");

    fixture g;
    g.answer(first_url, 200, "{\"count\": 1,\n \"results\": [}");
    const auto broken = g.failure();
    CHECK(broken.code == errc::syntax_error);
    CHECK(broken.line == 2);
}

TEST_CASE("configurations: keys, base URLs, limits", "[client]") {
    CHECK(didit::client_config::make("bad\r\nkey").code() == errc::invalid_value);
    CHECK(didit::client_config::make(key, {.base_url = "http://127.0.0.1:8080"}).has_value());
    CHECK(didit::client_config::make(key, {.base_url = "http://127.0.0.1:8080/"}).has_value());
    CHECK_FALSE(didit::client_config::make(key, {.base_url = "https://h/v3"}).has_value());
    CHECK_FALSE(didit::client_config::make(key, {.base_url = "https://a@h"}).has_value());
    CHECK_FALSE(didit::client_config::make(key, {.base_url = "ftp://h"}).has_value());
    CHECK_FALSE(didit::client_config::make(key, {.base_url = "https://h", .max_redirects = -1})
                    .has_value());
}
