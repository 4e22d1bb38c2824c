// Lines carried as bytes from the half of a session that reads rows to the
// half that folds them (packed_lines.h), and reports made that way.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "session/packed_lines.h"
#include "generated_contracts.h"
#include "test_support.h"

namespace {

using bbb_test::ymd;

struct Taken {
  bbb::ContractLine line;
  std::string id, customer, type, segment;
  std::vector<bbb::DatedAmount> invoices;
  bool has_fulfilment = false;
  bbb::Fulfilment fulfilment;
};

std::vector<Taken> take_all(std::string_view bytes) {
  std::vector<Taken> out;
  bbb::PackedLines::for_each(bytes, [&](const bbb::ContractLine& line, std::string_view segment,
                                      std::vector<bbb::DatedAmount> invoices, const bbb::Fulfilment* fulfilment) {
    Taken t;
    t.line = line;
    t.id = std::string(line.id);
    t.customer = std::string(line.customer);
    t.type = std::string(line.type);
    t.segment = std::string(segment);
    t.invoices = std::move(invoices);
    t.has_fulfilment = fulfilment != nullptr;
    if (fulfilment) t.fulfilment = *fulfilment;
    out.push_back(std::move(t));
  });
  return out;
}

TEST(PackedLines, EveryFieldOfALineComesBackAsItWent) {
  bbb::ContractLine a;
  a.id = "L-17";
  a.customer = "Société Générale, Inc";
  a.line_number = 4242;
  a.amount = 1234567;
  ASSERT_TRUE(bbb::parse_currency_code("EUR", &a.currency));
  a.status = bbb::Status::kCancelled;
  a.recognition = bbb::Recognition::kRatable;
  a.billing = bbb::BillingKind::kQuarterlyArrears;
  a.type = "renewal";
  a.booking = ymd(2024, 1, 31);
  a.has_booking = true;
  a.start = ymd(2024, 2, 15);
  a.end = ymd(2025, 2, 14);
  a.term_months = 12;
  a.billing_start = ymd(2024, 3, 1);
  a.has_delivery = true;
  a.delivery = ymd(2024, 4, 2);
  a.has_cancel = true;
  a.cancel = ymd(2024, 9, 30);
  a.has_created = true;
  a.created = ymd(2023, 12, 1);
  const std::vector<bbb::DatedAmount> invoices = {{ymd(2024, 3, 1), 600000}, {ymd(2024, 6, 1), -50000}};
  bbb::Fulfilment percent;
  percent.is_percent = true;
  percent.rows = {{ymd(2024, 4, 1), 250000}, {ymd(2024, 5, 1), 1000000}};

  bbb::ContractLine b;  // text empty, no invoices, fulfilment with no rows
  b.line_number = 9;
  b.amount = 1;
  bbb::Fulfilment none;

  bbb::PackedLines batch;
  batch.add(a, "EMEA", invoices, &percent);
  batch.add(b, "", {}, nullptr);
  batch.add(b, "(none)", {}, &none);
  EXPECT_EQ(batch.lines(), 3u);
  const std::vector<Taken> taken = take_all(batch.bytes());
  ASSERT_EQ(taken.size(), 3u);

  const Taken& t = taken[0];
  EXPECT_EQ(t.id, "L-17");
  EXPECT_EQ(t.customer, "Société Générale, Inc");
  EXPECT_EQ(t.type, "renewal");
  EXPECT_EQ(t.segment, "EMEA");
  EXPECT_EQ(t.line.line_number, 4242);
  EXPECT_EQ(t.line.amount, 1234567);
  EXPECT_EQ(t.line.currency.view(), "EUR");
  EXPECT_EQ(t.line.status, bbb::Status::kCancelled);
  EXPECT_EQ(t.line.recognition, bbb::Recognition::kRatable);
  EXPECT_EQ(t.line.billing, bbb::BillingKind::kQuarterlyArrears);
  EXPECT_EQ(t.line.booking, ymd(2024, 1, 31));
  EXPECT_TRUE(t.line.has_booking);
  EXPECT_EQ(t.line.start, ymd(2024, 2, 15));
  EXPECT_EQ(t.line.end, ymd(2025, 2, 14));
  EXPECT_EQ(t.line.term_months, 12);
  EXPECT_EQ(t.line.billing_start, ymd(2024, 3, 1));
  EXPECT_TRUE(t.line.has_delivery);
  EXPECT_EQ(t.line.delivery, ymd(2024, 4, 2));
  EXPECT_TRUE(t.line.has_cancel);
  EXPECT_EQ(t.line.cancel, ymd(2024, 9, 30));
  EXPECT_TRUE(t.line.has_created);
  EXPECT_EQ(t.line.created, ymd(2023, 12, 1));
  ASSERT_EQ(t.invoices.size(), 2u);
  EXPECT_EQ(t.invoices[1].date, ymd(2024, 6, 1));
  EXPECT_EQ(t.invoices[1].amount, -50000);
  ASSERT_TRUE(t.has_fulfilment);
  EXPECT_TRUE(t.fulfilment.is_percent);
  ASSERT_EQ(t.fulfilment.rows.size(), 2u);
  EXPECT_EQ(t.fulfilment.rows[0].amount, 250000);
  EXPECT_EQ(t.fulfilment.rows[1].date, ymd(2024, 5, 1));

  EXPECT_EQ(taken[1].id, "");
  EXPECT_EQ(taken[1].segment, "");
  EXPECT_EQ(taken[1].line.line_number, 9);
  EXPECT_TRUE(taken[1].invoices.empty());
  EXPECT_FALSE(taken[1].has_fulfilment);
  // A line with fulfilment but no rows left is not a line without fulfilment.
  EXPECT_EQ(taken[2].segment, "(none)");
  EXPECT_TRUE(taken[2].has_fulfilment);
  EXPECT_TRUE(taken[2].fulfilment.rows.empty());

  batch.clear();
  EXPECT_EQ(batch.lines(), 0u);
  EXPECT_TRUE(take_all(batch.bytes()).empty());
}

TEST(ReadingSummary, ComesBackAsItWentAndRefusesWhatIsNotOne) {
  bbb::ReadingSummary part;
  part.rows = R"({"read":3,"accepted":2,"rejected":1,"rejected_value":{"CHF":12000}})";
  bbb::CurrencyCode chf, jpy;
  ASSERT_TRUE(bbb::parse_currency_code("CHF", &chf));
  ASSERT_TRUE(bbb::parse_currency_code("JPY", &jpy));
  part.rejected_currencies = {chf, jpy, chf};
  part.files_and_issues = R"("files":[],"issues":[],"issue_counts":{},"issues_unlisted":0)";
  const std::string bytes = bbb::encode_reading_summary(part);
  bbb::ReadingSummary back;
  ASSERT_TRUE(bbb::decode_reading_summary(bytes, &back));
  EXPECT_EQ(back.rows, part.rows);
  ASSERT_EQ(back.rejected_currencies.size(), 3u);
  EXPECT_EQ(back.rejected_currencies[1].view(), "JPY");
  EXPECT_EQ(back.rejected_currencies[2].view(), "CHF");
  EXPECT_EQ(back.files_and_issues, part.files_and_issues);
  for (std::size_t cut = 0; cut < bytes.size(); ++cut)
    EXPECT_FALSE(bbb::decode_reading_summary(std::string_view(bytes).substr(0, cut), &back)) << cut;
  EXPECT_FALSE(bbb::decode_reading_summary(bytes + "x", &back));
  EXPECT_FALSE(bbb::decode_reading_summary("not a part at all", &back));
}

TEST(PackedLines, ABatchIsHandedOnOnceItHoldsAQuarterMebibyte) {
  bbb::ContractLine line;
  line.id = "an id";
  bbb::PackedLines batch;
  std::size_t added = 0;
  while (!batch.full()) { batch.add(line, "", {}, nullptr); ++added; }
  EXPECT_GE(batch.bytes().size(), bbb::PackedLines::kHandOffBytes);
  EXPECT_LT(batch.bytes().size() - (sizeof(bbb::ContractLine) + 16 + 5), bbb::PackedLines::kHandOffBytes);
  EXPECT_EQ(take_all(batch.bytes()).size(), added);
}

// The report made with lines folded from batches, on the same session or
// on another one that then takes the reading one's part of the report, is
// the report made with lines folded as they are read, byte for byte, in
// every setting that folds more than the ledgers.
class FoldedInBatches : public testing::TestWithParam<std::uint32_t> {};

TEST_P(FoldedInBatches, GiveTheSameReportByteForByte) {
  bbb_test::Generated g = bbb_test::generate(GetParam(), 3000);  // ~3 batches
  // Rows the generator never writes: a duplicate id, a bad amount, percent fulfilment.
  g.input.contracts += "L7,Dup Inc,2024-01-05,100.00,USD,,,12,ratable,,monthly,,new,,\n";
  g.input.contracts += "X1,Bad Inc,2024-01-05,12x,USD,,,12,ratable,,monthly,,new,,\n";
  g.input.contracts += "X2,Bad Inc,2024-01-05,120.00,CHF,,,12,ratable,,weekly,,new,,\n";
  g.input.contracts += "P1,Pct Inc,2024-02-01,900.00,USD,,,,point,,upfront,,new,,\n";
  std::string fulfilment = "id,date,amount,percent_complete\n";
  const std::string& amounts = g.input.fulfilment;  // id,date,amount rows
  for (std::size_t at = amounts.find('\n') + 1, next; at < amounts.size(); at = next + 1) {
    next = amounts.find('\n', at);
    fulfilment += amounts.substr(at, next - at) + ",\n";
  }
  g.input.fulfilment = fulfilment + "P1,2024-03-01,,40\nP1,2024-05-01,,100\n";
  const std::vector<std::pair<std::string, std::string>> settings = {
      {"{}", "{}"},
      {R"({"as_of":"2024-06-30","waterfall":true})", R"({"period":"quarter"})"},
      {R"({"split_by":"customer","proration":"daily"})", R"({"period":"year","top":5})"},
      {R"({"drill":{"metric":"revenue","currency":"USD","from":"2024-01-01","to":"2024-12-31","limit":50}})", "{}"},
  };
  for (const auto& [read, report] : settings) {
    bbb_test::Input run = g.input;
    run.read_settings = read;
    run.report_settings = report;
    run.chunk = 64 * 1024;
    const std::string direct = bbb_test::report_text(run);
    run.folding = bbb_test::Input::Folding::kFromBatches;
    EXPECT_EQ(bbb_test::report_text(run), direct) << read << " " << report;
    run.folding = bbb_test::Input::Folding::kInAnotherSession;
    EXPECT_EQ(bbb_test::report_text(run), direct) << "in another session: " << read << " " << report;
    // Rows of every kind, issues and a currency named by a rejected row only.
    EXPECT_NE(direct.find("\"duplicate_id\""), std::string::npos);
    EXPECT_NE(direct.find("\"bad_amount\""), std::string::npos);
    EXPECT_NE(direct.find("\"CHF\":2"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, FoldedInBatches, testing::Values(1u, 2u, 3u));

}  // namespace
