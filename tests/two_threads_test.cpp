// The CLI's two threads for the report's walks over the customers
// (core/cli/two_threads.h): every part once, and what a part throws comes
// back to the caller once both threads have stopped.
#include <gtest/gtest.h>

#include <atomic>
#include <new>
#include <vector>

#include "two_threads.h"

namespace {

TEST(TwoThreads, RunsEveryPartOnce) {
  const bbb_cli::TwoThreads two;
  EXPECT_EQ(two.width(), 2u);
  for (std::size_t parts : {0u, 1u, 2u, 3u, 17u}) {
    std::vector<std::atomic<int>> runs(parts);
    two.run(parts, [&](std::size_t part) { runs[part]++; });
    for (std::size_t i = 0; i < parts; ++i) EXPECT_EQ(runs[i].load(), 1) << parts << " parts, part " << i;
  }
}

TEST(TwoThreads, APartsFailureReachesTheCaller) {
  const bbb_cli::TwoThreads two;
  std::atomic<int> ended{0};
  EXPECT_THROW(two.run(2, [&](std::size_t part) {
    ended++;
    if (part == 1) throw std::bad_alloc();
  }), std::bad_alloc);
  EXPECT_EQ(ended.load(), 2);  // both parts had ended before the throw came back
}

}  // namespace
