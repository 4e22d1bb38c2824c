// libFuzzer target for CsvReader. The first two bytes of the input choose
// the options and a chunk size; the rest is the file. Besides crashes, leaks
// and undefined behaviour, it checks the reader's promises:
// - the same records and issues whether the file comes in one feed() call or
//   in chunks of the chosen size;
// - every field is valid UTF-8;
// - a "not_text" file gives that one issue and no records.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "text/csv_reader.h"
#include "text/text_decoder.h"

namespace {

// Everything that came out, in order, as text.
std::vector<std::string> read_all(const bbb::CsvOptions& options, const std::uint8_t* data, std::size_t size,
                                  std::size_t chunk) {
  std::vector<std::string> events;
  std::size_t records = 0;
  bool not_text = false;
  bbb::CsvReader reader(
      options,
      [&](const bbb::CsvRecord& r) {
        ++records;
        std::string e = "R" + std::to_string(r.line);
        for (std::size_t i = 0; i < r.field_count; ++i) {
          if (!bbb::is_valid_utf8(r.field(i))) {
            std::fprintf(stderr, "invalid UTF-8 in line %lld field %zu\n", static_cast<long long>(r.line), i + 1);
            std::abort();
          }
          e += '|';
          e.append(r.field(i));
        }
        events.push_back(std::move(e));
      },
      [&](const bbb::CsvIssue& i) {
        if (i.code == "not_text") not_text = true;
        events.push_back("I" + std::to_string(i.line) + ":" + std::to_string(i.column) + i.severity + i.code);
      });
  const char* bytes = reinterpret_cast<const char*>(data);
  for (std::size_t at = 0; at < size; at += chunk) reader.feed(bytes + at, std::min(chunk, size - at));
  reader.finish();
  if (not_text && (records != 0 || events.size() != 1)) {
    std::fprintf(stderr, "not_text came with other output\n");
    std::abort();
  }
  if (reader.bytes_fed() != size) std::abort();
  return events;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::uint8_t config = data[0];
  const std::size_t chunk = 1 + data[1] % 67;
  data += 2;
  size -= 2;

  static const bbb::Encoding kEncodings[] = {bbb::Encoding::kAuto, bbb::Encoding::kAuto, bbb::Encoding::kUtf8,
                                             bbb::Encoding::kUtf16Le, bbb::Encoding::kUtf16Be,
                                             bbb::Encoding::kWindows1252, bbb::Encoding::kAuto,
                                             bbb::Encoding::kAuto};
  static const char kDelimiters[] = {0, 0, ',', ';', '\t', '|', '\x1f', '"'};
  bbb::CsvOptions options;
  options.encoding = kEncodings[config & 7];
  options.delimiter = kDelimiters[(config >> 3) & 7];
  if (config & 0x40) options.max_record_bytes = 48;  // reach the record cap
  if (config & 0x80) options.sample_bytes = 8;       // reach the post-sample paths

  const std::vector<std::string> whole = read_all(options, data, size, size == 0 ? 1 : size);
  const std::vector<std::string> cut = read_all(options, data, size, chunk);
  if (whole != cut) {
    std::fprintf(stderr, "chunk size %zu changed the output\n", chunk);
    for (std::size_t i = 0; i < whole.size() || i < cut.size(); ++i) {
      if (i < whole.size() && i < cut.size() && whole[i] == cut[i]) continue;
      std::fprintf(stderr, "first difference at event %zu:\n  whole: %s\n  cut:   %s\n", i,
                   i < whole.size() ? whole[i].c_str() : "(none)", i < cut.size() ? cut[i].c_str() : "(none)");
      break;
    }
    std::abort();
  }
  return 0;
}
