#pragma once

// What reading the value of a result that holds an error does. It is a bug in the caller, so
// the program stops, but first it says what was read and why it failed: it calls the handler
// the program set, or else, where an operating system gives the program a standard error
// stream, writes one line there. A bare-metal program without a handler just stops (and links
// no stdio).

#include <cstdlib>
#include <span>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/writer.hpp>
#include <didit/error.hpp>
#include <didit/error_text.hpp>

#if defined(__unix__) || defined(__APPLE__) || defined(_WIN32)
#include <cstdio>
#define DIDIT_SESSIONS_HAS_STDERR 1
#else
#define DIDIT_SESSIONS_HAS_STDERR 0
#endif

namespace didit::inline DIDIT_SESSIONS_ABI {

// The place in the caller's source that read a value, as the compiler names it. An operator
// (* or ->) cannot take its caller's place: its call_site is empty (line 0).
struct call_site {
    const char* file = "";
    unsigned line = 0;
    const char* function = "";

    // As a default argument, the place of the call that uses the default.
    static constexpr call_site current(const char* file = __builtin_FILE(),
                                       unsigned line = __builtin_LINE(),
                                       const char* function = __builtin_FUNCTION()) {
        return {file, line, function};
    }
};

// Called with the error whose value was read and where it was read. The program stops when it
// returns; a handler may instead throw, or jump out, where the program allows it.
using bad_access_handler = void (*)(const error& failure, const call_site& where);

namespace detail {
// Read and written with the compilers' atomic builtins: <atomic> would add about 0.4 s to the
// compilation of every file that includes a result.
inline constinit bad_access_handler installed_bad_access_handler = nullptr;
} // namespace detail

// Installs `handler` (nullptr: the default) and returns the one it replaces. Safe to call from
// any thread. The handler belongs to the build settings it is set under (config.hpp): a program
// that mixes files built with different settings, or header-only and separately compiled files,
// sets it from a file of each.
inline bad_access_handler set_bad_access_handler(bad_access_handler handler) {
#if __GCC_ATOMIC_POINTER_LOCK_FREE == 2
    return __atomic_exchange_n(&detail::installed_bad_access_handler, handler, __ATOMIC_ACQ_REL);
#else // a core without an atomic exchange (Cortex-M0): a load, then a store
    const auto replaced = __atomic_load_n(&detail::installed_bad_access_handler, __ATOMIC_ACQUIRE);
    __atomic_store_n(&detail::installed_bad_access_handler, handler, __ATOMIC_RELEASE);
    return replaced;
#endif
}

// `file:line (in function): value() on a result that holds an error (code): ` and the error as
// write_error writes it; without a place, `* or -> on a result that holds an error (code): ...`.
// The file is named as the compiler was given it (-ffile-prefix-map shortens it).
template<detail::text_sink Sink>
constexpr void write_bad_access(Sink& out, const error& failure, const call_site& where) {
    if (where.line != 0) {
        out.append(where.file);
        out.append(":");
        detail::append_decimal(out, where.line);
        out.append(" (in ");
        out.append(where.function);
        out.append("): value()");
    } else {
        out.append("* or ->");
    }
    out.append(" on a result that holds an error (");
    out.append(to_string(failure.code));
    out.append("): ");
    write_error(out, failure);
}

namespace detail {
// Not constexpr, so that constant evaluation names it.
[[noreturn, gnu::cold]] inline void value_of_an_error(const error& failure, const char* file,
                                                      unsigned line, const char* function) {
    const call_site where{file, line, function};
    if (const auto handler = __atomic_load_n(&installed_bad_access_handler, __ATOMIC_ACQUIRE))
        handler(failure, where);
#if DIDIT_SESSIONS_HAS_STDERR
    else {
        char text[1024];
        span_writer out{std::span<char>(text, sizeof text - 1)}; // room for the newline
        out.append("didit-sessions: ");
        write_bad_access(out, failure, where);
        const std::size_t size = out.overflowed() ? sizeof text - 1 : out.size();
        text[size] = '\n';
        std::fwrite(text, 1, size + 1, stderr);
    }
#endif
    std::abort();
}
} // namespace detail

} // namespace didit::inline DIDIT_SESSIONS_ABI
