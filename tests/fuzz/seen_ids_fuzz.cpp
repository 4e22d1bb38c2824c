// seen_ids_fuzz: duplicate detection's memory of ids (core/include/bbb/duplicate_ids.h)
// against a plain map of every id. The input is a program: each byte pair
// picks an id's shape (a family's next number, a jump, another width or
// prefix, a number past 18 digits, text with no number) and how far the
// line moves, so the fuzzer can drive runs to extend, split, overlap and
// move to the fingerprint table. Any answer that differs from the map's is
// a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "fast/duplicate_ids.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bbb::DuplicateIds seen;
  std::unordered_map<std::string, std::int64_t> first;
  std::int64_t line = 1;
  std::int64_t stride = 1;  // lines from one id to the next, changed now and then
  std::uint64_t next = 0;
  const auto check = [&](const std::string& id) {
    const auto [it, added] = first.try_emplace(id, line);
    const std::uint32_t want = added ? 0 : static_cast<std::uint32_t>(it->second);
    if (seen.insert(id, line) != want) std::abort();
  };
  for (std::size_t i = 0; i + 1 < size; i += 2) {
    const std::uint8_t op = data[i], arg = data[i + 1];
    // Now and then a blank line or a line break in quotes.
    const std::int64_t skip = (op & 0xF0) == 0xF0 ? 1 + (arg & 3) : 0;
    switch (op & 7) {
      case 0: case 1: case 2:  // in order, one to four ids
        for (int k = 0; k <= (arg & 3); ++k) { line += stride; check("L" + std::to_string(next++)); }
        break;
      case 3:  // a jump, often back into numbers seen
        next = static_cast<std::uint64_t>(arg) * 7;
        line += stride + skip;
        check("L" + std::to_string(next++));
        break;
      case 4: line += stride + skip; check("L0" + std::to_string(arg)); break;  // another width
      case 5:  // a second numbering beside the first, and a new stride
        stride = 1 + arg % 3;
        line += stride + skip;
        check("M" + std::to_string(next));
        break;
      case 6:
        line += stride + skip;
        check(arg < 128 ? "P" + std::to_string(arg % 24) + "-" + std::to_string(arg / 24)  // many prefixes
                        : "9999999999999999999" + std::to_string(arg % 10));            // past 18 digits
        break;
      default: line += stride + skip; check(std::string(1, static_cast<char>('a' + arg % 26)) + "x"); break;  // no number
    }
  }
  if (seen.size() != first.size()) std::abort();
  return 0;
}
