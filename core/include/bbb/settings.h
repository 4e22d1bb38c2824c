// What the user can choose. ReadSettings change how rows are read and
// scheduled (a change means reading the files again); ReportSettings only
// change how the folded months are grouped (a change is instant).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "bbb/csv_reader.h"
#include "bbb/drill.h"
#include "bbb/date.h"
#include "bbb/money.h"
#include "bbb/schedule.h"
#include "bbb/value_formats.h"

namespace bbb {

struct ReadSettings {
  CurrencyCode default_currency;          // "USD" unless set
  KnownCurrencies currencies;             // ISO 4217 and the extra codes named
  Proration proration = Proration::kMonthly;
  std::optional<Date> as_of;
  DateOrder date_order = DateOrder::kAuto;  // breaks a tie a date column cannot decide
  char decimal = 0;                       // 0 = detect per column
  CsvOptions csv;
  std::map<std::string, std::string> mapping;  // field -> header as written
  std::optional<DrillRequest> drill;           // collect the lines behind one cell
  std::string split_by;                        // a column whose values split every table
  bool waterfall = false;                      // fold each booking month apart (spec 5)

  ReadSettings() { parse_currency_code("USD", &default_currency); }
};

enum class PeriodKind { kMonth, kQuarter, kYear };

struct ReportSettings {
  PeriodKind period = PeriodKind::kMonth;
  int fiscal_start = 1;  // first month of the fiscal year, 1-12
  std::optional<Date> from, to;
  int top = 10;  // segments shown one by one; the rest are "other"
};

// Reads settings from JSON text. Unknown keys and bad values are errors (a
// typo must not silently give another report): *error says which.
bool parse_read_settings(std::string_view json_text, ReadSettings* out, std::string* error);
bool parse_report_settings(std::string_view json_text, ReportSettings* out, std::string* error);

const char* period_kind_name(PeriodKind kind);
const char* proration_name(Proration p);

}  // namespace bbb
