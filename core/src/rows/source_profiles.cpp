#include "rows/source_profiles.h"

namespace bbb {

const std::vector<SourceProfile>& source_profiles() {
  // Facts from ../shared/sources/FORMATS.md. A signature names columns the
  // system always writes and other exports do not, so that detection is
  // never a guess between two.
  static const std::vector<SourceProfile> kProfiles = {
      {"salesforce_opportunities", "Salesforce opportunity report", FileKind::kContracts,
       {"Opportunity Name", "Stage", "Close Date"},
       {{Field::kId, "Opportunity ID"}, {Field::kCustomer, "Account Name"}, {Field::kBookingDate, "Close Date"},
        {Field::kAmount, "Amount"}, {Field::kCurrency, "Amount Currency"}, {Field::kStatus, "Stage"},
        {Field::kType, "Type"}, {Field::kCreatedDate, "Created Date"}},
       {}, 12},
      {"salesforce_data_loader", "Salesforce Data Loader export of opportunities", FileKind::kContracts,
       {"Id", "StageName", "CloseDate"},
       {{Field::kId, "Id"}, {Field::kCustomer, "AccountId"}, {Field::kBookingDate, "CloseDate"},
        {Field::kAmount, "Amount"}, {Field::kCurrency, "CurrencyIsoCode"}, {Field::kStatus, "StageName"},
        {Field::kType, "Type"}, {Field::kCreatedDate, "CreatedDate"}},
       {}, 12},
      {"hubspot_deals", "HubSpot deals export", FileKind::kContracts,
       {"Record ID", "Deal Name", "Deal Stage"},
       {{Field::kId, "Record ID"}, {Field::kCustomer, "Associated Company"}, {Field::kBookingDate, "Close Date"},
        {Field::kAmount, "Amount"}, {Field::kCurrency, "Currency"}, {Field::kStatus, "Deal Stage"},
        {Field::kType, "Deal Type"}, {Field::kCreatedDate, "Create Date"}},
       {{"Appointment Scheduled", 20}, {"Qualified To Buy", 40}, {"Presentation Scheduled", 60},
        {"Decision Maker Bought-In", 80}, {"Contract Sent", 90}, {"Closed Won", 100}, {"Closed Lost", 0}}, 12},
      {"pipedrive_deals", "Pipedrive deals export", FileKind::kContracts,
       {"Deal - ID", "Deal - Value", "Deal - Status"},
       {{Field::kId, "Deal - ID"}, {Field::kCustomer, "Deal - Organization"},
        {Field::kBookingDate, "Deal - Won time"}, {Field::kBookingDate, "Deal - Expected close date"},
        {Field::kAmount, "Deal - Value"},
        {Field::kCurrency, "Deal - Currency"}, {Field::kStatus, "Deal - Status"},
        {Field::kCreatedDate, "Deal - Deal created"}, {Field::kProbability, "Deal - Probability"}},
       {}, 12},
      {"zoho_deals", "Zoho CRM deals export", FileKind::kContracts,
       {"Record Id", "Deal Name", "Stage", "Closing Date"},
       {{Field::kId, "Record Id"}, {Field::kCustomer, "Account Name"}, {Field::kBookingDate, "Closing Date"},
        {Field::kAmount, "Amount"}, {Field::kStatus, "Stage"}, {Field::kType, "Type"},
        {Field::kCreatedDate, "Created Time"}},
       {}, 12},
      {"dynamics_opportunities", "Dynamics 365 opportunities export", FileKind::kContracts,
       {"Topic", "Potential Customer", "Est. Close Date", "Est. Revenue"},
       // Est. Revenue is on every row (Actual Revenue only on won ones); a
       // won deal's booking date is its actual close date.
       {{Field::kCustomer, "Potential Customer"}, {Field::kBookingDate, "Actual Close Date"},
        {Field::kBookingDate, "Est. Close Date"}, {Field::kAmount, "Est. Revenue"}, {Field::kCurrency, "Currency"},
        {Field::kStatus, "Status"}, {Field::kCreatedDate, "Created On"}},
       {}, 12},
      {"stripe_subscriptions", "Stripe subscriptions export", FileKind::kSubscriptions,
       {"Customer ID", "Interval", "Current Period Start (UTC)"},
       // The customer is its id: names are often blank, and the id is who pays.
       {{Field::kId, "id"}, {Field::kCustomer, "Customer ID"}, {Field::kAmount, "Amount"},
        {Field::kQuantity, "Quantity"}, {Field::kCurrency, "Currency"}, {Field::kInterval, "Interval"},
        {Field::kIntervalCount, "Interval Count"}, {Field::kStatus, "Status"},
        {Field::kStartDate, "Start Date (UTC)"}, {Field::kStartDate, "Start (UTC)"},
        {Field::kTrialEnd, "Trial End (UTC)"}, {Field::kCancelDate, "Canceled At (UTC)"},
        {Field::kEndDate, "Ended At (UTC)"}, {Field::kPeriodStart, "Current Period Start (UTC)"},
        {Field::kPeriodEnd, "Current Period End (UTC)"}, {Field::kCreatedDate, "Created (UTC)"}}},
      {"chargebee_subscriptions", "Chargebee subscriptions export", FileKind::kSubscriptions,
       {"subscriptions.id", "subscriptions.customer_id", "subscriptions.status"},
       {{Field::kId, "subscriptions.id"}, {Field::kCustomer, "subscriptions.customer_id"},
        {Field::kAmount, "subscriptions.plan_unit_price"}, {Field::kQuantity, "subscriptions.plan_quantity"},
        {Field::kCurrency, "subscriptions.currency_code"}, {Field::kStatus, "subscriptions.status"},
        {Field::kInterval, "subscriptions.billing_period_unit"}, {Field::kIntervalCount, "subscriptions.billing_period"},
        {Field::kStartDate, "subscriptions.started_at"}, {Field::kStartDate, "subscriptions.start_date"},
        {Field::kTrialEnd, "subscriptions.trial_end"}, {Field::kCancelDate, "subscriptions.cancelled_at"},
        {Field::kPeriodStart, "subscriptions.current_term_start"}, {Field::kPeriodEnd, "subscriptions.current_term_end"},
        {Field::kCreatedDate, "subscriptions.created_at"}}},
      // Invoices (spec 11), read alone or with a contracts file. Stripe's
      // Total is after discounts and with tax: the tax is taken off. Its
      // Period Start/End are not a service period (the window in which the
      // invoice's items were added, one period back for a subscription), so
      // they are not read as one.
      {"stripe_invoices", "Stripe invoices export", FileKind::kInvoices,
       {"Date (UTC)", "Amount Due", "Amount Paid"},
       {{Field::kId, "Number"}, {Field::kId, "id"}, {Field::kCustomer, "Customer"}, {Field::kInvoiceDate, "Date (UTC)"},
        {Field::kAmount, "Total"}, {Field::kTax, "Tax"}, {Field::kCurrency, "Currency"}, {Field::kStatus, "Status"}}},
      // One row per invoice line, the invoice's totals repeated on each:
      // LineAmount (after the line's discount, without tax) is read, never Total.
      {"xero_sales_invoices", "Xero sales invoices export", FileKind::kInvoices,
       {"ContactName", "InvoiceNumber", "LineAmount"},
       {{Field::kId, "InvoiceNumber"}, {Field::kCustomer, "ContactName"}, {Field::kInvoiceDate, "InvoiceDate"},
        {Field::kAmount, "LineAmount"}, {Field::kCurrency, "Currency"}, {Field::kStatus, "Status"},
        {Field::kType, "Type"}}},
      // Sales by Customer Detail: title lines, a header whose first cell is
      // empty, a heading row per customer (the customer of the rows under
      // it), "Total for ..." rows, TOTAL and an "Accrual Basis" footer.
      // Amounts are without sales tax; a credit memo is a credit.
      {"quickbooks_sales_detail", "QuickBooks Online sales by customer detail report", FileKind::kInvoices,
       {"Transaction date", "Transaction type", "Product/Service"},
       {{Field::kId, "Num"}, {Field::kInvoiceDate, "Transaction date"}, {Field::kAmount, "Amount"},
        {Field::kType, "Transaction type"}}},
      // A sales-order saved search: orders are bookings (contract lines).
      // One row per order line: the document number repeats, so it is no
      // line id (each row is its own line); the ship date is the delivery.
      {"netsuite_sales_orders", "NetSuite sales order saved search", FileKind::kContracts,
       {"Document Number", "Name", "Ship Date"},
       {{Field::kCustomer, "Name"}, {Field::kBookingDate, "Date"}, {Field::kAmount, "Amount"},
        {Field::kCurrency, "Currency"}, {Field::kStatus, "Status"}, {Field::kDeliveryDate, "Ship Date"}}},
  };
  return kProfiles;
}

const SourceProfile& generic_profile() {
  static const SourceProfile kGeneric{"generic", "contract lines (the generic profile)", FileKind::kContracts, {}, {}};
  return kGeneric;
}

const SourceProfile* find_source_profile(std::string_view key) {
  if (key == generic_profile().key) return &generic_profile();
  for (const SourceProfile& p : source_profiles())
    if (key == p.key) return &p;
  return nullptr;
}

DetectedSource detect_source(FileKind kind, const std::vector<std::string>& headers) {
  std::vector<std::string> normalized;
  for (const std::string& h : headers) normalized.push_back(normalize_header(h));
  const auto has = [&](const char* column) {
    const std::string wanted = normalize_header(column);
    for (const std::string& n : normalized)
      if (n == wanted) return true;
    return false;
  };
  // The file given as contract lines may be any export that gives lines: a
  // subscriptions export there is read as one, and an invoices export as
  // invoices alone (spec 11).
  const auto fits = [kind](FileKind profile_kind) {
    return profile_kind == kind || (kind == FileKind::kContracts && (profile_kind == FileKind::kSubscriptions ||
                                                                     profile_kind == FileKind::kInvoices));
  };
  for (const SourceProfile& p : source_profiles()) {
    if (!fits(p.kind)) continue;
    bool all = true;
    for (const char* column : p.signature) all = all && has(column);
    if (!all) continue;
    std::string reason = "the header has ";
    for (std::size_t i = 0; i < p.signature.size(); ++i)
      reason += std::string(i == 0 ? "" : i + 1 == p.signature.size() ? " and " : ", ") + p.signature[i];
    return {&p, reason};
  }
  return {&generic_profile(), "no system's columns found in the header"};
}

}  // namespace bbb
