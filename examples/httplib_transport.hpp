#pragma once

// A transport on cpp-httplib's client, for HTTP and HTTPS (certificates verified). It keeps one
// connection alive to the origin it last spoke to. The client follows redirects itself, so
// this adapter never does.

#include <httplib.h>
#include <memory>
#include <string>

#include <didit/client/buffered_response.hpp>
#include <didit/client/transport.hpp>
#include <didit/client/url.hpp>

#include "http_timeouts.hpp"

namespace didit_cli {

class httplib_transport {
public:
    explicit httplib_transport(http_timeouts timeouts)
        : timeouts_(timeouts) {}

    didit::result<didit::buffered_response> operator()(const didit::http_request& request) {
        const auto url = didit::parse_url_reference(request.url);
        if (!url || url->scheme.empty())
            return didit::error{didit::errc::transport_failure, "not an absolute URL", request.url};
        const std::string origin = std::string(url->scheme) + "://" + std::string(url->authority);
        if (!connection_ || origin != origin_) open(origin);
        if (!connection_->is_valid())
            return didit::error{didit::errc::transport_failure,
                                "cpp-httplib cannot open this URL (only http and https)",
                                request.url};

        httplib::Headers headers;
        for (const auto& h : request.headers)
            headers.emplace(std::string(h.name), std::string(h.value));
        std::string target(url->path);
        if (url->has_query) target += "?" + std::string(url->query);

        auto answer = connection_->Get(target, headers);
        if (!answer) return didit::error{didit::errc::transport_failure, describe(answer.error())};
        didit::buffered_response response{answer->status, {}, std::move(answer->body)};
        for (const auto& [name, value] : answer->headers)
            response.headers.emplace_back(name, value);
        return response;
    }

private:
    static std::string_view describe(httplib::Error failure) {
        switch (failure) {
        case httplib::Error::Connection:
            return "could not connect";
        case httplib::Error::ConnectionTimeout:
            return "the connect timeout passed";
        case httplib::Error::Read:
            return "the connection closed or the read timeout passed";
        case httplib::Error::Write:
            return "the connection closed while sending the request";
        case httplib::Error::SSLConnection:
            return "the TLS handshake failed";
        case httplib::Error::SSLLoadingCerts:
            return "the CA certificates could not be loaded";
        case httplib::Error::SSLServerVerification:
            return "the server's certificate is not trusted";
        default:
            return "the HTTP request failed";
        }
    }

    void open(const std::string& origin) {
        origin_ = origin;
        connection_ = std::make_unique<httplib::Client>(origin);
        connection_->set_connection_timeout(timeouts_.connect);
        connection_->set_read_timeout(timeouts_.read);
        connection_->set_keep_alive(true);
        connection_->set_follow_location(false);
    }

    http_timeouts timeouts_;
    std::string origin_;
    std::unique_ptr<httplib::Client> connection_;
};

} // namespace didit_cli
