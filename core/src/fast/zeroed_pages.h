// Zero-filled memory for a table probed at random, asked of the system in
// huge pages where it gives them (Linux's transparent huge pages): in 4 KiB
// pages a table of millions of slots costs a page walk on nearly every
// probe, and under a hypervisor a walk of the host's tables as well.
// Elsewhere (WebAssembly, or a small table) it is plain memory, zeroed.
#pragma once

#include <cstddef>

namespace bbb {

class ZeroedPages {
 public:
  ZeroedPages() = default;
  explicit ZeroedPages(std::size_t bytes);  // throws std::bad_alloc
  ~ZeroedPages();
  ZeroedPages(ZeroedPages&& other) noexcept;
  ZeroedPages& operator=(ZeroedPages&& other) noexcept;
  ZeroedPages(const ZeroedPages&) = delete;
  ZeroedPages& operator=(const ZeroedPages&) = delete;

  void* data() const { return data_; }

 private:
  void release();
  void* data_ = nullptr;
  std::size_t bytes_ = 0;
  bool mapped_ = false;  // from mmap (else malloc)
};

}  // namespace bbb
