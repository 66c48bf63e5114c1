#pragma once

// Typed views of the endpoint's responses: pages of KYC and KYB rows, and error bodies.

#include <didit/error_text.hpp>
#include <didit/rows/additional_details.hpp>
#include <didit/rows/contact.hpp>
#include <didit/rows/decoded.hpp>
#include <didit/rows/error_body.hpp>
#include <didit/rows/features.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/kyb_row.hpp>
#include <didit/rows/kyc_row.hpp>
#include <didit/rows/page.hpp>
#include <didit/rows/row.hpp>
#include <didit/rows/write_json.hpp>
#include <didit/rows/write_text.hpp>
#include <didit/timestamp.hpp>
