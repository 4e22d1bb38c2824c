// `bbb compare OLD NEW`: two exports of the same pipeline or contract list,
// matched by id, as JSON or a table (bbb/compare_json.h).
#pragma once

#include <string>
#include <vector>

namespace bbb_cli {

// args[0] is "compare". Returns the exit status: 0 with the changes, 2 with one sentence.
int run_compare(const std::vector<std::string>& args);

// The changes JSON (render_changes) as a text table: per currency, the two
// exports' totals, each category's count and value, then the rows listed.
std::string changes_as_table(const std::string& changes_json);

}  // namespace bbb_cli
