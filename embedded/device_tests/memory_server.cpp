// The in-memory server's answers: 403 for a wrong key (before anything else, as the endpoint
// does), the first route for the URL that still answers, or 404.

#include "memory_server.hpp"

namespace device {

namespace {
constexpr std::string_view refusal = R"({"detail": "Invalid API key."})";
constexpr std::string_view not_found = R"({"detail": "Not found."})";
} // namespace

canned_response memory_server::answer(const didit::http_request& request) {
    ++requests_;
    if (logged_ < max_logged) urls_[logged_++].append(request.url);
    const auto key = didit::find_header(request.headers, "x-api-key");
    if (didit::find_header(request.headers, "accept") == "application/json") ++accepting_json_;
    if (key != api_key_) return {403, refusal};
    ++with_key_;

    for (route& r : routes_) {
        if (r.url != request.url || r.times == 0) continue;
        if (r.times > 0) --r.times;
        canned_response response{r.status, r.body};
        if (!r.retry_after.empty()) {
            response.headers[0] = {"Retry-After", r.retry_after};
            response.header_count = 1;
        }
        return response;
    }
    return {404, not_found};
}

} // namespace device
