// Invoices alone and the billing systems' invoice exports (spec 11): an
// invoices file in the contracts file's place gives billings per period (net
// of tax, after discounts, each invoice line once), revenue only over
// service periods, and null, never 0, for bookings and backlog; void, draft
// and deleted invoices are skipped and counted. NetSuite sales orders are
// bookings. Facts from ../shared/sources/FORMATS.md.
#include <gtest/gtest.h>

#include <string>

#include "rows/source_profiles.h"
#include "test_support.h"

namespace {

using bbb_test::Json;

std::int64_t skipped(const Json& r, const std::string& kind) {
  for (const Json& s : r["rows"]["skipped"])
    if (s["kind"] == kind) return s["count"].get<std::int64_t>();
  return 0;
}

TEST(InvoiceProfiles, EachExportIsRecognisedFromItsHeader) {
  const auto profile_of = [](const std::vector<std::string>& header) {
    return std::string(bbb::detect_source(bbb::FileKind::kContracts, header).profile->key);
  };
  EXPECT_EQ(profile_of({"id", "Number", "Customer", "Date (UTC)", "Subtotal", "Tax", "Total", "Amount Due", "Amount Paid",
                        "Currency", "Status"}),
            "stripe_invoices");
  EXPECT_EQ(profile_of({"ContactName", "InvoiceNumber", "InvoiceDate", "Total", "TaxTotal", "LineAmount", "TaxAmount",
                        "Currency", "Type", "Status"}),
            "xero_sales_invoices");
  EXPECT_EQ(profile_of({"", "Transaction date", "Transaction type", "Num", "Product/Service", "Memo/Description", "Quantity",
                        "Sales price", "Amount", "Balance"}),
            "quickbooks_sales_detail");
  EXPECT_EQ(profile_of({"Internal ID", "Document Number", "Date", "Name", "Ship Date", "Status", "Item", "Amount"}),
            "netsuite_sales_orders");
  // Given as an invoices file (with contracts), the invoice profiles are found too.
  EXPECT_EQ(std::string(bbb::detect_source(bbb::FileKind::kInvoices, {"ContactName", "InvoiceNumber", "LineAmount"}).profile->key),
            "xero_sales_invoices");
}

TEST(InvoiceProfiles, StripeInvoicesAreBilledNetOfTaxAndVoidOrDraftAreSkipped) {
  const Json r = bbb_test::report(
      "id,Number,Customer,Date (UTC),Period Start (UTC),Period End (UTC),Subtotal,Discount,Tax,Total,Amount Due,Amount Paid,Currency,Status\n"
      "in_1,A-0001,cus_1,2024-01-05 10:00:00,2024-01-01 00:00:00,2024-01-05 10:00:00,100.00,10.00,7.43,97.43,97.43,97.43,usd,paid\n"
      "in_2,A-0002,cus_2,2024-01-20 11:00:00,2024-01-01 00:00:00,2024-01-20 11:00:00,50.00,0.00,0.00,50.00,50.00,0.00,usd,uncollectible\n"
      "in_3,A-0003,cus_1,2024-02-02 09:00:00,2024-02-01 00:00:00,2024-02-02 09:00:00,80.00,0.00,0.00,80.00,0.00,0.00,usd,void\n"
      "in_4,A-0004,cus_3,2024-02-03 09:00:00,2024-02-01 00:00:00,2024-02-03 09:00:00,70.00,0.00,0.00,70.00,70.00,0.00,eur,draft\n"
      "in_5,A-0005,cus_3,2024-02-09 09:00:00,2024-02-01 00:00:00,2024-02-09 09:00:00,200.00,0.00,38.00,238.00,238.00,0.00,eur,open\n");
  EXPECT_EQ(r["files"][0]["source"]["profile"], "stripe_invoices");
  EXPECT_EQ(r["files"][0]["kind"], "invoices");
  EXPECT_EQ(r["rows"]["read"], 3);
  EXPECT_EQ(r["rows"]["accepted"], 3);
  EXPECT_EQ(skipped(r, "void"), 1);
  EXPECT_EQ(skipped(r, "draft"), 1);
  const Json& usd = bbb_test::periods(r, "USD");
  // Total less tax: 97.43 - 7.43 = 90.00 (after the 10.00 discount), and the uncollectible 50.00.
  EXPECT_EQ(usd[0]["billings"], 14000);
  EXPECT_EQ(bbb_test::periods(r, "EUR")[1]["billings"], 20000);
  // Not known from invoices: null, never 0. No service period: no revenue either.
  for (const char* key : {"bookings", "bookings_count", "acv_bookings", "backlog_begin", "backlog_end", "crpo_end",
                          "cancellations", "unscheduled_backlog_end", "revenue", "deferred_revenue_end",
                          "unbilled_receivable_end", "bookings_by_type", "book_to_bill"})
    EXPECT_TRUE(usd[0][key].is_null()) << key;
  EXPECT_TRUE(usd[0]["trailing_12_months"]["bookings"].is_null());
  EXPECT_EQ(usd[0]["trailing_12_months"]["billings"], 14000);
  EXPECT_FALSE(r["currencies"]["USD"].contains("pipeline"));
}

TEST(InvoiceProfiles, XeroCountsEachLineAmountOnceNeverTheRepeatedTotal) {
  const Json r = bbb_test::report(
      "ContactName,InvoiceNumber,InvoiceDate,DueDate,Total,TaxTotal,Description,Quantity,UnitAmount,Discount,LineAmount,TaxType,TaxAmount,Currency,Type,Status\n"
      "Ridgeway,INV-1,14/01/2024,28/01/2024,360.00,60.00,A,1,100.0000,,100.00,20% (VAT on Income),20.00,GBP,Sales invoice,Paid\n"
      "Ridgeway,INV-1,14/01/2024,28/01/2024,360.00,60.00,B,2,111.1111,10.00,200.00,20% (VAT on Income),40.00,GBP,Sales invoice,Paid\n"
      "Bayside,INV-2,21/01/2024,04/02/2024,120.00,20.00,C,1,100.0000,,100.00,20% (VAT on Income),20.00,GBP,Sales invoice,Voided\n"
      "Bayside,INV-3,22/01/2024,05/02/2024,120.00,20.00,C,1,100.0000,,100.00,20% (VAT on Income),20.00,GBP,Sales invoice,Deleted\n"
      "Bayside,INV-4,23/01/2024,06/02/2024,120.00,20.00,C,1,100.0000,,100.00,20% (VAT on Income),20.00,GBP,Sales invoice,Submitted\n"
      "Ridgeway,CN-1,15/02/2024,15/02/2024,60.00,10.00,Refund,1,50.0000,,50.00,20% (VAT on Income),10.00,GBP,Sales credit note,Authorised\n");
  EXPECT_EQ(r["files"][0]["source"]["profile"], "xero_sales_invoices");
  const Json& gbp = bbb_test::periods(r, "GBP");
  EXPECT_EQ(gbp[0]["billings"], 30000);   // 100 + 200, not 360 twice
  EXPECT_EQ(gbp[1]["billings"], -5000);   // a credit note, written positive
  EXPECT_EQ(skipped(r, "void"), 1);
  EXPECT_EQ(skipped(r, "deleted"), 1);
  EXPECT_EQ(skipped(r, "draft"), 1);
  EXPECT_EQ(r["rows"]["read"], 3);
}

TEST(InvoiceProfiles, QuickBooksTitlesHeadingsAndTotalsAreSkippedAndCounted) {
  const Json r = bbb_test::report(
      "\"Craig's Design and Landscaping Services\"\n"
      "\"Sales by Customer Detail\"\n"
      "\"January 1 - March 31, 2024\"\n"
      "\n"
      ",Transaction date,Transaction type,Num,Product/Service,Memo/Description,Quantity,Sales price,Amount,Balance\n"
      "Amy's Bird Sanctuary,,,,,,,,,\n"
      ",01/05/2024,Invoice,1001,Design,Custom Design,160,75.00,\"12,000.00\",\"12,000.00\"\n"
      ",02/14/2024,Credit Memo,1009,Design,Refund,-1,200.00,(200.00),\"11,800.00\"\n"
      "Total for Amy's Bird Sanctuary,,,,,,,,\"$11,800.00\",\n"
      "Cool Cars,,,,,,,,,\n"
      ",03/02/2024,Sales Receipt,1010,Rocks,Garden Rocks,4,12.50,50.00,50.00\n"
      "Total for Cool Cars,,,,,,,,$50.00,\n"
      "TOTAL,,,,,,,,\"$11,850.00\",\n"
      "\n"
      "\"Accrual Basis Monday, January 6, 2025 09:14 AM GMT-05:00\"\n",
      "{}", R"({"drill":{"metric":"billings","currency":"USD","from":"2024-03-01","to":"2024-03-31"}})");
  EXPECT_EQ(r["files"][0]["source"]["profile"], "quickbooks_sales_detail");
  EXPECT_EQ(r["rows"]["read"], 3);
  EXPECT_EQ(r["rows"]["rejected"], 0);
  EXPECT_EQ(skipped(r, "title"), 3);
  EXPECT_EQ(skipped(r, "heading"), 2);
  EXPECT_EQ(skipped(r, "total"), 3);
  EXPECT_EQ(skipped(r, "footer"), 1);
  const Json& usd = bbb_test::periods(r, "USD");
  EXPECT_EQ(usd[0]["billings"], 1200000);
  EXPECT_EQ(usd[1]["billings"], -20000);
  EXPECT_EQ(usd[2]["billings"], 5000);
  // The rows under a heading are that customer's.
  EXPECT_EQ(r["drill"]["lines"][0]["customer"], "Cool Cars");
}

TEST(InvoiceProfiles, NetSuiteSalesOrdersAreBookings) {
  const Json r = bbb_test::report(
      "Internal ID,Document Number,Date,Name,Ship Date,Status,Item,Quantity,Amount\n"
      "10452,SO10452,1/8/2024,Acme,1/15/2024,Billed,WID-100,10,\"1,250.00\"\n"
      "10452,SO10452,1/8/2024,Acme,1/15/2024,Billed,SVC,1,500.00\n"
      "10458,SO10458,1/19/2024,Globex,2/2/2024,Pending Fulfillment,WID-200,4,\"2,000.00\"\n"
      "10473,SO10473,1/27/2024,Umbrella,3/10/2024,Pending Approval,WID-200,2,\"1,000.00\"\n");
  EXPECT_EQ(r["files"][0]["source"]["profile"], "netsuite_sales_orders");
  EXPECT_EQ(r["files"][0]["kind"], "contracts");
  EXPECT_EQ(r["rows"]["accepted"], 4);  // one line a row: the document number repeats
  const Json& usd = bbb_test::periods(r, "USD");
  EXPECT_EQ(usd[0]["bookings"], 375000);  // approved orders; pending approval is pipeline
  EXPECT_EQ(usd[0]["revenue"], 175000);   // shipped 1/15
  EXPECT_EQ(usd[1]["revenue"], 200000);   // ship date 2/2
}

TEST(InvoicesAlone, RecognisedOverTheServicePeriodWithBookingsUnknown) {
  const Json r = bbb_test::report(
      "invoice_date,customer,amount,tax,currency,start_date,end_date,status\n"
      "2024-01-05,A,12000.00,0,USD,2024-01-01,2024-12-31,paid\n"
      "2024-04-30,B,1500.00,,USD,2024-01-01,2024-03-31,paid\n"
      "2024-03-10,A,250.00,,USD,,,paid\n"
      "2024-03-11,A,999.00,,USD,,,void\n");
  EXPECT_EQ(r["files"][0]["kind"], "invoices");
  EXPECT_EQ(r["files"][0]["source"]["profile"], "generic");
  const Json& usd = bbb_test::periods(r, "USD");
  EXPECT_EQ(usd[0]["billings"], 1200000);
  EXPECT_EQ(usd[0]["revenue"], 150000);                  // 1,000 + 500 billed later
  EXPECT_EQ(usd[0]["deferred_revenue_end"], 1100000);
  EXPECT_EQ(usd[0]["unbilled_receivable_end"], 50000);
  EXPECT_EQ(usd[2]["revenue"], 175000);                  // with the 250.00 recognised on its date
  EXPECT_EQ(usd[3]["unbilled_receivable_end"], 0);       // billed 2024-04-30
  EXPECT_TRUE(usd[0]["bookings"].is_null());
  EXPECT_TRUE(usd[0]["backlog_end"].is_null());
  EXPECT_EQ(skipped(r, "void"), 1);
  bool told = false;
  for (const Json& i : r["issues"]) told = told || i["code"] == "invoices_alone";
  EXPECT_TRUE(told);
}

TEST(InvoicesAlone, AHalfServicePeriodIsRejectedAndAnUnknownStatusNamed) {
  const Json r = bbb_test::report(
      "invoice_date,amount,start_date,end_date,status\n"
      "2024-01-05,100.00,2024-01-01,,paid\n"
      "2024-01-06,100.00,,,refunded-ish\n"
      "2024-01-07,100.00,,,paid\n");
  EXPECT_EQ(r["rows"]["rejected"], 2);
  EXPECT_EQ(r["rows"]["accepted"], 1);
  EXPECT_EQ(r["issue_counts"]["half_service_period"], 1);
  EXPECT_EQ(r["issue_counts"]["unknown_status"], 1);
}

}  // namespace
