// The CLI's Parallel (fast/parallel.h): a call's parts taken in turn by the
// calling thread and one started for the call. The report's walks over the
// customers run once the file is folded, when the folding thread is idle.
#pragma once

#include "fast/parallel.h"

namespace bbb_cli {

class TwoThreads final : public bbb::Parallel {
 public:
  std::size_t width() const override { return 2; }
  void run(std::size_t parts, const std::function<void(std::size_t)>& task) const override;
};

}  // namespace bbb_cli
