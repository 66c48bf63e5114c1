#pragma once

// Everything most users need: #include <didit/sessions.hpp>.

#include <didit/error_text.hpp>
#include <didit/json.hpp>
#include <didit/query.hpp>
#include <didit/result.hpp>
#include <didit/rows.hpp>
#include <didit/version.hpp>
