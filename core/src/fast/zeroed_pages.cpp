#include "fast/zeroed_pages.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#define BBB_HUGE_PAGES 1
#include <sys/mman.h>
#endif

namespace bbb {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

}  // namespace

ZeroedPages::ZeroedPages(std::size_t bytes) : bytes_(bytes) {
#if BBB_HUGE_PAGES
  if (bytes >= kHugePage) {
    // Whole huge pages on huge-page boundaries: the system backs no other range with them.
    const std::size_t length = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    const std::uintptr_t start = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
    if (aligned > start) munmap(p, aligned - start);
    munmap(reinterpret_cast<void*>(aligned + length), start + kHugePage - aligned);
    madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);  // advice: refused or not, the memory is there
    data_ = reinterpret_cast<void*>(aligned);
    bytes_ = length;
    mapped_ = true;
  }
#endif
  if (data_ == nullptr) data_ = std::malloc(bytes == 0 ? 1 : bytes);
  if (data_ == nullptr) throw std::bad_alloc();
  // Written now, though the system's pages come zeroed: a page first read
  // is the shared zero page, and the write that follows replaces it and
  // flushes the TLB of every core running this process (the reading
  // thread's too), once a page.
  std::memset(data_, 0, bytes);
}

ZeroedPages::~ZeroedPages() { release(); }

ZeroedPages::ZeroedPages(ZeroedPages&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), bytes_(other.bytes_), mapped_(other.mapped_) {}

ZeroedPages& ZeroedPages::operator=(ZeroedPages&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    bytes_ = other.bytes_;
    mapped_ = other.mapped_;
  }
  return *this;
}

void ZeroedPages::release() {
  if (data_ == nullptr) return;
#if BBB_HUGE_PAGES
  if (mapped_) {
    munmap(data_, bytes_);
    data_ = nullptr;
    return;
  }
#endif
  std::free(data_);
  data_ = nullptr;
}

}  // namespace bbb
