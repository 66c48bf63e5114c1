#pragma once

// An optional transport on libcurl's easy interface, for HTTP and HTTPS (certificates
// verified). Include it only in a program that links libcurl (Debian: libcurl4-openssl-dev):
// the rest of the library depends on nothing, and no other header includes this one.
//
// One handle is reused, so connections stay alive between pages. libcurl follows no redirect
// unless told to: the client decides. Each response is held to the request's limits while it
// arrives: its headers' and body's sizes, and its time.

#include <cstddef>
#include <curl/curl.h>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <didit/client/buffered_response.hpp>
#include <didit/client/transport.hpp>
#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

class curl_transport {
public:
    explicit curl_transport(http_timeouts timeouts = {})
        : timeouts_(timeouts) {}

    result<buffered_response> operator()(const http_request& request) {
        if (!handle_) return error{errc::transport_failure, "libcurl did not start"};
        CURL* curl = handle_.get();
        receiving into{request.limits};
        const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(
            header_list(request), curl_slist_free_all);
        const std::string url(request.url);
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT,
                         static_cast<long>(timeouts_.connect.count()));
        // A read timeout, as libcurl spells it: less than a byte a second for that long.
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(timeouts_.read.count()));
        // The whole response, however slowly it arrives (0: no limit).
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.limits.timeout_ms));
        // Refused before the body when Content-Length says it is too large; the write callback
        // stops a body that says nothing in advance.
        curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                         static_cast<curl_off_t>(request.limits.max_body_bytes));
        // No compressed body is asked for, and none is inflated if one comes anyway.
        curl_easy_setopt(curl, CURLOPT_HTTP_CONTENT_DECODING, 0L);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &append_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &into);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &append_header);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &into);

        const CURLcode sent = curl_easy_perform(curl);
        // The handle outlives this call: it must not keep pointers to its header list and
        // response.
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, nullptr);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, nullptr);
        if (sent == CURLE_FILESIZE_EXCEEDED) into.too_large = body_too_large;
        if (into.too_large != nullptr) return error{errc::response_too_large, into.too_large};
        if (sent != CURLE_OK) return error{errc::transport_failure, curl_easy_strerror(sent)};
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        into.response.code = static_cast<int>(status);
        return std::move(into.response);
    }

private:
    static curl_slist* header_list(const http_request& request) {
        curl_slist* list = nullptr;
        for (const auto& h : request.headers) {
            const std::string line = std::string(h.name) + ": " + std::string(h.value);
            list = curl_slist_append(list, line.c_str());
        }
        return list;
    }

    // A response as it arrives, and which limit it passed, if any. (Returning less than it was
    // given from a callback makes libcurl stop the transfer.)
    struct receiving {
        response_limits limits;
        buffered_response response{};
        std::size_t header_bytes = 0;
        const char* too_large = nullptr;
    };

    static constexpr const char* body_too_large = "the response's body is larger than the limit";

    static std::size_t append_body(char* data, std::size_t, std::size_t size, void* state) {
        auto& into = *static_cast<receiving*>(state);
        if (size > into.limits.max_body_bytes - into.response.text.size()) {
            into.too_large = body_too_large;
            return 0;
        }
        into.response.text.append(data, size);
        return size;
    }

    // Called once per header line, the status line and the blank line included. A new status
    // line (after a 100 Continue, say) starts a new set of headers.
    static std::size_t append_header(char* data, std::size_t, std::size_t size, void* state) {
        auto& into = *static_cast<receiving*>(state);
        into.header_bytes += size;
        if (into.header_bytes > into.limits.max_header_bytes) {
            into.too_large = "the response's headers are larger than the limit";
            return 0;
        }
        auto& headers = into.response.headers;
        const std::string_view line(data, size);
        if (line.starts_with("HTTP/")) headers.clear();
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) return size;
        const auto value_start = line.find_first_not_of(" \t", colon + 1);
        const auto value_end = line.find_last_not_of(" \t\r\n");
        const auto value = value_start == std::string_view::npos || value_end < value_start
                               ? std::string_view()
                               : line.substr(value_start, value_end + 1 - value_start);
        headers.emplace_back(line.substr(0, colon), value);
        return size;
    }

    http_timeouts timeouts_;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> handle_{curl_easy_init(),
                                                                curl_easy_cleanup};
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
