// The client paging through a listing over a transport whose every answer comes from the
// fuzzer: status, Location and Retry-After headers, and body. Whatever the answers, the client
// ends, and the API key never goes to another origin than the configured one.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>
#include <string>
#include <string_view>

#include <didit/client/buffered_response.hpp>
#include <didit/client/client.hpp>
#include <didit/client/pages.hpp>
#include <didit/rows.hpp>

namespace {

constexpr std::string_view key = "sk_fuzz_0123456789";
constexpr int max_requests = 64;

class fuzzed_transport {
public:
    explicit fuzzed_transport(FuzzedDataProvider& answers)
        : answers_(&answers) {}

    didit::result<didit::buffered_response> operator()(const didit::http_request& request) {
        const auto home = didit::origin::of("https://verification.didit.me");
        const auto target = didit::origin::of(request.url);
        const bool has_key = didit::find_header(request.headers, "x-api-key").has_value();
        if (has_key && (!target || !(*target == *home))) {
            std::fprintf(stderr, "the API key went to %.*s\n", static_cast<int>(request.url.size()),
                         request.url.data());
            std::abort();
        }
        if (++requests_ > max_requests || answers_->remaining_bytes() == 0)
            return didit::error{didit::errc::transport_failure, "no more answers"};
        static constexpr int statuses[] = {200, 200, 200, 200, 301, 302, 303, 307, 308, 400,
                                           401, 403, 404, 429, 500, 502, 503, 504, 100, 999};
        didit::buffered_response response;
        response.code = answers_->PickValueInArray(statuses);
        if (answers_->ConsumeBool())
            response.headers.emplace_back("Location", answers_->ConsumeRandomLengthString(200));
        if (answers_->ConsumeBool())
            response.headers.emplace_back("Retry-After", answers_->ConsumeRandomLengthString(40));
        response.text = answers_->ConsumeRandomLengthString(4096);
        return response;
    }

private:
    FuzzedDataProvider* answers_;
    int requests_ = 0;
};

// Time moves only when the client waits.
struct fuzzed_time {
    std::int64_t* now_ms;
    std::int64_t monotonic_ms() const { return *now_ms; }
    std::int64_t unix_seconds() const { return 1'795'694'400 + *now_ms / 1000; }
    void sleep_ms(std::int64_t ms) const { *now_ms += ms; }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider answers(data, size);
    didit::client_options options;
    options.retries.max_attempts = 1 + answers.ConsumeIntegralInRange(0, 3);
    options.retries.deadline_ms = 60'000;
    const auto config = didit::client_config::make(key, options);
    if (!config) std::abort();
    std::int64_t now_ms = 0;
    didit::client c(fuzzed_transport(answers), *config, fuzzed_time{&now_ms});
    const didit::query q{.limit = 2};
    auto listing = didit::pages(c, q);
    for (const auto& page : listing) {
        if (!page) {
            (void)c.last_bad_request();
            continue;
        }
        for (const auto row : page->results)
            if (row) (void)didit::to_json(*row);
    }
    return 0;
}
