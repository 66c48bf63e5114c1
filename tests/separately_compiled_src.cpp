// The compiled part of the library for separately_compiled.cpp.
#include <didit/src.hpp>
