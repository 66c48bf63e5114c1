// Query strings as the server receives them: split, decoded and read into a query with the
// server's findings, each put into words. A query the server accepts must survive its own
// canonical URL: read back from it, it encodes to the same URL.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <didit/query.hpp>

namespace {

// The query a query string holds, or nothing when it cannot be read.
std::optional<didit::parsed_query> read_query(std::string_view text, std::vector<char>& scratch,
                                              std::array<didit::raw_parameter, 64>& raw) {
    scratch.assign(text.size(), '\0');
    const auto count = didit::parse_form(text, scratch, raw);
    if (!count) return std::nullopt;
    auto parsed = didit::parse_query(std::span(raw.data(), *count));
    if (!parsed) return std::nullopt;
    return *parsed;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<char> scratch;
    std::array<didit::raw_parameter, 64> raw;
    const auto parsed = read_query(text, scratch, raw);
    if (!parsed) return 0;
    for (const auto& finding : parsed->findings)
        (void)didit::message(finding);
    (void)didit::error_body(parsed->findings);
    if (!parsed->ok()) return 0;

    const auto url = didit::to_url(parsed->value);
    const auto query_string =
        url.substr(url.find('?') == std::string::npos ? url.size() : url.find('?') + 1);
    std::vector<char> scratch_again;
    std::array<didit::raw_parameter, 64> raw_again;
    const auto again = read_query(query_string, scratch_again, raw_again);
    if (!again || !again->ok() || didit::to_url(again->value) != url) {
        std::fprintf(stderr, "the canonical URL %s does not read back to itself\n", url.c_str());
        std::abort();
    }
    return 0;
}
