// expect-error: kyc() of a temporary row dangles
#include <didit/rows.hpp>

#include <cstdint>
#include <string_view>

std::int64_t first_number(std::string_view body) {
    const auto page = didit::parse_page(body);
#ifdef DIDIT_VALID_TWIN
    const auto row = (*page.value().results.begin()).value();
    const didit::kyc_row& kyc = row.kyc();
#else
    const didit::kyc_row& kyc = (*page.value().results.begin()).value().kyc(); // dangles
#endif
    return kyc.session_number;
}
