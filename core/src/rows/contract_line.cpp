#include "rows/contract_line.h"

#include <string>


namespace bbb {
namespace {

// A keyword as written ("Closed Won", "monthly-arrears", "Negotiation/Review")
// folded to lower case without spaces, '_', '-', '/' or '.', in a fixed
// buffer: no allocation per row.
struct Folded {
  char text[32];
  std::size_t size = 0;
  explicit Folded(std::string_view word) {
    for (char c : word) {
      if (c == ' ' || c == '_' || c == '-' || c == '\t' || c == '/' || c == '.') continue;
      if (size == sizeof text) { size = 0; text[0] = '\0'; return; }  // too long to be a keyword
      text[size++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  bool operator==(std::string_view other) const { return std::string_view(text, size) == other; }
};

}  // namespace

std::int32_t term_covering(Date start, Date end) {
  std::int32_t t = 1;
  while (add_months(start, t).plus_days(-1) < end) ++t;
  return t;
}

bool same_keyword(std::string_view a, std::string_view b) {
  const Folded fa(a), fb(b);
  if ((fa.size == 0 && !a.empty()) || (fb.size == 0 && !b.empty())) return a == b;  // too long to fold: as written
  return fa == std::string_view(fb.text, fb.size);
}

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
      // The billing words of German, French, Spanish and Dutch files, with
      // and without their accents ("jährlich", "jaehrlich").
      {"vorab", BillingKind::kUpfront}, {"imvoraus", BillingKind::kUpfront}, {"vorauszahlung", BillingKind::kUpfront},
      {"d'avance", BillingKind::kUpfront}, {"paravance", BillingKind::kUpfront},
      {"anticipado", BillingKind::kUpfront}, {"poradelantado", BillingKind::kUpfront},
      {"vooraf", BillingKind::kUpfront}, {"vooruitbetaling", BillingKind::kUpfront},
      {"monatlich", BillingKind::kMonthly}, {"mensuel", BillingKind::kMonthly}, {"mensuelle", BillingKind::kMonthly},
      {"mensual", BillingKind::kMonthly}, {"maandelijks", BillingKind::kMonthly}, {"permaand", BillingKind::kMonthly},
      {"viertelj\xC3\xA4hrlich", BillingKind::kQuarterly}, {"vierteljaehrlich", BillingKind::kQuarterly},
      {"quartalsweise", BillingKind::kQuarterly}, {"trimestriel", BillingKind::kQuarterly},
      {"trimestrielle", BillingKind::kQuarterly}, {"trimestral", BillingKind::kQuarterly},
      {"perkwartaal", BillingKind::kQuarterly}, {"driemaandelijks", BillingKind::kQuarterly},
      {"halbj\xC3\xA4hrlich", BillingKind::kSemiannual}, {"halbjaehrlich", BillingKind::kSemiannual},
      {"semestriel", BillingKind::kSemiannual}, {"semestrielle", BillingKind::kSemiannual},
      {"semestral", BillingKind::kSemiannual}, {"halfjaarlijks", BillingKind::kSemiannual},
      {"j\xC3\xA4hrlich", BillingKind::kAnnual}, {"jaehrlich", BillingKind::kAnnual}, {"annuel", BillingKind::kAnnual},
      {"annuelle", BillingKind::kAnnual}, {"anual", BillingKind::kAnnual}, {"jaarlijks", BillingKind::kAnnual},
      {"perjaar", BillingKind::kAnnual},
  };
  for (const Word& word : kWords)
    if (w == word.word) { *out = word.kind; return true; }
  return false;
}

bool parse_deal_type(std::string_view text, DealType* out) {
  const Folded w(text);
  struct Word { std::string_view word; DealType type; };
  static constexpr Word kWords[] = {
      {"newcustomer", DealType::kNew}, {"newbusiness", DealType::kNew},
      {"existingcustomerupgrade", DealType::kExpansion},
      {"existingcustomerreplacement", DealType::kRenewal}, {"renewal", DealType::kRenewal},
      {"existingcustomerdowngrade", DealType::kContraction},
  };
  *out = DealType::kAsWritten;
  for (const Word& word : kWords)
    if (w == word.word) { *out = word.type; break; }
  return true;
}

std::string_view deal_type_word(DealType type, std::string_view as_written) {
  switch (type) {
    case DealType::kNew: return "new";
    case DealType::kExpansion: return "expansion";
    case DealType::kRenewal: return "renewal";
    case DealType::kContraction: return "contraction";
    case DealType::kAsWritten: break;
  }
  return as_written;
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
  // The engine's words, then the CRMs' stages (spec 11): closed-won is
  // booked, closed-lost is lost, and every other stage of a known vocabulary
  // is open. One list for every source: no stage means two things.
  struct Word { std::string_view word; Status status; };
  static constexpr Word kWords[] = {
      {"booked", Status::kBooked}, {"won", Status::kBooked}, {"closedwon", Status::kBooked}, {"signed", Status::kBooked},
      {"open", Status::kOpen}, {"pipeline", Status::kOpen}, {"pending", Status::kOpen},
      {"lost", Status::kLost}, {"closedlost", Status::kLost}, {"closedlosttocompetition", Status::kLost},
      {"cancelled", Status::kCancelled}, {"canceled", Status::kCancelled}, {"terminated", Status::kCancelled},
      // Salesforce's standard stages (Zoho's are the same, with "Identify Decision Makers").
      {"prospecting", Status::kOpen}, {"qualification", Status::kOpen}, {"needsanalysis", Status::kOpen},
      {"valueproposition", Status::kOpen}, {"iddecisionmakers", Status::kOpen},
      {"identifydecisionmakers", Status::kOpen}, {"perceptionanalysis", Status::kOpen},
      {"proposalpricequote", Status::kOpen}, {"negotiationreview", Status::kOpen},
      // HubSpot's default pipeline.
      {"appointmentscheduled", Status::kOpen}, {"qualifiedtobuy", Status::kOpen},
      {"presentationscheduled", Status::kOpen}, {"decisionmakerboughtin", Status::kOpen},
      {"contractsent", Status::kOpen},
      // Dynamics 365's status reasons of an open opportunity.
      {"inprogress", Status::kOpen}, {"onhold", Status::kOpen},
      // NetSuite sales orders (an order is a booking once approved) and opportunities.
      {"pendingapproval", Status::kOpen}, {"pendingfulfillment", Status::kBooked},
      {"pendingfulfilment", Status::kBooked}, {"partiallyfulfilled", Status::kBooked},
      {"pendingbillingpartiallyfulfilled", Status::kBooked}, {"pendingbilling", Status::kBooked},
      {"billed", Status::kBooked}, {"closed", Status::kBooked}, {"issuedquote", Status::kOpen},
  };
  for (const Word& word : kWords)
    if (w == word.word) { *out = word.status; return true; }
  return false;
}

bool parse_invoice_status(std::string_view text, InvoiceStatus* out) {
  const Folded w(text);
  // Stripe (draft, open, paid, uncollectible, void), Xero (Draft, Submitted,
  // Authorised, Awaiting Payment, Paid, Voided, Deleted), Recurly (pending,
  // past_due, paid, failed, voided) and the common words. An uncollectible
  // or failed invoice was issued: a billing, its loss is a bad debt.
  struct Word { std::string_view word; InvoiceStatus status; };
  static constexpr Word kWords[] = {
      {"paid", InvoiceStatus::kBilled}, {"open", InvoiceStatus::kBilled}, {"uncollectible", InvoiceStatus::kBilled},
      {"authorised", InvoiceStatus::kBilled}, {"authorized", InvoiceStatus::kBilled},
      {"awaitingpayment", InvoiceStatus::kBilled}, {"sent", InvoiceStatus::kBilled}, {"issued", InvoiceStatus::kBilled},
      {"posted", InvoiceStatus::kBilled}, {"pastdue", InvoiceStatus::kBilled}, {"overdue", InvoiceStatus::kBilled},
      {"partiallypaid", InvoiceStatus::kBilled}, {"unpaid", InvoiceStatus::kBilled}, {"due", InvoiceStatus::kBilled},
      {"pending", InvoiceStatus::kBilled}, {"failed", InvoiceStatus::kBilled}, {"billed", InvoiceStatus::kBilled},
      {"void", InvoiceStatus::kVoid}, {"voided", InvoiceStatus::kVoid},
      {"draft", InvoiceStatus::kDraft}, {"submitted", InvoiceStatus::kDraft},
      {"awaitingapproval", InvoiceStatus::kDraft},
      {"deleted", InvoiceStatus::kDeleted},
  };
  for (const Word& word : kWords)
    if (w == word.word) { *out = word.status; return true; }
  return false;
}

const char* invoice_status_skip_kind(InvoiceStatus status) {
  switch (status) {
    case InvoiceStatus::kVoid: return "void";
    case InvoiceStatus::kDraft: return "draft";
    case InvoiceStatus::kDeleted: return "deleted";
    case InvoiceStatus::kBilled: return nullptr;
  }
  return nullptr;
}

bool is_credit_type(std::string_view text) {
  const Folded w(text);
  for (std::string_view word : {"salescreditnote", "creditnote", "creditmemo", "credit", "accreccredit", "refundreceipt", "refund"})
    if (w == word) return true;
  return false;
}

}  // namespace bbb
