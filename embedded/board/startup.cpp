// The board's start: the vector table the core reads at reset, the reset handler (FPU on, .data
// copied, .bss zeroed, constructors run, semihosting opened, then the program) and a fault handler.
// Linked with -nostartfiles: this replaces newlib's crt0.

#include <cstdint>
#include <cstdlib>
#include <unistd.h>

// Provided by the linker script (mps2_an386.ld).
extern "C" std::uint32_t __stack_top[];
extern "C" std::uint32_t __data_start[], __data_end[], __data_load[];
extern "C" std::uint32_t __bss_start[], __bss_end[];
extern "C" void (*__init_array_start[])();
extern "C" void (*__init_array_end[])();

// librdimon: opens the host's stdin, stdout and stderr through semihosting.
extern "C" void initialise_monitor_handles();

// The program's entry point; its result is the exit status. Not `main`, which C++ forbids
// calling.
int program_main();

namespace {

using handler = void (*)();

// The core's fixed exceptions, before the device's interrupts, of which this program enables
// none.
struct vector_table {
    const void* initial_stack;
    handler reset;
    handler nmi;
    handler hard_fault;
    handler memory_management_fault;
    handler bus_fault;
    handler usage_fault;
    handler reserved[4];
    handler service_call;
    handler debug_monitor;
    handler reserved_too;
    handler pend_service;
    handler system_tick;
};

// Coprocessor Access Control Register; CP10 and CP11 are the FPU.
constexpr std::uintptr_t cpacr_address = 0xE000ED88;
constexpr std::uint32_t cp10_cp11_full_access = 0xFu << 20;

// Not inlined into the reset handler, so that none of its code is scheduled before the FPU is
// switched on.
[[noreturn, gnu::noinline]] void start() {
    for (std::uint32_t *from = __data_load, *to = __data_start; to != __data_end;)
        *to++ = *from++;
    for (std::uint32_t* word = __bss_start; word != __bss_end;)
        *word++ = 0;
    for (auto constructor = __init_array_start; constructor != __init_array_end; ++constructor)
        (*constructor)();
    initialise_monitor_handles();
    std::exit(program_main());
}

} // namespace

// The FPU is off at reset, and code built with -mfloat-abi=hard may use its registers anywhere
// (to copy memory, say): it is switched on before anything else runs, here, in a function that
// does nothing else.
extern "C" [[noreturn]] void reset_handler() {
    auto& cpacr = *reinterpret_cast<volatile std::uint32_t*>(cpacr_address);
    cpacr = cpacr | cp10_cp11_full_access;
    asm volatile("dsb\n\tisb" ::: "memory"); // the FPU is usable from the next instruction on
    start();
}

// Two things the left-out start files would define. newlib's exit() calls _fini after the
// destructors (crti.o's; this program has nothing for it to do), and static objects register
// their destructors with __dso_handle naming the program (crtbegin.o's; libstdc++'s exception
// runtime has such objects).
extern "C" {
void _fini() {}
void* __dso_handle = nullptr;
}

// Any fault ends the program at once with a message, rather than leaving it to the timeout.
extern "C" [[noreturn]] void fault_handler() {
    constexpr char message[] = "fault: the program stopped in a fault handler\n";
    (void)write(STDERR_FILENO, message, sizeof message - 1);
    _exit(3);
}

[[gnu::section(".vectors"), gnu::used]] const vector_table vectors = {
    .initial_stack = __stack_top,
    .reset = reset_handler,
    .nmi = fault_handler,
    .hard_fault = fault_handler,
    .memory_management_fault = fault_handler,
    .bus_fault = fault_handler,
    .usage_fault = fault_handler,
    .reserved = {},
    .service_call = fault_handler,
    .debug_monitor = fault_handler,
    .reserved_too = {},
    .pend_service = fault_handler,
    .system_tick = fault_handler,
};
