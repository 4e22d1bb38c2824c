// Hostile and unlucky input (the defects an attack on the engine found):
// made-up currencies, reports past the size cap, currency symbols, control
// bytes and binary files, invoice amounts in their line's currency and
// within 2^53, every issue against its file, line and column, times of day
// after a date, and messages of bounded size. Each checked by hand.
#include <gtest/gtest.h>

#include <string>

#include "text/csv_sniffer.h"
#include "bbb/report_size.h"
#include "report/segments.h"
#include "test_support.h"

namespace {

using bbb_test::Json;
using bbb_test::issues_with;

// ---- currencies

TEST(KnownCurrencies, AMadeUpCodeRejectsItsRowUnlessNamedAsExtra) {
  const std::string csv = "id,booking_date,amount,currency\nA,2024-01-01,1.00,QQQ\nB,2024-01-01,2.00,usd\nC,2024-01-01,3.00 QQX,\n";
  const Json r = bbb_test::report(csv);
  EXPECT_EQ(r["rows"]["accepted"], 1);
  const std::vector<Json> unknown = issues_with(r, "unknown_currency");
  ASSERT_EQ(unknown.size(), 2u);
  EXPECT_EQ(unknown[0]["line"], 2);
  EXPECT_EQ(unknown[0]["column"], "currency");
  EXPECT_EQ(unknown[1]["line"], 4);
  EXPECT_EQ(unknown[1]["column"], "amount");
  EXPECT_FALSE(r["currencies"].contains("QQQ"));
  EXPECT_FALSE(r["minor_digits"].contains("QQQ"));
  const Json extra = bbb_test::report(csv, "{}", R"({"extra_currencies":["QQQ","qqx"]})");
  EXPECT_EQ(extra["rows"]["accepted"], 3);
  EXPECT_EQ(bbb_test::period(extra, "QQQ", "2024-01")["bookings"], 100);
  EXPECT_EQ(bbb_test::period(extra, "QQX", "2024-01")["bookings"], 300);
}

TEST(KnownCurrencies, CurrentAndRecentlyWithdrawnCodesAreKnownMetalsAndTestCodesAreNot) {
  for (const char* code : {"USD", "EUR", "JPY", "KWD", "CLF", "ZWG", "XCG", "SLE", "HRK", "LTL", "VEF"}) {
    bbb::CurrencyCode c;
    ASSERT_TRUE(bbb::parse_currency_code(code, &c));
    EXPECT_TRUE(bbb::is_iso4217(c)) << code;
  }
  for (const char* code : {"XAU", "XTS", "XXX", "ABC", "QQQ", "USX"}) {
    bbb::CurrencyCode c;
    ASSERT_TRUE(bbb::parse_currency_code(code, &c));
    EXPECT_FALSE(bbb::is_iso4217(c)) << code;
  }
}

TEST(KnownCurrencies, ADefaultCurrencyOutsideTheListIsASettingsError) {
  bbb::ReadSettings rs;
  std::string error;
  EXPECT_FALSE(bbb::parse_read_settings(R"({"currency":"QQQ"})", &rs, &error));
  EXPECT_NE(error.find("QQQ is not an ISO 4217"), std::string::npos) << error;
  bbb::ReadSettings ok;
  EXPECT_TRUE(bbb::parse_read_settings(R"({"currency":"QQQ","extra_currencies":["QQQ"]})", &ok, &error)) << error;
  EXPECT_FALSE(bbb::parse_read_settings(R"({"extra_currencies":"QQQ"})", &rs, &error));
}

// ---- currency symbols (spec 11)

Json one_row(const std::string& amount, const std::string& currency, const std::string& default_currency = "USD") {
  return bbb_test::report("id,booking_date,amount,currency\nA,2024-01-01,\"" + amount + "\"," + currency + "\n", "{}",
                          R"({"currency":")" + default_currency + "\"}");
}

// "EUR 500" for the currency and bookings of the one row, or "none: " and its error.
std::string booked_in(const Json& r) {
  for (const auto& [code, c] : r["currencies"].items()) return code + " " + std::to_string(c["total"]["bookings"].get<long long>());
  for (const Json& i : r["issues"])
    if (i["severity"] == "error") return "none: " + i["code"].get<std::string>();
  return "none";
}

TEST(CurrencySymbols, ASymbolNamesItsCurrency) {
  EXPECT_EQ(booked_in(one_row("€5", "")), "EUR 500");
  EXPECT_EQ(booked_in(one_row("5 €", "")), "EUR 500");
  EXPECT_EQ(booked_in(one_row("£1,234.50", "")), "GBP 123450");
  EXPECT_EQ(booked_in(one_row("₹100", "")), "INR 10000");
  EXPECT_EQ(booked_in(one_row("R$ 10,00", "")), "BRL 1000");  // the column's decimal comma, detected
  EXPECT_EQ(booked_in(one_row("US$7", "")), "USD 700");
  EXPECT_EQ(booked_in(one_row("-€5", "")), "none: negative_amount");
}

TEST(CurrencySymbols, DollarAndYenNameTheDefaultWhenItWritesThem) {
  EXPECT_EQ(booked_in(one_row("$5", "")), "USD 500");
  EXPECT_EQ(booked_in(one_row("$5", "", "CAD")), "CAD 500");
  EXPECT_EQ(booked_in(one_row("$5", "", "EUR")), "USD 500");
  EXPECT_EQ(booked_in(one_row("¥1000", "")), "JPY 1000");  // JPY has no decimals
  EXPECT_EQ(booked_in(one_row("¥1000", "", "CNY")), "CNY 100000");
}

TEST(CurrencySymbols, TheColumnDecidesWhichDollarAndRefusesAnotherCurrencysSymbol) {
  EXPECT_EQ(booked_in(one_row("$5", "CAD")), "CAD 500");
  EXPECT_EQ(booked_in(one_row("$5", "EUR")), "none: currency_mismatch");
  EXPECT_EQ(booked_in(one_row("€5", "USD")), "none: currency_mismatch");
  EXPECT_EQ(booked_in(one_row("€5", "EUR")), "EUR 500");
  EXPECT_EQ(booked_in(one_row("US$5", "CAD")), "none: currency_mismatch");
  EXPECT_EQ(booked_in(one_row("€5 USD", "")), "none: bad_amount");  // symbol and code disagree
  const Json r = one_row("$5", "EUR");
  EXPECT_NE(r["issues"].back()["message"].get<std::string>().find("written in $"), std::string::npos);
}

// ---- the report's size

TEST(ReportSize, TheCapCountsPeriodsWithTheTotalTimesTables) {
  bbb::ReportSize s;
  s.periods = 3600;
  s.currencies = 12;
  s.tables = 12;
  EXPECT_EQ(s.columns(), 3601u * 12);
  const auto why = bbb::report_too_large(s);
  ASSERT_TRUE(why.has_value());
  EXPECT_EQ(*why, "the report would have 43,212 period columns (3,601 periods with the total, for 12 currencies); a report "
                  "has at most 40,000: choose quarters or years, a From/To range");
  s.currencies = s.tables = 10;
  EXPECT_FALSE(bbb::report_too_large(s).has_value());  // 36,010 <= 40,000
  s.tables = 12;
  EXPECT_NE(bbb::report_too_large(s)->find("and their segments (12 tables)"), std::string::npos);
  EXPECT_NE(bbb::report_too_large(s)->find("fewer segments (Top)"), std::string::npos);
}

TEST(ReportSize, SegmentsShownSkipTheOverflowBucket) {
  EXPECT_EQ(bbb::segments_shown({"a", "b", "c"}, 10), 3u);
  EXPECT_EQ(bbb::segments_shown({"a", "b", "c"}, 2), 3u);  // 2 and other
  EXPECT_EQ(bbb::segments_shown({"(other)", "a"}, 1), 2u);  // a and other
  EXPECT_EQ(bbb::segments_shown({"(other)"}, 1), 1u);       // other only
}

TEST(ReportSize, TheWaterfallHasACellCapBesideItsPeriodCap) {
  bbb::ReportSize s;
  s.periods = 241;
  s.tables = 1;
  EXPECT_NE(bbb::waterfall_omitted(s)->find("at most 240"), std::string::npos);
  s.periods = 240;
  s.tables = 69;  // 240 x 240 x 69 = 3,974,400
  EXPECT_FALSE(bbb::waterfall_omitted(s).has_value());
  s.tables = 70;  // 4,032,000
  EXPECT_EQ(*bbb::waterfall_omitted(s),
            "the waterfall would have 4,032,000 cells (240 periods squared, for 70 tables of currencies and segments); it "
            "has at most 4,000,000: choose quarters or years, a From/To range, or fewer segments (Top)");
}

TEST(ReportSize, ARequestPastTheCapIsAnErrorEnvelopeAndYearsFit) {
  // 1900 to 2199 in 12 currencies: 3,601 x 12 = 43,212 columns by month.
  std::string csv = "id,booking_date,amount,currency\n";
  const char* codes[] = {"USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN"};
  for (int i = 0; i < 12; ++i) csv += "L" + std::to_string(i) + ",1900-01-01,1," + codes[i] + "\n";
  csv += "Z,2199-12-31,1,USD\n";
  bbb::Session s{bbb::ReadSettings()};
  bbb_test::feed_file(s, bbb::FileKind::kContracts, "c.csv", csv, 1 << 20);
  const Json refused = Json::parse(bbb::report_envelope(s, bbb::ReportSettings()));
  EXPECT_EQ(refused["ok"], false);
  EXPECT_EQ(refused["error"]["code"], "report_too_large");
  EXPECT_NE(refused["error"]["message"].get<std::string>().find("43,212 period columns"), std::string::npos);
  bbb::ReportSettings years;
  years.period = bbb::PeriodKind::kYear;
  EXPECT_EQ(Json::parse(bbb::report_envelope(s, years))["ok"], true);
}

// ---- control bytes and binary files

TEST(ControlBytes, AStrayNulRejectsItsRowWhereverItIs) {
  std::string csv = "id,customer,booking_date,amount\n";
  csv += std::string("A\0B,Acme,2024-01-01,5.00\n", 25);
  csv += std::string("C,Ac\x01me,2024-01-01,6.00\n");
  csv += "D,\"Line\nbreak\",2024-01-01,7.00\n";  // a line end inside quotes is text
  for (int i = 0; i < 20000; ++i) csv += "F" + std::to_string(i) + ",Filler,2024-01-01,1.00\n";
  csv += std::string("G\0,Late,2024-01-01,8.00\n", 24);
  const Json r = bbb_test::report(csv);
  EXPECT_EQ(r["rows"]["rejected"], 3);
  const std::vector<Json> bad = issues_with(r, "control_character");
  ASSERT_EQ(bad.size(), 3u);
  EXPECT_EQ(bad[0]["line"], 2);
  EXPECT_EQ(bad[0]["column"], "id");
  EXPECT_EQ(bad[1]["line"], 3);
  EXPECT_EQ(bad[1]["column"], "customer");
  EXPECT_EQ(bad[2]["line"], 20006);
}

TEST(ControlBytes, BinaryFilesAreToldFromTheirFirstBlock) {
  EXPECT_STREQ(bbb::binary_kind("\x89PNG\r\n\x1a\n"), "a PNG image");
  EXPECT_NE(std::string(bbb::binary_kind("PK\x03\x04xyz")).find("xlsx"), std::string::npos);
  EXPECT_EQ(bbb::binary_kind("id,amount\n"), nullptr);
  EXPECT_TRUE(bbb::looks_binary(std::string(1000, '\0'), 0));
  std::string text(1000, 'a');
  text[500] = '\0';
  EXPECT_FALSE(bbb::looks_binary(text, 0));  // one NUL in text: the row is rejected, not the file
  const Json png = bbb_test::report(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(issues_with(png, "not_text").at(0)["message"], "this file is a PNG image, not a CSV file");
}

TEST(ControlBytes, TheSessionStopsWantingARefusedFile) {
  bbb::Session s{bbb::ReadSettings()};
  std::string error;
  ASSERT_TRUE(s.begin(bbb::FileKind::kContracts, "zeros", &error));
  const std::string zeros(1 << 20, '\0');
  EXPECT_TRUE(s.wants_more());
  s.feed(zeros.data(), zeros.size());
  EXPECT_FALSE(s.wants_more());
  ASSERT_TRUE(s.end(&error));
  EXPECT_FALSE(s.files().back().readable);
}

// ---- invoices and fulfilment in their line's currency

TEST(AuxAmounts, ReadInTheLinesCurrencyWithItsDigits) {
  bbb_test::Input run;
  run.contracts = "id,booking_date,amount,currency\nV,2024-01-01,1000000000000,VND\nU,2024-01-01,100.00,USD\nK,2024-01-01,1.000,KWD\n";
  run.invoices = "id,invoice_date,amount\nV,2024-01-01,1000000000000\nU,2024-01-02,12.34567\nU,2024-01-03,10.005\nK,2024-01-04,0.125\n";
  const Json r = bbb_test::report(run);
  EXPECT_EQ(bbb_test::period(r, "VND", "2024-01")["billings"], 1000000000000);
  EXPECT_EQ(bbb_test::period(r, "KWD", "2024-01")["billings"], 125);  // 0.125 KWD, its only invoice
  const std::vector<Json> bad = issues_with(r, "bad_amount");
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad[0]["file"], "invoices");
  EXPECT_EQ(bad[0]["line"], 3);
  EXPECT_EQ(bad[0]["column"], "amount");
  EXPECT_NE(bad[0]["message"].get<std::string>().find("more than 4 decimal places"), std::string::npos);
  EXPECT_EQ(bad[1]["line"], 4);
  EXPECT_EQ(bad[1]["column"], "amount");
  EXPECT_NE(bad[1]["message"].get<std::string>().find("currency's 2"), std::string::npos);
}

TEST(AuxAmounts, InvoicesShareTheCurrencysBoundSoNoFigurePasses2To53) {
  bbb_test::Input run;
  run.contracts = "id,booking_date,amount\nA,2024-01-01,1000.00\n";
  run.invoices = "id,invoice_date,amount\nA,2024-01-01,40000000000000.00\nA,2024-01-02,50000000000000.00\nA,2024-01-03,100.00\n";
  const Json r = bbb_test::report(run);
  // The first invoice needs 2 x 4e15 of the 2^53 - 1 - 100000 left: taken.
  // The second (5e15 minor units) would pass it: rejected. The third fits.
  const std::vector<Json> big = issues_with(r, "total_too_large");
  ASSERT_EQ(big.size(), 1u);
  EXPECT_EQ(big[0]["file"], "invoices");
  EXPECT_EQ(big[0]["line"], 3);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-01")["billings"], 4000000000000000 + 10000);
  for (const Json& p : bbb_test::periods(r, "USD"))
    for (const auto& [k, v] : p.items())
      if (v.is_number_integer()) EXPECT_LE(std::llabs(v.get<long long>()), (1LL << 53) - 1) << k;
}

TEST(AuxAmounts, UnmatchedRowsAreListedInLineOrderAgainstTheirFilesIdColumn) {
  bbb_test::Input run;
  run.contracts = "id,booking_date,amount\nA,2024-01-01,5.00\n";
  run.invoices = "Contract ID,invoice_date,amount\nZ9,2024-01-01,5\nX1,2024-01-02,6\nY5,2024-01-03,7\n";
  const Json r = bbb_test::report(run);
  const std::vector<Json> u = issues_with(r, "unknown_line");
  ASSERT_EQ(u.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(u[i]["file"], "invoices");
    EXPECT_EQ(u[i]["line"], i + 2);
    EXPECT_EQ(u[i]["column"], "Contract ID");
  }
  EXPECT_EQ(r["files"][0]["kind"], "invoices");
  EXPECT_EQ(r["files"][0]["rows"]["rejected"], 3);
}

TEST(PipelineTotals, OpenAndLostDealsStayWithin2To53) {
  std::string csv = "id,booking_date,amount,status\nB,2024-01-01,1.00,booked\n";
  for (int i = 0; i < 3; ++i) csv += "P" + std::to_string(i) + ",,40000000000000.00,open\n";  // 4e15 minor units each
  const Json r = bbb_test::report(csv, "{}", R"({"as_of":"2024-06-30"})");
  const std::vector<Json> big = issues_with(r, "total_too_large");
  ASSERT_EQ(big.size(), 1u);
  EXPECT_EQ(big[0]["line"], 5);
  EXPECT_NE(big[0]["message"].get<std::string>().find("open and lost deals"), std::string::npos);
  EXPECT_EQ(r["currencies"]["USD"]["pipeline"]["open_value"], 8000000000000000);
}

TEST(RejectedValue, StaysWithin2To53) {
  std::string csv = "id,booking_date,amount\n";
  for (int i = 0; i < 4; ++i) csv += "A,2024-01-01,40000000000000.00\n";  // 4e15 minor units, duplicates after the first
  const Json r = bbb_test::report(csv);
  EXPECT_EQ(r["rows"]["rejected"], 3);
  EXPECT_EQ(r["rows"]["rejected_value"]["USD"], (1LL << 53) - 1);
  EXPECT_EQ(issues_with(r, "rejected_value_capped").size(), 1u);
}

// ---- times of day, terms, messages

TEST(DatesWithTimes, AValidTimeIsTheDateAsWrittenAnInvalidOneIsNoDate) {
  for (const char* good : {"2024-03-29 00:00", "2024-03-29T10:23:59", "2024-03-29T10:23:59.123Z", "2024-03-29 10:23 PM",
                           "2024-03-29 10:23:00 UTC", "2024-03-29T10:23:00+02:00", "2024-03-29 09:00 -0500"}) {
    const Json r = one_row("5", "USD");
    const Json d = bbb_test::report(std::string("id,booking_date,amount\nA,") + good + ",5\n");
    EXPECT_EQ(d["rows"]["accepted"], 1) << good;
    EXPECT_EQ(bbb_test::labels(d, "USD"), std::vector<std::string>{"2024-03"}) << good;
  }
  for (const char* bad : {"2024-01-05T99:99:99", "2024-01-05 25:00", "2024-01-05 13:00 PM", "2024-01-05 10:7",
                          "2024-01-05T10:00+99:00", "2024-01-05 10:00 later today"}) {
    const Json d = bbb_test::report(std::string("id,booking_date,amount\nA,") + bad + ",5\n");
    EXPECT_EQ(d["rows"]["accepted"], 0) << bad;
    EXPECT_EQ(issues_with(d, "bad_date").size(), 1u) << bad;
  }
}

TEST(Terms, ANumberTooLongIsNamedAsTooLarge) {
  const Json r = bbb_test::report("id,booking_date,amount,term_months\nA,2024-01-01,5,99999999\nB,2024-01-01,5,twelve\n");
  const std::vector<Json> bad = issues_with(r, "bad_term");
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_NE(bad[0]["message"].get<std::string>().find("over 1200"), std::string::npos);
  EXPECT_NE(bad[1]["message"].get<std::string>().find("whole number"), std::string::npos);
}

TEST(Messages, AMissingColumnEchoesAFewColumnsNotTheWholeHeader) {
  std::string header;
  for (int i = 0; i < 100000; ++i) header += (i ? "," : "") + std::string("column_with_a_long_name_") + std::to_string(i);
  const Json r = bbb_test::report(header + "\n");
  const std::string message = issues_with(r, "missing_column").at(0)["message"];
  EXPECT_LT(message.size(), 600u);
  EXPECT_NE(message.find("100000 columns: column_with_a_long_name_0"), std::string::npos) << message;
  EXPECT_NE(message.find("and 99992 more columns"), std::string::npos) << message;
}

}  // namespace
