// expect-error: invalid_uuid_literal_expected_8_4_4_4_12_hex_digits
#include <didit/query.hpp>

#ifdef DIDIT_VALID_TWIN
constexpr didit::query q{.euuid = didit::uuid("0f8fad5b-d9cb-469f-a165-70867728950e")};
#else
constexpr didit::query q{.euuid = didit::uuid("0f8fad5b-d9cb-469f-a165-70867728950g")};
#endif
