// What a dropped file is, from its first bytes and its name: text for the
// CSV reader, a zip for the workbook reader, or a file neither reads, with
// the sentence that says what to do with it.
#pragma once

#include <string>
#include <string_view>

namespace bbb {

enum class Container { kText, kXlsx /* a zip */, kOther };

struct ContainerGuess {
  Container container = Container::kText;
  std::string refusal;  // a plain sentence when the file cannot be read
};

// head: the file's first bytes (up to 4096). A zip is kXlsx (the workbook
// reader refuses the zips it does not read once it has their directory); an
// OLE compound file is an Excel 97-2003 workbook or a password-protected
// one, refused; the rest is text, for the CSV reader to decide.
ContainerGuess detect_container(std::string_view head, std::string_view file_name);

}  // namespace bbb
