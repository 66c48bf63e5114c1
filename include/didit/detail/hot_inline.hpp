#pragma once

// Marks the few small functions the reader calls for nearly every byte: inlined wherever they
// are called, which is worth its code size in an optimised build, unless the build asks for
// small code (-Os, -Oz), where one out-of-line copy is the better trade.
#if defined(__OPTIMIZE_SIZE__)
#define DIDIT_SESSIONS_HOT_INLINE
#else
#define DIDIT_SESSIONS_HOT_INLINE [[gnu::always_inline]]
#endif
