#pragma once

// The JSON reader: strict validation and zero-copy reading of values in the caller's buffer.

#include <didit/error_text.hpp>
#include <didit/json/location.hpp>
#include <didit/json/number.hpp>
#include <didit/json/options.hpp>
#include <didit/json/parse.hpp>
#include <didit/json/string.hpp>
#include <didit/json/validate.hpp>
#include <didit/json/value.hpp>
