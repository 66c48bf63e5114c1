// expect-error: too_many_items_for_the_list_capacity
#define DIDIT_SESSIONS_MAX_LIST_ITEMS 2
#include <didit/query.hpp>

#ifdef DIDIT_VALID_TWIN
constexpr didit::query q{.country = {"ESP", "USA"}};
#else
constexpr didit::query q{.country = {"ESP", "USA", "GBR"}};
#endif
