// expect-error: the text is a temporary string
#include <didit/rows.hpp>

#include <memory_resource>
#include <string>

std::pmr::string response_body();

#ifdef DIDIT_VALID_TWIN
const std::pmr::string body = response_body();
const auto forbidden = didit::parse_forbidden(body);
#else
const auto forbidden = didit::parse_forbidden(response_body()); // the detail would dangle
#endif
