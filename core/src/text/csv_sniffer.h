// Decisions the CSV reader takes once, from the sample at the head of a file:
// encoding, binary input, Excel's "sep=" line and the delimiter. Pure
// functions over a sample so that each rule can be tested on its own.
// Each is a call of its own (BBB_COLD): inlined, their loops over the 64
// KiB sample made the run-once CsvReader start "hot" in V8, which then
// optimised all of it (4 KB of wasm, 14-23 ms of compile on the two cores a
// small file's report waits on) for a function that never runs again.
#pragma once

#include <cstddef>
#include <string_view>

#include "fast/cold_path.h"
#include "text/csv_reader.h"  // Encoding

namespace bbb {

struct EncodingChoice {
  Encoding encoding = Encoding::kUtf8;
  std::size_t bom_size = 0;             // bytes to skip at the start
  bool assumed_windows_1252 = false;    // chosen because the sample is not UTF-8
};

// `raw` is the start of the file (up to 64 KiB, or all of it when
// `is_whole_file`). A forced encoding is kept; only a BOM of that same
// encoding is skipped. In auto mode:
//   1. BOM EF BB BF -> UTF-8; FF FE -> UTF-16LE; FE FF -> UTF-16BE.
//   2. No BOM but NUL bytes laid out like UTF-16 text (nearly every other
//      byte NUL, the others not) -> UTF-16LE or BE.
//   3. Valid UTF-8 (a character cut by the end of a partial sample is fine)
//      -> UTF-8; otherwise Windows-1252, flagged assumed_windows_1252.
BBB_COLD EncodingChoice choose_encoding(std::string_view raw, Encoding forced, bool is_whole_file);

// True when the decoded sample does not look like text: it starts as a
// known binary format does, or more than 1 byte in 20 is a NUL or a C0
// control character other than tab, LF, CR, form feed, Ctrl-Z and the
// configured delimiter. A stray control byte in text is not enough: the
// row that holds it is rejected instead (one rule wherever it is).
BBB_COLD bool looks_binary(std::string_view utf8_sample, char delimiter_option);
// What a sample's first bytes say a binary file is ("a PNG image"), or null.
const char* binary_kind(std::string_view sample);

// Length of Excel's "sep=X" first line, line end included ("sep" in any
// case; X any byte but a quote or a line end, followed by a line end or the
// end of the file), or 0 when the text does not start with one.
BBB_COLD std::size_t sep_line_length(std::string_view utf8_text, char* delimiter);

// Delimiter among , ; \t | for the decoded text after any sep= line. Each
// candidate is counted outside quotes in the first 20 non-blank records
// (the last record is left out when the sample is cut, unless it is the only
// one). With h = its count in the first record (the header), a candidate
// needs h > 0; it is "consistent" when at least 80% of the records hold
// exactly h. The consistent candidate with the highest h wins; when none is
// consistent, the one with the most records matching h (then highest h).
// Ties go to the order , ; \t |. No candidate with h > 0: ',' (one column).
BBB_COLD char detect_delimiter(std::string_view utf8_text, bool is_whole_file);

}  // namespace bbb
