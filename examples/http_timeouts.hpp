#pragma once

// How long the program's transports wait: for a connection, and for the server's next bytes.

#include <chrono>

namespace didit_cli {

struct http_timeouts {
    std::chrono::seconds connect{10};
    std::chrono::seconds read{30};
};

} // namespace didit_cli
