// Deciding how a file writes its dates and amounts from a sample of its first
// rows, before any row is read for real.
#pragma once

#include <string>
#include <vector>

#include "fast/cold_path.h"
#include "rows/column_mapping.h"
#include "rows/row_reader.h"
#include "rows/sample_rows.h"
#include "rows/value_formats.h"

namespace bbb {

struct DetectedFormats {
  ColumnFormats formats;
  // Per date field that has a column: "detected" (the values decide it),
  // "setting" or "assumed" (a tie of day/month-first dates), "dots" (only
  // DD.MM.YYYY seen: day-first), "iso" (only year-first dates seen) or
  // "empty" (no date in the sample).
  std::vector<std::pair<Field, std::string>> date_order_source;
  std::string decimal_source;  // "detected", "setting" or "assumed"
  std::vector<std::string> warnings;
};

// Once per file, from the sample (cold_path.h: its per-value steps are calls).
BBB_COLD DetectedFormats detect_formats(FileKind kind, const ColumnMapping& mapping,
                               const SampleRows& sample, DateOrder date_order_setting, char decimal_setting,
                               char delimiter);

}  // namespace bbb
