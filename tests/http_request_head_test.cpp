// The request heads `serve` reads (examples/http_request_head.hpp): complete only once the empty
// line has arrived, whatever way the bytes were split; refused with the right status past each
// limit or on malformed input; keep-alive and body as HTTP/1.0 and 1.1 define them.

#include <string>

#include <catch2/catch.hpp>

#include "http_request_head.hpp"

namespace {

using didit_cli::head_reading;
using didit_cli::read_request_head;
using didit_cli::request_head_limits;

const std::string listing = "GET /v3/sessions/?limit=2 HTTP/1.1\r\n"
                            "Host: 127.0.0.1:8000\r\n"
                            "x-api-key:  key \t\r\n"
                            "Accept: application/json\r\n"
                            "\r\n";

int refusal_of(const std::string& bytes, const request_head_limits& limits = {}) {
    const auto reading = read_request_head(bytes, limits);
    return reading.state == head_reading::refused ? reading.refusal : 0;
}

} // namespace

TEST_CASE("a request head is complete exactly when its empty line has arrived") {
    for (std::size_t cut = 0; cut < listing.size(); ++cut) {
        INFO("the first " << cut << " bytes");
        CHECK(read_request_head(listing.substr(0, cut)).state == head_reading::incomplete);
    }
    // What follows the head (a pipelined request, a body) is not part of it.
    const std::string pipelined = listing + "GET / HTTP/1.1\r\n";
    const auto reading = read_request_head(pipelined); // views into `pipelined`
    REQUIRE(reading.state == head_reading::complete);
    const auto& head = reading.head;
    CHECK(head.size == listing.size());
    CHECK(head.method == "GET");
    CHECK(head.target == "/v3/sessions/?limit=2");
    REQUIRE(head.fields.size() == 3);
    CHECK(head.fields[1].name == "x-api-key");
    CHECK(head.fields[1].value == "key"); // blanks around a value are not part of it
    CHECK(head.keep_alive);
    CHECK_FALSE(head.has_body);
}

TEST_CASE("bare LF line ends and blank lines before the request line read the same") {
    std::string bare;
    for (const char c : listing)
        if (c != '\r') bare += c;
    for (const auto& bytes : {bare, "\r\n\r\n" + listing}) {
        const auto reading = read_request_head(bytes);
        REQUIRE(reading.state == head_reading::complete);
        CHECK(reading.head.size == bytes.size());
        CHECK(reading.head.target == "/v3/sessions/?limit=2");
        REQUIRE(reading.head.fields.size() == 3);
        CHECK(reading.head.fields[2].value == "application/json");
    }
}

TEST_CASE("malformed heads are refused with 400, unknown versions with 505") {
    const std::string host = "Host: h\r\n";
    CHECK(refusal_of("GARBAGE\r\n\r\n") == 400);
    CHECK(refusal_of("GET  / HTTP/1.1\r\n" + host + "\r\n") == 400);
    CHECK(refusal_of("GET /\x01 HTTP/1.1\r\n" + host + "\r\n") == 400);
    CHECK(refusal_of("G(T / HTTP/1.1\r\n" + host + "\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.x\r\n" + host + "\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/2.0\r\n" + host + "\r\n") == 505);
    CHECK(refusal_of("GET / HTTP/1.1\r\n\r\n") == 400);                    // no Host
    CHECK(refusal_of("GET / HTTP/1.1\r\n" + host + host + "\r\n") == 400); // two
    CHECK(refusal_of("GET / HTTP/1.1\r\n" + host + " folded\r\n\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.1\r\n" + host + "Name : v\r\n\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.1\r\n" + host + "no colon\r\n\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.1\r\n" + host + "X: a\rb\r\n\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.1\r\n" + host + "X: a" + '\0' + "b\r\n\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.1\r\n" + host +
                     "Content-Length: 1\r\nContent-Length: 2\r\n\r\n") == 400);
    CHECK(refusal_of("POST / HTTP/1.1\r\n" + host +
                     "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.0\r\n\r\n") == 0); // HTTP/1.0 may leave Host out
}

TEST_CASE("each limit holds at its value and refuses one past it, before the head ends") {
    const request_head_limits limits{.max_line_bytes = 64, .max_head_bytes = 256, .max_fields = 4};
    const auto line_of = [](std::size_t size) {
        return "GET /" + std::string(size - 14, 'a') + " HTTP/1.1"; // 14: the rest of the line
    };
    CHECK(refusal_of(line_of(64) + "\r\nHost: h\r\n\r\n", limits) == 0);
    CHECK(refusal_of(line_of(65) + "\r\nHost: h\r\n\r\n", limits) == 414);
    CHECK(refusal_of(line_of(65), limits) == 414); // no need to wait for its end

    std::string fields = "Host: h\r\n";
    for (int i = 1; i < 4; ++i)
        fields += "X: " + std::to_string(i) + "\r\n";
    CHECK(refusal_of("GET / HTTP/1.1\r\n" + fields + "\r\n", limits) == 0);
    CHECK(refusal_of("GET / HTTP/1.1\r\n" + fields + "X: 4\r\n\r\n", limits) == 431);

    const std::string start = "GET / HTTP/1.1\r\nHost: h\r\nX: ";
    const std::string fits = start + std::string(256 - start.size() - 4, 'v') + "\r\n\r\n";
    REQUIRE(fits.size() == 256);
    CHECK(refusal_of(fits, limits) == 0);
    CHECK(refusal_of(start + std::string(256, 'v'), limits) == 431); // a header that never ends
}

TEST_CASE("keep-alive and a body follow the version, Connection and the body's framing") {
    struct example {
        std::string head;
        bool keep_alive;
        bool has_body;
    };
    const example examples[] = {
        {"GET / HTTP/1.1\r\nHost: h\r\n\r\n", true, false},
        {"GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n\r\n", false, false},
        {"GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, close\r\n\r\n", false, false},
        {"GET / HTTP/1.0\r\n\r\n", false, false},
        {"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true, false},
        {"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n", true, false},
        {"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 000\r\n\r\n", true, false},
        {"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\n", true, true},
        {"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", true, true},
    };
    for (const auto& [head, keep_alive, has_body] : examples) {
        INFO(head);
        const auto reading = read_request_head(head);
        REQUIRE(reading.state == head_reading::complete);
        CHECK(reading.head.keep_alive == keep_alive);
        CHECK(reading.head.has_body == has_body);
    }
}
