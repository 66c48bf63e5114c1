# s390x Linux, big-endian (Debian: g++-s390x-linux-gnu), tests run under qemu-s390x (qemu-user).
set(CMAKE_SYSTEM_PROCESSOR s390x)
set(didit_cross_triple s390x-linux-gnu)
set(didit_cross_qemu qemu-s390x)
include(${CMAKE_CURRENT_LIST_DIR}/linux-cross.cmake)
