#pragma once

// What the build optimises for. An optimised build spends code where it buys speed: the small
// functions called for nearly every byte are inlined wherever they are called, strings are
// scanned eight bytes at a time, and each schema and each text sink gets its own copy of the
// code that reads objects or writes query values, with keys of constant length compared inline.
// A build for small code (-Os, -Oz) keeps one copy of each instead: scalar scans, and one walk
// of objects and one writer of values, behind a virtual call. Both ways give the same results,
// so translation units built either way may share a program. (The i686 preset runs every test
// on the small paths.)

#include <didit/config.hpp>

#if defined(__OPTIMIZE_SIZE__)
#define DIDIT_SESSIONS_HOT_INLINE
#else
#define DIDIT_SESSIONS_HOT_INLINE [[gnu::always_inline]]
#endif

namespace didit::inline DIDIT_SESSIONS_ABI::detail {
#if defined(__OPTIMIZE_SIZE__)
inline constexpr bool optimizing_for_size = true;
#else
inline constexpr bool optimizing_for_size = false;
#endif
} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
