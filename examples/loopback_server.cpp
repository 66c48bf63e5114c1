#include "loopback_server.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string_view>
#include <sys/socket.h>
#include <unistd.h>

namespace didit_cli {

namespace {

using steady = std::chrono::steady_clock;

// After an answer that ends its connection, what the client still sends is read and dropped
// for this long, so that closing with unread bytes does not reset the connection before the
// client has read the answer.
constexpr std::chrono::milliseconds drain_time{1000};

struct connection {
    enum class phase { reading, writing, draining };

    int fd = -1;
    phase at = phase::reading;
    steady::time_point deadline;
    bool mid_request = false; // bytes of a request have arrived, not yet all of its head
    bool close_after = false; // the answer being written is the connection's last
    std::string received;
    std::string answer;
    std::size_t sent = 0;
};

std::string_view reason_phrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 414:
        return "URI Too Long";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

// The server's own answer to a request it cannot take.
http_answer refusal(int status) {
    return {status,
            {{"Content-Type", "text/plain; charset=utf-8"}},
            std::string(reason_phrase(status)) + "\n"};
}

std::string serialize(const http_answer& answer, bool with_body, bool closing) {
    std::string bytes = "HTTP/1.1 " + std::to_string(answer.status) + " ";
    bytes += reason_phrase(answer.status);
    bytes += "\r\n";
    for (const auto& [name, value] : answer.headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "Content-Length: " + std::to_string(answer.body.size() + (answer.cut_off ? 1 : 0));
    bytes += closing ? "\r\nConnection: close\r\n\r\n" : "\r\n\r\n";
    if (with_body) bytes += answer.body;
    return bytes;
}

// One pass of the event loop over the connections, sharing what every step needs.
class connection_set {
public:
    connection_set(const loopback_server_limits& limits,
                   const std::function<http_answer(const request_head&)>& answer)
        : limits_(limits)
        , answer_(answer) {}

    std::vector<connection>& all() { return all_; }

    void open(int fd, steady::time_point now) {
        const int on = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on); // no wait for an ACK per answer
        connection& c = all_.emplace_back();
        c.fd = fd;
        c.deadline = now + limits_.idle_timeout;
    }

    // Takes what the socket has, then answers what it can.
    void on_readable(connection& c, steady::time_point now) {
        if (c.at == connection::phase::draining) {
            char dropped[4096];
            const auto got = recv(c.fd, dropped, sizeof dropped, 0);
            if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) close(c);
            return;
        }
        // Enough for one head and the byte that shows it is too long; no more is read until
        // the requests held are answered.
        const std::size_t room = limits_.head.max_head_bytes + 1;
        while (c.received.size() < room) {
            const std::size_t before = c.received.size();
            c.received.resize(std::min(room, before + 16 * 1024));
            const auto got = recv(c.fd, c.received.data() + before, c.received.size() - before, 0);
            c.received.resize(before + static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
            if (got > 0) continue;
            if (got < 0 && (errno == EAGAIN || errno == EINTR)) break;
            close(c); // the client closed, or its connection failed: no one to answer
            return;
        }
        progress(c, now);
    }

    void on_writable(connection& c, steady::time_point now) { progress(c, now); }

    // What a connection owed and did not do in time.
    void on_deadline(connection& c, steady::time_point now) {
        if (c.at == connection::phase::reading && c.mid_request) {
            queue(c, refusal(408), true, true, now);
            progress(c, now);
        } else {
            close(c);
        }
    }

    // At a stop: answers being written may finish; everything else closes now.
    void stop(serve_summary& summary) {
        stopping_ = true;
        for (auto& c : all_) {
            if (c.at == connection::phase::writing) {
                c.close_after = true;
            } else {
                if (c.mid_request) ++summary.cut_off;
                close(c);
            }
        }
    }

    void close(connection& c) {
        ::close(c.fd);
        c.fd = -1;
    }

private:
    // Answers and writes until the connection waits for its socket.
    void progress(connection& c, steady::time_point now) {
        for (;;) {
            const bool moved = c.at == connection::phase::reading   ? answer_next(c, now)
                               : c.at == connection::phase::writing ? write(c, now)
                                                                    : false;
            if (!moved || c.fd < 0) return;
        }
    }

    // Queues the answer to the request at the start of what was received, if it is all there.
    bool answer_next(connection& c, steady::time_point now) {
        const auto reading = read_request_head(c.received, limits_.head);
        if (reading.state == head_reading::refused) {
            queue(c, refusal(reading.refusal), true, true, now);
            return true;
        }
        if (reading.state == head_reading::incomplete) {
            if (c.received.size() > limits_.head.max_head_bytes) { // blank lines, endlessly
                queue(c, refusal(431), true, true, now);
                return true;
            }
            if (!c.received.empty() && !c.mid_request) {
                c.mid_request = true;
                c.deadline = now + limits_.request_timeout;
            }
            return false;
        }
        const auto& head = reading.head;
        const auto answer = answer_(head);
        // A body is never read, so the connection cannot be used for another request.
        const bool closing = stopping_ || !head.keep_alive || head.has_body || answer.cut_off;
        queue(c, answer, head.method != "HEAD", closing, now);
        c.received.erase(0, head.size);
        return true;
    }

    void queue(connection& c, const http_answer& answer, bool with_body, bool closing,
               steady::time_point now) {
        c.answer = serialize(answer, with_body, closing);
        c.sent = 0;
        c.at = connection::phase::writing;
        c.close_after = closing;
        c.mid_request = false;
        c.deadline = now + limits_.write_timeout;
        if (closing) c.received.clear();
    }

    // Sends what the socket takes; true once the whole answer is out and the connection can
    // read its next request.
    bool write(connection& c, steady::time_point now) {
        while (c.sent < c.answer.size()) {
            const auto put =
                send(c.fd, c.answer.data() + c.sent, c.answer.size() - c.sent, MSG_NOSIGNAL);
            if (put > 0) {
                c.sent += static_cast<std::size_t>(put);
            } else if (errno == EAGAIN || errno == EINTR) {
                return false;
            } else {
                close(c);
                return false;
            }
        }
        c.answer.clear();
        if (c.answer.capacity() > 64 * 1024)
            c.answer.shrink_to_fit(); // idle connections stay small
        if (c.close_after) {
            if (stopping_) {
                close(c);
            } else {
                shutdown(c.fd, SHUT_WR);
                c.at = connection::phase::draining;
                c.deadline = now + drain_time;
            }
            return false;
        }
        c.at = connection::phase::reading;
        c.deadline = now + limits_.idle_timeout;
        return true;
    }

    const loopback_server_limits& limits_;
    const std::function<http_answer(const request_head&)>& answer_;
    std::vector<connection> all_;
    bool stopping_ = false;
};

int milliseconds_until(steady::time_point then, steady::time_point now) {
    if (then <= now) return 0;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(then - now).count();
    return static_cast<int>(std::min<decltype(wait)>(wait, 60'000));
}

} // namespace

std::optional<loopback_server> loopback_server::listen(int port, loopback_server_limits limits) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return std::nullopt;
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(fd, SOMAXCONN) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        const int failure = errno;
        ::close(fd);
        errno = failure;
        return std::nullopt;
    }
    return loopback_server(fd, ntohs(address.sin_port), limits);
}

loopback_server::~loopback_server() {
    if (listener_ >= 0) ::close(listener_);
}

std::optional<serve_summary>
loopback_server::run(const std::function<http_answer(const request_head&)>& answer, int stop_fd) {
    connection_set clients(limits_, answer);
    auto& all = clients.all();
    serve_summary summary;
    std::optional<steady::time_point> grace_ends; // set at the stop
    steady::time_point accept_resumes{};          // after running out of descriptors
    std::vector<pollfd> polled;
    for (;;) {
        auto now = steady::now();
        for (auto& c : all)
            if (c.fd >= 0 && c.deadline <= now) clients.on_deadline(c, now);
        if (grace_ends && *grace_ends <= now)
            for (auto& c : all)
                if (c.fd >= 0) {
                    ++summary.cut_off;
                    clients.close(c);
                }
        std::erase_if(all, [](const connection& c) { return c.fd < 0; });
        if (grace_ends && all.empty()) return summary;

        const bool accepting =
            !grace_ends && all.size() < limits_.max_connections && accept_resumes <= now;
        polled.assign(
            {{grace_ends ? -1 : stop_fd, POLLIN, 0}, {accepting ? listener_ : -1, POLLIN, 0}});
        steady::time_point wake = grace_ends ? *grace_ends : now + std::chrono::minutes(1);
        if (!accepting && !grace_ends && accept_resumes > now)
            wake = std::min(wake, accept_resumes);
        for (const auto& c : all) {
            const short events = c.at == connection::phase::writing ? POLLOUT : POLLIN;
            polled.push_back({c.fd, events, 0});
            wake = std::min(wake, c.deadline);
        }
        if (poll(polled.data(), polled.size(), milliseconds_until(wake, now)) < 0) {
            if (errno == EINTR) continue;
            return std::nullopt;
        }
        now = steady::now();

        // The connections first: those accepted below are not in `polled`.
        for (std::size_t i = 0; i < all.size(); ++i) {
            const auto events = polled[i + 2].revents;
            if (events == 0 || all[i].fd < 0) continue;
            if (all[i].at == connection::phase::writing)
                clients.on_writable(all[i], now);
            else
                clients.on_readable(all[i], now);
        }
        if (polled[0].revents != 0) {
            grace_ends = now + limits_.stop_grace;
            clients.stop(summary);
        }
        while (polled[1].revents != 0 && !grace_ends && all.size() < limits_.max_connections) {
            const int fd = accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd >= 0) {
                clients.open(fd, now);
            } else if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                accept_resumes = now + std::chrono::milliseconds(100);
                break;
            } else if (errno != ECONNABORTED && errno != EINTR) {
                break; // EAGAIN: none waiting
            }
        }
    }
}

} // namespace didit_cli
