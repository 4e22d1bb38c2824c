#include "fast/zeroed_pages.h"

#include <cstdlib>
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
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    madvise(p, bytes, MADV_HUGEPAGE);  // advice: refused or not, the memory is there
    data_ = p;
    mapped_ = true;
    return;
  }
#endif
  data_ = std::calloc(bytes == 0 ? 1 : bytes, 1);
  if (data_ == nullptr) throw std::bad_alloc();
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
