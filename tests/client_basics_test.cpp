// The client's building blocks: the transport concept, request headers, API keys, Retry-After.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <didit/client/request.hpp>
#include <didit/client/retry_after.hpp>
#include <didit/client/transport.hpp>
#include <didit/version.hpp>

#include <catch2/catch.hpp>

namespace {

struct canned_response {
    int code = 200;
    std::vector<didit::http_header> headers;
    std::string text;

    int status() const { return code; }
    std::optional<std::string_view> header(std::string_view name) const {
        return didit::find_header(headers, name);
    }
    std::string_view body() const { return text; }
};

struct canned_transport {
    didit::result<canned_response> operator()(const didit::http_request&) {
        return canned_response{};
    }
};

struct returns_plain_response {
    canned_response operator()(const didit::http_request&) { return {}; }
};

struct response_without_body {
    int status() const { return 200; }
    std::optional<std::string_view> header(std::string_view) const { return std::nullopt; }
};

struct wrong_response_transport {
    didit::result<response_without_body> operator()(const didit::http_request&) {
        return response_without_body{};
    }
};

// Its body() is a copy, destroyed before a page could be decoded from it.
struct response_with_owning_body {
    int status() const { return 200; }
    std::optional<std::string_view> header(std::string_view) const { return std::nullopt; }
    std::string body() const { return "{}"; }
};

struct owning_body_transport {
    didit::result<response_with_owning_body> operator()(const didit::http_request&) {
        return response_with_owning_body{};
    }
};

// 2026-11-26T12:00:00Z
constexpr std::int64_t now = 1'795'694'400;

} // namespace

TEST_CASE("the transport concept accepts a callable returning result<response>", "[client]") {
    static_assert(didit::transport<canned_transport>);
    static_assert(std::is_same_v<didit::transport_response_t<canned_transport>, canned_response>);
    static_assert(!didit::transport<returns_plain_response>);   // failures need a channel
    static_assert(!didit::transport<wrong_response_transport>); // a response needs a body
    static_assert(!didit::transport<int>);
    // A body must be a view into the response (a client refuses one with a static_assert that
    // says so: compile_fail/response_body_by_value.cpp).
    static_assert(!didit::transport<owning_body_transport>);
    static_assert(didit::body_is_a_view_into_the_response<canned_response>);
    static_assert(!didit::body_is_a_view_into_the_response<response_with_owning_body>);
    SUCCEED("checked at compile time");
}

TEST_CASE("headers are found by name in any case", "[client]") {
    const std::vector<didit::http_header> headers{{"Retry-After", "120"}, {"retry-after", "5"}};
    CHECK(didit::find_header(headers, "RETRY-AFTER") == "120");
    CHECK_FALSE(didit::find_header(headers, "Location").has_value());
}

TEST_CASE("every request carries the key, Accept and a User-Agent with the version", "[client]") {
    const auto key = didit::api_key::make("sk_live_0123456789").value();
    const auto headers = didit::headers_for(key);
    CHECK(didit::find_header(headers, "x-api-key") == "sk_live_0123456789");
    CHECK(didit::find_header(headers, "accept") == "application/json");
    CHECK(didit::find_header(headers, "user-agent") ==
          "didit-sessions/" + std::string(DIDIT_PROJECT_VERSION));
    CHECK(std::string(didit::version_string) == DIDIT_PROJECT_VERSION);
}

TEST_CASE("API keys that could forge headers are refused, and never quoted", "[client]") {
    for (const std::string_view bad :
         {std::string_view(""), std::string_view("key\r\nX-Evil: 1"), std::string_view("key\n"),
          std::string_view("key with space"), std::string_view("key\t"), std::string_view("k\x7F"),
          std::string_view("cl\xC3\xA9"), std::string_view("a\0b", 3)}) {
        const auto key = didit::api_key::make(bad);
        INFO(key.error().message);
        CHECK(key.code() == didit::errc::invalid_value);
        CHECK(key.error().subject.empty());
    }
}

TEST_CASE("Retry-After as seconds", "[client][retry-after]") {
    CHECK(didit::retry_after_seconds("120", now).value() == 120);
    CHECK(didit::retry_after_seconds(" 0 ", now).value() == 0);
    CHECK(didit::retry_after_seconds("99999999999999999999999", now).value() > 1'000'000'000'000);
    for (const std::string_view bad : {"", "-1", "1.5", "12s", "+3", "soon"}) {
        INFO(bad);
        CHECK(didit::retry_after_seconds(bad, now).code() == didit::errc::invalid_value);
    }
}

TEST_CASE("Retry-After as an HTTP-date in each of its three forms", "[client][retry-after]") {
    // The RFC's example instant, in each form.
    CHECK(didit::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", now).value() == 784'111'777);
    CHECK(didit::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", now).value() == 784'111'777);
    CHECK(didit::parse_http_date("Sun Nov  6 08:49:37 1994", now).value() == 784'111'777);
    CHECK(didit::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT", now).value() == 1'445'412'480);
    // Two-digit years: more than 50 years ahead means the past century.
    CHECK(didit::parse_http_date("Saturday, 01-Jan-77 00:00:00 GMT", now).value() == 220'924'800);
    CHECK(didit::parse_http_date("Wednesday, 01-Jan-76 00:00:00 GMT", now).value() ==
          3'345'062'400);
    CHECK(didit::parse_http_date("Friday, 01-Jan-27 00:00:00 GMT", now).value() == 1'798'761'600);

    CHECK(didit::retry_after_seconds("Thu, 26 Nov 2026 12:01:30 GMT", now).value() == 90);
    CHECK(didit::retry_after_seconds("Thu, 26 Nov 2026 11:00:00 GMT", now).value() == 0);
    for (const std::string_view bad :
         {"Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
          "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:49:37 GMT",
          "Sun, 06 Nov 1994 08:49:37 GMT junk", "Fun, 06 Nov 1994 08:49:37 GMT",
          "Sun Nov 6 08:49:37 1994", "06 Nov 1994 08:49:37 GMT"}) {
        INFO(bad);
        CHECK(didit::retry_after_seconds(bad, now).code() == didit::errc::invalid_value);
    }
}

TEST_CASE("HTTP-dates parse in constant evaluation", "[client][retry-after]") {
    static_assert(didit::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", 0).value() ==
                  784'111'777);
    SUCCEED("checked at compile time");
}
