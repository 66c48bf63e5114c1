// expect-error: the text is a temporary string
#include <didit/rows.hpp>

#include <string>

std::string response_body();

#ifdef DIDIT_VALID_TWIN
const std::string body = response_body();
const auto page = didit::parse_page(body);
const auto refusal = didit::parse_bad_request(body);
const auto forbidden = didit::parse_forbidden(body);
#else
const auto page = didit::parse_page(response_body()); // the rows would dangle
#endif
