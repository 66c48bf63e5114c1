#pragma once

// Time for the client's retries: a monotonic clock to keep deadlines, the wall clock to read a
// Retry-After date, and a way to wait. The client starts no thread and never reads a clock of
// its own; it asks the time source it is given. Hosted builds get system_time; embedded ones
// bring their own.

#include <concepts>
#include <cstdint>

#include <didit/config.hpp>

// libstdc++ built without threads (for bare-metal newlib, as arm-none-eabi's is) still has
// <thread>, but waiting there needs system calls that such targets do not provide.
#if __has_include(<thread>) && !defined(DIDIT_SESSIONS_NO_SYSTEM_TIME) &&                       \
    !(defined(_GLIBCXX_RELEASE) && !defined(_GLIBCXX_HAS_GTHREADS))
#include <chrono>
#include <thread>
#define DIDIT_SESSIONS_HAS_SYSTEM_TIME 1
#endif

namespace didit::inline DIDIT_SESSIONS_ABI {

template<class T>
concept time_source = requires(T& time, std::int64_t milliseconds) {
    { time.monotonic_ms() } -> std::convertible_to<std::int64_t>;
    { time.unix_seconds() } -> std::convertible_to<std::int64_t>;
    time.sleep_ms(milliseconds);
};

#if defined(DIDIT_SESSIONS_HAS_SYSTEM_TIME)
// std::chrono's steady and system clocks, and std::this_thread::sleep_for.
struct system_time {
    std::int64_t monotonic_ms() const {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
    std::int64_t unix_seconds() const {
        using namespace std::chrono;
        return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    }
    void sleep_ms(std::int64_t milliseconds) const {
        std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
    }
};
using default_time_source = system_time;
#else
// Without a system clock: no waiting, no deadline. Pass a time source of your own to wait
// between retries.
struct no_time {
    constexpr std::int64_t monotonic_ms() const { return 0; }
    constexpr std::int64_t unix_seconds() const { return 0; }
    constexpr void sleep_ms(std::int64_t) const {}
};
using default_time_source = no_time;
#endif

} // namespace didit::inline DIDIT_SESSIONS_ABI
