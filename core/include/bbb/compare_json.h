// The comparison of two exports of the same pipeline or contract list
// (`bbb compare OLD NEW`, the JS API's compare, the page's Changes view):
// each export read into its own session with the snapshot setting, then
// matched by id (finance/snapshot_changes.h). Native and WebAssembly builds
// print byte-identical text from here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "bbb/session.h"

namespace bbb {

struct CompareSettings {
  std::size_t limit = 200;  // rows listed per category, largest first; 0 = every row
};

// {"limit": N}; unknown keys and bad values are errors, as for the other settings.
bool parse_compare_settings(std::string_view json_text, CompareSettings* out, std::string* error);

// The changes as compact JSON text; both sessions must have been read with
// the snapshot setting (else null is written for want of lines).
std::string render_changes(const Session& before, const Session& after, const CompareSettings& settings);

// {"ok":true,"changes":<changes>}, or an error: a session read without the
// snapshot setting, settings that do not parse.
std::string changes_envelope(const Session& before, const Session& after, std::string_view settings_json);

}  // namespace bbb
