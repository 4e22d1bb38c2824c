#include "session/reading_summary.h"

#include <cstdint>
#include <cstring>

namespace bbb {
namespace {

// Each piece is its length (4 bytes, as the machine orders them: both
// workers run the same build) and then its bytes.
void put(std::string& out, std::string_view piece) {
  const auto n = static_cast<std::uint32_t>(piece.size());
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out.append(piece);
}

bool take(std::string_view& in, std::string_view* piece) {
  std::uint32_t n;
  if (in.size() < sizeof n) return false;
  std::memcpy(&n, in.data(), sizeof n);
  in.remove_prefix(sizeof n);
  if (in.size() < n) return false;
  *piece = in.substr(0, n);
  in.remove_prefix(n);
  return true;
}

}  // namespace

std::string encode_reading_summary(const ReadingSummary& part) {
  std::string currencies;
  for (const CurrencyCode& c : part.rejected_currencies) currencies.append(c.view());
  std::string out;
  put(out, part.rows);
  put(out, currencies);
  put(out, part.files_and_issues);
  put(out, part.data_end ? part.data_end->iso() : std::string());
  return out;
}

bool decode_reading_summary(std::string_view bytes, ReadingSummary* out) {
  std::string_view rows, currencies, files_and_issues, data_end;
  if (!take(bytes, &rows) || !take(bytes, &currencies) || !take(bytes, &files_and_issues) || !take(bytes, &data_end))
    return false;
  if (!bytes.empty() || currencies.size() % 3 != 0) return false;
  ReadingSummary part;
  part.rows = std::string(rows);
  for (std::size_t i = 0; i < currencies.size(); i += 3) {
    CurrencyCode c;
    if (!parse_currency_code(currencies.substr(i, 3), &c)) return false;
    part.rejected_currencies.push_back(c);
  }
  part.files_and_issues = std::string(files_and_issues);
  if (!data_end.empty()) {
    Date d;
    if (!parse_iso_date(data_end, &d)) return false;
    part.data_end = d;
  }
  *out = std::move(part);
  return true;
}

}  // namespace bbb
