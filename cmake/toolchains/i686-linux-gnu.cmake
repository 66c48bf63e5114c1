# 32-bit x86 Linux (Debian: g++-i686-linux-gnu, which coexists with the other cross compilers
# where g++-multilib does not). Tests run natively where the kernel runs 32-bit programs, and
# under qemu-i386 (qemu-user) where it does not.
set(CMAKE_SYSTEM_PROCESSOR i686)
set(didit_cross_triple i686-linux-gnu)
set(didit_cross_qemu qemu-i386)
include(${CMAKE_CURRENT_LIST_DIR}/linux-cross.cmake)
