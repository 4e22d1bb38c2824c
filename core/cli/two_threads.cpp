#include "two_threads.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace bbb_cli {

void TwoThreads::run(std::size_t parts, const std::function<void(std::size_t)>& task) const {
  std::atomic<std::size_t> next{0};
  std::mutex failed_mutex;
  std::exception_ptr failed;
  const auto take_parts = [&] {
    try {
      for (std::size_t part; (part = next++) < parts;) task(part);
    } catch (...) {
      std::lock_guard<std::mutex> lock(failed_mutex);
      if (!failed) failed = std::current_exception();
      next = parts;  // the other thread takes no more
    }
  };
  std::thread helper;
  if (parts > 1) {
    try {
      helper = std::thread(take_parts);
    } catch (const std::system_error&) {
      // No thread to be had: the caller takes every part.
    }
  }
  take_parts();
  if (helper.joinable()) helper.join();
  if (failed) std::rethrow_exception(failed);
}

}  // namespace bbb_cli
