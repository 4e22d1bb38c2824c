// Which number formats show a date: a cell styled with one holds a date
// serial, not an amount.
#pragma once

#include <string_view>

namespace bbb {

// The built-in formats of dates and times: 14-22, 27-36, 45-47, 50-58.
bool is_builtin_date_format(int id);

// A custom format code with a day, month, year, hour or second (d m y h s)
// outside "quoted text", [brackets], \escaped characters and the characters
// after _ and *: "dd/mm/yyyy", "[$-409]mmm d", "h:mm". Not "General" or a
// number format ("#,##0.00", "0.00E+00", "\"m\"0").
bool is_date_format_code(std::string_view code);

}  // namespace bbb
