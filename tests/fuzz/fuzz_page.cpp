// Listing pages and error bodies on arbitrary bytes: every field of every row decoded and
// written back as JSON, which must read back to the same row; the 400 and 403 bodies too.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <didit/rows.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto bytes = std::make_unique<char[]>(size);
    if (size != 0) std::memcpy(bytes.get(), data, size);
    const std::string_view body(bytes.get(), size);
    if (const auto bad_request = didit::parse_bad_request(body))
        for (const auto parameter : *bad_request)
            for (const auto message : parameter.messages)
                (void)message.to_string();
    if (const auto forbidden = didit::parse_forbidden(body)) (void)forbidden->detail.to_string();

    const auto page = didit::parse_page(body);
    if (!page) return 0;
    for (const auto row : page->results) {
        if (!row) continue;
        // Writing the row reads every field; what it writes must read back to the same row.
        const auto written = didit::to_json(*row);
        const auto again = R"({"count":1,"next":null,"previous":null,"results":[)" + written + "]}";
        const auto reread = didit::parse_page(again);
        const auto first =
            reread ? *reread->results.begin() : didit::result<didit::row>(reread.error());
        if (!first || didit::to_json(*first) != written) {
            std::fprintf(stderr, "a written row does not read back: %s\n", written.c_str());
            std::abort();
        }
    }
    return 0;
}
