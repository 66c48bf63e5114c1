// The device test program: runs each group of checks on the board, measures the group's peak
// stack, then prints its failures, the stack report and the final count. Exits 1 on any failed
// check or on any use of the heap while the checks run.

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "../board/no_heap.hpp"
#include "../board/stack_meter.hpp"
#include "checks.hpp"
#include "groups.hpp"

namespace {

struct group {
    const char* name;
    void (*run)();
};

constexpr group groups[] = {
    {"queries", device::query_checks},
    {"rows", device::row_checks},
    {"json errors", device::json_error_checks},
    {"client", device::client_checks},
};

// newlib's printf, as built for this target, knows no %zu.
unsigned long as_printed(std::size_t n) {
    return n;
}

} // namespace

// Called by the board's reset handler (board/startup.cpp).
int program_main() {
    // Unbuffered: newlib would otherwise allocate stdout's buffer on the first printf, and the
    // heap must stay untouched for the check below to mean anything.
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    // Asked for before this program ran, while the constructors ran: libstdc++'s exception
    // runtime (linked because std::string_view::substr, which the library calls, can throw
    // out_of_range) asks for its emergency pool. Refused like any other, and counted apart.
    const std::size_t heap_requests_at_start = heap_requests();

    std::size_t deepest = 0;
    for (const group& g : groups) {
        const std::size_t failed_before = device::failed();
        const std::size_t passed_before = device::passed();
        paint_stack();
        g.run();
        const std::size_t peak = peak_stack_bytes(); // before printf runs
        std::printf("%s: %lu passed, %lu failed; peak stack %lu bytes\n", g.name,
                    as_printed(device::passed() - passed_before),
                    as_printed(device::failed() - failed_before), as_printed(peak));
        device::print_failures();
        if (peak > deepest) deepest = peak;
    }
    std::printf("peak stack of all groups: %lu of %lu bytes\n", as_printed(deepest),
                as_printed(stack_size()));

    std::printf("heap requests: %lu before the program started, %lu while the checks ran\n",
                as_printed(heap_requests_at_start),
                as_printed(heap_requests() - heap_requests_at_start));
    device::expect_equal("heap requests while the checks ran (the library allocates nothing)",
                         static_cast<std::int64_t>(heap_requests() - heap_requests_at_start), 0);
    device::expect("the stack did not fill its whole region", deepest < stack_size());
    device::print_failures();
    std::printf("%lu passed, %lu failed\n", as_printed(device::passed()),
                as_printed(device::failed()));
    return device::failed() == 0 ? 0 : 1;
}
