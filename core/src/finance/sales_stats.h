// Sales backlog and pipeline (spec section 6), folded as rows stream by.
// Everything the as-of date changes is kept as a histogram by day (how many
// and how much was created, closed or booked on each day), so that a report
// can be read as of any date without keeping the rows: memory grows with the
// number of distinct days, not of rows.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fast/cold_path.h"
#include "rows/contract_line.h"
#include "values/date.h"
#include "finance/month_series.h"
#include "values/period.h"
#include "values/ratio.h"

namespace bbb {

// Age buckets of spec 6, in days: 0-30, 31-60, 61-90, 91-180, 181+.
constexpr int kAgeBuckets = 5;
int age_bucket(std::int32_t age_days);
const char* age_bucket_label(int bucket);

struct CountValue {
  std::int64_t count = 0;
  std::int64_t value = 0;
  void add(std::int64_t amount) { ++count; value += amount; }
  CountValue& operator+=(const CountValue& o) { count += o.count; value += o.value; return *this; }
};

// An open order (point line not yet delivered) for the "oldest" list.
struct OpenOrder {
  std::string id, customer;
  std::int64_t line = 0;
  Date booking;
  std::int64_t amount = 0;
};

class SalesStats {
 public:
  // read_as_of: the as-of date known while reading (the setting), if any.
  explicit SalesStats(std::optional<Date> read_as_of) : read_as_of_(read_as_of) {}

  void add(const ContractLine& line);
  void merge(const SalesStats& other);  // for the "other" segment

  // A deal is open on day e when it was created on or before e and not
  // closed (won or lost) by e: open deals created by then (or with no
  // created date), and won or lost deals created by then and closed after
  // it. Won and lost deals with no created date are never counted open.
  struct Pipeline {
    std::int64_t open_count = 0, open_value = 0;
    std::int64_t aged_count = 0, age_days_total = 0;  // rows with a created date
    CountValue buckets[kAgeBuckets];
    CountValue no_created_date;
  };
  // The open pipeline at the read-time as-of date (see closed_later_by_created_),
  // aged to `as_of`; without that setting, the deals open today.
  Pipeline pipeline_as_of(Date as_of) const;
  // The open pipeline's count and value at the last day of month m.
  CountValue open_at_month_end(YearMonth m) const;

  struct Closing {
    std::int64_t won = 0, lost = 0, won_value = 0, lost_value = 0;
    std::int64_t cycle_count = 0, cycle_days_total = 0;  // won with a created date
    Closing& operator+=(const Closing& o) {
      won += o.won; lost += o.lost; won_value += o.won_value; lost_value += o.lost_value;
      cycle_count += o.cycle_count; cycle_days_total += o.cycle_days_total;
      return *this;
    }
  };
  // Won and lost lines closed in months [first, last].
  Closing closing(YearMonth first, YearMonth last) const;

  struct Deliveries {
    std::int64_t count = 0, lead_days_total = 0, value = 0;
    Deliveries& operator+=(const Deliveries& o) {
      count += o.count; lead_days_total += o.lead_days_total; value += o.value;
      return *this;
    }
  };
  // Point lines delivered in months [first, last].
  Deliveries deliveries(YearMonth first, YearMonth last) const;

  struct Undelivered {
    CountValue buckets[kAgeBuckets];  // by age of the booking
    CountValue older_than_90;
    std::vector<OpenOrder> oldest;    // the oldest first
  };
  // As of the read-time as-of date (see undelivered_by_booking_), ages
  // counted to `as_of`.
  Undelivered undelivered_as_of(Date as_of) const;

  static constexpr std::size_t kOldestListed = 20;

  // The sales figures of one period (spec 6), as the report gives them.
  struct PeriodFigures {
    Closing closing;
    Deliveries deliveries;
    CountValue open_at_end;
    std::optional<Ratio> win_rate;                  // won / (won + lost)
    std::optional<Ratio> average_sales_cycle_days;  // cycle days / won lines with a cycle
    // open count x average deal size x win rate / average cycle days
    //   = open value x won x cycles / ((won + lost) x cycle days), minor units a day
    std::optional<std::int64_t> sales_velocity_per_day;
    std::optional<Ratio> lead_time_days;            // lead days / delivered
  };
  PeriodFigures period_figures(const Period& period) const;

  // The open pipeline at the as-of date with its averages.
  struct PipelineFigures {
    Pipeline open;
    std::optional<std::int64_t> average_deal_size;  // floor(open value / open count)
    std::optional<Ratio> average_age_days;          // age days / open deals with a created date
  };
  PipelineFigures pipeline_figures(Date as_of) const;

 private:
  // Whether an order booked on `booking` at line `line_number` is older than b.
  static bool before(Date booking, std::int64_t line_number, const OpenOrder& b);
  // A won or lost deal with a created date, as it entered and left the pipeline.
  void record_closed_deal(const ContractLine& line);
  // The line among the oldest undelivered orders (out of line: few lines are).
  BBB_OUT_OF_LINE void list_as_oldest(const ContractLine& line);
  std::optional<Date> read_as_of_;
  // Open pipeline by created day (INT32_MIN: no created date).
  std::map<std::int32_t, CountValue> open_by_created_;
  // Won and lost deals with a created date on or before their close: by the
  // month they entered the pipeline and the month they left it.
  MonthSeries<CountValue> closed_deals_by_created_month_;
  MonthSeries<CountValue> closed_deals_by_close_month_;
  // Won and lost deals still open at the read-time as-of date (created on or
  // before it, closed after it), by created day.
  std::map<std::int32_t, CountValue> closed_later_by_created_;
  // Won and lost by close month; sales cycle of won lines by close month.
  MonthSeries<Closing> closing_by_month_;
  // Delivered point lines by delivery month.
  MonthSeries<Deliveries> deliveries_by_month_;
  // Point lines still undelivered at the as-of date, by booking day. The
  // date is the setting, known while reading; without one it is the last day
  // of the report, after every event, where undelivered means never
  // delivered nor cancelled.
  std::map<std::int32_t, CountValue> undelivered_by_booking_;
  std::vector<OpenOrder> oldest_;  // the oldest of them, a bounded list
};

}  // namespace bbb
