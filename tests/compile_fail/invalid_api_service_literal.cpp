// expect-error: not_a_name_of_this_enumeration
#include <didit/query.hpp>

#ifdef DIDIT_VALID_TWIN
constexpr didit::query q{.api_service = didit::named<didit::api_service>("KYB_REGISTRY")};
#else
constexpr didit::query q{.api_service = didit::named<didit::api_service>("KYB")};
#endif
