// expect-error: value_of_an_error
#include <didit/rows.hpp>

#ifdef DIDIT_VALID_TWIN
constexpr auto count = didit::parse_page(R"({"count": 3, "next": null, "previous": null, "results": []})").value().count;
#else
constexpr auto count = didit::parse_page(R"({"count": 3})").value().count; // an error has no value
#endif
