#pragma once

#include <didit/config.hpp> // (which includes this file after defining what it needs)

#define DIDIT_SESSIONS_VERSION_MAJOR 0
#define DIDIT_SESSIONS_VERSION_MINOR 1
#define DIDIT_SESSIONS_VERSION_PATCH 0
#define DIDIT_SESSIONS_VERSION_STRING "0.1.0"

namespace didit::inline DIDIT_SESSIONS_ABI {
inline constexpr const char* version_string = DIDIT_SESSIONS_VERSION_STRING;
} // namespace didit::inline DIDIT_SESSIONS_ABI
