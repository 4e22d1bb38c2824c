// Dense ids for the customers of one currency (spec 12 keeps MRR per
// customer): one hash lookup per line that has MRR, through a reused key
// buffer, so a customer already seen costs no allocation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bbb {

class CustomerIds {
 public:
  // The id of a line's customer; a line without one is its own customer,
  // under its line id (kept apart from any customer of that name).
  std::uint32_t of(std::string_view customer, std::string_view line_id) {
    key_.assign(customer.empty() ? "\1" : "\2");
    key_.append(customer.empty() ? line_id : customer);
    const auto found = ids_.find(key_);
    if (found != ids_.end()) return found->second;
    const auto id = static_cast<std::uint32_t>(ids_.size());
    ids_.emplace(key_, id);
    return id;
  }
  std::size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::string key_;
};

}  // namespace bbb
