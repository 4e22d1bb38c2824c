#include "rows/column_mapping.h"

#include <cstring>

namespace bbb {
namespace {

struct FieldInfo {
  Field field;
  const char* name;
  // Normalised synonyms, most specific first. The field's own name is tried first.
  std::vector<const char*> synonyms;
};

const std::vector<FieldInfo>& field_table() {
  static const std::vector<FieldInfo> kTable = {
      {Field::kId, "id", {"contractid", "orderid", "opportunityid", "dealid", "lineid", "contractlineid", "oppid"}},
      {Field::kCustomer, "customer", {"customername", "account", "accountname", "client", "clientname"}},
      {Field::kBookingDate, "booking_date", {"signeddate", "closedate", "orderdate", "bookeddate", "bookdate", "signdate"}},
      {Field::kAmount, "amount", {"tcv", "contractvalue", "ordervalue", "totalcontractvalue", "value", "total"}},
      {Field::kCurrency, "currency", {"currencycode", "ccy", "curr"}},
      {Field::kStartDate, "start_date", {"servicestart", "servicestartdate", "start", "startdate"}},
      {Field::kEndDate, "end_date", {"serviceend", "serviceenddate", "end", "enddate"}},
      {Field::kTermMonths, "term_months", {"term", "months", "termmonths", "terminmonths"}},
      {Field::kRecognition, "recognition", {"revenuerecognition", "recognitiontype"}},
      {Field::kDeliveryDate, "delivery_date", {"shipdate", "fulfilleddate", "delivereddate", "deliverydate"}},
      {Field::kBilling, "billing", {"billingfrequency", "billingterms", "billingschedule"}},
      {Field::kBillingStart, "billing_start", {"billingstartdate", "firstinvoicedate"}},
      {Field::kType, "type", {"dealtype", "bookingtype", "ordertype"}},
      {Field::kStatus, "status", {"stage", "dealstage"}},
      {Field::kCancelDate, "cancel_date", {"terminationdate", "canceldate", "cancellationdate", "canceleddate", "cancelleddate"}},
      {Field::kCreatedDate, "created_date", {"created", "createddate", "createdat", "createdon"}},
      {Field::kInvoiceDate, "invoice_date", {"invoicedate", "billingdate", "billdate", "date"}},
      {Field::kDate, "date", {"fulfilmentdate", "fulfillmentdate", "shipdate", "deliverydate"}},
      {Field::kPercentComplete, "percent_complete", {"percentcomplete", "pctcomplete", "complete", "percent"}},
  };
  return kTable;
}

std::vector<Field> fields_of(FileKind kind) {
  switch (kind) {
    case FileKind::kContracts:
      return {Field::kId, Field::kCustomer, Field::kBookingDate, Field::kAmount, Field::kCurrency,
              Field::kStartDate, Field::kEndDate, Field::kTermMonths, Field::kRecognition,
              Field::kDeliveryDate, Field::kBilling, Field::kBillingStart, Field::kType,
              Field::kStatus, Field::kCancelDate, Field::kCreatedDate};
    case FileKind::kInvoices:
      return {Field::kId, Field::kInvoiceDate, Field::kAmount, Field::kCurrency};
    case FileKind::kFulfilment:
      return {Field::kId, Field::kDate, Field::kAmount, Field::kPercentComplete};
  }
  return {};
}

}  // namespace

bool parse_file_kind(std::string_view name, FileKind* out) {
  if (name == "contracts") *out = FileKind::kContracts;
  else if (name == "invoices") *out = FileKind::kInvoices;
  else if (name == "fulfilment" || name == "fulfillment") *out = FileKind::kFulfilment;
  else return false;
  return true;
}

const char* file_kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::kContracts: return "contracts";
    case FileKind::kInvoices: return "invoices";
    case FileKind::kFulfilment: return "fulfilment";
  }
  return "contracts";
}

const char* field_name(Field f) {
  for (const FieldInfo& info : field_table())
    if (info.field == f) return info.name;
  return "";
}

bool parse_field_name(std::string_view name, Field* out) {
  const std::string n = normalize_header(name);
  for (const FieldInfo& info : field_table()) {
    if (normalize_header(info.name) == n) { *out = info.field; return true; }
  }
  return false;
}

std::string normalize_header(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

ColumnMapping map_columns(FileKind kind, const std::vector<std::string>& headers,
                          const std::map<std::string, std::string>& overrides,
                          const std::vector<std::pair<Field, const char*>>& preferred,
                          std::vector<std::string>* problems) {
  ColumnMapping m;
  m.headers = headers;
  std::vector<std::string> normalized;
  for (const std::string& h : headers) normalized.push_back(normalize_header(h));
  std::vector<bool> taken(headers.size(), false);
  const std::vector<Field> wanted = fields_of(kind);
  auto is_wanted = [&](Field f) {
    for (Field w : wanted) if (w == f) return true;
    return false;
  };

  // The user's choices first.
  for (const auto& [field_text, header] : overrides) {
    Field f;
    if (!parse_field_name(field_text, &f) || !is_wanted(f)) {
      problems->push_back("mapping names an unknown field '" + field_text + "'");
      continue;
    }
    if (header.empty()) { m.column[static_cast<int>(f)] = ColumnMapping::kNone - 1; continue; }  // "not in this file"
    int found = ColumnMapping::kNone;
    for (std::size_t i = 0; i < headers.size(); ++i)
      if (headers[i] == header || normalized[i] == normalize_header(header)) { found = static_cast<int>(i); break; }
    if (found == ColumnMapping::kNone) {
      problems->push_back("mapping for '" + field_text + "' names no column '" + header + "'");
      continue;
    }
    m.column[static_cast<int>(f)] = found;
    taken[static_cast<std::size_t>(found)] = true;
  }

  // Then the exact field names, then synonyms in order of preference, so that
  // a file with both "id" and "contract id" columns maps each sensibly.
  auto claim = [&](Field f, const std::string& wanted_name) {
    if (m.column[static_cast<int>(f)] != ColumnMapping::kNone) return;
    for (std::size_t i = 0; i < headers.size(); ++i) {
      if (!taken[i] && normalized[i] == wanted_name) {
        m.column[static_cast<int>(f)] = static_cast<int>(i);
        taken[i] = true;
        return;
      }
    }
  };
  for (const auto& [f, header] : preferred)
    if (is_wanted(f)) claim(f, normalize_header(header));
  for (Field f : wanted) claim(f, normalize_header(field_name(f)));
  for (const FieldInfo& info : field_table()) {
    if (!is_wanted(info.field)) continue;
    for (const char* s : info.synonyms) claim(info.field, s);
  }
  for (int& c : m.column)
    if (c < ColumnMapping::kNone) c = ColumnMapping::kNone;  // explicitly unmapped
  for (std::size_t i = 0; i < headers.size(); ++i)
    if (!taken[i] && !normalized[i].empty()) m.dimensions.push_back(static_cast<int>(i));
  return m;
}

std::vector<Field> missing_required_fields(FileKind kind, const ColumnMapping& m) {
  std::vector<Field> missing;
  auto need = [&](Field f) { if (!m.has(f)) missing.push_back(f); };
  switch (kind) {
    // Spec 11: without an id each row of a contracts file is its own line.
    case FileKind::kContracts: need(Field::kAmount); need(Field::kBookingDate); break;
    // Invoices and fulfilment need ids to be joined to their lines.
    case FileKind::kInvoices: need(Field::kId); need(Field::kInvoiceDate); need(Field::kAmount); break;
    case FileKind::kFulfilment:
      need(Field::kId);
      need(Field::kDate);
      if (!m.has(Field::kAmount) && !m.has(Field::kPercentComplete)) missing.push_back(Field::kAmount);
      break;
  }
  return missing;
}

}  // namespace bbb
