#include "workbook/number_formats.h"

namespace bbb {

bool is_builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

bool is_date_format_code(std::string_view code) {
  constexpr std::string_view kGeneral = "general";
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(code[i] | 0x20);  // ASCII letters in lower case
    switch (code[i]) {
      case '"': {
        const std::size_t close = code.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
        continue;
      }
      case '[': {
        const std::size_t close = code.find(']', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
        continue;
      }
      case '\\': case '_': case '*':
        ++i;
        continue;
      default:
        break;
    }
    if (c == 'g' && code.size() - i >= kGeneral.size()) {
      bool general = true;
      for (std::size_t k = 0; k < kGeneral.size(); ++k)
        if (static_cast<char>(code[i + k] | 0x20) != kGeneral[k]) general = false;
      if (general) {
        i += kGeneral.size() - 1;
        continue;
      }
    }
    if (c == 'd' || c == 'm' || c == 'y' || c == 'h' || c == 's') return true;
  }
  return false;
}

}  // namespace bbb
