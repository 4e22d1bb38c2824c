// The directory of a zip archive (PKWARE APPNOTE 4.3): found from the end of
// the file, so that parts can be read in any order. A workbook writes its
// sheets before the shared strings and styles they need.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bbb {

// The end record is 22 bytes and its comment at most 65,535: it is in the last 65,557 bytes.
constexpr std::uint64_t kZipTailBytes = 22 + 65535;
constexpr std::uint64_t kZipLocalHeaderBytes = 30;
constexpr std::uint64_t kZip64EndRecordBytes = 56;

constexpr std::uint16_t kZipStored = 0;
constexpr std::uint16_t kZipDeflated = 8;

struct ZipEntry {
  std::string name;  // as stored, a '\' read as '/'
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;
  std::uint64_t header_offset = 0;  // of its local header, in the file

  bool encrypted() const { return (flags & 1) != 0; }
  bool is_folder() const { return !name.empty() && name.back() == '/'; }
};

// Where the directory is, as the end of the archive says.
struct ZipEnd {
  std::uint64_t directory_offset = 0;
  std::uint64_t directory_size = 0;
  std::uint64_t entries = 0;
  std::uint64_t end_offset = 0;  // where the directory ends at the latest: the end record (or the ZIP64 one)
  bool needs_zip64_record = false;  // the fields above are in the ZIP64 end record at zip64_record_offset
  std::uint64_t zip64_record_offset = 0;
};

// Each returns false with a sentence in *error ("the workbook is damaged: ...").

// Finds the end of central directory record in the file's last bytes (`tail`, at tail_offset in the file).
bool read_zip_end(std::string_view tail, std::uint64_t tail_offset, ZipEnd* end, std::string* error);
// Reads the 56-byte ZIP64 end record.
bool read_zip64_end(std::string_view record, ZipEnd* end, std::string* error);
bool read_zip_directory(std::string_view directory, std::vector<ZipEntry>* entries, std::string* error);
// Where an entry's data starts, from its 30-byte local header.
bool zip_data_offset(std::string_view local_header, const ZipEntry& entry, std::uint64_t* data_offset,
                     std::string* error);

}  // namespace bbb
