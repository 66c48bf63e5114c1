#pragma once

// The pages every decoding benchmark reads, the same on every run: responses of the emulator as
// the server writes them (members in the server's order, nulls where a session has not reached
// a step, accented names), with what the emulator leaves out added to some KYC rows, so that
// every kind of text a row can hold is read: a nested `additional_details` with escaped
// strings. Built once, outside any timed loop.

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <didit/client/request.hpp>
#include <didit/rows.hpp>
#include <didit/testing/emulator.hpp>
#include <didit/testing/generate.hpp>

namespace didit_bench {

struct page_set {
    std::vector<std::string> pages;
    std::size_t bytes = 0;
    std::size_t rows = 0;
};

enum class listing { kyc, kyb, all };

namespace detail {

constexpr std::size_t sessions_of_each_kind = 2000;
constexpr std::size_t rows_per_page = 100;

[[noreturn]] inline void give_up(const char* why) {
    std::fprintf(stderr, "bench corpus: %s\n", why);
    std::abort();
}

// The extras of a KYC row that went through AML screening, liveness, face match and proof of
// address; `n` varies the numbers.
inline std::string additional_details(std::size_t n) {
    const auto number = std::to_string(n);
    return R"({"aml":{"total_hits":)" + std::to_string(n % 4) +
           R"(,"entity_type":"person","is_adverse_media_fetched":)" +
           (n % 3 == 0 ? "true" : "false") +
           R"(,"screened_data":{"nationality":"ES","document_number":"X)" + number +
           R"(","date_of_birth":"1990-04-12"}},"liveness":{"method":"PASSIVE","score":9)" +
           std::to_string(n % 10) + R"(.25},"face_match":{"score":8)" + std::to_string(n % 10) +
           R"(.5,"source_image":"https:\/\/media.example\/faces\/)" + number +
           R"(-a.jpg","target_image":"https:\/\/media.example\/faces\/)" + number +
           R"(-b.jpg"},"poa":{"document_type":"utility_bill","issuer":"Iberdrola \"Clientes\"",)"
           R"("address":"Calle Mayor )" +
           number + R"(, 2\u00ba B\n28013 Madrid","name_on_document":"Zo\u00eb Nakamura"}})";
}

// Every second KYC row of `page` gets its extras; returns how many rows got them.
inline std::size_t add_details(std::string& page, std::size_t& row_number) {
    constexpr std::string_view none = R"("additional_details":null)";
    std::size_t added = 0;
    for (auto at = page.find(none); at != std::string::npos; at = page.find(none, at + 1)) {
        if (row_number++ % 2 == 0) continue;
        page.replace(at + none.size() - 4, 4, additional_details(row_number));
        ++added;
    }
    return added;
}

inline std::size_t rows_of(const std::string& page) {
    const auto parsed = didit::parse_page(page);
    if (!parsed) give_up("a page does not decode");
    std::size_t rows = 0;
    for (const auto row : parsed->results) {
        if (!row) give_up("a row does not decode");
        ++rows;
    }
    return rows;
}

inline page_set build(listing kind) {
    constexpr std::string_view key = "bench-key";
    didit::testing::emulator server{std::string(key)};
    didit::testing::session_generator generate(2026);
    server.sessions().kyc = generate.kyc(sessions_of_each_kind);
    server.sessions().kyb = generate.kyb(sessions_of_each_kind);
    const std::string_view kind_parameter = kind == listing::kyc   ? ""
                                            : kind == listing::kyb ? "&session_kind=business"
                                                                   : "&session_kind=all";
    const std::vector<didit::http_header> headers{{"x-api-key", key}};
    page_set set;
    std::size_t kyc_rows = 0, rows_with_details = 0;
    for (std::size_t offset = 0; offset < sessions_of_each_kind; offset += rows_per_page) {
        const std::string url =
            "https://verification.didit.me/v3/sessions/?limit=" + std::to_string(rows_per_page) +
            "&offset=" + std::to_string(offset) + std::string(kind_parameter);
        const auto answer = server(didit::http_request{"GET", url, headers});
        if (!answer || answer->code != 200) give_up("the emulator did not answer a page");
        std::string page = answer->text;
        rows_with_details += add_details(page, kyc_rows);
        set.rows += rows_of(page);
        set.bytes += page.size();
        set.pages.push_back(std::move(page));
    }
    // (the emulator writing `additional_details` differently would silently drop the nested text)
    if (kind != listing::kyb && rows_with_details == 0) give_up("no KYC row got its extras");
    return set;
}

} // namespace detail

inline const page_set& pages_of(listing kind) {
    static const page_set sets[] = {detail::build(listing::kyc), detail::build(listing::kyb),
                                    detail::build(listing::all)};
    return sets[static_cast<int>(kind)];
}

} // namespace didit_bench
