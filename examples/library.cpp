// The program is built with DIDIT_SESSIONS_SEPARATE_COMPILATION=1: the library's costly entry
// points are compiled here, once, instead of in each of its files.
#include <didit/src.hpp>
