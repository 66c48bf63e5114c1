#pragma once

// What every request carries: the API key in x-api-key, Accept: application/json, and a
// User-Agent naming the library and its version.

#include <array>
#include <string_view>

#include <didit/client/transport.hpp>
#include <didit/config.hpp>
#include <didit/result.hpp>
#include <didit/version.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

inline constexpr std::string_view user_agent = "didit-sessions/" DIDIT_SESSIONS_VERSION_STRING;

// An API key fit for a header: visible ASCII only. A key with a CR or LF could add headers of
// its own to every request; it is refused. Errors never quote the key.
class api_key {
public:
    static constexpr result<api_key> make(std::string_view key) {
        if (key.empty()) return error{errc::invalid_value, "the API key is empty"};
        for (const char c : key)
            if (c < 0x21 || c > 0x7E)
                return error{errc::invalid_value,
                             "the API key holds a character other than visible ASCII "
                             "(a space, a control character such as CR or LF, or non-ASCII)"};
        api_key made;
        made.key_ = key;
        return made;
    }

    constexpr api_key() = default;
    // Borrowed: the caller keeps the key's text alive as long as the key is used.
    constexpr std::string_view value() const { return key_; }

private:
    std::string_view key_;
};

using request_headers = std::array<http_header, 3>;

constexpr request_headers headers_for(const api_key& key) {
    return {
        {{"x-api-key", key.value()}, {"Accept", "application/json"}, {"User-Agent", user_agent}}};
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
