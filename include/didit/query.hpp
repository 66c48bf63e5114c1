#pragma once

// The query layer: typed parameters, the server's validation rules, canonical URLs.

#include <didit/date.hpp>
#include <didit/enums.hpp>
#include <didit/error_text.hpp>
#include <didit/fixed_list.hpp>
#include <didit/lenient.hpp>
#include <didit/query/comma_lists.hpp>
#include <didit/query/diagnostics.hpp>
#include <didit/query/encode.hpp>
#include <didit/query/form.hpp>
#include <didit/query/messages.hpp>
#include <didit/query/parameter.hpp>
#include <didit/query/parse.hpp>
#include <didit/query/query.hpp>
#include <didit/query/validate.hpp>
#include <didit/query/value_text.hpp>
#include <didit/result.hpp>
#include <didit/uuid.hpp>
