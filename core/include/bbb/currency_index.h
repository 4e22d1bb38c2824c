// A currency's entry in a map keyed by currency, found through a slot
// chosen by the code's hash instead of a map lookup a row. Files hold a
// handful of currencies mixed row by row, so a scan's exit would depend
// on the row's currency (a branch no predictor learns); one load and one
// compare that is nearly always true replace it. std::map keeps its
// entries where they are, so the pointers stay valid.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "bbb/money.h"

namespace bbb {

template <class Value>
class CurrencyIndex {
 public:
  // The entry of `currency` in `map`, made by make(map, currency) when
  // first asked for, as the map's operator[] would.
  template <class Map, class Make>
  Value& find(Map& map, const CurrencyCode& currency, Make make) {
    const std::uint32_t key = currency.key();
    std::uint8_t& slot = slot_[(key * 2654435761u) >> 26];
    if (slot != 0 && entries_[slot - 1u].key == key) return *entries_[slot - 1u].value;
    std::size_t i = 0;
    while (i < entries_.size() && entries_[i].key != key) ++i;
    if (i == entries_.size()) entries_.push_back({key, &make(map, currency)});
    if (i < 255) slot = static_cast<std::uint8_t>(i + 1);  // two codes in one slot take turns
    return *entries_[i].value;
  }

 private:
  struct Entry {
    std::uint32_t key;  // CurrencyCode::key()
    Value* value;
  };
  std::vector<Entry> entries_;
  std::uint8_t slot_[64] = {};  // an entry's place + 1, 0: not yet
};

}  // namespace bbb
