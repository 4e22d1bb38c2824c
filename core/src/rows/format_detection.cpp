#include "rows/format_detection.h"

#include <string_view>

namespace bbb {
namespace {

const Field kDateFields[] = {Field::kBookingDate, Field::kStartDate, Field::kEndDate, Field::kDeliveryDate,
                             Field::kBillingStart, Field::kCancelDate, Field::kCreatedDate, Field::kInvoiceDate,
                             Field::kDate, Field::kTrialEnd, Field::kPeriodStart, Field::kPeriodEnd};

// Calls observe(cell) for the cell of `column` in every sample row that has one.
template <class Observe>
void for_each_cell(const SampleRows& sample, int column, Observe&& observe) {
  const auto c = static_cast<std::size_t>(column);
  for (std::size_t row = 0; row < sample.size(); ++row)
    if (c < sample.width(row)) observe(sample.cell(row, c));
}

// How a column's sampled dates are written, for a column whose values
// cannot decide the order: day or month first with '/' or '-' (the order is
// then the tie's), day first with dots (DD.MM.YYYY, always day-first), or
// year first (YYYY-MM-DD, and an .xlsx's date cells, written so).
struct Notation {
  bool day_or_month_first = false, dotted = false, year_first = false;
};

Notation notation_of(const SampleRows& sample, int column) {
  Notation n;
  for_each_cell(sample, column, [&n](std::string_view v) {
    std::size_t digits = 0;
    while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9') ++digits;
    if (v.size() < 6 || digits == 0 || digits == v.size()) return;
    const char sep = v[digits];
    if (digits <= 2 && (sep == '/' || sep == '-')) n.day_or_month_first = true;
    else if (digits <= 2 && sep == '.') n.dotted = true;
    else if (digits == 4 && (sep == '-' || sep == '/')) n.year_first = true;
  });
  return n;
}

}  // namespace

DetectedFormats detect_formats(FileKind kind, const ColumnMapping& mapping,
                               const SampleRows& sample, DateOrder date_order_setting, char decimal_setting,
                               char delimiter) {
  (void)kind;
  DetectedFormats out;

  // Amounts: the decimal separator of the amount column.
  if (decimal_setting != 0) {
    out.formats.decimal = decimal_setting;
    out.decimal_source = "setting";
  } else {
    DecimalSniffer sniffer;
    if (mapping.has(Field::kAmount))
      for_each_cell(sample, mapping.of(Field::kAmount), [&sniffer](std::string_view v) { sniffer.observe(v); });
    out.formats.decimal = sniffer.decided();
    out.decimal_source = sniffer.saw_evidence() ? "detected" : "assumed";
  }

  // Dates: each column's values decide its order where they can; a column
  // they cannot decide follows the file's other date columns, then the
  // setting, then the file's conventions (a ';' delimiter or a decimal comma
  // suggest day-first), else month-first.
  DateOrder file_order = DateOrder::kAuto;
  DateOrder per_field[static_cast<int>(Field::kCount)];
  for (DateOrder& o : per_field) o = DateOrder::kAuto;
  for (Field f : kDateFields) {
    if (!mapping.has(f)) continue;
    DateOrderSniffer sniffer;
    for_each_cell(sample, mapping.of(f), [&sniffer](std::string_view v) { sniffer.observe(v); });
    if (sniffer.conflicting())
      out.warnings.push_back(std::string("column '") + mapping.headers[static_cast<std::size_t>(mapping.of(f))] +
                             "' has dates both day-first and month-first; rows that do not fit the chosen order are rejected");
    per_field[static_cast<int>(f)] = sniffer.decided();
    if (file_order == DateOrder::kAuto) file_order = sniffer.decided();
  }
  DateOrder tie = date_order_setting != DateOrder::kAuto && date_order_setting != DateOrder::kYmd
                      ? date_order_setting
                      : DateOrder::kAuto;
  const char* tie_source = "setting";
  if (tie == DateOrder::kAuto && file_order != DateOrder::kAuto) { tie = file_order; tie_source = "detected"; }
  if (tie == DateOrder::kAuto) {
    tie = (delimiter == ';' || out.formats.decimal == ',') ? DateOrder::kDmy : DateOrder::kMdy;
    tie_source = "assumed";
  }
  for (Field f : kDateFields) {
    if (!mapping.has(f)) continue;
    const DateOrder decided = per_field[static_cast<int>(f)];
    const Notation n = decided != DateOrder::kAuto ? Notation() : notation_of(sample, mapping.of(f));
    const char* source = decided != DateOrder::kAuto ? "detected"
                         : n.day_or_month_first      ? tie_source
                         : n.dotted                  ? "dots"
                         : n.year_first              ? "iso"
                                                     : "empty";
    // Dots are read day-first whatever the order (parse_date): the order said is that one.
    out.formats.date_order[static_cast<int>(f)] =
        decided != DateOrder::kAuto ? decided : std::string_view(source) == "dots" ? DateOrder::kDmy : tie;
    out.date_order_source.emplace_back(f, source);
  }
  return out;
}

}  // namespace bbb
