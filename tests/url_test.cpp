// URLs the client follows: RFC 3986 resolution, and origins that cannot be spoofed.

#include <random>
#include <string>
#include <utility>
#include <vector>

#include <didit/client/url.hpp>

#include <catch2/catch.hpp>

namespace {

std::string resolved(std::string_view base, std::string_view reference) {
    const auto url = didit::resolve_url(base, reference);
    INFO(reference << ": " << url.error().message);
    REQUIRE(url.has_value());
    return std::string(url.value().view());
}

bool same_origin(std::string_view a, std::string_view b) {
    return didit::origin::of(a).value() == didit::origin::of(b).value();
}

} // namespace

TEST_CASE("references resolve as RFC 3986 section 5.4 shows", "[url]") {
    // The RFC's own examples, with fragments left out since they are never sent.
    const std::vector<std::pair<std::string, std::string>> examples{
        {"g:h", "g:h"},
        {"g", "http://a/b/c/g"},
        {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"},
        {"/g", "http://a/g"},
        {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"},
        {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q"},
        {"g#s", "http://a/b/c/g"},
        {"g?y#s", "http://a/b/c/g?y"},
        {";x", "http://a/b/c/;x"},
        {"g;x", "http://a/b/c/g;x"},
        {"g;x?y#s", "http://a/b/c/g;x?y"},
        {"", "http://a/b/c/d;p?q"},
        {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"},
        {"..", "http://a/b/"},
        {"../", "http://a/b/"},
        {"../g", "http://a/b/g"},
        {"../..", "http://a/"},
        {"../../", "http://a/"},
        {"../../g", "http://a/g"},
        {"../../../g", "http://a/g"},
        {"../../../../g", "http://a/g"},
        {"/./g", "http://a/g"},
        {"/../g", "http://a/g"},
        {"g.", "http://a/b/c/g."},
        {".g", "http://a/b/c/.g"},
        {"g..", "http://a/b/c/g.."},
        {"..g", "http://a/b/c/..g"},
        {"./../g", "http://a/b/g"},
        {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"},
        {"g/../h", "http://a/b/c/h"},
        {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
        {"g;x=1/../y", "http://a/b/c/y"},
        {"g?y/./x", "http://a/b/c/g?y/./x"},
        {"g?y/../x", "http://a/b/c/g?y/../x"},
        {"http:g", "http:g"},
    };
    for (const auto& [reference, expected] : examples) {
        INFO(reference);
        CHECK(resolved("http://a/b/c/d;p?q", reference) == expected);
    }
}

TEST_CASE("the server's redirect and next links resolve against the request", "[url]") {
    const std::string request = "https://verification.didit.me/v3/sessions?limit=20&offset=40";
    CHECK(resolved(request, "/v3/sessions/?limit=20&offset=40") ==
          "https://verification.didit.me/v3/sessions/?limit=20&offset=40");
    CHECK(resolved(request, "sessions/?offset=60") ==
          "https://verification.didit.me/v3/sessions/?offset=60");
    CHECK(resolved(request, "https://verification.didit.me/v3/sessions/?offset=60") ==
          "https://verification.didit.me/v3/sessions/?offset=60");
}

TEST_CASE("origins: scheme, host up to case, and port with its default", "[url]") {
    CHECK(same_origin("https://verification.didit.me/v3/sessions/",
                      "HTTPS://Verification.Didit.ME:443/other?x=1"));
    CHECK(same_origin("http://127.0.0.1:8080/", "http://127.0.0.1:8080/v3/"));
    CHECK(same_origin("http://[::1]:9/", "http://[::1]:9/v3/"));
    CHECK_FALSE(same_origin("https://verification.didit.me/", "http://verification.didit.me/"));
    // Each part alone: the scheme at the same port, the port at the same scheme, and what does
    // not count (the host's case, a default port written out).
    CHECK_FALSE(same_origin("https://verification.didit.me/", "http://verification.didit.me:443/"));
    CHECK_FALSE(same_origin("http://127.0.0.1:8080/", "https://127.0.0.1:8080/"));
    CHECK_FALSE(same_origin("http://127.0.0.1:8080/", "http://127.0.0.1:8081/"));
    CHECK_FALSE(same_origin("http://127.0.0.1/", "http://127.0.0.2/"));
    CHECK(same_origin("http://example.com/", "http://EXAMPLE.com:80/"));
    CHECK(same_origin("https://example.com:443/", "https://Example.Com/"));
    CHECK_FALSE(
        same_origin("https://verification.didit.me/", "https://verification.didit.me:8443/"));
    CHECK_FALSE(same_origin("https://verification.didit.me/",
                            "https://verification.didit.me.evil.example/"));
    CHECK_FALSE(same_origin("https://verification.didit.me/",
                            "https://evil.example/verification.didit.me"));
    const auto loopback = didit::origin::of("http://[::1]:9/").value();
    CHECK(loopback.host() == "[::1]");
    CHECK(loopback.port() == 9);
    CHECK_FALSE(loopback.secure());
}

TEST_CASE("URLs that could send a request somewhere else are refused", "[url]") {
    for (const std::string_view hostile : {
             "https://verification.didit.me@evil.example/v3/sessions/", // the host is evil.example
             "https://user:key@verification.didit.me/",                 // credentials in a URL
             "https://evil.example\\@verification.didit.me/",           // a backslash
             "https://evil.example /",                                  // a space
             "https://verification.didit.me\t/",                        // a control character
             "https://verification.didit.me%2F@evil.example/",          // '@' after an escape
             "javascript:alert(1)",
             "ftp://verification.didit.me/",
             "https:///v3/sessions/", // no host
             "/v3/sessions/",         // not absolute
             "https://verification.didit.me:99999/",
             "https://verification.didit.me:0/",
             "https://verification.didit.me:44x/",
             "https://[::1/",
             "https://[::1]x/",
             "https://verification.didit.me/%zz",
         }) {
        INFO(hostile);
        CHECK_FALSE(didit::origin::of(hostile).has_value());
    }
}

TEST_CASE("a resolved URL longer than the limit is an error, not a cut URL", "[url]") {
    const std::string long_query(didit::max_url_size, 'q');
    const auto url =
        didit::resolve_url("https://verification.didit.me/v3/sessions/", "?" + long_query);
    CHECK(url.code() == didit::errc::capacity_exceeded);
}

TEST_CASE("property: an absolute reference resolves to itself", "[url][property]") {
    std::mt19937 random(3);
    const auto segment = [&] {
        std::string s;
        const auto length = 1 + random() % 8;
        for (std::size_t i = 0; i < length; ++i)
            s += "abcXYZ019-_~%20"[random() % 12];
        return s;
    };
    for (int round = 0; round < 1000; ++round) {
        std::string url = random() % 2 ? "https://" : "http://";
        url += segment() + ".example";
        if (random() % 3 == 0) url += ":" + std::to_string(1 + random() % 65535);
        const auto segments = random() % 4;
        for (std::size_t i = 0; i < segments; ++i)
            url += "/" + segment();
        if (random() % 2) url += "/?" + segment() + "=" + segment();
        INFO(url);
        CHECK(resolved("https://verification.didit.me/v3/sessions/?limit=5", url) == url);
        CHECK(same_origin(url, resolved(url, "/v3/sessions/?" + segment())));
    }
}

TEST_CASE("a path without an authority never comes out reading as one", "[url]") {
    // "/..//x" loses its dot segment to "//x", which after "https:" would be a host: "/."
    // keeps it a path, and resolving the result again gives it back (found by fuzzing).
    CHECK(resolved("https:/..//x", "https:/..//x") == "https:/.//x");
    CHECK(resolved("https:/..//x", "https:/.//x") == "https:/.//x");
    CHECK(resolved("https:/a/b", "..//x") == "https:/.//x");
    CHECK(resolved("https://h/a/b", "..//x") == "https://h//x"); // with a host, no need
}

TEST_CASE("URLs resolve in constant evaluation", "[url]") {
    static_assert(didit::resolve_url("https://h/v3/sessions", "/v3/sessions/?x=1").value().view() ==
                  "https://h/v3/sessions/?x=1");
    static_assert(!didit::origin::of("https://a@b/").has_value());
    SUCCEED("checked at compile time");
}
