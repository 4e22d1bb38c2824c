// The period report of spec sections 4 and 10, each figure worked out by
// hand: report range, currencies, backlog splits, deferred revenue and
// unbilled receivable, cancellations, invoices and fulfilment files.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace {

using bbb_test::Json;
using bbb_test::labels;
using bbb_test::period;
using bbb_test::periods;
using bbb_test::report;
using bbb_test::Input;

TEST(ReportRange, OneRangeForAllCurrenciesZerosIncludedPipelineLeftOut) {
  const char* csv =
      "id,booking_date,amount,currency,recognition,delivery_date,billing,status\n"
      "U1,2024-01-10,1000.00,USD,point,2024-01-10,upfront,booked\n"
      "E1,2024-03-20,500.00,EUR,point,2024-05-02,on-delivery,booked\n"
      "G1,2024-02-01,999.00,GBP,point,,upfront,open\n"
      "U2,2023-06-01,777.00,USD,point,,upfront,lost\n";
  const Json r = report(csv);
  EXPECT_FALSE(r["currencies"].contains("GBP")) << "a currency with no booked line is left out";
  const std::vector<std::string> months{"2024-01", "2024-02", "2024-03", "2024-04", "2024-05"};
  EXPECT_EQ(labels(r, "USD"), months) << "pipeline rows never open the range";
  EXPECT_EQ(labels(r, "EUR"), months) << "every currency gets every period";

  const Json u = period(r, "USD", "2024-01");
  EXPECT_EQ(u["bookings"], 100000);
  EXPECT_EQ(u["revenue"], 100000);
  EXPECT_EQ(u["billings"], 100000);
  EXPECT_EQ(u["backlog_end"], 0);
  EXPECT_EQ(period(r, "USD", "2024-05")["revenue"], 0);
  EXPECT_EQ(period(r, "EUR", "2024-01")["bookings"], 0);

  const Json mar = period(r, "EUR", "2024-03");
  EXPECT_EQ(mar["bookings"], 50000);
  EXPECT_EQ(mar["billings"], 0);
  EXPECT_EQ(mar["backlog_end"], 50000);
  EXPECT_EQ(mar["crpo_end"], 50000) << "a delivery date within 12 months is scheduled";
  EXPECT_EQ(mar["unscheduled_backlog_end"], 0);
  EXPECT_EQ(mar["unbilled_backlog_end"], 50000);
  const Json may = period(r, "EUR", "2024-05");
  EXPECT_EQ(may["revenue"], 50000);
  EXPECT_EQ(may["billings"], 50000);
  EXPECT_EQ(may["backlog_end"], 0);
}

TEST(Currencies, AreNeverAddedTogetherAndKeepTheirMinorDigits) {
  const char* csv =
      "id,booking_date,amount,currency,recognition,delivery_date\n"
      "A,2024-01-10,100.00,USD,point,2024-01-10\n"
      "B,2024-01-11,100.00,EUR,point,2024-01-11\n"
      "C,2024-01-12,5000,JPY,point,2024-01-12\n"
      "D,2024-01-13,1.250,KWD,point,2024-01-13\n"
      "E,2024-01-14,50.00,USD,point,2024-01-14\n";
  const Json r = report(csv);
  EXPECT_EQ(period(r, "USD", "2024-01")["bookings"], 15000);
  EXPECT_EQ(period(r, "EUR", "2024-01")["bookings"], 10000);
  EXPECT_EQ(period(r, "JPY", "2024-01")["bookings"], 5000);
  EXPECT_EQ(period(r, "KWD", "2024-01")["bookings"], 1250);
  EXPECT_EQ(r["currencies"]["JPY"]["minor_digits"], 0);
  EXPECT_EQ(r["currencies"]["KWD"]["minor_digits"], 3);
  EXPECT_EQ(r["currencies"].size(), 4u);
}

TEST(Currencies, AmountNamingItsCurrencyWithoutACurrencyColumn) {
  const Json r = report("id,booking_date,amount\nA,2024-01-10,EUR 99\n");
  EXPECT_EQ(period(r, "EUR", "2024-01")["bookings"], 9900);
  EXPECT_FALSE(r["currencies"].contains("USD"));
}

TEST(Currencies, DefaultCurrencySetting) {
  const Json r = report("id,booking_date,amount\nA,2024-01-10,99.00\n", "{}", R"({"currency":"GBP"})");
  EXPECT_EQ(period(r, "GBP", "2024-01")["bookings"], 9900);
  EXPECT_EQ(r["settings"]["currency"], "GBP");
}

TEST(BacklogSplit, CrpoLaterAndUnscheduledAtTheEndOfJanuary) {
  // A: 2,400 over 24 months, 10,000 cents a month: crpo Feb24..Jan25 = 120000, later 110000.
  // B: delivered on E = 2025-01-31: crpo. C: delivered 2025-02-01: later. D: no delivery.
  // X: cancelled in June, not yet known at Jan 31: its 110000 is crpo.
  const char* csv =
      "id,booking_date,amount,currency,start_date,term_months,recognition,delivery_date,billing,cancel_date\n"
      "A,2024-01-01,2400.00,USD,2024-01-01,24,ratable,,upfront,\n"
      "B,2024-01-15,300.00,USD,,,point,2025-01-31,upfront,\n"
      "C,2024-01-20,200.00,USD,,,point,2025-02-01,upfront,\n"
      "D,2024-01-25,100.00,USD,,,point,,on-delivery,\n"
      "X,2024-01-01,1200.00,USD,2024-01-01,12,ratable,,monthly,2024-06-01\n";
  const Json r = report(csv);
  const Json jan = period(r, "USD", "2024-01");
  EXPECT_EQ(jan["bookings"], 420000);
  EXPECT_EQ(jan["bookings_recurring"], 360000);
  EXPECT_EQ(jan["bookings_one_time"], 60000);
  EXPECT_EQ(jan["revenue"], 20000);
  EXPECT_EQ(jan["backlog_end"], 400000);
  EXPECT_EQ(jan["crpo_end"], 260000);
  EXPECT_EQ(jan["later_backlog_end"], 130000);
  EXPECT_EQ(jan["unscheduled_backlog_end"], 10000);
  // Billed: A 240000 upfront, B and C upfront, D on delivery (never), X 10000 (Jan 1).
  EXPECT_EQ(jan["billings"], 300000);
  EXPECT_EQ(jan["deferred_revenue_end"], 280000);  // A 230000 + B 30000 + C 20000
  EXPECT_EQ(jan["billed_backlog_end"], 280000);
  EXPECT_EQ(jan["unbilled_backlog_end"], 120000);   // X 110000 + D 10000
  EXPECT_EQ(jan["unbilled_receivable_end"], 0);
  // X cancelled on 2024-06-01: backlog removed = 120000 - 50000.
  const Json jun = period(r, "USD", "2024-06");
  EXPECT_EQ(jun["cancellations"], 70000);
  EXPECT_EQ(jun["cancellations_count"], 1);
}

TEST(BalancesPerLine, DeferredAndUnbilledReceivableDoNotNetAcrossLines) {
  // Q: quarterly in advance, billed 300000 Jan 1; R: quarterly in arrears, first bill Mar 31.
  const char* csv =
      "id,booking_date,amount,currency,start_date,term_months,billing\n"
      "Q,2024-01-01,12000.00,USD,2024-01-01,12,quarterly\n"
      "R,2024-01-01,12000.00,USD,2024-01-01,12,quarterly-arrears\n";
  const Json r = report(csv);
  const Json jan = period(r, "USD", "2024-01");
  EXPECT_EQ(jan["revenue"], 200000);
  EXPECT_EQ(jan["billings"], 300000);
  EXPECT_EQ(jan["deferred_revenue_end"], 200000);
  EXPECT_EQ(jan["unbilled_receivable_end"], 100000);
  EXPECT_EQ(jan["billed_backlog_end"], 200000);
  EXPECT_EQ(jan["unbilled_backlog_end"], 2000000);
  const Json feb = period(r, "USD", "2024-02");
  EXPECT_EQ(feb["deferred_revenue_end"], 100000);
  EXPECT_EQ(feb["unbilled_receivable_end"], 200000);
  EXPECT_TRUE(feb["book_to_bill"].is_null());
  const Json mar = period(r, "USD", "2024-03");
  EXPECT_EQ(mar["billings"], 300000);
  EXPECT_EQ(mar["deferred_revenue_end"], 0);
  EXPECT_EQ(mar["unbilled_receivable_end"], 0);
  const Json apr = period(r, "USD", "2024-04");
  EXPECT_EQ(apr["billings"], 300000);
  EXPECT_EQ(apr["deferred_revenue_end"], 200000);
  EXPECT_EQ(apr["unbilled_receivable_end"], 100000);
}

TEST(Cancellation, UpfrontContractCancelledAfterThreeMonths) {
  const char* csv =
      "id,booking_date,amount,currency,start_date,term_months,billing,status,cancel_date\n"
      "K,2024-01-01,12000.00,USD,2024-01-01,12,upfront,cancelled,2024-04-01\n";
  const Json r = report(csv);
  ASSERT_EQ(labels(r, "USD"), (std::vector<std::string>{"2024-01", "2024-02", "2024-03", "2024-04"}));
  EXPECT_EQ(period(r, "USD", "2024-03")["backlog_end"], 900000);
  EXPECT_EQ(period(r, "USD", "2024-03")["deferred_revenue_end"], 900000);
  const Json apr = period(r, "USD", "2024-04");
  EXPECT_EQ(apr["cancellations"], 900000);
  EXPECT_EQ(apr["cancellations_count"], 1);
  EXPECT_EQ(apr["revenue"], 0);
  EXPECT_EQ(apr["billings"], -900000);
  EXPECT_EQ(apr["backlog_begin"], 900000);
  EXPECT_EQ(apr["backlog_end"], 0);
  EXPECT_EQ(apr["deferred_revenue_end"], 0);
  EXPECT_EQ(apr["billed_backlog_end"], 0);
  EXPECT_EQ(apr["crpo_end"], 0);
}

TEST(Cancellation, CancelDateAloneCancelsABookedLine) {
  const char* csv =
      "id,booking_date,amount,currency,start_date,term_months,billing,cancel_date\n"
      "K,2024-01-01,12000.00,USD,2024-01-01,12,monthly,2024-03-16\n";
  const Json r = report(csv);
  const Json mar = period(r, "USD", "2024-03");
  EXPECT_EQ(mar["revenue"], 48387);           // 248387 - 200000
  EXPECT_EQ(mar["billings"], 48387);          // 100000 on Mar 1, credit 51613 on Mar 16
  EXPECT_EQ(mar["cancellations"], 951613);
  EXPECT_EQ(mar["backlog_end"], 0);
  EXPECT_EQ(mar["deferred_revenue_end"], 0);
  EXPECT_EQ(labels(r, "USD").back(), "2024-03");
}

TEST(InvoicesFile, BillsTheLineAloneMovedToBookingAndSurvivesCancellation) {
  Input run;
  run.invoices =
      "id,invoice_date,amount\n"
      "I1,2024-01-15,6000.00\n"
      "I1,2024-08-01,6000.00\n";
  run.contracts =
      "id,booking_date,amount,currency,start_date,term_months,billing,cancel_date\n"
      "I1,2024-02-01,12000.00,USD,2024-02-01,12,monthly,2024-04-01\n";
  const Json r = report(run);
  EXPECT_EQ(r["rows"]["accepted"], 1);
  EXPECT_EQ(period(r, "USD", "2024-02")["billings"], 600000);
  EXPECT_EQ(period(r, "USD", "2024-03")["billings"], 0);
  EXPECT_EQ(period(r, "USD", "2024-04")["billings"], -400000);  // 200000 recognised - 600000 billed
  EXPECT_EQ(period(r, "USD", "2024-04")["cancellations"], 1000000);
  EXPECT_EQ(period(r, "USD", "2024-08")["billings"], 600000);
  EXPECT_EQ(period(r, "USD", "2024-08")["deferred_revenue_end"], 600000);
  // Deferred after the cancellation, but nothing is left to deliver.
  EXPECT_EQ(period(r, "USD", "2024-08")["billed_backlog_end"], 0);
  EXPECT_EQ(period(r, "USD", "2024-08")["backlog_end"], 0);
  EXPECT_EQ(labels(r, "USD").back(), "2024-08");
}

TEST(InvoicesFile, BilledBeyondTheAmountIsDeferredButNotBilledBacklog) {
  Input run;
  run.invoices = "id,invoice_date,amount\nO1,2024-01-15,1500.00\nO1,2024-06-10,-300.00\n";
  run.contracts =
      "id,booking_date,amount,currency,start_date,term_months,billing\n"
      "O1,2024-01-01,1200.00,USD,2024-01-01,12,monthly\n";
  const Json r = report(run);
  const Json jan = period(r, "USD", "2024-01");
  EXPECT_EQ(jan["billings"], 150000);
  EXPECT_EQ(jan["deferred_revenue_end"], 140000);  // 150000 billed - 10000 earned
  EXPECT_EQ(jan["billed_backlog_end"], 110000);    // min(150000, 120000) - 10000
  EXPECT_EQ(jan["unbilled_backlog_end"], 0);
  const Json may = period(r, "USD", "2024-05");
  EXPECT_EQ(may["deferred_revenue_end"], 100000);
  EXPECT_EQ(may["billed_backlog_end"], 70000);
  // The credit note brings billing back to the amount: billed backlog is all the deferred revenue again.
  const Json jun = period(r, "USD", "2024-06");
  EXPECT_EQ(jun["billings"], -30000);
  EXPECT_EQ(jun["deferred_revenue_end"], 60000);
  EXPECT_EQ(jun["billed_backlog_end"], 60000);
  const Json dec = period(r, "USD", "2024-12");
  EXPECT_EQ(dec["deferred_revenue_end"], 0);
  EXPECT_EQ(dec["billed_backlog_end"], 0);
  EXPECT_EQ(dec["backlog_end"], 0);
}

TEST(InvoicesFile, InvoiceForAnUnknownLineIsRejected) {
  Input run;
  run.invoices = "id,invoice_date,amount\nNOPE,2024-01-15,10.00\n";
  run.contracts = "id,booking_date,amount,currency\nA,2024-01-01,10.00,USD\n";
  const Json r = report(run);
  const auto unknown = bbb_test::issues_with(r, "unknown_line");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0]["file"], "invoices");
  EXPECT_EQ(unknown[0]["line"], 2);
}

TEST(FulfilmentFile, AmountRowsRecogniseTheLine) {
  Input run;
  run.fulfilment = "id,date,amount\nF1,2024-02-10,300.00\nF1,2024-04-20,700.00\n";
  run.contracts = "id,booking_date,amount,currency,recognition\nF1,2024-01-05,1000.00,USD,point\n";
  const Json r = report(run);
  EXPECT_EQ(period(r, "USD", "2024-01")["revenue"], 0);
  EXPECT_EQ(period(r, "USD", "2024-02")["revenue"], 30000);
  EXPECT_EQ(period(r, "USD", "2024-03")["backlog_end"], 70000);
  EXPECT_EQ(period(r, "USD", "2024-04")["revenue"], 70000);
  EXPECT_EQ(period(r, "USD", "2024-04")["backlog_end"], 0);
}

TEST(FulfilmentFile, CumulativePercentRows) {
  Input run;
  run.fulfilment = "id,date,percent_complete\nF2,2024-01-31,25\nF2,2024-03-15,60\nF2,2024-05-01,100\n";
  run.contracts = "id,booking_date,amount,currency,recognition\nF2,2024-01-05,2000.00,USD,point\n";
  const Json r = report(run);
  EXPECT_EQ(period(r, "USD", "2024-01")["revenue"], 50000);
  EXPECT_EQ(period(r, "USD", "2024-02")["revenue"], 0);
  EXPECT_EQ(period(r, "USD", "2024-03")["revenue"], 70000);
  EXPECT_EQ(period(r, "USD", "2024-05")["revenue"], 80000);
  EXPECT_EQ(period(r, "USD", "2024-05")["backlog_end"], 0);
}

TEST(Bookings, SplitByTypeAndCount) {
  const char* csv =
      "id,booking_date,amount,currency,type,recognition,delivery_date\n"
      "A,2024-01-02,100.00,USD,new,point,2024-01-02\n"
      "B,2024-01-03,200.00,USD,renewal,point,2024-01-03\n"
      "C,2024-01-04,300.00,USD,new,point,2024-01-04\n"
      "D,2024-01-05,400.00,USD,upsell-ish,point,2024-01-05\n";
  const Json jan = period(report(csv), "USD", "2024-01");
  EXPECT_EQ(jan["bookings"], 100000);
  EXPECT_EQ(jan["bookings_count"], 4);
  EXPECT_EQ(jan["bookings_by_type"]["new"], 40000);
  EXPECT_EQ(jan["bookings_by_type"]["renewal"], 20000);
  EXPECT_EQ(jan["bookings_by_type"]["upsell-ish"], 40000) << "other values are kept as written";
}

TEST(Term, FromEndDateIsTheSmallestWholeTermCoveringIt) {
  // [Jan 15, Apr 15] needs T = 4 (T = 3 ends Apr 14): quarterly bills 3/4 then 1/4.
  const char* csv =
      "id,booking_date,amount,currency,start_date,end_date,billing\n"
      "T,2024-01-15,1000.00,USD,2024-01-15,2024-04-15,quarterly\n";
  const Json r = report(csv);
  EXPECT_EQ(period(r, "USD", "2024-01")["billings"], 75000);
  EXPECT_EQ(period(r, "USD", "2024-04")["billings"], 25000);
  EXPECT_EQ(period(r, "USD", "2024-04")["backlog_end"], 0);
}

TEST(Term, EndDateWinsOverTermMonths) {
  const char* csv =
      "id,booking_date,amount,currency,start_date,end_date,term_months\n"
      "T,2024-01-01,1200.00,USD,2024-01-01,2024-06-30,12\n";
  const Json r = report(csv);
  EXPECT_EQ(period(r, "USD", "2024-01")["revenue"], 20000);
  EXPECT_EQ(labels(r, "USD").back(), "2024-06");
}

}  // namespace
