// The last few distinct texts of a keyword column and what they read as.
// A column like status or billing holds a handful of values written the
// same way row after row; a hit costs a few integer compares instead of
// folding the text and trying every accepted word.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace bbb {

template <class T, std::size_t kEntries = 8>
class RecentKeywords {
 public:
  // *out = what `text` reads as, through parse(text, out) the first time
  // a text is seen; false (and nothing remembered) when parse fails.
  template <class Parse>
  bool read(std::string_view text, T* out, Parse parse) {
    Key key;
    const bool fits = key.set(text);
    if (fits) {
      for (std::size_t i = 0; i < used_; ++i) {
        if (entries_[i].key == key) {
          *out = entries_[i].value;
          return true;
        }
      }
    }
    if (!parse(text, out)) return false;
    if (fits) {
      entries_[next_] = {key, *out};
      next_ = (next_ + 1) % kEntries;
      if (used_ < kEntries) ++used_;
    }
    return true;
  }

 private:
  // Up to 16 bytes of text and its length, read as two (overlapping)
  // fixed-size loads instead of a copy of variable length: with the length
  // in the key, the loads cover every byte, so equal keys are equal texts.
  struct Key {
    std::uint64_t words[2] = {0, 0};
    std::size_t size = 0;
    bool set(std::string_view text) {
      const char* p = text.data();
      const std::size_t n = text.size();
      if (n > sizeof words) return false;
      size = n;
      if (n >= 8) {
        words[0] = load<std::uint64_t>(p);
        words[1] = load<std::uint64_t>(p + n - 8);
      } else if (n >= 4) {
        words[0] = load<std::uint32_t>(p) | std::uint64_t{load<std::uint32_t>(p + n - 4)} << 32;
      } else {
        for (std::size_t i = 0; i < n; ++i) words[0] |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
      }
      return true;
    }
    template <class W>
    static W load(const char* p) {
      W w;
      std::memcpy(&w, p, sizeof w);
      return w;
    }
    // One test, not three: which part of two keys differs follows the
    // column's values, which no branch predictor learns.
    friend bool operator==(const Key& a, const Key& b) {
      return ((a.size ^ b.size) | (a.words[0] ^ b.words[0]) | (a.words[1] ^ b.words[1])) == 0;
    }
  };
  struct Entry {
    Key key;
    T value{};
  };
  Entry entries_[kEntries];
  std::size_t used_ = 0, next_ = 0;
};

}  // namespace bbb
