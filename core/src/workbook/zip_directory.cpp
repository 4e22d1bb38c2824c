#include "workbook/zip_directory.h"

namespace bbb {

namespace {

constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::uint32_t kZip64EndSignature = 0x06064b50;
constexpr std::uint32_t kDirectorySignature = 0x02014b50;
constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint64_t kEndBytes = 22;
constexpr std::uint64_t kZip64LocatorBytes = 20;
constexpr std::uint64_t kDirectoryEntryBytes = 46;

std::uint64_t le(std::string_view s, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
  return v;
}
std::uint16_t u16(std::string_view s, std::size_t at) { return static_cast<std::uint16_t>(le(s, at, 2)); }
std::uint32_t u32(std::string_view s, std::size_t at) { return static_cast<std::uint32_t>(le(s, at, 4)); }
std::uint64_t u64(std::string_view s, std::size_t at) { return le(s, at, 8); }

bool damaged(std::string* error, const char* what) {
  *error = std::string("the workbook is damaged: ") + what;
  return false;
}

// The end record's position in tail: the last one whose comment ends the
// file, else the last one whose comment fits (bytes were appended after it).
std::size_t find_end_record(std::string_view tail) {
  std::size_t fitting = std::string_view::npos;
  if (tail.size() < kEndBytes) return fitting;
  for (std::size_t at = tail.size() - kEndBytes + 1; at-- > 0;) {
    if (u32(tail, at) != kEndSignature) continue;
    const std::size_t comment_end = at + kEndBytes + u16(tail, at + 20);
    if (comment_end == tail.size()) return at;
    if (comment_end < tail.size() && fitting == std::string_view::npos) fitting = at;
  }
  return fitting;
}

// Reads an entry's ZIP64 extra field: the 64-bit values of the fields that hold 0xFFFFFFFF.
void read_zip64_extra(std::string_view extra, ZipEntry* e, bool size64, bool compressed64, bool offset64) {
  for (std::size_t at = 0; at + 4 <= extra.size();) {
    const std::uint16_t id = u16(extra, at);
    const std::size_t length = u16(extra, at + 2);
    const std::string_view data = extra.substr(at + 4, length);
    at += 4 + length;
    if (id != kZip64ExtraId) continue;
    std::size_t field = 0;
    const auto next = [&](std::uint64_t* out) {
      if (field + 8 <= data.size()) *out = u64(data, field);
      field += 8;
    };
    if (size64) next(&e->size);
    if (compressed64) next(&e->compressed_size);
    if (offset64) next(&e->header_offset);
    return;
  }
}

}  // namespace

bool read_zip_end(std::string_view tail, std::uint64_t tail_offset, ZipEnd* end, std::string* error) {
  const std::size_t at = find_end_record(tail);
  if (at == std::string_view::npos) {
    *error = "the file is not a readable zip archive: it has no zip directory (it may be cut short)";
    return false;
  }
  if (u16(tail, at + 4) != 0 || u16(tail, at + 6) != 0)
    return damaged(error, "it is one part of a split zip archive");
  end->entries = u16(tail, at + 10);
  end->directory_size = u32(tail, at + 12);
  end->directory_offset = u32(tail, at + 16);
  end->end_offset = tail_offset + at;
  const bool zip64 = end->entries == 0xFFFF || end->directory_size == 0xFFFFFFFF ||
                     end->directory_offset == 0xFFFFFFFF;
  if (at >= kZip64LocatorBytes && u32(tail, at - kZip64LocatorBytes) == kZip64LocatorSignature) {
    end->needs_zip64_record = true;
    end->zip64_record_offset = u64(tail, at - kZip64LocatorBytes + 8);
    if (end->zip64_record_offset + kZip64EndRecordBytes > tail_offset + at - kZip64LocatorBytes)
      return damaged(error, "its ZIP64 end record is out of place");
    end->end_offset = end->zip64_record_offset;
  } else if (zip64) {
    return damaged(error, "its ZIP64 end record is missing");
  }
  if (!end->needs_zip64_record &&
      (end->directory_offset > end->end_offset || end->directory_size > end->end_offset - end->directory_offset))
    return damaged(error, "its zip directory is out of place");
  return true;
}

bool read_zip64_end(std::string_view record, ZipEnd* end, std::string* error) {
  if (record.size() < kZip64EndRecordBytes || u32(record, 0) != kZip64EndSignature)
    return damaged(error, "its ZIP64 end record is missing");
  if (u32(record, 16) != 0 || u32(record, 20) != 0) return damaged(error, "it is one part of a split zip archive");
  end->entries = u64(record, 32);
  end->directory_size = u64(record, 40);
  end->directory_offset = u64(record, 48);
  end->needs_zip64_record = false;
  if (end->directory_offset > end->end_offset || end->directory_size > end->end_offset - end->directory_offset)
    return damaged(error, "its zip directory is out of place");
  return true;
}

bool read_zip_directory(std::string_view d, std::vector<ZipEntry>* entries, std::string* error) {
  entries->clear();
  std::size_t at = 0;
  while (at + kDirectoryEntryBytes <= d.size() && u32(d, at) == kDirectorySignature) {
    ZipEntry e;
    e.flags = u16(d, at + 8);
    e.method = u16(d, at + 10);
    const std::uint32_t compressed = u32(d, at + 20), size = u32(d, at + 24), offset = u32(d, at + 42);
    e.compressed_size = compressed;
    e.size = size;
    e.header_offset = offset;
    const std::size_t name_length = u16(d, at + 28), extra_length = u16(d, at + 30), comment_length = u16(d, at + 32);
    const std::size_t next = at + kDirectoryEntryBytes + name_length + extra_length + comment_length;
    if (next > d.size()) return damaged(error, "its zip directory is cut short");
    e.name.assign(d.data() + at + kDirectoryEntryBytes, name_length);
    for (char& c : e.name)
      if (c == '\\') c = '/';
    read_zip64_extra(d.substr(at + kDirectoryEntryBytes + name_length, extra_length), &e, size == 0xFFFFFFFF,
                     compressed == 0xFFFFFFFF, offset == 0xFFFFFFFF);
    entries->push_back(std::move(e));
    at = next;
  }
  if (entries->empty() && !d.empty()) return damaged(error, "its zip directory is unreadable");
  return true;
}

bool zip_data_offset(std::string_view header, const ZipEntry& entry, std::uint64_t* data_offset, std::string* error) {
  if (header.size() < kZipLocalHeaderBytes || u32(header, 0) != kLocalSignature) {
    *error = "the workbook is damaged: its part '" + entry.name + "' is not where the zip directory says";
    return false;
  }
  *data_offset = entry.header_offset + kZipLocalHeaderBytes + u16(header, 26) + u16(header, 28);
  return true;
}

}  // namespace bbb
