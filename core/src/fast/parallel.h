// Work cut into parts that may run side by side. The core starts no
// threads: a caller with one to lend (the CLI, whose folding thread is idle
// once the file is read) passes a Parallel that runs parts at once; the
// others get serial(). The parts' results must not depend on the order.
#pragma once

#include <cstddef>
#include <functional>

namespace bbb {

class Parallel {
 public:
  virtual ~Parallel() = default;
  // How many parts are worth cutting: the threads at hand.
  virtual std::size_t width() const = 0;
  // task(0) .. task(parts - 1), each once, maybe at the same time; returns
  // once all have. What a part throws is thrown here, after all have ended.
  virtual void run(std::size_t parts, const std::function<void(std::size_t)>& task) const = 0;
};

// One part after another, on the calling thread.
const Parallel& serial();

}  // namespace bbb
