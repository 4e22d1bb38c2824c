// The settings that change how rows are read and scheduled: a change means
// reading the files again (bbb/settings.h reads them from JSON).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "finance/drill.h"
#include "finance/schedule.h"
#include "rows/value_formats.h"
#include "rows/value_mapping.h"
#include "text/csv_reader.h"
#include "values/date.h"
#include "values/money.h"

namespace bbb {

struct ReadSettings {
  CurrencyCode default_currency;          // "USD" unless set
  KnownCurrencies currencies;             // ISO 4217 and the extra codes named
  Proration proration = Proration::kMonthly;
  std::optional<Date> as_of;
  std::optional<Date> today;              // the caller's calendar day: bounds the as-of default (report_as_of)
  // Months given to a booked line with no term, no end and no delivery date
  // (and no recognition or billing saying it is one-time); 0 = none: such a line is one-time.
  std::int32_t default_term_months = 0;
  DateOrder date_order = DateOrder::kAuto;  // breaks a tie a date column cannot decide
  char decimal = 0;                       // 0 = detect per column
  CsvOptions csv;
  std::map<std::string, std::string> mapping;  // field -> header as written
  std::optional<DrillRequest> drill;           // collect the lines behind one cell
  std::string source;                          // a source profile's key; "" = detect from the header
  ValueMapping values;                         // values no vocabulary knows, read as the user says
  std::string split_by;                        // a column whose values split every table
  bool waterfall = false;                      // fold each booking month apart (spec 5)
  bool snapshot = false;                       // keep every line for a comparison of two exports (snapshot_changes.h)

  ReadSettings() { parse_currency_code("USD", &default_currency); }
};

}  // namespace bbb
