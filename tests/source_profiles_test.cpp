// Source profiles (spec 11, rows/source_profiles): each system's export is
// recognised from its header as FORMATS.md describes it, its columns mapped
// with no help, its stages and deal types read; a setting overrides it.
#include <gtest/gtest.h>

#include <string>

#include "bbb/settings.h"
#include "rows/contract_line.h"
#include "rows/source_profiles.h"
#include "test_support.h"

namespace {

using bbb_test::Json;

std::string profile_of(const std::vector<std::string>& header) {
  return bbb::detect_source(bbb::FileKind::kContracts, header).profile->key;
}

TEST(SourceProfiles, EachExportIsRecognisedFromItsHeader) {
  EXPECT_EQ(profile_of({"Opportunity Name", "Account Name", "Amount", "Close Date", "Stage", "Probability (%)", "Type"}),
            "salesforce_opportunities");
  EXPECT_EQ(profile_of({"Id", "Name", "AccountId", "Amount", "CloseDate", "StageName"}), "salesforce_data_loader");
  EXPECT_EQ(profile_of({"Record ID", "Deal Name", "Deal Stage", "Close Date", "Deal owner", "Amount"}), "hubspot_deals");
  EXPECT_EQ(profile_of({"Deal - ID", "Deal - Title", "Deal - Value", "Deal - Currency", "Deal - Status"}), "pipedrive_deals");
  EXPECT_EQ(profile_of({"Record Id", "Deal Name", "Account Name", "Account Name.id", "Stage", "Closing Date", "Amount"}),
            "zoho_deals");
  EXPECT_EQ(profile_of({"Topic", "Potential Customer", "Est. Close Date", "Est. Revenue", "Currency", "Status"}),
            "dynamics_opportunities");
  // The engine's own shape, and a header that has only some of a system's columns.
  EXPECT_EQ(profile_of({"id", "booking_date", "amount", "currency"}), "generic");
  EXPECT_EQ(profile_of({"Record ID", "Amount", "Close Date"}), "generic");
}

TEST(SourceProfiles, TheReportNamesTheProfileAndWhy) {
  const Json r = bbb_test::report(
      "\"Record ID\",\"Deal Name\",\"Deal Stage\",\"Close Date\",\"Amount\",\"Create Date\"\n"
      "\"101\",\"A\",\"Closed Won\",\"2024-03-29 00:00\",\"100.0\",\"2024-01-10 09:15\"\n");
  const Json& source = r["files"][0]["source"];
  EXPECT_EQ(source["profile"], "hubspot_deals");
  EXPECT_EQ(source["name"], "HubSpot deals export");
  EXPECT_EQ(source["reason"], "the header has Record ID, Deal Name and Deal Stage");
  EXPECT_EQ(r["rows"]["accepted"], 1);
}

TEST(SourceProfiles, CrmDealExportsOfferATwelveMonthDefaultTerm) {
  // A CRM's deals carry no term: their profile offers one, and only offers it.
  for (const char* key : {"salesforce_opportunities", "salesforce_data_loader", "hubspot_deals", "pipedrive_deals",
                          "zoho_deals", "dynamics_opportunities"})
    EXPECT_EQ(bbb::find_source_profile(key)->offered_term_months, 12) << key;
  EXPECT_EQ(bbb::find_source_profile("stripe_subscriptions")->offered_term_months, 0);
  EXPECT_EQ(bbb::generic_profile().offered_term_months, 0);
  const Json r = bbb_test::report(
      "\"Record ID\",\"Deal Name\",\"Deal Stage\",\"Close Date\",\"Amount\"\n"
      "\"101\",\"A\",\"Closed Won\",\"2024-03-29\",\"753000\"\n");
  EXPECT_EQ(r["files"][0]["source"]["offered_term_months"], 12);
  EXPECT_EQ(r["rows"]["no_term"]["USD"]["value"], 75300000);  // offered, not applied
  EXPECT_EQ(r["currencies"]["USD"]["total"]["revenue"], 0);
}

TEST(SourceProfiles, ASettingOverridesDetection) {
  const std::string file = "id,booking_date,amount,Deal - ID,Deal - Value,Deal - Status\nL1,2024-01-01,5.00,9,7,Won\n";
  const Json detected = bbb_test::report(file);
  EXPECT_EQ(detected["files"][0]["source"]["profile"], "pipedrive_deals");
  const Json generic = bbb_test::report(file, "{}", R"({"source":"generic"})");
  EXPECT_EQ(generic["files"][0]["source"]["profile"], "generic");
  EXPECT_EQ(generic["files"][0]["source"]["reason"], "the source setting");
  EXPECT_EQ(generic["files"][0]["mapping"]["id"], "id");
  EXPECT_EQ(generic["files"][0]["mapping"]["amount"], "amount");
  bbb::ReadSettings settings;
  std::string error;
  EXPECT_FALSE(bbb::parse_read_settings(R"({"source":"sap"})", &settings, &error));
  EXPECT_NE(error.find("names no profile 'sap'"), std::string::npos) << error;
  EXPECT_NE(error.find("hubspot_deals"), std::string::npos) << error;
}

TEST(SourceProfiles, CurrenciesNamedAsExportsNameThem) {
  bbb::CurrencyCode c;
  ASSERT_TRUE(bbb::parse_currency_name("US Dollar", &c));
  EXPECT_EQ(c.view(), "USD");
  ASSERT_TRUE(bbb::parse_currency_name("euro", &c));
  EXPECT_EQ(c.view(), "EUR");
  ASSERT_TRUE(bbb::parse_currency_name("Pound Sterling", &c));
  EXPECT_EQ(c.view(), "GBP");
  EXPECT_FALSE(bbb::parse_currency_name("Dollar", &c));  // which one?
  const Json r = bbb_test::report("id,booking_date,amount,currency\nA,2024-01-10,5.00,Euro\nB,2024-01-10,7.00,usd\n");
  EXPECT_EQ(r["rows"]["accepted"], 2);
  EXPECT_EQ(bbb_test::period(r, "EUR", "2024-01")["bookings"], 500);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-01")["bookings"], 700);
}

TEST(SourceProfiles, CrmStagesReadAsBookedLostOrOpen) {
  const auto status = [](const char* text) {
    bbb::Status s = bbb::Status::kCancelled;
    return bbb::parse_status(text, &s) ? static_cast<int>(s) : -1;
  };
  const int booked = static_cast<int>(bbb::Status::kBooked), lost = static_cast<int>(bbb::Status::kLost),
            open = static_cast<int>(bbb::Status::kOpen);
  EXPECT_EQ(status("Closed Won"), booked);
  EXPECT_EQ(status("Won"), booked);
  EXPECT_EQ(status("Closed Lost"), lost);
  EXPECT_EQ(status("Closed Lost to Competition"), lost);
  for (const char* stage : {"Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
                            "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review",
                            "Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled",
                            "Decision Maker Bought-In", "Contract Sent", "Identify Decision Makers", "Open"})
    EXPECT_EQ(status(stage), open) << stage;
  EXPECT_EQ(status("Verbal commit"), -1);  // no vocabulary knows it: a rejection that names it
}

TEST(SourceProfiles, DealTypesReadAsTheEnginesWords) {
  const auto word = [](const char* text) {
    bbb::DealType t;
    bbb::parse_deal_type(text, &t);
    return std::string(bbb::deal_type_word(t, text));
  };
  EXPECT_EQ(word("New Customer"), "new");
  EXPECT_EQ(word("New Business"), "new");
  EXPECT_EQ(word("Existing Customer - Upgrade"), "expansion");
  EXPECT_EQ(word("Existing Customer - Replacement"), "renewal");
  EXPECT_EQ(word("Renewal"), "renewal");
  EXPECT_EQ(word("Existing Customer - Downgrade"), "contraction");
  EXPECT_EQ(word("Existing Business"), "Existing Business");
  EXPECT_EQ(word("expansion"), "expansion");
}

}  // namespace

namespace {

TEST(ValuesAsExportsWriteThem, AnIdInScientificNotationIsRejectedNotReadAsANumber) {
  const Json r = bbb_test::report(
      "id,booking_date,amount\n"
      "1.89165E+11,2024-01-10,100.00\n"
      "189165000001,2024-01-10,50.00\n"
      "2E+5,2024-01-10,10.00\n"
      "12E4B,2024-01-10,7.00\n");  // not a number: an id like any other
  EXPECT_EQ(r["rows"]["accepted"], 2);
  EXPECT_EQ(r["rows"]["rejected"], 2);
  const auto issues = bbb_test::issues_with(r, "unreadable_id");
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0]["line"], 2);
  EXPECT_EQ(issues[0]["value"], "1.89165E+11");
}

}  // namespace

namespace {

TEST(ValuesSetting, MapsAValueNoVocabularyKnowsForAllItsRows) {
  const std::string file =
      "id,booking_date,amount,status,type,billing\n"
      "A,2024-01-10,100.00,Verbal commit,Existing Business,Invoice yearly\n"
      "B,2024-01-11,50.00,Verbal commit,Existing Business,Invoice yearly\n"
      "C,2024-01-12,10.00,Closed Won,Existing Business,Invoice yearly\n";
  const Json before = bbb_test::report(file);
  EXPECT_EQ(before["rows"]["accepted"], 0);  // the status of A and B, the billing of all three
  const Json r = bbb_test::report(file, "{}",
      R"({"values":{"status":{"Verbal commit":"open"},"type":{"Existing Business":"renewal"},"billing":{"Invoice yearly":"annual"}}})");
  EXPECT_EQ(r["rows"]["accepted"], 3);
  const Json jan = bbb_test::period(r, "USD", "2024-01");
  EXPECT_EQ(jan["bookings"], 1000);  // C only: A and B are open
  EXPECT_EQ(jan["bookings_by_type"]["renewal"], 1000);
  EXPECT_EQ(jan["billings"], 1000);  // annual, no term: one installment of the whole amount
}

TEST(ValuesSetting, AWordTheEngineDoesNotReadIsASettingsError) {
  bbb::ReadSettings s;
  std::string error;
  EXPECT_FALSE(bbb::parse_read_settings(R"({"values":{"status":{"Verbal commit":"maybe"}}})", &s, &error));
  EXPECT_EQ(error, "values: 'maybe' is not a status the engine reads");
  EXPECT_FALSE(bbb::parse_read_settings(R"({"values":{"amount":{"x":"1"}}})", &s, &error));
  EXPECT_NE(error.find("cannot be mapped"), std::string::npos) << error;
}

}  // namespace
