#include "rows/contract_line.h"

#include <string>


namespace bbb {
namespace {

// A keyword as written ("Closed Won", "monthly-arrears") folded to lower
// case without spaces, '_' or '-', in a fixed buffer: no allocation per row.
struct Folded {
  char text[24];
  std::size_t size = 0;
  explicit Folded(std::string_view word) {
    for (char c : word) {
      if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
      if (size == sizeof text) { size = 0; text[0] = '\0'; return; }  // too long to be a keyword
      text[size++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  bool operator==(std::string_view other) const { return std::string_view(text, size) == other; }
};

}  // namespace

int billing_interval_months(BillingKind kind) {
  switch (kind) {
    case BillingKind::kMonthly: case BillingKind::kMonthlyArrears: return 1;
    case BillingKind::kQuarterly: case BillingKind::kQuarterlyArrears: return 3;
    case BillingKind::kSemiannual: case BillingKind::kSemiannualArrears: return 6;
    case BillingKind::kAnnual: case BillingKind::kAnnualArrears: return 12;
    default: return 0;
  }
}

bool billing_in_arrears(BillingKind kind) {
  return kind == BillingKind::kMonthlyArrears || kind == BillingKind::kQuarterlyArrears ||
         kind == BillingKind::kSemiannualArrears || kind == BillingKind::kAnnualArrears;
}

const char* billing_kind_name(BillingKind kind) {
  switch (kind) {
    case BillingKind::kUpfront: return "upfront";
    case BillingKind::kMonthly: return "monthly";
    case BillingKind::kQuarterly: return "quarterly";
    case BillingKind::kSemiannual: return "semiannual";
    case BillingKind::kAnnual: return "annual";
    case BillingKind::kMonthlyArrears: return "monthly-arrears";
    case BillingKind::kQuarterlyArrears: return "quarterly-arrears";
    case BillingKind::kSemiannualArrears: return "semiannual-arrears";
    case BillingKind::kAnnualArrears: return "annual-arrears";
    case BillingKind::kOnDelivery: return "on-delivery";
    case BillingKind::kNone: return "none";
  }
  return "none";
}

const char* recognition_name(Recognition recognition) {
  return recognition == Recognition::kRatable ? "ratable" : "point";
}

const char* status_name(Status status) {
  switch (status) {
    case Status::kBooked: return "booked";
    case Status::kOpen: return "open";
    case Status::kLost: return "lost";
    case Status::kCancelled: return "cancelled";
  }
  return "booked";
}

bool parse_billing_kind(std::string_view text, BillingKind* out) {
  const Folded w(text);
  struct Word { std::string_view word; BillingKind kind; };  // no strlen per row
  static constexpr Word kWords[] = {
      {"upfront", BillingKind::kUpfront}, {"inadvance", BillingKind::kUpfront}, {"prepaid", BillingKind::kUpfront},
      {"monthly", BillingKind::kMonthly}, {"quarterly", BillingKind::kQuarterly},
      {"semiannual", BillingKind::kSemiannual}, {"semiannually", BillingKind::kSemiannual},
      {"annual", BillingKind::kAnnual}, {"annually", BillingKind::kAnnual}, {"yearly", BillingKind::kAnnual},
      {"monthlyarrears", BillingKind::kMonthlyArrears}, {"quarterlyarrears", BillingKind::kQuarterlyArrears},
      {"semiannualarrears", BillingKind::kSemiannualArrears}, {"annualarrears", BillingKind::kAnnualArrears},
      {"ondelivery", BillingKind::kOnDelivery}, {"none", BillingKind::kNone},
  };
  for (const Word& word : kWords)
    if (w == word.word) { *out = word.kind; return true; }
  return false;
}

bool parse_recognition(std::string_view text, Recognition* out) {
  const Folded w(text);
  if (w == "ratable" || w == "ratably" || w == "subscription" || w == "overtime") *out = Recognition::kRatable;
  else if (w == "point" || w == "pointintime" || w == "delivery" || w == "ondelivery") *out = Recognition::kPoint;
  else return false;
  return true;
}

bool parse_status(std::string_view text, Status* out) {
  const Folded w(text);
  if (w == "booked" || w == "won" || w == "closedwon" || w == "signed") *out = Status::kBooked;
  else if (w == "open" || w == "pipeline" || w == "pending") *out = Status::kOpen;
  else if (w == "lost" || w == "closedlost") *out = Status::kLost;
  else if (w == "cancelled" || w == "canceled" || w == "terminated") *out = Status::kCancelled;
  else return false;
  return true;
}

}  // namespace bbb
