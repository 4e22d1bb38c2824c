#include "bbb/line_batch.h"

namespace bbb {

void LineBatch::add(const ContractLine& line, std::string_view segment, const std::vector<DatedAmount>& invoices,
                    const Fulfilment* fulfilment) {
  Counts counts;
  counts.segment = static_cast<std::uint32_t>(segment.size());
  counts.invoices = static_cast<std::uint32_t>(invoices.size());
  if (fulfilment != nullptr) {
    counts.fulfilment = static_cast<std::uint32_t>(fulfilment->rows.size() + 1);
    counts.fulfilment_is_percent = fulfilment->is_percent ? 1 : 0;
  }
  append(&line, sizeof line);
  append(&counts, sizeof counts);
  for (const std::string_view* text : its_text(line)) append(text->data(), text->size());
  append(segment.data(), segment.size());
  append(invoices.data(), invoices.size() * sizeof(DatedAmount));
  if (fulfilment != nullptr) append(fulfilment->rows.data(), fulfilment->rows.size() * sizeof(DatedAmount));
  ++lines_;
}

}  // namespace bbb
