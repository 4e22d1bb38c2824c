#include "rows/value_mapping.h"

#include "rows/contract_line.h"
#include "rows/subscription.h"

namespace bbb {

bool ValueMapping::add(Field f, const std::string& value, const std::string& word, std::string* error) {
  if (!mappable(f)) {
    *error = std::string("values of '") + field_name(f) + "' cannot be mapped (status, type, billing, recognition or interval)";
    return false;
  }
  bool known = true;
  if (f == Field::kStatus) { Status s; known = parse_status(word, &s); }
  else if (f == Field::kBilling) { BillingKind b; known = parse_billing_kind(word, &b); }
  else if (f == Field::kRecognition) { Recognition r; known = parse_recognition(word, &r); }
  else if (f == Field::kInterval) { BillingInterval i; known = parse_interval_unit(word, &i); }
  else known = !word.empty();  // a type is any text
  if (!known) {
    *error = std::string("values: '") + word + "' is not a " + field_name(f) + " the engine reads";
    return false;
  }
  by_field_[f][value] = word;
  return true;
}

}  // namespace bbb
