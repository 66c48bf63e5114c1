#pragma once

// An in-memory server for the client's checks, and the transport that reaches it. It answers
// each request from a table of routes by exact URL, refuses a wrong API key with 403 as the
// endpoint does, and logs what it was asked (copied into fixed storage: there is no heap).

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include <didit/client/transport.hpp>
#include <didit/result.hpp>

#include "fixed_text.hpp"

namespace device {

// A response that borrows everything it holds from the routes, which outlive it.
struct canned_response {
    int code = 0;
    std::string_view text;
    std::array<didit::http_header, 1> headers{};
    std::size_t header_count = 0;

    int status() const { return code; }
    std::optional<std::string_view> header(std::string_view name) const {
        return didit::find_header(std::span(headers.data(), header_count), name);
    }
    std::string_view body() const { return text; }
};

struct route {
    std::string_view url;
    int status = 200;
    std::string_view body;
    std::string_view retry_after{}; // sent as Retry-After when not empty
    // How many requests it answers before it gives way to the next route for its URL; -1: all.
    int times = -1;
};

class memory_server {
public:
    static constexpr std::size_t max_logged = 8;

    memory_server(std::span<route> routes, std::string_view api_key)
        : routes_(routes)
        , api_key_(api_key) {}

    canned_response answer(const didit::http_request& request);

    // The requests since the last forget_requests(): how many, each one's URL, and how many
    // carried the key and Accept: application/json.
    std::size_t requests() const { return requests_; }
    std::string_view url(std::size_t i) const {
        return i < logged_ ? urls_[i].view() : "(not requested)";
    }
    std::size_t requests_with_key() const { return with_key_; }
    std::size_t requests_accepting_json() const { return accepting_json_; }
    void forget_requests() {
        requests_ = logged_ = with_key_ = accepting_json_ = 0;
        urls_ = {};
    }

private:
    std::span<route> routes_;
    std::string_view api_key_;
    std::array<fixed_text<160>, max_logged> urls_{};
    std::size_t requests_ = 0, logged_ = 0, with_key_ = 0, accepting_json_ = 0;
};

struct memory_transport {
    memory_server* server;

    didit::result<canned_response> operator()(const didit::http_request& request) {
        return server->answer(request);
    }
};

} // namespace device
