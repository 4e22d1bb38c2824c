#include "fast/duplicate_ids.h"

#include <iterator>

#include "fast/eight_digits.h"

namespace bbb {
namespace {

// Past 18 digits a number may not fit 64 bits; such ids go to the table.
constexpr int kMaxDigits = 18;
constexpr std::size_t kMaxPrefix = 64;
// A family's runs are judged once it has this many: from then on they must
// hold four ids each on average (16 bytes an id at most), or the family's
// ids move to the table.
constexpr std::size_t kRunsBeforeJudging = 256;

}  // namespace

DuplicateIds::Route DuplicateIds::route(std::string_view id) {
  Route r;
  // The usual case: the same prefix and width as the id before. The
  // digits are checked and read in one pass, the prefix compared byte by
  // byte (a memcmp is a call in WebAssembly, and prefixes are short).
  if (last_family_ >= 0) {
    const Family& f = families_[static_cast<std::size_t>(last_family_)];
    const std::size_t prefix_size = f.prefix.size();
    if (!f.in_table && id.size() == prefix_size + static_cast<std::size_t>(f.digits)) {
      bool same = true;
      for (std::size_t i = 0; i < prefix_size && same; ++i) same = id[i] == f.prefix[i];
      std::uint64_t number = 0;
      std::size_t i = prefix_size;
      // The last eight digits (most ids have at least that many) as one word.
      const std::size_t singles = id.size() - i >= 8 ? id.size() - 8 : id.size();
      for (; i < singles && same; ++i) {
        const unsigned digit = static_cast<unsigned char>(id[i] - '0');
        same = digit < 10;
        number = number * 10 + digit;
      }
      if (same && i < id.size()) {
        const std::uint64_t word = load_eight(id.data() + i);
        same = eight_digits(word);
        number = number * 100000000 + eight_digits_value(word);
      }
      // A family's prefix never ends in a digit (its digits are all the
      // trailing ones), so the same prefix and width is the same family.
      if (same) {
        r.family = last_family_;
        r.number = number;
        return r;
      }
    }
  }
  std::size_t digits = 0;
  while (digits < id.size() && static_cast<unsigned char>(id[id.size() - 1 - digits] - '0') < 10) ++digits;
  const std::size_t prefix_size = id.size() - digits;
  if (digits >= 1 && digits <= kMaxDigits && prefix_size <= kMaxPrefix) {
    r.family = family_of(id.substr(0, prefix_size), static_cast<int>(digits));
    if (r.family >= 0 && !families_[static_cast<std::size_t>(r.family)].in_table) {
      for (std::size_t i = prefix_size; i < id.size(); ++i) r.number = r.number * 10 + static_cast<unsigned>(id[i] - '0');
      return r;
    }
  }
  r.family = -1;
  r.key = fingerprint(id);
  table_.prefetch(r.key);
  return r;
}

int DuplicateIds::family_of(std::string_view prefix, int digits) {
  const auto is = [&](const Family& f) { return f.digits == digits && f.prefix == prefix; };
  if (last_family_ >= 0 && is(families_[static_cast<std::size_t>(last_family_)])) return last_family_;
  // Reserved whole: a family never moves, so its runs' iterators stay valid.
  if (families_.empty()) families_.reserve(kMaxFamilies);
  for (std::size_t i = 0; i < families_.size(); ++i)
    if (is(families_[i])) return last_family_ = static_cast<int>(i);
  // Once the families are all taken, a new one is never made: its ids go to
  // the table from the first, so an id's route never changes.
  if (families_.size() == kMaxFamilies) return -1;
  Family f;
  f.prefix = std::string(prefix);
  f.digits = digits;
  families_.push_back(std::move(f));
  return last_family_ = static_cast<int>(families_.size() - 1);
}

std::uint32_t DuplicateIds::insert(const Route& route, std::int64_t line) {
  if (route.family < 0) return table_.insert_key(route.key, line);
  return insert_in_runs(families_[static_cast<std::size_t>(route.family)], route.number, line);
}

std::uint32_t DuplicateIds::insert_in_runs(Family& f, std::uint64_t n, std::int64_t line) {
  // The usual case: the next number, the run's step of lines further on
  // (the second number of a run sets the step), past every other run.
  if (!f.runs.empty()) {
    const auto c = f.current;
    Run& run = c->second;
    const std::int64_t step = run.step != 0 ? run.step : line - run.first_line;
    if (n == run.last + 1 && step > 0 && line == run.line_of(c->first, n, step)) {
      const auto next = std::next(c);
      if (next == f.runs.end() || next->first > n) {
        run.last = n;
        run.step = step;
        ++f.ids;
        return 0;
      }
    }
  }
  return insert_off_run(f, n, line);
}

std::uint32_t DuplicateIds::insert_off_run(Family& f, std::uint64_t n, std::int64_t line) {
  // Inside the run that starts at or before n, or a run of its own.
  const auto after = f.runs.upper_bound(n);
  if (after != f.runs.begin()) {
    const auto before = std::prev(after);
    const Run& run = before->second;
    if (n <= run.last) return IdFingerprintTable::line_word(run.line_of(before->first, n));
  }
  f.current = f.runs.emplace_hint(after, n, Run{n, line, 0});
  ++f.ids;
  if (f.runs.size() > kRunsBeforeJudging && f.runs.size() * 4 > f.ids) move_to_table(f);
  return 0;
}

void DuplicateIds::move_to_table(Family& f) {
  std::string id = f.prefix + std::string(static_cast<std::size_t>(f.digits), '0');
  for (const auto& [first, run] : f.runs) {
    for (std::uint64_t n = first;; ++n) {
      std::uint64_t v = n;
      for (std::size_t i = id.size(); i > f.prefix.size(); --i, v /= 10) id[i - 1] = static_cast<char>('0' + v % 10);
      table_.insert(id, run.line_of(first, n));
      if (n == run.last) break;
    }
  }
  f.runs.clear();
  f.in_table = true;
}

std::size_t DuplicateIds::size() const {
  std::size_t n = table_.size();
  for (const Family& f : families_)
    if (!f.in_table) n += f.ids;
  return n;
}

std::size_t DuplicateIds::runs() const {
  std::size_t n = 0;
  for (const Family& f : families_) n += f.runs.size();
  return n;
}

std::size_t DuplicateIds::memory_bytes() const {
  // A map node: the run, its key, three links and a colour (an estimate).
  constexpr std::size_t kNodeBytes = sizeof(Run) + sizeof(std::uint64_t) + 4 * sizeof(void*);
  return table_.memory_bytes() + runs() * kNodeBytes + families_.capacity() * sizeof(Family);
}

}  // namespace bbb
