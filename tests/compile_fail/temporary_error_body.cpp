// expect-error: the text is a temporary string
#include <didit/rows.hpp>

#include <string>

std::string response_body();

#ifdef DIDIT_VALID_TWIN
const std::string body = response_body();
const auto refusal = didit::parse_bad_request(body);
#else
const auto refusal = didit::parse_bad_request(response_body()); // the messages would dangle
#endif
