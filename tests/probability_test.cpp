// A deal's probability (spec 11, kept for the forecast of spec 14): read
// from the file's probability column in the forms CRMs write it, else from
// the system's default for the stage (HubSpot), else unknown; a value that
// is no percentage keeps the deal and warns. Checked on the lines the
// session hands to the folding half, against the values written here.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "bbb/session.h"

namespace {

// Each line's probability in hundredths of a percent, by id (or line name).
std::map<std::string, std::int32_t> probabilities(const std::string& csv, const bbb::Session** out_session = nullptr) {
  static bbb::Session* session = nullptr;
  delete session;
  session = new bbb::Session(bbb::ReadSettings());
  std::map<std::string, std::int32_t> got;
  session->hand_off_lines([&](bbb::PackedLines& batch) {
    bbb::PackedLines::for_each(batch.bytes(), [&](const bbb::ContractLine& line, std::string_view, std::vector<bbb::DatedAmount>,
                                                  const bbb::Fulfilment*) { got[std::string(line.id)] = line.probability_bp; });
  });
  std::string error;
  EXPECT_TRUE(session->begin(bbb::FileKind::kContracts, "deals.csv", &error)) << error;
  session->feed(csv.data(), csv.size());
  EXPECT_TRUE(session->end(&error)) << error;
  if (out_session) *out_session = session;
  return got;
}

TEST(Probability, ReadFromTheColumnInTheFormsCrmsWriteIt) {
  const bbb::Session* session = nullptr;
  const auto got = probabilities(
      "Opportunity ID,Opportunity Name,Stage,Close Date,Amount,Probability (%)\n"
      "A,a,Closed Won,2024-01-10,100,100\n"
      "B,b,Negotiation/Review,2024-02-10,100,90\n"
      "C,c,Prospecting,2024-02-10,100,12.5%\n"
      "D,d,Prospecting,2024-02-10,100, 7 %\n"
      "E,e,Prospecting,2024-02-10,100,\n"
      "F,f,Prospecting,2024-02-10,100,150\n"
      "G,g,Prospecting,2024-02-10,100,high\n",
      &session);
  EXPECT_EQ(got.at("A"), 10000);
  EXPECT_EQ(got.at("B"), 9000);
  EXPECT_EQ(got.at("C"), 1250);
  EXPECT_EQ(got.at("D"), 700);
  EXPECT_EQ(got.at("E"), -1);  // empty: unknown
  EXPECT_EQ(got.at("F"), -1);  // over 100: kept, unknown, warned
  EXPECT_EQ(got.at("G"), -1);
  EXPECT_EQ(session->files().back().rows.accepted, 7);
  EXPECT_EQ(session->issues().counts().at("bad_probability"), 2);
  EXPECT_EQ(session->files().back().mapping.headers[static_cast<std::size_t>(
                session->files().back().mapping.of(bbb::Field::kProbability))],
            "Probability (%)");
}

TEST(Probability, HubSpotStagesGiveTheirDefaultProbability) {
  const auto got = probabilities(
      "Record ID,Deal Name,Deal Stage,Close Date,Amount\n"
      "1,a,Appointment Scheduled,2024-03-01,10\n"
      "2,b,Contract Sent,2024-03-01,10\n"
      "3,c,decision maker bought-in,2024-03-01,10\n"
      "4,d,Closed Won,2024-03-01,10\n");
  EXPECT_EQ(got.at("1"), 2000);
  EXPECT_EQ(got.at("2"), 9000);
  EXPECT_EQ(got.at("3"), 8000);
  EXPECT_EQ(got.at("4"), 10000);
}

TEST(Probability, AColumnWinsOverTheStageDefaultAndOtherFilesHaveNone) {
  EXPECT_EQ(probabilities("Record ID,Deal Name,Deal Stage,Close Date,Amount,Deal probability\n"
                          "1,a,Contract Sent,2024-03-01,10,35\n").at("1"),
            3500);
  EXPECT_EQ(probabilities("id,booking_date,amount,status\nX,2024-03-01,10,open\n").at("X"), -1);
}

}  // namespace
