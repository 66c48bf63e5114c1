#pragma once

// The client: requests pages of the listing through the user's transport. It sends the API key
// only to the origin it was configured with, follows redirects only there, and turns each
// status the server answers with into a typed error. A page's views borrow the body of the
// transport's last response: they are valid until the client's next request.

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>

#include <didit/client/request.hpp>
#include <didit/client/retry_after.hpp>
#include <didit/client/time.hpp>
#include <didit/client/transport.hpp>
#include <didit/client/url.hpp>
#include <didit/config.hpp>
#include <didit/error_text.hpp>
#include <didit/json/string.hpp>
#include <didit/query/encode.hpp>
#include <didit/query/query.hpp>
#include <didit/result.hpp>
#include <didit/rows/error_body.hpp>
#include <didit/rows/page.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

// Retries of a request that failed for a reason that may pass: a transport failure, 429 and
// 5xx. Waits grow exponentially with random jitter, Retry-After is honoured, and the deadline
// bounds one page's requests and waits together.
struct retry_policy {
    int max_attempts = 4;                  // requests for one page, the first included
    std::int64_t initial_backoff_ms = 500; // before the first retry, at most
    std::int64_t max_backoff_ms = 30'000;
    std::int64_t deadline_ms = 120'000; // 0: no deadline
    std::uint64_t jitter_seed = 0x2545F4914F6CDD1DULL;
};

struct client_options {
    std::string_view base_url = default_base_url; // scheme, host and optional port
    int max_redirects = 5;                        // redirects followed in a row
    retry_policy retries{};
    // The largest response accepted (a real page of 100 rows is well under 1 MiB); the
    // transport enforces them while the response arrives, and so does the client after.
    std::size_t max_body_bytes = response_limits{}.max_body_bytes;
    std::size_t max_header_bytes = response_limits{}.max_header_bytes;
};

// What the server said when a request failed: its status, and what came with it.
struct failed_response {
    int status = 0;
    std::optional<std::int64_t> retry_after_seconds; // 429 and 503, when the header is readable
};

// The origin of a base URL, which must be one: a scheme, a host and an optional port, with no
// path but "/". Checked on its own so that a program can reject a bad one as it reads options.
constexpr result<origin> base_origin(std::string_view base_url) {
    const auto base = origin::of(base_url);
    if (!base) return base.error();
    const auto parts = parse_url_reference(base_url).value();
    if (parts.path.find_first_not_of('/') != std::string_view::npos || parts.has_query ||
        parts.has_fragment)
        return error{errc::invalid_value, "the base URL must be an origin, with no path", base_url};
    return base;
}

// A checked configuration: an API key fit for a header and a base URL that is an origin.
struct client_config {
    api_key key;
    origin base;
    client_options options;

    // `key` and `options.base_url` are borrowed: their text must outlive the client.
    static constexpr result<client_config> make(std::string_view key, client_options options = {}) {
        const auto checked_key = api_key::make(key);
        if (!checked_key) return checked_key.error();
        const auto base = base_origin(options.base_url);
        if (!base) return base.error();
        if (options.max_redirects < 0)
            return error{errc::invalid_value, "max_redirects cannot be negative"};
        if (options.max_body_bytes == 0 || options.max_header_bytes == 0)
            return error{errc::invalid_value, "max_body_bytes and max_header_bytes must be > 0"};
        const auto& r = options.retries;
        if (r.max_attempts < 1 || r.initial_backoff_ms < 0 ||
            r.max_backoff_ms < r.initial_backoff_ms || r.deadline_ms < 0)
            return error{
                errc::invalid_value,
                "retries need max_attempts >= 1, 0 <= initial_backoff_ms <= max_backoff_ms "
                "and deadline_ms >= 0"};
        return client_config{checked_key.value(), base.value(), options};
    }
};

template<detail::sends_requests Transport, time_source Time = default_time_source>
class client {
public:
    using response_type = detail::response_of<Transport>;
    // A static_assert rather than a constraint, so that the compiler's first error says why.
    static_assert(body_is_a_view_into_the_response<response_type>,
                  "the response's body() returns its text by value, which is destroyed before "
                  "the page is decoded from it: return a std::string_view into text the response "
                  "owns");

    constexpr client(Transport send, const client_config& config, Time time = {})
        : send_(std::move(send))
        , config_(config)
        , time_(std::move(time))
        , jitter_(config.options.retries.jitter_seed | 1) {}

    // The page a query lists, from its canonical URL. (A typed query is always one the server
    // accepts; validate() tells what it will do with it.)
    constexpr result<page> fetch_page(const query& q) {
        url_.clear();
        write_url(url_, q, config_.options.base_url);
        if (url_.truncated()) return detail::url_too_long({});
        return fetch_with_retries();
    }

    // The page at `url`, a `next` or `previous` link, resolved against the last URL requested.
    // A link to any other origin is an error, and no request is sent to it.
    constexpr result<page> fetch_link(std::string_view url) {
        auto resolved = resolve_url(url_.empty() ? config_.options.base_url : url_.view(), url);
        if (!resolved) return resolved.error();
        url_ = resolved.value();
        return fetch_with_retries();
    }

    // The URL of the last request.
    constexpr std::string_view last_url() const { return url_.view(); }
    // The last response; its body holds what the last page's views point into.
    constexpr const response_type& last_response() const { return response_; }
    // After a bad_request error: the server's reasons, parameter by parameter (they borrow the
    // last response).
    constexpr result<bad_request_body> last_bad_request() const {
        return parse_bad_request(response_.body());
    }
    // The status and Retry-After of the last failed response.
    constexpr const failed_response& last_failure() const { return failure_; }

private:
    static constexpr bool is_redirect(int status) {
        return status == 301 || status == 302 || status == 307 || status == 308;
    }

    constexpr result<void> check_origin(std::string_view url) const {
        const auto target = origin::of(url);
        if (!target) return target.error();
        if (!(target.value() == config_.base))
            return error{errc::foreign_origin,
                         "the URL is on another origin than the client's; nothing was sent to it",
                         url};
        return {};
    }

    static constexpr bool may_pass(errc code) {
        return code == errc::transport_failure || code == errc::rate_limited ||
               code == errc::server_error;
    }

    // xorshift64: jitter needs no more than a cheap, seedable sequence.
    constexpr std::uint64_t next_random() {
        jitter_ ^= jitter_ << 13;
        jitter_ ^= jitter_ >> 7;
        jitter_ ^= jitter_ << 17;
        return jitter_;
    }

    // How long to wait before retry number `retry` (1 for the first): half the exponential
    // backoff plus a random part of the other half, or longer if the server asked.
    constexpr std::int64_t wait_before(int retry) {
        const auto& policy = config_.options.retries;
        std::int64_t backoff = policy.initial_backoff_ms;
        for (int i = 1; i < retry && backoff < policy.max_backoff_ms; ++i)
            backoff *= 2;
        if (backoff > policy.max_backoff_ms) backoff = policy.max_backoff_ms;
        const auto half = backoff / 2;
        std::int64_t wait =
            half + static_cast<std::int64_t>(next_random() %
                                             static_cast<std::uint64_t>(backoff - half + 1));
        if (const auto asked = failure_.retry_after_seconds) {
            constexpr auto longest = std::numeric_limits<std::int64_t>::max();
            const auto asked_ms = *asked > longest / 1000 ? longest : *asked * 1000;
            if (asked_ms > wait) wait = asked_ms;
        }
        return wait;
    }

    // Requests url_ until it succeeds, fails for good, or the attempts or the deadline run out.
    constexpr result<page> fetch_with_retries() {
        const auto& policy = config_.options.retries;
        const std::int64_t start = time_.monotonic_ms();
        // What is left of the deadline: the longest the transport may take over a response.
        const auto time_left = [&]() -> std::int64_t {
            if (policy.deadline_ms == 0) return 0;
            const auto left = policy.deadline_ms - (time_.monotonic_ms() - start);
            return left > 1 ? left : 1;
        };
        for (int attempt = 1;; ++attempt) {
            auto fetched = fetch_current(time_.unix_seconds(), time_left);
            if (fetched || !may_pass(fetched.code()) || attempt == policy.max_attempts)
                return fetched;
            const auto wait = wait_before(attempt);
            // (compared this way round: a Retry-After of years makes `wait` near the maximum)
            if (policy.deadline_ms != 0 &&
                wait > policy.deadline_ms - (time_.monotonic_ms() - start)) {
                auto late = fetched.error();
                late.code = errc::deadline_exceeded;
                late.message = "retrying would go past the deadline";
                return late;
            }
            time_.sleep_ms(wait);
        }
    }

    // Requests url_, following same-origin redirects, and decodes the page. `time_left()` is
    // how long the transport may take over each response.
    template<class TimeLeft>
    constexpr result<page> fetch_current(std::int64_t now, const TimeLeft& time_left) {
        failure_ = {};
        const auto& options = config_.options;
        for (int redirects = 0;; ++redirects) {
            if (auto checked = check_origin(url_.view()); !checked) return checked.error();
            const auto headers = headers_for(config_.key);
            auto sent = send_(
                http_request{"GET",
                             url_.view(),
                             headers,
                             {options.max_body_bytes, options.max_header_bytes, time_left()}});
            if (!sent) {
                auto failure = sent.error();
                if (failure.code != errc::response_too_large)
                    failure.code = errc::transport_failure;
                return failure;
            }
            response_ = std::move(sent).value();
            if (response_.body().size() > options.max_body_bytes)
                return error{errc::response_too_large,
                             "the response's body is larger than max_body_bytes"};
            const int status = response_.status();
            if (status == 200) return parse_page(response_.body());
            failure_.status = status;
            if (!is_redirect(status)) return status_error(status, now);
            if (redirects == config_.options.max_redirects)
                return error{errc::too_many_redirects, "too many redirects in a row", url_.view()};
            const auto location = response_.header("Location");
            if (!location)
                return error{errc::redirect_refused, "a redirect without a Location header"};
            auto next = resolve_url(url_.view(), *location);
            if (!next) return next.error();
            url_ = next.value();
        }
    }

    constexpr error status_error(int status, std::int64_t now) {
        if (status == 401 || status == 403) {
            // The server's detail, when its body says one.
            error forbidden{errc::forbidden, "the API key was refused (403)"};
            if (const auto body = parse_forbidden(response_.body()))
                forbidden.subject = body.value().detail.raw();
            return forbidden;
        }
        if (status == 400)
            return {
                errc::bad_request,
                "the server rejected the query (400); parse_bad_request(last_response().body()) "
                "has its reasons"};
        if (status == 429 || status == 503) {
            if (const auto value = response_.header("Retry-After")) {
                if (const auto seconds = retry_after_seconds(*value, now))
                    failure_.retry_after_seconds = seconds.value();
            }
            if (status == 429) return {errc::rate_limited, "too many requests (429)"};
        }
        if (status >= 500 && status <= 599) return {errc::server_error, "the server failed (5xx)"};
        return {errc::unexpected_status, "the server answered with an unexpected status"};
    }

    Transport send_;
    client_config config_;
    Time time_;
    std::uint64_t jitter_;
    url_buffer url_{};
    response_type response_{};
    failed_response failure_{};
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
