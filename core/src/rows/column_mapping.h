// Which column of a file holds which field, found from the header by name and
// synonym (case, spaces, '_' and '-' ignored), and overridable by the user.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bbb {

// Subscriptions (spec 11) give contract lines, one per interval, as a
// contracts file does: gives_lines() says so.
enum class FileKind { kContracts, kInvoices, kFulfilment, kSubscriptions };
inline bool gives_lines(FileKind kind) { return kind == FileKind::kContracts || kind == FileKind::kSubscriptions; }
bool parse_file_kind(std::string_view name, FileKind* out);
const char* file_kind_name(FileKind kind);

enum class Field {
  kId, kCustomer, kBookingDate, kAmount, kCurrency, kStartDate, kEndDate, kTermMonths,
  kRecognition, kDeliveryDate, kBilling, kBillingStart, kType, kStatus, kCancelDate,
  kCreatedDate, kInvoiceDate, kDate, kPercentComplete,
  // subscriptions (spec 11)
  kQuantity, kInterval, kIntervalCount, kTrialEnd, kPeriodStart, kPeriodEnd,
  // a deal's probability, in percent (spec 11, kept for the forecast of spec 14)
  kProbability,
  // invoices read alone (spec 11): the sales tax or VAT written apart, taken off the amount
  kTax,
  kCount
};
const char* field_name(Field f);
bool parse_field_name(std::string_view name, Field* out);

// "Contract ID" -> "contractid": lower case without spaces, '_' or '-'.
std::string normalize_header(std::string_view name);

struct ColumnMapping {
  static constexpr int kNone = -1;
  int column[static_cast<int>(Field::kCount)];
  std::vector<std::string> headers;  // as written in the file
  std::vector<int> dimensions;       // columns that are no field (product, region...)

  ColumnMapping() { for (int& c : column) c = kNone; }
  int of(Field f) const { return column[static_cast<int>(f)]; }
  bool has(Field f) const { return of(f) != kNone; }
};

// Maps a header. `overrides` (field name -> header as written) wins over
// detection; an override naming no column is reported in *problems.
// `preferred`: a source profile's columns (source_profiles.h), tried after
// the overrides and before the generic names.
ColumnMapping map_columns(FileKind kind, const std::vector<std::string>& headers,
                          const std::map<std::string, std::string>& overrides,
                          const std::vector<std::pair<Field, const char*>>& preferred,
                          std::vector<std::string>* problems);

// The fields a file of this kind must have; empty when all are there.
std::vector<Field> missing_required_fields(FileKind kind, const ColumnMapping& mapping);

}  // namespace bbb
