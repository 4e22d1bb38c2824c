#include "workbook/container_check.h"

#include "workbook/ascii_case.h"

namespace bbb {

namespace {

constexpr std::string_view kZipSignature("PK\x03\x04", 4);
constexpr std::string_view kEmptyZipSignature("PK\x05\x06", 4);
constexpr std::string_view kCompoundFileSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
// The stream an encrypted OOXML file keeps in its compound file, named in UTF-16LE.
constexpr std::string_view kEncryptionInfo("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28);

}  // namespace

ContainerGuess detect_container(std::string_view head, std::string_view file_name) {
  if (head.substr(0, 4) == kZipSignature || head.substr(0, 4) == kEmptyZipSignature) return {Container::kXlsx, ""};
  if (head.substr(0, kCompoundFileSignature.size()) == kCompoundFileSignature) {
    if (ends_with_ignoring_case(file_name, ".xlsx") || ends_with_ignoring_case(file_name, ".xlsm") ||
        head.find(kEncryptionInfo) != std::string_view::npos)
      return {Container::kOther,
              "a password-protected workbook: open it in Excel, remove the password (File > Info > Protect "
              "Workbook) and save it again"};
    return {Container::kOther, "an Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx or CSV"};
  }
  return {Container::kText, ""};
}

}  // namespace bbb
