#pragma once

// Build-time settings. Each one names a different inline namespace (below), so that translation
// units built with different values do not share functions or types whose layouts differ.

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

// 1: the costly entry points (parse_page with default options, decoding a row or a feature,
// to_json of a row) are compiled once, in the one source file of the program that includes
// <didit/src.hpp>, instead of in every file that uses them; they are then not constexpr.
// Constant evaluation of other types and functions, and every other API, stay the same.
#ifndef DIDIT_SESSIONS_SEPARATE_COMPILATION
#define DIDIT_SESSIONS_SEPARATE_COMPILATION 0
#endif

// Declare such an entry point: constexpr (or inline, for one that cannot be constexpr) when
// header-only, an ordinary function otherwise.
#if DIDIT_SESSIONS_SEPARATE_COMPILATION
#define DIDIT_SESSIONS_DECL
#define DIDIT_SESSIONS_INLINE
#define DIDIT_SESSIONS_LINKAGE _separate
#else
#define DIDIT_SESSIONS_DECL constexpr
#define DIDIT_SESSIONS_INLINE inline
#define DIDIT_SESSIONS_LINKAGE
#endif

// The inline namespace that holds every declaration of the library. Its name carries the
// version and the settings above, so that translation units built with different ones name
// different types and functions: a program that mixes them fails to link instead of sharing
// objects whose layouts differ. (The sizes must be plain decimal numbers.)
#define DIDIT_SESSIONS_ABI                                                                         \
    DIDIT_SESSIONS_ABI_NAME(DIDIT_SESSIONS_VERSION_MAJOR, DIDIT_SESSIONS_VERSION_MINOR,            \
                            DIDIT_SESSIONS_VERSION_PATCH, DIDIT_SESSIONS_MAX_LIST_ITEMS,           \
                            DIDIT_SESSIONS_MAX_DIAGNOSTICS, DIDIT_SESSIONS_MAX_URL_SIZE,           \
                            DIDIT_SESSIONS_LINKAGE)
#define DIDIT_SESSIONS_ABI_NAME(...) DIDIT_SESSIONS_ABI_JOIN(__VA_ARGS__)
#define DIDIT_SESSIONS_ABI_JOIN(major, minor, patch, list_items, diagnostics, url_size, linkage)   \
    v##major##_##minor##_##patch##_items##list_items##_diagnostics##diagnostics##_url##url_size##linkage

#include <didit/version.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {
inline constexpr std::size_t max_url_size = DIDIT_SESSIONS_MAX_URL_SIZE;
inline constexpr std::size_t max_list_items = DIDIT_SESSIONS_MAX_LIST_ITEMS;
inline constexpr std::size_t max_diagnostics = DIDIT_SESSIONS_MAX_DIAGNOSTICS;
static_assert(max_list_items >= 1, "DIDIT_SESSIONS_MAX_LIST_ITEMS must be at least 1");
static_assert(max_url_size >= 256, "DIDIT_SESSIONS_MAX_URL_SIZE must be at least 256");
static_assert(max_diagnostics >= 16, "DIDIT_SESSIONS_MAX_DIAGNOSTICS must be at least 16");
} // namespace didit::inline DIDIT_SESSIONS_ABI
