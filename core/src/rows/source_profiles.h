// Source profiles (spec 11): what one system's export calls each field, and
// the columns that say a header is that export. Data, not code paths: a
// contributor adds a system by adding a row to the table in
// source_profiles.cpp (and a test in tests/source_profiles_test.cpp).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rows/column_mapping.h"

namespace bbb {

struct SourceProfile {
  const char* key;   // the setting's and the report's name: "hubspot_deals"
  const char* name;  // as a user reads it: "HubSpot deals export"
  FileKind kind;
  // Headers, as written by the system, that together say a file is its
  // export (compared as normalize_header does).
  std::vector<const char*> signature;
  // The system's column for each field it has, as written; tried before the
  // generic names and synonyms (of two for one field, the first present wins).
  std::vector<std::pair<Field, const char*>> columns;
  // The system's default probability (percent) of each of its stages, for a
  // file with no probability column (HubSpot's default pipeline).
  std::vector<std::pair<const char*, int>> stage_probabilities = {};
  // A CRM's deals carry no term: the term the page offers as the default_term
  // read setting when some are read as one-time (months; 0 = none offered).
  int offered_term_months = 0;
};

// Every profile but the generic one, most specific first.
const std::vector<SourceProfile>& source_profiles();
// The generic profile: section 1's names and their synonyms.
const SourceProfile& generic_profile();
// The profile named `key` (the generic one is "generic"); null when none is.
const SourceProfile* find_source_profile(std::string_view key);

struct DetectedSource {
  const SourceProfile* profile;
  std::string reason;  // "the header has Record ID, Deal Name and Deal Stage"
};
// The first profile of this file kind whose signature the header holds, or
// the generic one.
DetectedSource detect_source(FileKind kind, const std::vector<std::string>& headers);

}  // namespace bbb
