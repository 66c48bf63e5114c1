#pragma once

// What a file built with DIDIT_SESSIONS_SEPARATE_COMPILATION=1 gives the tests, in types that
// do not depend on the setting.

#include <string>
#include <string_view>

namespace didit_test {

// describe_page (describe_page.hpp), by the separately compiled library.
std::string describe_page_separately(std::string_view body);

} // namespace didit_test
