#include "rows/format_detection.h"

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

bool has_slash_dates(const SampleRows& sample, int column) {
  bool found = false;
  for_each_cell(sample, column, [&found](std::string_view v) {
    if (v.size() >= 6 && v.find('/') != std::string_view::npos && v.find('/') <= 2) found = true;
    if (v.size() >= 6 && v.find('-') != std::string_view::npos && v.find('-') <= 2) found = true;
  });
  return found;
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
    out.formats.date_order[static_cast<int>(f)] = decided != DateOrder::kAuto ? decided : tie;
    const char* source = decided != DateOrder::kAuto ? "detected"
                         : has_slash_dates(sample, mapping.of(f)) ? tie_source
                                                                  : "iso";
    out.date_order_source.emplace_back(f, source);
  }
  return out;
}

}  // namespace bbb
