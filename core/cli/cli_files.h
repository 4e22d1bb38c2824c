// What the CLI's commands share: a file streamed into a session, its
// issues on stderr, and a failure said in one line (exit status 2).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "bbb/session.h"

namespace bbb_cli {

// Text from a file as the terminal may show it: control characters and
// bytes that are not UTF-8 written as \xNN.
std::string printable(std::string_view text);

// Says "bbb: reason" on stderr; returns the exit status 2.
int fail(const std::string& reason);

// Streams one file through the session: a CSV in 1 MiB chunks, a workbook
// (.xlsx, found from its first bytes) part by part, its sheet `sheet`
// (empty = the first). False with *error when it cannot be read.
bool feed_file(bbb::Session& session, bbb::FileKind kind, const std::string& path, const std::string& sheet,
               std::string* error);

// Names each file kind by the path the user gave.
using PathsByKind = std::map<std::string, std::string>;

// The sources read and the first issues, as file:line:column: severity: code: message.
void print_issues(const bbb::Session& session, const PathsByKind& paths);

extern const char* const kOutOfMemory;

// The read options both commands take, into the read settings' JSON; false
// with *error when the value is not in its form.
// --map FIELD=COLUMN
bool add_mapping_option(const std::string& value, nlohmann::json* read, std::string* error);
// --value FIELD:VALUE=WORD, e.g. status:Verbal commit=open (repeatable)
bool add_value_option(const std::string& value, nlohmann::json* read, std::string* error);

}  // namespace bbb_cli
