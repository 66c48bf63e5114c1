// Built with DIDIT_SESSIONS_SEPARATE_COMPILATION=1: it only declares the entry points it calls,
// which separately_compiled_src.cpp compiles.
#include "separately_compiled.hpp"

#include "describe_page.hpp"

std::string didit_test::describe_page_separately(std::string_view body) {
    return describe_page(body);
}
