// Reads one CSV record of a contracts, invoices or fulfilment file into a
// checked value, or says why the row is rejected (spec section 7).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rows/column_mapping.h"
#include "rows/contract_line.h"
#include "text/csv_reader.h"
#include "rows/issue_log.h"
#include "fast/recent_keywords.h"
#include "rows/value_formats.h"
#include "rows/value_mapping.h"
#include "rows/subscription.h"

namespace bbb {

// How each column writes its values, decided from a sample of the file.
struct ColumnFormats {
  // Per field, for dates like 03/04/2024 (ISO dates read the same in any order).
  DateOrder date_order[static_cast<int>(Field::kCount)];
  char decimal = '.';
  ColumnFormats() { for (DateOrder& o : date_order) o = DateOrder::kMdy; }
  DateOrder order_of(Field f) const { return date_order[static_cast<int>(f)]; }
};

// The outcome of reading one row: the issues found, and for a rejected row
// the amount if it could be read (for the "value of rejected rows").
struct RowResult {
  bool accepted = false;
  std::vector<Issue> issues;
  std::optional<std::int64_t> rejected_amount;
  CurrencyCode currency;
  // A row that is no data to read: skipped and counted by this kind, neither
  // accepted nor rejected (a void or draft invoice, spec 11).
  const char* skipped = nullptr;
  // How a booked contract line got its term: as written, none (so read as
  // one-time, all of it unscheduled until delivered), or the default term.
  enum class Term : std::uint8_t { kAsWritten, kNone, kDefault };
  Term term = Term::kAsWritten;
};

// Amounts of invoices and fulfilment are read before the line they belong to
// (and so its currency) is known: each is kept exactly as written, digits
// and decimal places, and read in the line's currency when matched.
struct WrittenAmount {
  std::int64_t units = 0;  // the amount x 10^decimals
  int decimals = 0;        // the fewest decimal places that write it (12.50 -> 1)
};
constexpr int kMaxWrittenDecimals = 4;  // no currency has more

struct InvoiceRow { std::string id; std::int64_t line = 0; Date date; WrittenAmount amount; };
struct FulfilmentRow {
  std::string id;
  std::int64_t line = 0;
  Date date;
  bool is_percent = false;
  WrittenAmount amount;                 // when !is_percent
  std::int64_t percent_millionths = 0;  // cumulative percent complete x 1e6 (0..100e6)
};

// The amount in minor units of a currency of `digits` decimals; false (and
// *why) when it has more decimals, or is past 2^53 - 1 minor units.
bool in_currency(const WrittenAmount& amount, int digits, std::int64_t* out, std::string* why);

class RowReader {
 public:
  RowReader(FileKind kind, ColumnMapping mapping, ColumnFormats formats, CurrencyCode default_currency,
             KnownCurrencies currencies = {}, ValueMapping values = {});

  // Each reads a row into *out and its verdict into *result: accepted or
  // not, the value of a rejected row, and its issues, appended to those
  // already there (the problems the CSV reader found in the row's text).
  void read_contract(const CsvRecord& record, ContractLine* out, RowResult* result) const;
  void read_subscription(const CsvRecord& record, SubscriptionRow* out, RowResult* result) const;
  void read_invoice(const CsvRecord& record, InvoiceRow* out, RowResult* result) const;
  // A row of an invoices file read alone (spec 11), as the line it bills:
  // net of its tax, negative for a credit, over its service period when it
  // has one (ratable) or on its date (point); from_invoice set. A void,
  // draft or deleted invoice is skipped (result->skipped).
  void read_invoice_line(const CsvRecord& record, ContractLine* out, RowResult* result) const;
  void read_fulfilment(const CsvRecord& record, FulfilmentRow* out, RowResult* result) const;

  // The log the rows' issues go to: an issue past its listing limits is
  // then counted there at once and never built (IssueLog::count_if_unlisted),
  // so a file whose every row warns (no currency, a start before booking)
  // costs little more than one that does not. Without it, every issue is
  // built into the row's result.
  void set_issue_log(IssueLog* log) { issue_log_ = log; }
  // The default probability of each stage of the file's system (a profile's
  // stage_probabilities), for rows of a file with no probability column.
  // Months given to a booked line with no term, end or delivery date whose
  // recognition and billing do not say it is one-time (ReadSettings::default_term_months); 0 = none.
  void set_default_term(std::int32_t months) { default_term_months_ = months; }
  void set_stage_probabilities(const std::vector<std::pair<const char*, int>>* stages) { stage_probabilities_ = stages; }
  const ColumnMapping& mapping() const { return mapping_; }
  // A field's cell of a record, trimmed as read_contract reads it ("" when unmapped).
  std::string_view cell(const CsvRecord& record, Field f) const {
    const int c = mapping_.of(f);
    return c == ColumnMapping::kNone ? std::string_view() : trim(record.field(static_cast<std::size_t>(c)));
  }
  const ColumnFormats& formats() const { return formats_; }

 private:
  struct Context;
  bool check_width(const CsvRecord& record, RowResult* result) const;
  bool read_money(Context& cx, CurrencyCode* currency, std::int64_t* amount, bool* ok, const char* negative_message) const;
  // A contract row's amount, in the precision of its currency: the column's
  // (when given), else the one the amount names, else the default.
  bool read_line_amount(std::string_view text, const CurrencyCode* column_currency, ParsedAmount* amount,
                        std::string* why) const;

  FileKind kind_;
  ColumnMapping mapping_;
  // The mapped fields and their columns, in field order: a row reads only these.
  struct MappedField { int field; std::size_t column; };
  MappedField mapped_[static_cast<int>(Field::kCount)];
  int mapped_count_ = 0;
  std::size_t last_mapped_column_ = 0;  // the largest column of mapped_
  ColumnFormats formats_;
  CurrencyCode default_currency_;
  KnownCurrencies currencies_;  // a row in any other currency is rejected
  mutable CurrencyCode last_known_currency_;  // the last one found in currencies_
  bool known_currency(const CurrencyCode& code) const;
  IssueLog* issue_log_ = nullptr;
  std::int32_t default_term_months_ = 0;
  const std::vector<std::pair<const char*, int>>* stage_probabilities_ = nullptr;
  // The row's probability into l->probability_bp; a warning (the line kept) when it is no percentage.
  void read_probability(Context& cx, ContractLine* l) const;
  // Keyword columns read row after row (the reader is otherwise const).
  mutable RecentKeywords<Status> status_memo_;
  mutable RecentKeywords<Recognition> recognition_memo_;
  mutable RecentKeywords<BillingKind> billing_memo_;
  mutable RecentKeywords<DealType> deal_type_memo_;
  ValueMapping values_;  // the user's reading of values no vocabulary knows
  // A line's name when the file has no id column: "line 12". Valid until the next row.
  std::string_view name_by_line(std::int64_t line) const;
  mutable std::string line_name_;
  // The row being read, its mapped cells trimmed (see Context); the cells
  // of unmapped fields are never written and stay empty, so that no row
  // pays for clearing them.
  mutable std::string_view cells_[static_cast<int>(Field::kCount)];
};

// Reads an amount in a currency whose precision is `digits` (used again when
// the invoices of a line are matched to it).
bool read_money(const std::string& text, char decimal, int digits, std::int64_t* out, std::string* why);

}  // namespace bbb
