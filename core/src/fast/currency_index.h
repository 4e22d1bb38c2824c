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

#include "fast/cold_path.h"
#include "values/money.h"

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
    return find_or_make(map, currency, make, &slot);
  }

 private:
  // The first time a currency is asked for, or when its slot holds another:
  // out of line, with the map's insertion, so that the code a row runs stays small.
  template <class Map, class Make>
  BBB_OUT_OF_LINE Value& find_or_make(Map& map, const CurrencyCode& currency, Make make, std::uint8_t* slot_of_key) {
    std::uint8_t& slot = *slot_of_key;
    const std::uint32_t key = currency.key();
    std::size_t i = 0;
    while (i < entries_.size() && entries_[i].key != key) ++i;
    if (i == entries_.size()) entries_.push_back({key, &make(map, currency)});
    if (i < 255) slot = static_cast<std::uint8_t>(i + 1);  // two codes in one slot take turns
    return *entries_[i].value;
  }

  struct Entry {
    std::uint32_t key;  // CurrencyCode::key()
    Value* value;
  };
  std::vector<Entry> entries_;
  std::uint8_t slot_[64] = {};  // an entry's place + 1, 0: not yet
};

}  // namespace bbb
