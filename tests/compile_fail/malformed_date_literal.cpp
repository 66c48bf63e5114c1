// expect-error: invalid_date_literal_expected_existing_YYYY_MM_DD
#include <didit/query.hpp>

#ifdef DIDIT_VALID_TWIN
constexpr didit::query q{.date_from = didit::date("2026-04-01")};
#else
constexpr didit::query q{.date_from = didit::date("2026-04-01T00:00:00Z")};
#endif
