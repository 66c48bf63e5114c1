#pragma once

// The groups of checks the device runs, one file each. Each group records its outcomes through
// checks.hpp and prints nothing itself.

namespace device {

void query_checks();
void row_checks();
void json_error_checks();
void client_checks();

} // namespace device
