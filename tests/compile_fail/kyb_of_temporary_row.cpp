// expect-error: kyb() of a temporary row dangles
#include <didit/rows.hpp>

#include <string_view>

std::string_view first_company(std::string_view body) {
    const auto page = didit::parse_page(body);
#ifdef DIDIT_VALID_TWIN
    const auto row = (*page.value().results.begin()).value();
    const didit::kyb_row& kyb = row.kyb();
#else
    const didit::kyb_row& kyb = (*page.value().results.begin()).value().kyb(); // dangles
#endif
    return kyb.company_name ? kyb.company_name->raw() : std::string_view();
}
