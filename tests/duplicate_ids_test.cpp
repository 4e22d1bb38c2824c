// Duplicate detection's memory of ids (spec 10): numbered ids in order kept
// as runs, everything else in the fingerprint table, and the same answer as
// a plain map of every id in every case: ids in order, out of order,
// overlapping, of many prefixes, widths and shapes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "fast/eight_digits.h"
#include "bbb/report_json.h"
#include "fast/duplicate_ids.h"
#include "bbb/session.h"

namespace {

std::string numbered(const std::string& prefix, std::uint64_t n, int width) {
  std::string digits = std::to_string(n);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  return prefix + digits;
}

// The answer insert must give: the line of the id's first row, or 0.
class Reference {
 public:
  std::uint32_t insert(const std::string& id, std::int64_t line) {
    const auto [it, added] = first_.try_emplace(id, line);
    if (added) return 0;
    return it->second < UINT32_MAX ? static_cast<std::uint32_t>(it->second) : UINT32_MAX;
  }
  std::size_t size() const { return first_.size(); }

 private:
  std::unordered_map<std::string, std::int64_t> first_;
};

TEST(DuplicateIds, IdsInOrderOnConsecutiveLinesAreOneRun) {
  bbb::DuplicateIds seen;
  for (int i = 1; i <= 200000; ++i) ASSERT_EQ(seen.insert(numbered("L", static_cast<std::uint64_t>(i), 8), i + 1), 0u) << i;
  EXPECT_EQ(seen.size(), 200000u);
  EXPECT_EQ(seen.runs(), 1u);
  EXPECT_LT(seen.memory_bytes(), 4096u);  // whatever the number of ids
  EXPECT_EQ(seen.insert("L00000001", 500000), 2u);
  EXPECT_EQ(seen.insert("L00123456", 500001), 123457u);
  EXPECT_EQ(seen.insert("L00200000", 500002), 200001u);
  EXPECT_EQ(seen.insert("L00200001", 500003), 0u);  // new: the next number
  EXPECT_EQ(seen.size(), 200001u);
}

TEST(DuplicateIds, TwoNumberingsThatAlternateLineByLineAreTwoRuns) {
  // Order lines and their items, one after the other: O-1, I-1, O-2, I-2...
  bbb::DuplicateIds seen;
  for (int i = 1; i <= 5000; ++i) {
    ASSERT_EQ(seen.insert("O-" + std::to_string(i + 1000), 2 * i), 0u) << i;
    ASSERT_EQ(seen.insert("I-" + std::to_string(i + 1000), 2 * i + 1), 0u) << i;
  }
  EXPECT_EQ(seen.runs(), 2u);
  EXPECT_EQ(seen.insert("O-1001", 20000), 2u);
  EXPECT_EQ(seen.insert("I-1001", 20001), 3u);
  EXPECT_EQ(seen.insert("O-3500", 20002), 5000u);
  EXPECT_EQ(seen.insert("I-6000", 20003), 10001u);
  EXPECT_EQ(seen.insert("I-6001", 20004), 0u);
}

TEST(DuplicateIds, WidthAndPrefixArePartOfTheId) {
  bbb::DuplicateIds seen;
  EXPECT_EQ(seen.insert("L1", 2), 0u);
  EXPECT_EQ(seen.insert("L01", 3), 0u);
  EXPECT_EQ(seen.insert("L001", 4), 0u);
  EXPECT_EQ(seen.insert("l1", 5), 0u);
  EXPECT_EQ(seen.insert("1", 6), 0u);
  EXPECT_EQ(seen.insert("01", 7), 0u);
  EXPECT_EQ(seen.insert("L-1", 8), 0u);
  EXPECT_EQ(seen.insert("L01", 9), 3u);
  EXPECT_EQ(seen.insert("1", 10), 6u);
  EXPECT_EQ(seen.insert("L-1", 11), 8u);
  EXPECT_EQ(seen.size(), 7u);
}

TEST(DuplicateIds, AnIdInsideAnEarlierRunIsFoundWhicheverRunIsBeingExtended) {
  bbb::DuplicateIds seen;
  // 100..199 on lines 2..101, then 300..399, then 150..250: 150 is inside
  // the first run, though the run being extended is another.
  for (int i = 0; i < 100; ++i) ASSERT_EQ(seen.insert("A" + std::to_string(100 + i), 2 + i), 0u);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(seen.insert("A" + std::to_string(300 + i), 102 + i), 0u);
  EXPECT_EQ(seen.insert("A150", 202), 52u);
  EXPECT_EQ(seen.insert("A200", 203), 0u);
  EXPECT_EQ(seen.insert("A199", 204), 101u);
  for (int i = 201; i < 300; ++i) ASSERT_EQ(seen.insert("A" + std::to_string(i), 205 + i - 201), 0u) << i;
  // 200..299 now run up to 300, which the next run holds.
  EXPECT_EQ(seen.insert("A300", 400), 102u);
  EXPECT_EQ(seen.insert("A299", 401), 303u);
}

TEST(DuplicateIds, ScatteredNumbersMoveToTheTableAndKeepTheirLines) {
  bbb::DuplicateIds seen;
  Reference want;
  std::mt19937_64 random(7);
  std::vector<std::string> ids;
  for (int i = 0; i < 300000; ++i) {
    ids.push_back(numbered("SO-", random() % 1000000000, 9));
    ASSERT_EQ(seen.insert(ids.back(), i + 2), want.insert(ids.back(), i + 2)) << i;
  }
  EXPECT_EQ(seen.runs(), 0u);  // short runs: held as fingerprints
  EXPECT_EQ(seen.size(), want.size());
  for (std::size_t i = 0; i < ids.size(); i += 13) ASSERT_EQ(seen.insert(ids[i], 999999), want.insert(ids[i], 999999)) << i;
  EXPECT_LE(static_cast<double>(seen.memory_bytes()) / static_cast<double>(seen.size()), 20.0);
}

// Every shape of id, in every order, against the plain map: stretches in
// order, jumps back into earlier stretches, repeats, gaps between lines (a
// quoted field with a line break), ids with no number, very long numbers,
// and more prefixes than get a family.
TEST(DuplicateIds, AnswersAsAMapOfEveryIdWouldInAMixedFile) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    bbb::DuplicateIds seen;
    Reference want;
    std::mt19937_64 random(seed);
    std::int64_t line = 1;
    std::uint64_t next = 1;
    for (int row = 0; row < 60000; ++row) {
      line += random() % 20 == 0 ? 2 : 1;
      const std::uint64_t pick = random() % 100;
      std::string id;
      if (pick < 70) {
        id = numbered("C", next++, 6);  // in order
      } else if (pick < 80) {
        next = random() % 60000;  // a jump, often into numbers already seen
        id = numbered("C", next++, 6);
      } else if (pick < 85) {
        id = numbered("P" + std::to_string(random() % 30) + "-", random() % 500, 3);  // 30 prefixes
      } else if (pick < 90) {
        id = "uuid-" + std::to_string(random() % 5000) + "x";  // no number at its end
      } else if (pick < 93) {
        id = "12345678901234567890" + std::to_string(random() % 100);  // past 18 digits
      } else if (pick < 97) {
        id = std::to_string(random() % 3000);  // no prefix at all
      } else {
        id = numbered("C", random() % 60000, 7);  // the same numbers, another width
      }
      ASSERT_EQ(seen.insert(id, line), want.insert(id, line)) << "seed " << seed << " row " << row << " id " << id;
    }
    EXPECT_EQ(seen.size(), want.size()) << seed;
  }
}

TEST(EightDigits, ReadsEightDigitsAndRefusesAnyOtherByteInAnyPlace) {
  EXPECT_TRUE(bbb::eight_digits(bbb::load_eight("12345678")));
  EXPECT_EQ(bbb::eight_digits_value(bbb::load_eight("12345678")), 12345678u);
  EXPECT_EQ(bbb::eight_digits_value(bbb::load_eight("00000000")), 0u);
  EXPECT_EQ(bbb::eight_digits_value(bbb::load_eight("99999999")), 99999999u);
  EXPECT_EQ(bbb::eight_digits_value(bbb::load_eight("90000001")), 90000001u);
  // Every byte that is no digit, in every place: the bytes next to '0' and
  // '9', letters, blanks, and bytes whose +6 would carry into the next.
  for (int place = 0; place < 8; ++place) {
    for (int byte = 0; byte < 256; ++byte) {
      if (byte >= '0' && byte <= '9') continue;
      std::string text = "31415926";
      text[static_cast<std::size_t>(place)] = static_cast<char>(byte);
      ASSERT_FALSE(bbb::eight_digits(bbb::load_eight(text.data()))) << "place " << place << " byte " << byte;
    }
  }
}

// Ids of eight digits or more are read eight digits at a time: the same
// answers as a map, with ids of the family's width that hold a non-digit
// among their last eight (they are not of the family).
TEST(DuplicateIds, LongNumbersAndLookalikesAnswerAsAMapWould) {
  const char kNotDigits[] = {'/', ':', 'x', ' ', '\xFA', '-'};
  std::mt19937_64 random(7);
  bbb::DuplicateIds seen;
  Reference want;
  std::int64_t line = 1;
  std::uint64_t next = 1;
  for (int row = 0; row < 40000; ++row) {
    const int width = std::vector<int>{8, 9, 12, 18}[random() % 4];
    std::string id = numbered("C", random() % 8 == 0 ? random() % 50000 : next++, width);
    if (random() % 5 == 0) id[id.size() - 1 - random() % 8] = kNotDigits[random() % sizeof kNotDigits];
    ++line;
    ASSERT_EQ(seen.insert(id, line), want.insert(id, line)) << "row " << row << " id " << id;
  }
  EXPECT_EQ(seen.size(), want.size());
}

// A file's size given up front (Session::expect_bytes) sizes the table once
// from the sample; the report is the same, duplicates and all, whatever the
// size said.
std::string report_of(const std::string& csv, std::uint64_t expected_bytes) {
  bbb::Session session{bbb::ReadSettings()};
  std::string error;
  EXPECT_TRUE(session.begin(bbb::FileKind::kContracts, "c.csv", &error)) << error;
  if (expected_bytes > 0) session.expect_bytes(expected_bytes);
  for (std::size_t at = 0; at < csv.size(); at += 1 << 16) session.feed(csv.data() + at, std::min<std::size_t>(1 << 16, csv.size() - at));
  EXPECT_TRUE(session.end(&error)) << error;
  return bbb::render_report(session, bbb::ReportSettings());
}

TEST(DuplicateIds, TheFileSizeGivenUpFrontChangesNoReport) {
  std::string csv = "id,booking_date,amount,currency,start_date,term_months\n";
  std::mt19937_64 random(11);
  std::vector<std::string> ids;
  for (int i = 0; i < 120000; ++i) {
    // Out of order and without a trailing number: the fingerprint table; now and then an earlier id again.
    const std::string id = i % 997 == 996 ? ids[random() % ids.size()] : "C" + std::to_string(random() % 1000000000) + "x";
    ids.push_back(id);
    csv += id + ",2024-0" + std::to_string(1 + i % 9) + "-15," + std::to_string(100 + i % 5000) + ".00,USD,2024-10-01,12\n";
  }
  const std::string plain = report_of(csv, 0);
  EXPECT_NE(plain.find("duplicate_id"), std::string::npos);
  EXPECT_EQ(report_of(csv, csv.size()), plain);
  EXPECT_EQ(report_of(csv, csv.size() * 10), plain);  // an estimate too large
  EXPECT_EQ(report_of(csv, 1000), plain);             // or too small
}

TEST(DuplicateIds, LinesPastFourBillionAreSaidAsAnEarlierLine) {
  bbb::DuplicateIds seen;
  EXPECT_EQ(seen.insert("L1", 5'000'000'000), 0u);
  EXPECT_EQ(seen.insert("L2", 5'000'000'001), 0u);
  EXPECT_EQ(seen.runs(), 1u);
  EXPECT_EQ(seen.insert("L2", 5'000'000'002), UINT32_MAX);
  EXPECT_EQ(seen.insert("A", 5'000'000'000), 0u);
  EXPECT_EQ(seen.insert("A", 7), UINT32_MAX);
}

}  // namespace
