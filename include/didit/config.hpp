#pragma once

// Build-time settings. Each one changes the layout of library types, so every translation unit
// of a program must see the same values.

#include <cstddef>

// Items a list-valued query parameter (status, workflow_id, country, ...) can hold.
#ifndef DIDIT_SESSIONS_MAX_LIST_ITEMS
#define DIDIT_SESSIONS_MAX_LIST_ITEMS 32
#endif

// Findings one validation can report; errors always fit, warnings beyond this are counted.
#ifndef DIDIT_SESSIONS_MAX_DIAGNOSTICS
#define DIDIT_SESSIONS_MAX_DIAGNOSTICS 64
#endif

// Characters of a URL the client keeps: the next page's, or a redirect's target.
#ifndef DIDIT_SESSIONS_MAX_URL_SIZE
#define DIDIT_SESSIONS_MAX_URL_SIZE 4096
#endif

namespace didit {
inline constexpr std::size_t max_url_size = DIDIT_SESSIONS_MAX_URL_SIZE;
inline constexpr std::size_t max_list_items = DIDIT_SESSIONS_MAX_LIST_ITEMS;
inline constexpr std::size_t max_diagnostics = DIDIT_SESSIONS_MAX_DIAGNOSTICS;
static_assert(max_list_items >= 1, "DIDIT_SESSIONS_MAX_LIST_ITEMS must be at least 1");
static_assert(max_url_size >= 256, "DIDIT_SESSIONS_MAX_URL_SIZE must be at least 256");
static_assert(max_diagnostics >= 16, "DIDIT_SESSIONS_MAX_DIAGNOSTICS must be at least 16");
} // namespace didit
