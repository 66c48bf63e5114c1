// The compile-time probe (bench/include_cost.sh): decode a page and read one field of each row.
#include <cstdint>
#include <string_view>

#include <didit/rows.hpp>

std::int64_t sum_session_numbers(std::string_view body) {
    const auto page = didit::parse_page(body);
    if (!page) return -1;
    std::int64_t sum = 0;
    for (const auto row : page->results)
        if (row && row->kind() == didit::row_kind::kyc) sum += row->kyc().session_number;
    return sum;
}
