// Folds the lines a session hands off on a second thread while the first
// reads the next rows: reading rows and folding them side by side (see
// Session::hand_off_lines). The lines are folded in the order handed, so
// the report is the same byte for byte as on one thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "bbb/session.h"

namespace bbb_cli {

class FoldThread {
 public:
  explicit FoldThread(bbb::FoldingHalf& folder);
  ~FoldThread();
  FoldThread(const FoldThread&) = delete;
  FoldThread& operator=(const FoldThread&) = delete;

  // The session's hand-off: queues the batch's lines (taking its bytes and
  // leaving it an empty one), waiting while kQueued batches are queued.
  void hand_off(bbb::PackedLines& batch);
  // Returns once every batch handed is folded: false when memory ran out
  // while folding (the lines after it were not folded).
  bool finish();

 private:
  // Enough to ride out a slow batch on either side; memory stays a few
  // batches (~1 MiB) whatever the file's size.
  static constexpr std::size_t kQueued = 4;
  void run();

  bbb::FoldingHalf& folder_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<bbb::PackedLines> queued_;
  std::vector<bbb::PackedLines> spare_;  // folded batches, their storage kept for the next
  bool folding_ = false;               // a batch taken off the queue is being folded
  bool stopping_ = false;
  bool failed_ = false;                // memory ran out while folding (set on the folding thread)
  std::thread thread_;
};

}  // namespace bbb_cli
