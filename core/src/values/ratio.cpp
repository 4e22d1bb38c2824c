#include "values/ratio.h"

namespace bbb {

std::optional<Ratio> ratio_of(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  __int128 n = static_cast<__int128>(numerator) * 10000;
  __int128 d = denominator;
  if (d < 0) { n = -n; d = -d; }
  // Half away from zero.
  const __int128 q = n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
  return Ratio{static_cast<std::int64_t>(q)};
}

}  // namespace bbb
