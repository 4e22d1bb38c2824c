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
class KeywordMemo {
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
  // Up to 16 bytes of text, zero-padded, and its length.
  struct Key {
    std::uint64_t words[2] = {0, 0};
    std::size_t size = 0;
    bool set(std::string_view text) {
      if (text.size() > sizeof words) return false;
      size = text.size();
      std::memcpy(words, text.data(), text.size());
      return true;
    }
    friend bool operator==(const Key& a, const Key& b) {
      return a.size == b.size && a.words[0] == b.words[0] && a.words[1] == b.words[1];
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
