// A number cell's stored text (`45362.12`, `4.5362119999999997E4`,
// `0.30000000000000004`) as the plain decimal text Excel shows: the stored
// digits rounded to 15 significant digits, with decimal text arithmetic
// only, never through a double, so that it is read exactly.
#pragma once

#include <string>
#include <string_view>

namespace bbb {

// Excel keeps and shows 15 significant digits; past them a stored number's
// digits are the binary artefact of a double (0.30000000000000004).
constexpr int kExcelSignificantDigits = 15;

// Writes `stored` as plain decimal text: no exponent, no '+', no leading
// zeros, no trailing fraction zeros or '.', rounded half away from zero to
// 15 significant digits; "-0" is "0". False (and *out untouched) when
// `stored` is no decimal number or its exponent is past any a double has.
bool clean_number_text(std::string_view stored, std::string* out);

}  // namespace bbb
