// The id table of duplicate detection (spec 10): every id found again with
// the line it was first seen on, through many growths of its 256 tables;
// memory in bytes an id within the documented bounds.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <string_view>

#include "bbb/id_index.h"

namespace {

TEST(IdIndex, FindsEveryIdAgainWithItsFirstLineThroughManyGrowths) {
  bbb::IdIndex index;
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

TEST(IdIndex, LinesPastFourBillionAreSaidAsAnEarlierLine) {
  bbb::IdIndex index;
  EXPECT_EQ(index.insert("A", 5'000'000'000), 0u);
  EXPECT_EQ(index.insert("A", 7), UINT32_MAX);
  EXPECT_EQ(index.insert("", 3), 0u);
  EXPECT_EQ(index.insert("", 4), 3u);
}

// The fingerprint is part of what a session keeps: its tail is read
// without a memcpy call, and must be the same word as the memcpy gives.
TEST(Fingerprint, TheTailWordIsTheBytesAsMemcpyReadsThem) {
  const auto reference = [](std::string_view text) {
    // The same mixing over the same words, with the tail read by memcpy.
    const auto mix = [](std::uint64_t x) {
      x ^= x >> 33;
      x *= 0xff51afd7ed558ccdULL;
      x ^= x >> 33;
      x *= 0xc4ceb9fe1a85ec53ULL;
      x ^= x >> 33;
      return x;
    };
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (text.size() * 0x100000001b3ULL);
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      h = mix(h ^ word) + 0x9e3779b97f4a7c15ULL;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, text.data() + i, text.size() - i);
    h = mix(h ^ tail ^ (static_cast<std::uint64_t>(text.size() - i) << 56));
    return h == 0 ? 1 : h;
  };
  std::string text;
  for (int length = 0; length <= 40; ++length) {
    for (int variant = 0; variant < 50; ++variant) {
      text.resize(static_cast<std::size_t>(length));
      for (int i = 0; i < length; ++i) text[static_cast<std::size_t>(i)] = static_cast<char>((i * 131 + variant * 7919 + length) % 256);
      ASSERT_EQ(bbb::fingerprint(text), reference(text)) << "length " << length << " variant " << variant;
    }
  }
  EXPECT_NE(bbb::fingerprint("L00000001"), bbb::fingerprint("L00000002"));
}

}  // namespace
