// The URLs a client follows: a base and a reference (a `next` link or a `Location`), split at
// the first newline. A resolved URL resolved again loses its dot segments (RFC 3986 keeps the
// base's path as it is when the reference is empty), and from then on stays the same.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <didit/client/url.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const auto newline = input.find('\n');
    const std::string base = input.substr(0, newline);
    const std::string reference = newline == std::string::npos ? "" : input.substr(newline + 1);
    (void)didit::parse_url_reference(reference);
    (void)didit::origin::of(reference);
    const auto resolved = didit::resolve_url(base, reference);
    if (!resolved) return 0;
    const auto normalised = didit::resolve_url(base, resolved->view());
    if (!normalised) {
        std::fprintf(stderr, "%s does not resolve again\n", std::string(resolved->view()).c_str());
        std::abort();
    }
    const std::string target(normalised->view());
    const auto again = didit::resolve_url(base, target);
    if (!again || again->view() != target) {
        std::fprintf(stderr, "resolving %s again gives something else\n", target.c_str());
        std::abort();
    }
    (void)didit::origin::of(target);
    return 0;
}
