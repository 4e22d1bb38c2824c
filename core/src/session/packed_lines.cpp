#include "session/packed_lines.h"

#include <algorithm>

namespace bbb {

void PackedLines::reserve_more(std::size_t more) {
  if (size_ + more <= capacity_) return;
  // A batch is handed on once it passes kHandOffBytes: one line more than
  // that fits in the first allocation unless the line is very long.
  const std::size_t capacity = std::max({2 * capacity_, size_ + more, kHandOffBytes + 16 * 1024});
  std::unique_ptr<char[]> data(new char[capacity]);
  if (size_ > 0) std::memcpy(data.get(), data_.get(), size_);
  data_ = std::move(data);
  capacity_ = capacity;
}

void PackedLines::add(const ContractLine& line, std::string_view segment, const std::vector<DatedAmount>& invoices,
                    const Fulfilment* fulfilment) {
  Counts counts;
  counts.segment = static_cast<std::uint32_t>(segment.size());
  counts.invoices = static_cast<std::uint32_t>(invoices.size());
  std::size_t rows = invoices.size();
  if (fulfilment != nullptr) {
    counts.fulfilment = static_cast<std::uint32_t>(fulfilment->rows.size() + 1);
    counts.fulfilment_is_percent = fulfilment->is_percent ? 1 : 0;
    rows += fulfilment->rows.size();
  }
  reserve_more(sizeof line + sizeof counts + line.id.size() + line.customer.size() + line.type.size() + segment.size() +
               rows * sizeof(DatedAmount));
  char* p = data_.get() + size_;
  auto put = [&p](const void* data, std::size_t size) {
    if (size > 0) std::memcpy(p, data, size);  // an empty view's data may be null
    p += size;
  };
  put(&line, sizeof line);
  put(&counts, sizeof counts);
  for (const std::string_view* text : its_text(line)) put(text->data(), text->size());
  put(segment.data(), segment.size());
  put(invoices.data(), invoices.size() * sizeof(DatedAmount));
  if (fulfilment != nullptr) put(fulfilment->rows.data(), fulfilment->rows.size() * sizeof(DatedAmount));
  size_ = static_cast<std::size_t>(p - data_.get());
  ++lines_;
}

}  // namespace bbb
