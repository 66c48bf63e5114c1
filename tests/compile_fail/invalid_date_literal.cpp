// expect-error: invalid_date_literal_expected_existing_YYYY_MM_DD
#include <didit/date.hpp>

#ifdef DIDIT_VALID_TWIN
constexpr didit::date day{"2024-02-29"};
#else
constexpr didit::date day{"2026-02-29"}; // 2026 is not a leap year
#endif
