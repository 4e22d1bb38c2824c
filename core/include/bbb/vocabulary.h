// The engine's words, for a page or an embedder that must offer them
// before any file is read: the values of the billing, recognition and
// status columns, the proration and period settings, and the metrics a
// drill-down can list the lines of. One source, so no copy can drift.
#pragma once

#include <string>

namespace bbb {

// {"billing":[...],"recognition":[...],"status":[...],"proration":[...],
//  "period":[...],"drill_metrics":[...]}
std::string vocabulary_json();

}  // namespace bbb
