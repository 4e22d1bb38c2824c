// floor(a * w / W) for w = w0, w0 + s, w0 + 2s, ... one after another,
// exact for any sign, without a division per step: the quotient is carried
// with its remainder (a revenue or a billed total month after month).
#pragma once

#include <cstdint>

namespace bbb {

class StepwiseQuotient {
 public:
  // The first value is floor(a * w0 / W); each next() adds s to w. W > 0.
  StepwiseQuotient(std::int64_t a, std::int64_t w0, std::int64_t s, std::int64_t W) : divisor_(W) {
    floor_divide(static_cast<__int128>(a) * w0, &q_, &r_);
    floor_divide(static_cast<__int128>(a) * s, &dq_, &dr_);
  }
  std::int64_t value() const { return q_; }
  // The value with s added to w once more.
  std::int64_t next() {
    r_ += dr_;
    // Branch-free: whether a step carries follows the remainders, which no predictor learns.
    const std::int64_t carry = r_ >= divisor_;
    r_ -= divisor_ & -carry;
    q_ += dq_ + carry;
    return q_;
  }
  // floor(a * s / W): what every step adds, or one more.
  std::int64_t step_floor() const { return dq_; }

 private:
  // n = q * W + r with 0 <= r < W; 64-bit arithmetic when n fits (a 128-bit
  // division is a library call on some targets).
  void floor_divide(__int128 n, std::int64_t* q, std::int64_t* r) const {
    if (n >= INT64_MIN && n <= INT64_MAX) {
      const std::int64_t m = static_cast<std::int64_t>(n);
      *q = m / divisor_;
      *r = m % divisor_;
    } else {
      *q = static_cast<std::int64_t>(n / divisor_);
      *r = static_cast<std::int64_t>(n % divisor_);
    }
    if (*r < 0) { *r += divisor_; *q -= 1; }
  }

  std::int64_t divisor_;
  std::int64_t q_ = 0, r_ = 0;
  std::int64_t dq_ = 0, dr_ = 0;
};

}  // namespace bbb
