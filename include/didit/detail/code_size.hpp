#pragma once

// What the build optimises for, where the reader's fastest code is also its largest: in an
// optimised build, the few small functions called for nearly every byte are inlined wherever
// they are called, and each schema compares keys of constant length, which the compiler
// inlines; in a build for small code (-Os, -Oz), each is one out-of-line copy.

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
