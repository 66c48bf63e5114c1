#pragma once

// A response that owns its status, headers and body: what most transports build from their HTTP
// library's answer, and what the emulator answers with. It allocates; a transport for a target
// without a heap keeps its own response type.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <didit/config.hpp>
#include <didit/detail/text.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

struct buffered_response {
    int code = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string text;

    int status() const { return code; }
    // The first header named `name`, compared case-insensitively as HTTP says.
    std::optional<std::string_view> header(std::string_view name) const {
        for (const auto& [key, value] : headers)
            if (detail::iequals(key, name)) return std::string_view(value);
        return std::nullopt;
    }
    std::string_view body() const { return text; }
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
