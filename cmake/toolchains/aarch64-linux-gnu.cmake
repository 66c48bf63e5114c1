# AArch64 Linux (Debian: g++-aarch64-linux-gnu), tests run under qemu-aarch64 (qemu-user).
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(didit_cross_triple aarch64-linux-gnu)
set(didit_cross_qemu qemu-aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/linux-cross.cmake)
