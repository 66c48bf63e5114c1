// expect-error: -> on a temporary result reaches a member that dangles
#include <didit/rows.hpp>

#include <string_view>

int count_rows(std::string_view body) {
    int rows = 0;
#ifdef DIDIT_VALID_TWIN
    const auto page = didit::parse_page(body);
    for (const auto row : page->results) rows += row.has_value();
#else
    for (const auto row : didit::parse_page(body)->results) rows += row.has_value(); // dangles
#endif
    return rows;
}
