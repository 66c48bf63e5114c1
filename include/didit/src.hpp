#pragma once

// The compiled part of the library, for programs built with DIDIT_SESSIONS_SEPARATE_COMPILATION=1
// (see <didit/config.hpp>): include this header in exactly one source file of the program.

#include <didit/sessions.hpp>

#if !DIDIT_SESSIONS_SEPARATE_COMPILATION
#error "<didit/src.hpp> is for builds with DIDIT_SESSIONS_SEPARATE_COMPILATION=1"
#endif

#define DIDIT_SESSIONS_COMPILING_SOURCE
#include <didit/rows/impl/features.hpp>
#include <didit/rows/impl/page.hpp>
#include <didit/rows/impl/row.hpp>
#include <didit/rows/impl/write_json.hpp>
