#include "fast/parallel.h"

namespace bbb {

namespace {

class Serial final : public Parallel {
 public:
  std::size_t width() const override { return 1; }
  void run(std::size_t parts, const std::function<void(std::size_t)>& task) const override {
    for (std::size_t i = 0; i < parts; ++i) task(i);
  }
};

}  // namespace

const Parallel& serial() {
  static const Serial instance;
  return instance;
}

}  // namespace bbb
