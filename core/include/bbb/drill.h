// Drill-down: which lines make up one cell of the report (one metric of one
// currency over one range), each with its contribution. The lines' figures
// add up to the cell exactly, because each is the same fold as the report's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bbb/contract_line.h"
#include "bbb/money.h"
#include "bbb/schedule.h"

namespace bbb {

struct DrillRequest {
  CurrencyCode currency;
  std::string metric;   // a period amount by its JSON name, e.g. "revenue"
  Date from, to;        // the cell's period (whole months)
  std::size_t limit = 200;
};

struct DrillLine {
  std::string id;
  std::string customer;
  std::int64_t line = 0;
  std::int64_t amount = 0;
  std::int64_t contribution = 0;
};

class DrillCollector {
 public:
  explicit DrillCollector(DrillRequest request) : request_(std::move(request)) {}

  void add(const ContractLine& line, const LineSchedule& schedule);

  const DrillRequest& request() const { return request_; }
  std::int64_t value() const { return value_; }      // the cell: the sum over every line
  std::int64_t count() const { return count_; }      // lines with a non-zero contribution
  // The largest contributions first (by magnitude, then by line number).
  std::vector<DrillLine> top_lines() const;

 private:
  DrillRequest request_;
  std::int64_t value_ = 0;
  std::int64_t count_ = 0;
  std::vector<DrillLine> heap_;  // the `limit` largest so far, smallest on top
};

bool is_drill_metric(const std::string& name);

}  // namespace bbb
