// The report as a text table or CSV for people and spreadsheets: metrics as
// rows, periods as columns, one block per currency.
#pragma once

#include <string>

namespace bbb_cli {

// report_json: the text of render_report(). csv: RFC 4180, with any cell that
// a spreadsheet would run as a formula (= + - @ tab CR first) neutralised.
std::string report_as_table(const std::string& report_json);
std::string report_as_csv(const std::string& report_json);

}  // namespace bbb_cli
