// A ratio of two integers rounded half away from zero to four decimals,
// computed exactly (so native and WebAssembly builds print the same
// digits); none when the divisor is 0.
#pragma once

#include <cstdint>
#include <optional>

namespace bbb {

struct Ratio {
  std::int64_t ten_thousandths = 0;
};
std::optional<Ratio> ratio_of(std::int64_t numerator, std::int64_t denominator);

}  // namespace bbb
