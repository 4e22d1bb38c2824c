#include "rows/value_census.h"

#include <algorithm>

#include "rows/contract_line.h"
#include "rows/subscription.h"

namespace bbb {

bool ValueCensus::kept(Field f) {
  return f == Field::kStatus || f == Field::kType || f == Field::kBilling || f == Field::kRecognition ||
         f == Field::kInterval;
}

void ValueCensus::begin(const ColumnMapping& mapping) {
  columns_.clear();
  for (int i = 0; i < static_cast<int>(Field::kCount); ++i) {
    const Field f = static_cast<Field>(i);
    if (!kept(f) || !mapping.has(f)) continue;
    columns_.emplace_back();
    columns_.back().column.field = f;
  }
}

void ValueCensus::count(std::size_t slot, std::string_view text, const CurrencyCode& currency, const std::int64_t* amount) {
  Slot& s = columns_[slot];
  if (text.size() > kMaxValueBytes) {
    std::size_t cut = kMaxValueBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    text = text.substr(0, cut);
  }
  std::size_t at = SIZE_MAX;
  s.recent.read(text, &at, [&s](std::string_view t, std::size_t* out) {
    const auto found = s.index.find(std::string(t));
    if (found != s.index.end()) { *out = found->second; return true; }
    if (s.column.values.size() == kMaxValues) return false;  // past the list: never remembered
    *out = s.column.values.size();
    s.index.emplace(std::string(t), *out);
    s.column.values.push_back({std::string(t), 0, {}});
    return true;
  });
  if (at == SIZE_MAX) {
    s.column.other_rows++;
    if (s.others.size() < 10 * kMaxValues && s.others.emplace(std::string(text), true).second) s.column.other_values++;
    return;
  }
  Value& v = s.column.values[at];
  v.rows++;
  if (amount == nullptr) return;
  for (auto& [c, sum] : v.amounts)
    if (c == currency) { sum += *amount; return; }
  v.amounts.emplace_back(currency, *amount);
}

std::vector<ValueCensus::Column> ValueCensus::columns() const {
  std::vector<Column> out;
  for (const Slot& s : columns_) {
    out.push_back(s.column);
    for (Value& v : out.back().values) std::sort(v.amounts.begin(), v.amounts.end());
    std::stable_sort(out.back().values.begin(), out.back().values.end(),
                     [](const Value& a, const Value& b) { return a.rows != b.rows ? a.rows > b.rows : a.text < b.text; });
  }
  return out;
}

std::string value_reading(FileKind kind, Field f, std::string_view value) {
  switch (f) {
    case Field::kStatus: {
      if (kind == FileKind::kSubscriptions) {
        SubscriptionStatus sub;
        if (!parse_subscription_status(value, &sub)) return "";
        return sub == SubscriptionStatus::kNeverStarted ? "never started" : sub == SubscriptionStatus::kInTrial ? "in trial" : "started";
      }
      Status s;
      return parse_status(value, &s) ? status_name(s) : "";
    }
    case Field::kBilling: {
      BillingKind b;
      return parse_billing_kind(value, &b) ? billing_kind_name(b) : "";
    }
    case Field::kRecognition: {
      Recognition r;
      return parse_recognition(value, &r) ? recognition_name(r) : "";
    }
    case Field::kType: {
      DealType t;
      parse_deal_type(value, &t);
      return std::string(deal_type_word(t, value));
    }
    case Field::kInterval: {
      BillingInterval i;
      if (!parse_interval_unit(value, &i)) return "";
      const char* unit = i.unit == IntervalUnit::kDay ? "day" : i.unit == IntervalUnit::kWeek ? "week" : "month";
      return i.count == 1 ? unit : std::to_string(i.count) + " " + unit + "s";
    }
    default: return "";
  }
}

}  // namespace bbb
