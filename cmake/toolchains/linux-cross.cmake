# Shared by the Linux cross toolchains beside this file: Debian's cross g++ for the target
# `didit_cross_triple` with its libraries under /usr/<triple>. Programs are linked statically,
# so they need no loader or libraries of the target's installed on the machine that runs them.
# They run natively where this machine can (a kernel that runs 32-bit programs, or a target of
# its own kind) and otherwise through qemu-user, which CTest and catch_discover_tests then use
# as the emulator. Set before including: didit_cross_triple, didit_cross_qemu and
# CMAKE_SYSTEM_PROCESSOR.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_CXX_COMPILER ${didit_cross_triple}-g++)
set(CMAKE_EXE_LINKER_FLAGS_INIT -static)
set(CMAKE_FIND_ROOT_PATH /usr/${didit_cross_triple})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Whether this machine runs the target's programs itself: build and start an empty one, once
# per build directory (try_compile's projects read this file again and run nothing).
get_property(didit_in_try_compile GLOBAL PROPERTY IN_TRY_COMPILE)
if(NOT didit_in_try_compile AND NOT DEFINED CACHE{DIDIT_CROSS_RUNS_NATIVELY})
    set(probe_dir ${CMAKE_BINARY_DIR}/CMakeFiles/didit-native-probe)
    file(WRITE ${probe_dir}/probe.cpp "int main() { return 0; }\n")
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -static ${probe_dir}/probe.cpp -o ${probe_dir}/probe
                    RESULT_VARIABLE probe_built OUTPUT_QUIET ERROR_QUIET)
    set(probe_ran 1)
    if(probe_built EQUAL 0)
        execute_process(COMMAND ${probe_dir}/probe RESULT_VARIABLE probe_ran OUTPUT_QUIET ERROR_QUIET)
    endif()
    if(probe_ran EQUAL 0)
        set(runs_natively ON)
    else()
        set(runs_natively OFF)
    endif()
    set(DIDIT_CROSS_RUNS_NATIVELY ${runs_natively} CACHE BOOL
        "Whether this machine runs ${didit_cross_triple} programs without an emulator")
endif()
if(NOT didit_in_try_compile)
    if(DIDIT_CROSS_RUNS_NATIVELY)
        set(how natively)
    else()
        set(how "under ${didit_cross_qemu} (qemu-user)")
        set(CMAKE_CROSSCOMPILING_EMULATOR ${didit_cross_qemu})
    endif()
    # Said once, although CMake reads this file more than once.
    get_property(reported GLOBAL PROPERTY DIDIT_CROSS_REPORTED)
    if(NOT reported)
        set_property(GLOBAL PROPERTY DIDIT_CROSS_REPORTED ON)
        message(STATUS "${didit_cross_triple} programs run ${how} on this machine")
    endif()
endif()
