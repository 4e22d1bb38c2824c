// What the user can choose. ReadSettings change how rows are read and
// scheduled (a change means reading the files again); ReportSettings only
// change how the folded months are grouped (a change is instant).
#pragma once

#include <string>
#include <string_view>

#include "report/report_settings.h"
#include "session/read_settings.h"


namespace bbb {


// Reads settings from JSON text. Unknown keys and bad values are errors (a
// typo must not silently give another report): *error says which.
bool parse_read_settings(std::string_view json_text, ReadSettings* out, std::string* error);
bool parse_report_settings(std::string_view json_text, ReportSettings* out, std::string* error);

}  // namespace bbb
