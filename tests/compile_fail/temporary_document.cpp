// expect-error: the text is a temporary string
#include <string>

#include <didit/json.hpp>

std::string response_body();

#ifdef DIDIT_VALID_TWIN
const std::string body = response_body();
const auto root = didit::json::parse(body);
#else
const auto root = didit::json::parse(response_body()); // the views would dangle
#endif
