#pragma once

// An HTTP/1.1 server on 127.0.0.1 for `serve`: one thread, non-blocking sockets and poll(), so
// that no client, however slow, holds up another. Every connection has a deadline for what it
// owes: a request begun must arrive whole within the request timeout (else 408 and the
// connection closes), an idle keep-alive connection closes after the idle timeout, and an
// answer not taken within the write timeout is dropped with its connection. Request bodies are
// never read (see http_request_head.hpp): a request with one is answered from its head and its
// connection closed.

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http_request_head.hpp"

namespace didit_cli {

struct http_answer {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers; // without Content-Length
    std::string body;
    bool cut_off = false; // the connection closes after the head, before the body it promises
};

struct loopback_server_limits {
    request_head_limits head{};
    std::chrono::milliseconds request_timeout{5000};
    std::chrono::milliseconds idle_timeout{5000};
    std::chrono::milliseconds write_timeout{5000};
    std::chrono::milliseconds stop_grace{2000}; // for answers still being written at a stop
    std::size_t max_connections = 512;          // more wait in the listen queue
};

// What a stop left behind: connections that were closed in the middle of a request or an
// answer.
struct serve_summary {
    std::size_t cut_off = 0;
};

class loopback_server {
public:
    // Listens on 127.0.0.1:port (0: a free port); nothing when it cannot, with errno set.
    static std::optional<loopback_server> listen(int port, loopback_server_limits limits = {});

    loopback_server(loopback_server&& other) noexcept
        : listener_(std::exchange(other.listener_, -1))
        , port_(other.port_)
        , limits_(other.limits_) {}
    loopback_server& operator=(loopback_server&&) = delete;
    ~loopback_server();

    int port() const { return port_; }

    // Answers requests with `answer` until `stop_fd` is readable, then lets answers being
    // written finish (within the stop grace) and closes every connection. Nothing when poll()
    // fails, with errno set.
    std::optional<serve_summary> run(const std::function<http_answer(const request_head&)>& answer,
                                     int stop_fd);

private:
    loopback_server(int listener, int port, loopback_server_limits limits)
        : listener_(listener)
        , port_(port)
        , limits_(limits) {}

    int listener_ = -1;
    int port_ = 0;
    loopback_server_limits limits_;
};

} // namespace didit_cli
