#include "finance/snapshot_changes.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

namespace bbb {

void SnapshotLines::add(const ContractLine& line) {
  SnapshotLine s;
  s.id = std::string(line.id);
  s.customer = std::string(line.customer);
  s.line = line.line_number;
  s.amount = line.amount;
  s.currency = line.currency;
  s.status = line.status;
  if (line.has_booking) s.close = line.booking;
  lines_.push_back(std::move(s));
}

const char* change_kind_name(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded: return "added";
    case ChangeKind::kRemoved: return "removed";
    case ChangeKind::kWon: return "won";
    case ChangeKind::kLost: return "lost";
    case ChangeKind::kOtherStatus: return "status_changed";
    case ChangeKind::kAmountChanged: return "amount_changed";
    case ChangeKind::kSlipped: return "slipped";
    case ChangeKind::kPulledIn: return "pulled_in";
  }
  return "added";
}

namespace {

// A booking: booked, or booked and cancelled since.
bool is_booking(Status s) { return s == Status::kBooked || s == Status::kCancelled; }

void put(CurrencyChanges& c, ChangeKind kind, const SnapshotLine* before, const SnapshotLine* after, std::int64_t value) {
  ChangeCategory& category = c[kind];
  ++category.count;
  category.value += value;
  category.rows.push_back({before, after, value});
}

// The categories of a line in both exports, in the same currency.
// Returns whether it is in any.
bool classify(CurrencyChanges& c, const SnapshotLine& b, const SnapshotLine& a) {
  bool changed = false;
  if (b.status != a.status) {
    // won: a booking now that was not; lost: lost now that was not; any other move of status apart.
    const ChangeKind kind = is_booking(a.status) && !is_booking(b.status) ? ChangeKind::kWon
                            : a.status == Status::kLost                   ? ChangeKind::kLost
                                                                          : ChangeKind::kOtherStatus;
    put(c, kind, &b, &a, a.amount);
    changed = true;
  }
  if (a.amount != b.amount) {
    const std::int64_t difference = a.amount - b.amount;
    put(c, ChangeKind::kAmountChanged, &b, &a, difference);
    (difference > 0 ? c[ChangeKind::kAmountChanged].increase : c[ChangeKind::kAmountChanged].decrease) += difference;
    changed = true;
  }
  if (b.close && a.close && *a.close != *b.close) {
    put(c, *a.close > *b.close ? ChangeKind::kSlipped : ChangeKind::kPulledIn, &b, &a, a.amount);
    changed = true;
  }
  return changed;
}

}  // namespace

SnapshotChanges compare_snapshots(const SnapshotLines& before, const SnapshotLines& after,
                                  const std::set<std::string>& excluded) {
  SnapshotChanges out;
  std::unordered_map<std::string_view, const SnapshotLine*> earlier;
  earlier.reserve(before.lines().size());
  for (const SnapshotLine& b : before.lines()) {
    if (excluded.count(b.id)) { ++out.left_out_before; continue; }
    earlier.emplace(b.id, &b);
    CurrencyChanges& c = out.currencies[b.currency];
    ++c.before_count;
    c.before_value += b.amount;
  }
  for (const SnapshotLine& a : after.lines()) {
    if (excluded.count(a.id)) { ++out.left_out_after; continue; }
    CurrencyChanges& c = out.currencies[a.currency];
    ++c.after_count;
    c.after_value += a.amount;
    const auto found = earlier.find(a.id);
    if (found == earlier.end()) { put(c, ChangeKind::kAdded, nullptr, &a, a.amount); continue; }
    const SnapshotLine& b = *found->second;
    earlier.erase(found);  // what stays in `earlier` was removed
    if (b.currency == a.currency) {
      if (!classify(c, b, a)) ++c.unchanged;
    } else {
      // Another currency: amounts of two currencies are never compared, so
      // the line leaves the one and joins the other.
      put(out.currencies[b.currency], ChangeKind::kRemoved, &b, &a, b.amount);
      put(c, ChangeKind::kAdded, &b, &a, a.amount);
    }
  }
  for (const SnapshotLine& b : before.lines())  // in file order, as they were read
    if (earlier.count(b.id)) put(out.currencies[b.currency], ChangeKind::kRemoved, &b, nullptr, b.amount);

  for (auto& [currency, c] : out.currencies)
    for (ChangeCategory& category : c.categories)
      std::sort(category.rows.begin(), category.rows.end(), [](const LineChange& x, const LineChange& y) {
        const std::int64_t mx = std::llabs(x.value), my = std::llabs(y.value);
        if (mx != my) return mx > my;
        const SnapshotLine& lx = x.after ? *x.after : *x.before;
        const SnapshotLine& ly = y.after ? *y.after : *y.before;
        return lx.id < ly.id;
      });
  return out;
}

}  // namespace bbb
