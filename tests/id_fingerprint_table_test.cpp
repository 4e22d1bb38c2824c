// The id table of duplicate detection (spec 10): every id found again with
// the line it was first seen on, through many growths of its 256 tables;
// memory in bytes an id within the documented bounds.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <string_view>

#include "fast/id_fingerprint_table.h"

namespace {

TEST(IdFingerprintTable, FindsEveryIdAgainWithItsFirstLineThroughManyGrowths) {
  bbb::IdFingerprintTable index;
  constexpr int kIds = 300000;
  for (int i = 0; i < kIds; ++i) ASSERT_EQ(index.insert("ID-" + std::to_string(i), i + 2), 0u) << i;
  EXPECT_EQ(index.size(), static_cast<std::size_t>(kIds));
  for (int i = 0; i < kIds; i += 7) ASSERT_EQ(index.insert("ID-" + std::to_string(i), 999999), static_cast<std::uint32_t>(i + 2)) << i;
  EXPECT_EQ(index.size(), static_cast<std::size_t>(kIds));   // a duplicate adds nothing
  // Load factor 0.64-0.8 of 12-byte slots, plus pages not yet filled: about 15-19 bytes an id.
  const double per_id = static_cast<double>(index.memory_bytes()) / kIds;
  EXPECT_GE(per_id, 14.0);
  EXPECT_LE(per_id, 20.0);
}

TEST(IdFingerprintTable, LinesPastFourBillionAreSaidAsAnEarlierLine) {
  bbb::IdFingerprintTable index;
  EXPECT_EQ(index.insert("A", 5'000'000'000), 0u);
  EXPECT_EQ(index.insert("A", 7), UINT32_MAX);
  EXPECT_EQ(index.insert("", 3), 0u);
  EXPECT_EQ(index.insert("", 4), 3u);
}

// The fingerprint's tail is read without a memcpy call of run-time length:
// it must be the same word the memcpy gives, for every length and byte.
TEST(Fingerprint, TheTailWordIsTheBytesAsMemcpyReadsThem) {
  char bytes[8];
  int checked = 0;
  for (std::size_t n = 0; n < 8; ++n) {
    for (int variant = 0; variant < 256; ++variant) {
      for (std::size_t i = 0; i < 8; ++i) bytes[i] = static_cast<char>((variant * 37 + static_cast<int>(i) * 101 + 1) % 256);
      std::uint64_t want = 0;
      std::memcpy(&want, bytes, n);
      ASSERT_EQ(bbb::detail::load_tail(bytes, n), want) << "length " << n << " variant " << variant;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2048);
  EXPECT_NE(bbb::fingerprint("L00000001"), bbb::fingerprint("L00000002"));
}

}  // namespace

namespace {

// Sized once for the ids to come, the table holds them without growing,
// and still grows past what it was sized for.
TEST(IdFingerprintTable, ReservedRoomHoldsItsIdsWithoutGrowing) {
  const auto key = [](int i) { return "R" + std::to_string(static_cast<long long>(i) * 7919) + "x"; };
  bbb::IdFingerprintTable index;
  constexpr int kIds = 400000;
  index.reserve(kIds);
  const std::size_t reserved = index.memory_bytes();
  for (int i = 0; i < kIds; ++i) ASSERT_EQ(index.insert(key(i), i + 2), 0u) << i;
  EXPECT_EQ(index.memory_bytes(), reserved);  // no growth
  EXPECT_LE(static_cast<double>(reserved) / kIds, 20.0);
  for (int i = 0; i < kIds; i += 11) ASSERT_EQ(index.insert(key(i), 1), static_cast<std::uint32_t>(i + 2));
  for (int i = kIds; i < 2 * kIds; ++i) ASSERT_EQ(index.insert(key(i), i + 2), 0u) << i;
  EXPECT_GT(index.memory_bytes(), reserved);
  for (int i = 0; i < 2 * kIds; i += 13) ASSERT_EQ(index.insert(key(i), 1), static_cast<std::uint32_t>(i + 2));
  EXPECT_EQ(index.size(), static_cast<std::size_t>(2 * kIds));
}

}  // namespace
