// A hostile stand-in for the endpoint, on raw sockets: it answers `GET /v3/sessions/` the way
// one named scenario says, each built to break a client that trusts the server. It listens on
// 127.0.0.1 at a port of the kernel's choice, prints its base URL on the first line of standard
// output, serves one connection at a time, and exits by itself after a minute.
//
// Usage: hostile_server SCENARIO
//   unknown-kind      50 rows numbered 50 to 1; row 44 has session_kind "robot"
//   no-kind           50 rows, none with a session_kind
//   repeated-number   rows numbered 50 to 1, with 40 twice
//   endless-body      a chunked body that never ends
//   huge-length       Content-Length: 10^12, and bytes for as long as the client reads
//   gzip-bomb         Content-Encoding: gzip over 6.5 MiB that inflate to 1 GiB of zeros
//   endless-headers   header lines that never end
//   drip              a page whose body comes a byte every half second
//   escape-location   a redirect whose Location holds terminal controls (ESC, BEL, DEL, C1),
//                     U+202E and a byte that is not UTF-8
//   escape-detail     a 403 whose detail holds DEL, U+009B and U+202E

#include <arpa/inet.h>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

constexpr int lifetime_seconds = 60;
constexpr std::int64_t listing_size = 50;

// Writes all of `data`; false once the client has gone.
bool send_all(int socket, std::string_view data) {
    while (!data.empty()) {
        const auto sent = ::send(socket, data.data(), data.size(), MSG_NOSIGNAL);
        if (sent <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

// Writes `start`, then `repeated` again and again until the client goes (or the server's
// lifetime ends).
void send_endlessly(int socket, std::string_view start, std::string_view repeated) {
    if (!send_all(socket, start)) return;
    while (send_all(socket, repeated)) {
    }
}

// The request's head, up to the blank line; empty once the client has closed the connection.
std::string read_request(int socket) {
    std::string head;
    char buffer[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
        const auto got = ::recv(socket, buffer, sizeof buffer, 0);
        if (got <= 0) return {};
        head.append(buffer, static_cast<std::size_t>(got));
    }
    return head;
}

// An integer parameter of the request line's query, or `otherwise`.
std::int64_t parameter(const std::string& head, const std::string& name, std::int64_t otherwise) {
    const auto line_end = head.find("\r\n");
    for (const char* separator : {"?", "&"}) {
        const auto at = head.find(separator + name + "=");
        if (at != std::string::npos && at < line_end)
            return std::stoll(head.substr(at + name.size() + 2));
    }
    return otherwise;
}

std::string row(std::int64_t number, std::string_view kind) {
    const std::string kind_member =
        kind.empty() ? "" : R"("session_kind": ")" + std::string(kind) + R"(", )";
    return R"({"session_id": "5b3720ed-d429-42ef-b67f-37ea805f48ee", )" + kind_member +
           R"("session_number": )" + std::to_string(number) +
           R"(, "status": "Approved", "created_at": "2026-06-09T12:00:00Z"})";
}

// Row `i` (0 first) of the listing a scenario serves.
std::string listing_row(std::string_view scenario, std::int64_t i) {
    if (scenario == "no-kind") return row(listing_size - i, "");
    if (scenario == "repeated-number") return row(listing_size - i + (i > 10), "user"); // 40, 40
    if (scenario == "unknown-kind" && i == 6) return row(listing_size - i, "robot");
    return row(listing_size - i, "user");
}

// The page of the scenario's listing at the request's offset and limit.
std::string page(std::string_view scenario, const std::string& head) {
    const auto offset = parameter(head, "offset", 0);
    const auto end = std::min(listing_size, offset + parameter(head, "limit", 50));
    std::string body = R"({"count": )" + std::to_string(listing_size) +
                       R"(, "next": null, "previous": null, "results": [)";
    for (auto i = offset; i < end; ++i)
        body += (i > offset ? ", " : "") + listing_row(scenario, i);
    return body + "]}";
}

std::string response(std::string_view body, std::string_view extra_headers = {},
                     std::string_view status = "200 OK") {
    return "HTTP/1.1 " + std::string(status) +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n" + std::string(extra_headers) + "\r\n" + std::string(body);
}

// Writes bits into bytes lowest first, as DEFLATE (RFC 1951) packs them.
class bit_writer {
public:
    void bits(std::uint32_t value, int count) { // the value's low bits, lowest first
        for (int i = 0; i < count; ++i)
            bit((value >> i) & 1);
    }
    void huffman(std::uint32_t code, int length) { // Huffman codes go highest bit first
        for (int i = length - 1; i >= 0; --i)
            bit((code >> i) & 1);
    }
    std::string take() { return std::move(bytes_); }

private:
    void bit(std::uint32_t b) {
        if (used_ == 0) bytes_.push_back('\0');
        bytes_.back() = static_cast<char>(bytes_.back() | static_cast<char>(b << used_));
        used_ = (used_ + 1) % 8;
    }
    std::string bytes_;
    int used_ = 0;
};

// A gzip member of one fixed-Huffman DEFLATE block: a zero byte, then copies of 258 bytes at
// distance 1, 13 bits each. Its trailer's CRC is not the data's: a client that inflates runs
// out of memory long before it gets there, and one that does not never reads it.
std::string gzip_bomb(std::uint64_t inflated_size) {
    bit_writer deflate;
    deflate.bits(1, 1);           // the final block
    deflate.bits(1, 2);           // of fixed Huffman codes
    deflate.huffman(0x30 + 0, 8); // literal 0
    for (std::uint64_t left = inflated_size - 1; left >= 258; left -= 258) {
        deflate.huffman(0xC5, 8); // length 258 (code 285)
        deflate.huffman(0, 5);    // distance 1
    }
    deflate.huffman(0, 7); // end of block
    std::string member("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    member += deflate.take();
    member += std::string(4, '\0'); // CRC-32
    for (int i = 0; i < 4; ++i)
        member.push_back(static_cast<char>((inflated_size >> (8 * i)) & 0xFF));
    return member;
}

// Answers one connection's requests as `scenario` says, until it closes.
void serve(int client, std::string_view scenario) {
    for (;;) {
        const std::string head = read_request(client);
        if (head.empty()) return;
        if (scenario == "unknown-kind" || scenario == "no-kind" || scenario == "repeated-number") {
            if (!send_all(client, response(page(scenario, head)))) return;
        } else if (scenario == "endless-body") {
            return send_endlessly(client, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                                  "10000\r\n" + std::string(0x10000, ' ') + "\r\n");
        } else if (scenario == "huge-length") {
            return send_endlessly(client,
                                  "HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\n",
                                  std::string(0x10000, ' '));
        } else if (scenario == "gzip-bomb") {
            static const std::string bomb = gzip_bomb(std::uint64_t{1} << 30);
            if (!send_all(client, response(bomb, "Content-Encoding: gzip\r\n"))) return;
        } else if (scenario == "endless-headers") {
            return send_endlessly(client, "HTTP/1.1 200 OK\r\n",
                                  "X-Filler: " + std::string(1000, 'a') + "\r\n");
        } else if (scenario == "drip") {
            const std::string full = response(page(scenario, head));
            const auto body_start = full.find("\r\n\r\n") + 4;
            if (!send_all(client, full.substr(0, body_start))) return;
            for (auto at = body_start; at < full.size(); ++at) {
                std::this_thread::sleep_for(std::chrono::milliseconds(500));
                if (!send_all(client, full.substr(at, 1))) return;
            }
        } else if (scenario == "escape-location") {
            const std::string_view location =
                "Location: /v3/sessions/?x=\x1b]0;pwned\x07\x1b[2J\x7f\xc2\x9b\xe2\x80\xae\xff\r\n";
            if (!send_all(client, response("", location, "301 Moved Permanently"))) return;
        } else if (scenario == "escape-detail") {
            const std::string_view body = "{\"detail\": \"key \x7f\xc2\x9b\xe2\x80\xae refused\"}";
            if (!send_all(client, response(body, {}, "403 Forbidden"))) return;
        } else {
            return;
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: hostile_server SCENARIO\n");
        return 64;
    }
    const std::string_view scenario = argv[1];
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (listener < 0 || ::bind(listener, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        ::listen(listener, 16) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
        std::perror("hostile_server");
        return 71;
    }
    std::printf("http://127.0.0.1:%d\n", ntohs(address.sin_port));
    std::fflush(stdout);
    ::alarm(lifetime_seconds); // its default action ends the process
    for (;;) {
        const int client = ::accept(listener, nullptr, nullptr);
        if (client < 0) continue;
        serve(client, scenario);
        ::close(client);
    }
}
