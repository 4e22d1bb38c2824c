#include "fold_thread.h"

#include <new>
#include <utility>

namespace bbb_cli {

FoldThread::FoldThread(bbb::FoldingHalf& folder) : folder_(folder), thread_([this] { run(); }) {}

FoldThread::~FoldThread() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void FoldThread::hand_off(bbb::PackedLines& batch) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return queued_.size() < kQueued; });
  bbb::PackedLines empty;
  if (!spare_.empty()) { empty.swap(spare_.back()); spare_.pop_back(); }
  empty.swap(batch);
  queued_.push_back(std::move(empty));
  lock.unlock();
  changed_.notify_all();
}

bool FoldThread::finish() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return queued_.empty() && !folding_; });
  return !failed_;
}

void FoldThread::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stopping_ || !queued_.empty(); });
    if (queued_.empty()) return;  // stopping, and every batch folded
    bbb::PackedLines batch = std::move(queued_.front());
    queued_.pop_front();
    folding_ = true;
    lock.unlock();
    changed_.notify_all();  // room in the queue
    // Out of memory here ends in the reading thread's sentence, not an abort.
    if (!failed_) {
      try {
        folder_.take_batch(batch.bytes());
      } catch (const std::bad_alloc&) {
        failed_ = true;
      }
    }
    batch.clear();
    lock.lock();
    folding_ = false;
    spare_.push_back(std::move(batch));
    changed_.notify_all();  // maybe finished
  }
}

}  // namespace bbb_cli
