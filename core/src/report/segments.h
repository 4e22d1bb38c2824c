// Segmentation (spec 6): which values of the split_by column a report
// shows one by one, and the rest merged into "other". The `top` largest by
// bookings over the report's range are listed (ties in the column's order);
// the overflow bucket of values past the reading limit is no value: it
// takes no place and always goes into "other".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "session/folding_half.h"
#include "values/period.h"
#include "session/read_settings.h"
#include "report/report_settings.h"

namespace bbb {

struct ShownSegments {
  struct Listed {
    const std::string* value;
    const FoldedFigures* figures;
  };
  std::vector<Listed> listed;  // largest bookings first
  std::optional<FoldedFigures> other;   // every value not listed, merged; none when all are listed
  std::vector<std::uint16_t> other_segments;  // their ids (FoldedFigures::segment), for their MRR
};

ShownSegments shown_segments(const std::map<std::string, FoldedFigures>& by_value, const ReadSettings& read_settings,
                             const std::vector<Period>& periods, int top);

// How many tables the report shows for these values: the listed ones and
// "other" when any is left (what shown_segments gives, counted without merging).
std::size_t segments_shown(const std::vector<std::string>& values, int top);

}  // namespace bbb
