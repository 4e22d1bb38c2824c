// One booked order, contract or contract line (or one pipeline opportunity),
// as the engine understands it once its row has been read and checked.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "values/date.h"
#include "values/money.h"

namespace bbb {

enum class Recognition { kRatable, kPoint };

enum class BillingKind {
  kUpfront, kMonthly, kQuarterly, kSemiannual, kAnnual,
  kMonthlyArrears, kQuarterlyArrears, kSemiannualArrears, kAnnualArrears,
  kOnDelivery, kNone
};

enum class Status { kBooked, kOpen, kLost, kCancelled };

// Months between installments for interval billing, 0 for the others.
int billing_interval_months(BillingKind kind);
bool billing_in_arrears(BillingKind kind);

// The spec's word for each value (what the report and the page write).
const char* billing_kind_name(BillingKind kind);
const char* recognition_name(Recognition recognition);
const char* status_name(Status status);
constexpr BillingKind kBillingKinds[] = {
    BillingKind::kUpfront,         BillingKind::kMonthly,           BillingKind::kQuarterly,
    BillingKind::kSemiannual,      BillingKind::kAnnual,            BillingKind::kMonthlyArrears,
    BillingKind::kQuarterlyArrears, BillingKind::kSemiannualArrears, BillingKind::kAnnualArrears,
    BillingKind::kOnDelivery,      BillingKind::kNone};

// The words of the spec and their synonyms, case- and punctuation-insensitive.
bool parse_billing_kind(std::string_view text, BillingKind* out);
bool parse_recognition(std::string_view text, Recognition* out);
bool parse_status(std::string_view text, Status* out);

// An invoice's status (spec 11): billed (open, paid, authorised, sent,
// uncollectible...) or one of the kinds that are no billing and are
// skipped: void, draft (and awaiting approval), deleted.
enum class InvoiceStatus { kBilled, kVoid, kDraft, kDeleted };
bool parse_invoice_status(std::string_view text, InvoiceStatus* out);
const char* invoice_status_skip_kind(InvoiceStatus status);  // "void", "draft", "deleted"; null when billed
// "Sales credit note", "Credit Memo", "credit note": a credit, billed negative whatever its sign as written.
bool is_credit_type(std::string_view text);

// A CRM's deal types read as the engine's (spec 11): "New Customer" and
// "New Business" are new, "Existing Customer - Upgrade" expansion,
// "Existing Customer - Replacement" and "Renewal" renewal, "Existing
// Customer - Downgrade" contraction; any other type is kept as written.
enum class DealType { kNew, kExpansion, kRenewal, kContraction, kAsWritten };
bool parse_deal_type(std::string_view text, DealType* out);  // always true
std::string_view deal_type_word(DealType type, std::string_view as_written);

// Its text fields are views of the CSV record it was read from: a line is
// folded while its record is alive, and whatever keeps a line's text longer
// (drill-down rows, the oldest open orders) copies it.
// Spec 10: the term T of a line from `start` to `end` (inclusive): the
// smallest T >= 1 whose term start..start+T months-1 day covers the end.
std::int32_t term_covering(Date start, Date end);

// Two keywords written alike as parse_status reads them (case, spaces, '_',
// '-', '/' and '.' aside): "Decision maker bought-in" is "Decision Maker Bought-In".
bool same_keyword(std::string_view a, std::string_view b);

struct ContractLine {
  std::string_view id;
  std::string_view customer;
  std::int64_t line_number = 0;  // physical line of the row in its file
  std::int64_t amount = 0;       // TCV in minor units, >= 0
  CurrencyCode currency;
  Status status = Status::kBooked;
  Recognition recognition = Recognition::kPoint;
  BillingKind billing = BillingKind::kUpfront;
  std::string_view type;         // new, renewal, expansion, or as written

  Date booking;                  // always set for booked rows
  bool has_booking = false;
  Date start;                    // service start (default booking)
  Date end;                      // last day of service, inclusive (ratable)
  std::int32_t term_months = 0;  // T, 0 when the line has no term
  Date billing_start;            // first installment date (default start)
  bool has_delivery = false;
  Date delivery;
  bool has_cancel = false;
  Date cancel;
  bool has_created = false;
  Date created;
  // One invoice (or invoice line) of an invoices file read alone (spec 11):
  // billed by itself, recognised over its service period (or on its date),
  // and never a booking: its bookings and backlog are not known.
  bool from_invoice = false;
  // A subscription's last interval read when it had not ended: it renews
  // until cancelled, so spec 12 counts its MRR on past the interval's end.
  bool renews = false;
  // The deal's probability in hundredths of a percent (9000 = 90 %), -1 when
  // not known: the file's probability column, else its system's default
  // for the stage (HubSpot). Kept for the forecast (spec 14).
  std::int32_t probability_bp = -1;
  // A subscription interval of weeks or days (spec 12 reads its MRR from
  // them); both 0 for a line whose term is whole months (term_months).
  std::int32_t interval_weeks = 0, interval_days = 0;

  bool is_booked() const { return status == Status::kBooked || status == Status::kCancelled; }
};

}  // namespace bbb
