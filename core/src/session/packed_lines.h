// Accepted lines written one after another into bytes, for the half of a
// session that folds them (FoldingHalf) on another thread or in another
// worker of the same build: each line's fields as they are in memory, then
// its text (the line's text is views of a record that is gone by then) and
// its invoices and fulfilment rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "rows/contract_line.h"
#include "finance/schedule.h"

namespace bbb {

// The bytes are copied field for field: a line must stay plain data. A
// text field added to ContractLine must also be added to its_text below.
static_assert(std::is_trivially_copyable_v<ContractLine>, "a line is carried as its bytes");
static_assert(std::is_trivially_copyable_v<DatedAmount>, "invoices are carried as their bytes");

class PackedLines {
 public:
  // A batch is handed on once it holds this much (~1,300 lines): large
  // enough that handing it costs nothing a line, small enough to stay in
  // the second-level cache of the core that reads it.
  static constexpr std::size_t kHandOffBytes = 256 * 1024;

  void add(const ContractLine& line, std::string_view segment, const std::vector<DatedAmount>& invoices,
           const Fulfilment* fulfilment);
  std::size_t lines() const { return lines_; }
  // What another thread or worker gives to FoldingHalf::take_batch.
  std::string_view bytes() const { return std::string_view(data_.get(), size_); }
  bool full() const { return size_ >= kHandOffBytes; }
  void clear() { size_ = 0; lines_ = 0; }
  void swap(PackedLines& other) noexcept {
    data_.swap(other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
    std::swap(lines_, other.lines_);
  }

  // Calls take(line, segment, invoices, fulfilment or null) for each line
  // of `bytes`, in order; the line's text is views of `bytes`.
  template <class Take>
  static void for_each(std::string_view bytes, Take&& take);

 private:
  struct Counts {
    std::uint32_t segment = 0;
    std::uint32_t invoices = 0;
    std::uint32_t fulfilment = 0;  // rows, + 1 when the line has fulfilment (0: none)
    std::uint32_t fulfilment_is_percent = 0;
  };
  template <class Line>
  static auto its_text(Line& line) {
    return std::array<decltype(&line.id), 3>{&line.id, &line.customer, &line.type};
  }
  // n dated amounts at *p into *out, *p moved past them.
  static void take_rows(const char** p, std::size_t n, std::vector<DatedAmount>* out) {
    out->resize(n);
    if (n > 0) std::memcpy(out->data(), *p, n * sizeof(DatedAmount));
    *p += n * sizeof(DatedAmount);
  }
  // Room for `more` bytes past size_ (a line's pieces are then copied with
  // no check each: this runs for every line read).
  void reserve_more(std::size_t more);

  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  std::size_t lines_ = 0;
};

template <class Take>
void PackedLines::for_each(std::string_view bytes, Take&& take) {
  const char* p = bytes.data();
  const char* const end = p + bytes.size();
  ContractLine line;
  Counts counts;
  std::vector<DatedAmount> invoices;
  Fulfilment fulfilment;
  while (p < end) {
    std::memcpy(&line, p, sizeof line);
    p += sizeof line;
    std::memcpy(&counts, p, sizeof counts);
    p += sizeof counts;
    for (std::string_view* text : its_text(line)) {
      *text = std::string_view(p, text->size());  // the same length, read here
      p += text->size();
    }
    const std::string_view segment(p, counts.segment);
    p += counts.segment;
    take_rows(&p, counts.invoices, &invoices);
    const bool has_fulfilment = counts.fulfilment > 0;
    if (has_fulfilment) {
      fulfilment.is_percent = counts.fulfilment_is_percent != 0;
      take_rows(&p, counts.fulfilment - 1, &fulfilment.rows);
    }
    take(line, segment, std::move(invoices), has_fulfilment ? &fulfilment : nullptr);
    invoices.clear();  // moved from: made empty again for the next line
  }
}

}  // namespace bbb
