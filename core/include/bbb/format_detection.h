// Deciding how a file writes its dates and amounts from a sample of its first
// rows, before any row is read for real.
#pragma once

#include <string>
#include <vector>

#include "bbb/cold.h"
#include "bbb/column_mapping.h"
#include "bbb/line_reader.h"
#include "bbb/sample_rows.h"
#include "bbb/settings.h"

namespace bbb {

struct DetectedFormats {
  ColumnFormats formats;
  // Per date field that has a column: "detected" (the values decide it),
  // "iso" (only year-first dates seen), "setting" or "assumed" (a tie).
  std::vector<std::pair<Field, std::string>> date_order_source;
  std::string decimal_source;  // "detected", "setting" or "assumed"
  std::vector<std::string> warnings;
};

// Once per file, from the sample (cold.h: its per-value steps are calls).
BBB_COLD DetectedFormats detect_formats(FileKind kind, const ColumnMapping& mapping,
                               const SampleRows& sample, const ReadSettings& settings,
                               char delimiter);

}  // namespace bbb
