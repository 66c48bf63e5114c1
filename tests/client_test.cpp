// The client against a scripted transport that records every request: one page, redirects,
// each error status, and the API key never leaving the configured origin.

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <didit/client/client.hpp>
#include <didit/client/pages.hpp>
#include <didit/rows.hpp>
#include <didit/testing/emulator.hpp>

#include <catch2/catch.hpp>

namespace {

using didit::errc;

// Owns what it answers: the emulator's response type serves any scripted answer too.
using owned_response = didit::buffered_response;

struct sent_request {
    std::string method;
    std::string url;
    std::map<std::string, std::string> headers;
    didit::response_limits limits;
};

// Answers each URL with its scripted responses in turn, repeating the last (404 for a URL with
// none), and records what was sent.
class scripted_transport {
public:
    struct script {
        std::map<std::string, std::deque<owned_response>> responses;
        std::vector<sent_request> sent;
        bool fail = false;
        errc failure = errc::invalid_value; // the code of a failure, which the client replaces
                                            // unless it is response_too_large
    };

    explicit scripted_transport(std::shared_ptr<script> s)
        : script_(std::move(s)) {}

    didit::result<owned_response> operator()(const didit::http_request& request) {
        sent_request copy{
            std::string(request.method), std::string(request.url), {}, request.limits};
        for (const auto& h : request.headers)
            copy.headers[std::string(h.name)] = std::string(h.value);
        script_->sent.push_back(copy);
        if (script_->fail) return didit::error{script_->failure, "connection refused"};
        const auto found = script_->responses.find(std::string(request.url));
        if (found == script_->responses.end() || found->second.empty())
            return owned_response{404, {}, "{}"};
        auto& queue = found->second;
        const auto response = queue.front();
        if (queue.size() > 1) queue.pop_front();
        return response;
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

// A clock that moves only when the client sleeps, and remembers each sleep.
class fake_time {
public:
    struct state {
        std::int64_t monotonic = 1'000;
        std::int64_t wall = 1'795'694'400; // 2026-11-26T12:00:00Z
        std::vector<std::int64_t> sleeps;
    };
    explicit fake_time(std::shared_ptr<state> s = std::make_shared<state>())
        : state_(std::move(s)) {}
    std::int64_t monotonic_ms() const { return state_->monotonic; }
    std::int64_t unix_seconds() const { return state_->wall; }
    void sleep_ms(std::int64_t ms) const {
        state_->sleeps.push_back(ms);
        state_->monotonic += ms;
        state_->wall += ms / 1000;
    }

private:
    std::shared_ptr<state> state_;
};

static_assert(didit::time_source<fake_time>);

didit::client_options single_attempt() {
    didit::client_options options;
    options.retries.max_attempts = 1;
    return options;
}

struct fixture {
    std::shared_ptr<scripted_transport::script> script =
        std::make_shared<scripted_transport::script>();
    std::shared_ptr<fake_time::state> clock = std::make_shared<fake_time::state>();
    didit::client<scripted_transport, fake_time> client;

    explicit fixture(didit::client_options options = single_attempt())
        : client(scripted_transport(script), didit::client_config::make(key, options).value(),
                 fake_time(clock)) {}
    const didit::query two{.limit = 2};

    // From now on, `url` answers this.
    void answer(const std::string& url, int status, std::string body = "{}",
                std::vector<std::pair<std::string, std::string>> headers = {}) {
        script->responses[url] = {owned_response{status, std::move(headers), std::move(body)}};
    }
    // After what `url` already answers, it answers this.
    void then(const std::string& url, int status, std::string body = "{}",
              std::vector<std::pair<std::string, std::string>> headers = {}) {
        script->responses[url].push_back(
            owned_response{status, std::move(headers), std::move(body)});
    }
    didit::error failure() {
        const auto page = client.fetch_page(two);
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

TEST_CASE("schemes and hosts compare up to case: an upper-case base URL, a mixed-case redirect",
          "[client]") {
    auto options = single_attempt();
    options.base_url = "HTTPS://Verification.Didit.ME";
    fixture f(options);
    const std::string first = "HTTPS://Verification.Didit.ME/v3/sessions/?limit=2";
    const std::string moved = "hTTpS://verification.didit.me:443/v3/sessions/?limit=2&x=1";
    f.answer(first, 302, "", {{"Location", moved}});
    f.answer(moved, 200, page_body);
    REQUIRE(f.client.fetch_page(f.two).has_value());
    REQUIRE(f.script->sent.size() == 2);
    CHECK(f.script->sent[1].url == moved);
    for (const auto& sent : f.script->sent)
        CHECK(sent.headers.at("x-api-key") == key);
    f.check_key_stayed_home();
}

TEST_CASE("a redirect or link to another origin is refused before any request", "[client]") {
    // Another host, scheme (at the same port too) or port; credentials and a backslash in the
    // authority make a URL that is refused before its origin is compared.
    const std::pair<std::string, errc> refused[] = {
        {"https://evil.example/v3/sessions/", errc::foreign_origin},
        {"http://verification.didit.me/v3/sessions/", errc::foreign_origin},
        {"http://verification.didit.me:443/v3/sessions/", errc::foreign_origin},
        {"https://verification.didit.me:8443/", errc::foreign_origin},
        {"//evil.example/v3/", errc::foreign_origin},
        {"https://verification.didit.me@evil.example/", errc::invalid_value},
        {"https://evil.example\\@verification.didit.me/", errc::invalid_value}};
    for (const auto& [location, code] : refused) {
        INFO(location);
        fixture f;
        f.answer(first_url, 302, "", {{"Location", location}});
        CHECK(f.failure().code == code);
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
    const auto reasons = f.client.last_bad_request();
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

TEST_CASE("a base URL is checked alone as a configuration checks it", "[client]") {
    for (const std::string_view url :
         {"http://127.0.0.1:8080", "https://h/", "HTTPS://H:443//", "https://h/v3", "https://h?a",
          "https://h#f", "https://a@h", "ftp://h", "https://h:0", "https://h:65536", "h", ""}) {
        CAPTURE(url);
        const auto alone = didit::base_origin(url);
        const auto config = didit::client_config::make(key, {.base_url = url});
        REQUIRE(alone.has_value() == config.has_value());
        if (alone) CHECK(alone.value() == config.value().base);
        if (!alone) CHECK(alone.error().message == config.error().message);
    }
    const auto local = didit::base_origin("http://localhost:8000/");
    REQUIRE(local.has_value());
    CHECK_FALSE(local.value().secure());
    CHECK(local.value().host() == "localhost");
    CHECK(local.value().port() == 8000);
}

TEST_CASE("failures that may pass are retried, with growing, jittered waits", "[client][retry]") {
    fixture f(didit::client_options{});
    f.answer(first_url, 503);
    f.then(first_url, 500);
    f.then(first_url, 502);
    f.then(first_url, 200, page_body);
    const auto page = f.client.fetch_page(f.two);
    REQUIRE(page.has_value());
    CHECK(f.script->sent.size() == 4);
    REQUIRE(f.clock->sleeps.size() == 3);
    // Retry k waits between half and all of 500 ms * 2^(k-1).
    for (std::size_t k = 0; k < 3; ++k) {
        const std::int64_t backoff = 500 << k;
        INFO("retry " << k + 1 << " waited " << f.clock->sleeps[k]);
        CHECK(f.clock->sleeps[k] >= backoff / 2);
        CHECK(f.clock->sleeps[k] <= backoff);
    }
}

TEST_CASE("Retry-After is honoured and transport failures are retried", "[client][retry]") {
    fixture f(didit::client_options{});
    f.answer(first_url, 429, "", {{"Retry-After", "3"}});
    f.then(first_url, 200, page_body);
    REQUIRE(f.client.fetch_page(f.two).has_value());
    CHECK(f.clock->sleeps == std::vector<std::int64_t>{3'000});

    fixture g(didit::client_options{});
    g.script->fail = true;
    CHECK(g.client.fetch_page(g.two).code() == errc::transport_failure);
    CHECK(g.script->sent.size() == 4); // every attempt
    CHECK(g.clock->sleeps.size() == 3);
}

TEST_CASE("retries stop at the attempt limit and before the deadline", "[client][retry]") {
    didit::client_options options;
    options.retries.max_attempts = 2;
    fixture f(options);
    f.answer(first_url, 500);
    CHECK(f.client.fetch_page(f.two).code() == errc::server_error);
    CHECK(f.script->sent.size() == 2);

    options = {};
    options.retries.deadline_ms = 10'000;
    fixture g(options);
    g.answer(first_url, 429, "", {{"Retry-After", "60"}}); // asks for more than the deadline
    CHECK(g.client.fetch_page(g.two).code() == errc::deadline_exceeded);
    CHECK(g.script->sent.size() == 1);
    CHECK(g.clock->sleeps.empty());

    // A Retry-After of ages: compared with the time left, it cannot overflow (found by fuzzing).
    fixture h(options);
    h.answer(first_url, 503, "", {{"Retry-After", "99999999999999999999"}});
    CHECK(h.client.fetch_page(h.two).code() == errc::deadline_exceeded);
    CHECK(h.clock->sleeps.empty());
}

TEST_CASE("each request tells the transport its limits: sizes, and the deadline's time left",
          "[client][limits]") {
    didit::client_options options;
    options.max_body_bytes = 5000;
    options.max_header_bytes = 700;
    options.retries.deadline_ms = 10'000;
    fixture f(options);
    f.answer(first_url, 503, "", {{"Retry-After", "3"}});
    f.then(first_url, 200, page_body);
    REQUIRE(f.client.fetch_page(f.two).has_value());
    REQUIRE(f.script->sent.size() == 2);
    for (const auto& sent : f.script->sent) {
        CHECK(sent.limits.max_body_bytes == 5000);
        CHECK(sent.limits.max_header_bytes == 700);
    }
    CHECK(f.script->sent[0].limits.timeout_ms == 10'000);
    CHECK(f.script->sent[1].limits.timeout_ms == 7'000); // after waiting 3 s

    fixture without_deadline(didit::client_options{.retries = {.deadline_ms = 0}});
    without_deadline.answer(first_url, 200, page_body);
    REQUIRE(without_deadline.client.fetch_page(without_deadline.two).has_value());
    CHECK(without_deadline.script->sent[0].limits.timeout_ms == 0);
    const didit::response_limits defaults;
    CHECK(without_deadline.script->sent[0].limits.max_body_bytes == defaults.max_body_bytes);
    CHECK(defaults.max_body_bytes == 8 * 1024 * 1024);
}

TEST_CASE("a response larger than the limit is an error, never decoded nor retried",
          "[client][limits]") {
    didit::client_options options;
    options.max_body_bytes = page_body.size() - 1;
    fixture f(options);
    f.answer(first_url, 200, page_body);
    CHECK(f.failure().code == errc::response_too_large);
    CHECK(f.script->sent.size() == 1);

    options.max_body_bytes = page_body.size();
    fixture fits(options);
    fits.answer(first_url, 200, page_body);
    CHECK(fits.client.fetch_page(fits.two).has_value());

    // A transport that stops reading at the limit says so, and that is not retried either.
    fixture g(didit::client_options{});
    g.script->fail = true;
    g.script->failure = errc::response_too_large;
    CHECK(g.failure().code == errc::response_too_large);
    CHECK(g.script->sent.size() == 1);

    CHECK(didit::client_config::make(key, {.max_body_bytes = 0}).code() == errc::invalid_value);
    CHECK(didit::client_config::make(key, {.max_header_bytes = 0}).code() == errc::invalid_value);
}

TEST_CASE("errors that will not pass are not retried", "[client][retry]") {
    for (const int status : {400, 401, 403, 404, 418}) {
        INFO(status);
        fixture f(didit::client_options{});
        f.answer(first_url, status);
        CHECK_FALSE(f.client.fetch_page(f.two).has_value());
        CHECK(f.script->sent.size() == 1);
    }
    fixture f(didit::client_options{});
    f.answer(first_url, 200, "{not json");
    CHECK(f.client.fetch_page(f.two).code() == errc::syntax_error);
    CHECK(f.script->sent.size() == 1);
}

namespace {

std::string page_with_next(int number, const std::string& next) {
    return R"({"count": 3, "next": )" + (next.empty() ? std::string("null") : "\"" + next + "\"") +
           R"(, "previous": null, "results": [{"session_id": "x", "session_kind": "user",
           "session_number": )" +
           std::to_string(number) +
           R"(, "status": "Approved", "created_at": "2026-06-09T12:26:54Z"}]})";
}

// The session number of each page, or the error that ended the traversal.
std::vector<std::string> traverse(fixture& f) {
    std::vector<std::string> seen;
    for (const auto& page : didit::pages(f.client, f.two)) {
        if (!page) {
            seen.push_back(std::string(page.error().message));
            continue;
        }
        for (const auto row : page->results)
            seen.push_back(std::to_string(row->kyc().session_number));
    }
    return seen;
}

const std::string second_url = base + "/v3/sessions/?limit=2&offset=2";
const std::string third_url = base + "/v3/sessions/?limit=2&offset=4";

} // namespace

TEST_CASE("pages follow next links to the end, one request each", "[client][pages]") {
    fixture f;
    f.answer(first_url, 200, page_with_next(9, second_url));
    f.answer(second_url, 200, page_with_next(8, "/v3/sessions/?limit=2&offset=4")); // relative
    f.answer(third_url, 200, page_with_next(7, ""));
    CHECK(traverse(f) == std::vector<std::string>{"9", "8", "7"});
    CHECK(f.script->sent.size() == 3);
}

TEST_CASE("a traversal stops at the first error and yields it", "[client][pages]") {
    fixture f;
    f.answer(first_url, 200, page_with_next(9, second_url));
    f.answer(second_url, 403, R"({"detail": "no"})");
    f.answer(third_url, 200, page_with_next(7, ""));
    const auto seen = traverse(f);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0] == "9");
    CHECK(f.script->sent.size() == 2);
}

TEST_CASE("next links that loop, go back or lead away end the traversal unsent",
          "[client][pages]") {
    for (const std::string& next :
         {first_url, base + "/v3/sessions/?limit=2&offset=0", base + "/v3/sessions/?limit=2",
          std::string("https://evil.example/?offset=9")}) {
        INFO(next);
        fixture f;
        f.answer(first_url, 200, page_with_next(9, next));
        const auto seen = traverse(f);
        REQUIRE(seen.size() == 2);
        CHECK(seen[0] == "9");
        CHECK(f.script->sent.size() == 1);
    }
    fixture f;
    f.answer(first_url, 200,
             R"({"count": 3, "next": ")" + second_url + R"(", "previous": null, "results": []})");
    CHECK(traverse(f) ==
          std::vector<std::string>{"the next link does not move forward through the listing"});
    CHECK(f.script->sent.size() == 1);
}
