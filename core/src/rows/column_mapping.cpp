#include "rows/column_mapping.h"

#include <cstring>

namespace bbb {
namespace {

// A Latin-1 letter written in UTF-8 (lead byte 0xC2 or 0xC3, then `next`)
// as the ASCII letters it is folded to in a header: "Währung" is "wahrung",
// "Début" "debut", "Straße" "strasse", "N° de contrat" "nodecontrat"; null
// for any other character (kept as its bytes).
const char* fold_latin1(char lead, char next) {
  const auto b = static_cast<unsigned char>(next);
  if (lead == '\xC2') return (b == 0xB0 || b == 0xBA) ? "o" : nullptr;  // ° and º, as in "N°" and "Nº"
  if (b < 0x80 || b > 0xBF) return nullptr;
  // U+00C0..U+00DF; U+00E0..U+00FF are the same letters in lower case,
  // but for ÷ (the place of ×) and ÿ (the place of ß).
  static constexpr const char* kLetters[32] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", nullptr, "ss"};
  if (b == 0xBF) return "y";
  return kLetters[(b - 0x80) & 0x1F];
}

struct FieldInfo {
  Field field;
  const char* name;
  // Normalised synonyms, most specific first. The field's own name is tried first.
  std::vector<const char*> synonyms;
};

const std::vector<FieldInfo>& field_table() {
  // Each field's English synonyms, then the header words of German (DE),
  // French (FR), Spanish (ES) and Dutch (NL) exports and hand-made lists,
  // written as normalize_header writes them: accents folded ("Währung" is
  // "wahrung"; "waehrung" is how it is typed without the umlaut), '(' ')'
  // '.' and '\'' kept. A header matches a synonym exactly, never a part of
  // it. Words that mean more than one thing in a file ("Datum", "Wert",
  // "Summe", "Total", "Mois", "État", "Phase", "Échéance") are left out, or
  // last where the English list already has their English equivalent.
  static const std::vector<FieldInfo> kTable = {
      {Field::kId, "id",
       {"contractid", "orderid", "opportunityid", "dealid", "lineid", "contractlineid", "oppid",
        // DE
        "vertragsnummer", "vertragsnr", "vertragsnr.", "vertragsid", "auftragsnummer", "auftragsnr", "auftragsnr.",
        "auftragsid", "bestellnummer", "bestellnr", "bestellnr.",
        // FR ("N° de contrat" is "nodecontrat")
        "numerodecontrat", "numerocontrat", "nodecontrat", "nocontrat", "idcontrat", "iddecontrat",
        "numerodecommande", "numerocommande", "nodecommande", "nocommande",
        // ES
        "numerodecontrato", "numerocontrato", "nodecontrato", "nocontrato", "idcontrato", "iddecontrato",
        "numerodepedido", "numeropedido", "nodepedido", "nopedido",
        // NL
        "contractnummer", "contractnr", "contractnr.", "ordernummer", "ordernr", "ordernr.", "bestelnummer",
        "opdrachtnummer"}},
      {Field::kCustomer, "customer",
       {"customername", "account", "accountname", "client", "clientname",
        // DE
        "kunde", "kundenname", "auftraggeber", "debitor", "debitorname",
        // FR ("client" is English too)
        "nomduclient", "nomclient", "raisonsociale",
        // ES
        "cliente", "nombredelcliente", "nombrecliente", "razonsocial",
        // NL
        "klant", "klantnaam", "naamklant", "opdrachtgever", "debiteur",
        // a customer's number when there is no name
        "kundennummer", "numeroclient", "numerodecliente", "klantnummer"}},
      {Field::kBookingDate, "booking_date",
       {"signeddate", "closedate", "orderdate", "bookeddate", "bookdate", "signdate",
        // DE
        "abschlussdatum", "vertragsdatum", "vertragsabschluss", "buchungsdatum", "auftragsdatum", "bestelldatum",
        "unterschriftsdatum", "unterzeichnungsdatum",
        // FR
        "datedesignature", "datesignature", "datedecloture", "datecloture", "datedecommande", "datecommande",
        "datedecontrat", "dateducontrat",
        // ES
        "fechadefirma", "fechafirma", "fechadecierre", "fechacierre", "fechadepedido", "fechapedido",
        "fechadecontrato", "fechacontrato", "fechadereserva",
        // NL
        "datumondertekening", "ondertekeningsdatum", "afsluitdatum", "contractdatum", "orderdatum", "besteldatum"}},
      {Field::kAmount, "amount",
       {"tcv", "contractvalue", "ordervalue", "totalcontractvalue",
        // DE
        "betrag", "auftragswert", "vertragswert", "gesamtbetrag", "nettobetrag", "betragnetto", "auftragsvolumen",
        "vertragsvolumen", "rechnungsbetrag",
        // FR
        "montant", "montantht", "montanttotal", "montanttotalht", "totalht", "montantducontrat", "valeurducontrat",
        "montantfacture", "montantdelafacture",
        // ES
        "importe", "monto", "importetotal", "montototal", "importeneto", "valordelcontrato", "valorcontrato",
        "importefactura", "importedelafactura",
        // NL
        "bedrag", "totaalbedrag", "contractwaarde", "orderwaarde", "factuurbedrag",
        // the generic words, last
        "value", "total"}},
      {Field::kCurrency, "currency",
       {"currencycode", "ccy", "curr",
        "wahrung", "waehrung", "wahrungscode", "waehrungscode",  // DE
        "devise", "monnaie", "codedevise",                        // FR
        "moneda", "divisa", "codigodemoneda",                     // ES
        "valuta", "muntsoort", "munt"}},                           // NL
      {Field::kStartDate, "start_date",
       {"servicestart", "servicestartdate", "start", "startdate",
        "beginn", "startdatum", "vertragsbeginn", "leistungsbeginn", "laufzeitbeginn", "beginndatum",  // DE, NL
        "datededebut", "datedebut", "debut", "debutducontrat", "dated'effet", "datedeffet",        // FR
        "fechadeinicio", "fechainicio", "inicio", "iniciodelcontrato",                             // ES
        "begindatum", "ingangsdatum", "aanvangsdatum"}},                                           // NL
      {Field::kEndDate, "end_date",
       {"serviceend", "serviceenddate", "end", "enddate",
        "ende", "enddatum", "vertragsende", "leistungsende", "laufzeitende",  // DE
        "datedefin", "datefin", "finducontrat", "findecontrat",             // FR
        "fechadefin", "fechafin", "fechadefinalizacion", "findelcontrato",  // ES
        "einddatum", "einde",                                               // NL
        "fin"}},  // FR and ES, last
      {Field::kTermMonths, "term_months",
       {"term", "months", "termmonths", "terminmonths",
        // DE
        "laufzeit", "laufzeit(monate)", "laufzeitmonate", "laufzeitinmonaten", "vertragslaufzeit",
        "vertragslaufzeit(monate)", "monate",
        // FR (not "mois": a month as well as months)
        "duree", "duree(mois)", "dureemois", "dureeenmois", "dureeducontrat", "dureeducontrat(mois)",
        // ES
        "duracion", "duracion(meses)", "duracionmeses", "duracionenmeses", "duraciondelcontrato", "plazo(meses)",
        "meses",
        // NL
        "looptijd", "looptijd(maanden)", "looptijdmaanden", "looptijdinmaanden", "contractduur",
        "contractduur(maanden)", "maanden"}},
      {Field::kRecognition, "recognition",
       {"revenuerecognition", "recognitiontype",
        "umsatzrealisierung", "erlosrealisierung", "erloesrealisierung", "ertragsrealisierung",  // DE
        "reconnaissancedurevenu", "reconnaissancedesrevenus", "comptabilisationdurevenu",       // FR
        "reconocimientodeingresos", "reconocimientodeingreso",                                  // ES
        "omzeterkenning", "opbrengstverantwoording"}},                                           // NL
      {Field::kDeliveryDate, "delivery_date",
       {"shipdate", "fulfilleddate", "delivereddate", "deliverydate",
        "lieferdatum", "liefertermin", "versanddatum",                       // DE
        "datedelivraison", "datelivraison", "dated'expedition", "datedexpedition",  // FR
        "fechadeentrega", "fechaentrega", "fechadeenvio",                    // ES
        "leverdatum", "leveringsdatum", "afleverdatum", "verzenddatum"}},    // NL
      {Field::kBilling, "billing",
       {"billingfrequency", "billingterms", "billingschedule",
        // DE
        "abrechnung", "abrechnungsintervall", "abrechnungsrhythmus", "abrechnungsart", "abrechnungszyklus",
        "zahlungsrhythmus", "zahlungsintervall", "zahlweise", "zahlungsweise", "rechnungsstellung", "fakturierung",
        // FR
        "facturation", "periodicite", "periodicitedefacturation", "frequencedefacturation", "rythmedefacturation",
        "modedefacturation",
        // ES
        "facturacion", "periodicidad", "periodicidaddefacturacion", "frecuenciadefacturacion",
        "periodicidaddepago", "frecuenciadepago", "ciclodefacturacion",
        // NL
        "facturatie", "factuurfrequentie", "facturatiefrequentie", "facturering", "factureringsfrequentie",
        "betalingsfrequentie"}},
      {Field::kBillingStart, "billing_start",
       {"billingstartdate", "firstinvoicedate",
        "abrechnungsbeginn", "abrechnungsstart", "ersterechnung",                                 // DE
        "debutdefacturation", "datededebutdefacturation", "premierefacture", "datedepremierefacture",  // FR
        "iniciodefacturacion", "fechadeiniciodefacturacion", "primerafactura", "fechaprimerafactura",  // ES
        "startfacturatie", "startdatumfacturatie", "eerstefactuur", "eerstefactuurdatum"}},            // NL
      {Field::kType, "type",
       {"dealtype", "bookingtype", "ordertype",
        // not a contract's type (Vertragsart, type de contrat...): like "Contract Type",
        // that is what is sold more often than new or renewal, a dimension
        "typ", "auftragsart", "geschaftsart", "geschaeftsart",     // DE
        "typedevente", "typed'affaire", "typedaffaire",           // FR ("type" is English)
        "tipo", "tipodeventa", "tipodenegocio", "tipodeoperacion",  // ES
        "soort",                                                   // NL ("type" is English)
        "art"}},  // DE, last: also the "Art" of anything
      {Field::kStatus, "status",
       {"stage", "dealstage",
        "vertragsstatus", "auftragsstatus",  // DE ("Status" is English)
        "statut", "statutducontrat",         // FR
        "estado", "estadodelcontrato",       // ES
        "contractstatus"}},                  // NL
      {Field::kCancelDate, "cancel_date",
       {"terminationdate", "canceldate", "cancellationdate", "canceleddate", "cancelleddate",
        "kundigungsdatum", "kuendigungsdatum", "stornodatum", "stornierungsdatum", "gekundigtam", "gekuendigtam",  // DE
        "datederesiliation", "dateresiliation", "dated'annulation", "datedannulation", "resiliele",               // FR
        "fechadecancelacion", "fechacancelacion", "fechadebaja", "fechadeanulacion",                             // ES
        "opzegdatum", "datumopzegging", "annuleringsdatum", "beeindigingsdatum"}},                               // NL
      {Field::kCreatedDate, "created_date",
       {"created", "createddate", "createdat", "createdon",
        "erstelltam", "erstellt", "erstellungsdatum", "angelegtam", "anlagedatum",  // DE
        "datedecreation", "datecreation", "creele",                                // FR
        "fechadecreacion", "fechacreacion", "creado", "creadoel",                  // ES
        "aanmaakdatum", "aangemaakt", "aangemaaktop", "datumaangemaakt"}},         // NL
      {Field::kInvoiceDate, "invoice_date",
       {"invoicedate", "billingdate", "billdate",
        "rechnungsdatum", "belegdatum", "fakturadatum",                                    // DE
        "datedefacture", "datefacture", "datedefacturation", "datefacturation",            // FR
        "fechadefactura", "fechafactura", "fechadefacturacion", "fechadeemision",          // ES
        "factuurdatum", "facturatiedatum",                                                 // NL
        "date", "datum", "fecha"}},  // the generic words, last
      {Field::kDate, "date",
       {"fulfilmentdate", "fulfillmentdate", "shipdate", "deliverydate",
        "lieferdatum", "versanddatum", "leistungsdatum",                        // DE
        "datedelivraison", "datelivraison", "dated'expedition", "datedexpedition",  // FR
        "fechadeentrega", "fechaentrega", "fechadeenvio",                       // ES
        "leverdatum", "leveringsdatum", "afleverdatum", "verzenddatum",         // NL
        "datum", "fecha"}},  // the generic words, last
      {Field::kPercentComplete, "percent_complete",
       {"percentcomplete", "pctcomplete", "complete",
        "fertigstellungsgrad", "fertigstellung", "leistungsfortschritt", "fortschritt",  // DE
        "pourcentagedavancement", "pourcentaged'avancement", "tauxdavancement", "tauxd'avancement",
        "avancement",                                                                 // FR
        "porcentajedeavance", "porcentajecompletado", "gradodeavance", "avance",      // ES
        "percentagegereed", "percentagevoltooid", "voortgang",                        // NL
        "percent", "prozent", "pourcentage", "porcentaje", "percentage"}},  // the generic words, last
      // subscriptions (spec 11)
      {Field::kQuantity, "quantity", {"qty", "seats", "units", "planquantity", "menge", "anzahl", "quantite", "cantidad", "aantal"}},
      {Field::kInterval, "interval", {"billinginterval", "planinterval", "billingperiodunit", "priceinterval"}},
      {Field::kIntervalCount, "interval_count", {"intervalcount", "billingintervalcount", "planintervalcount", "billingperiod"}},
      {Field::kTrialEnd, "trial_end", {"trialend", "trialenddate", "trialendsat", "trialendat"}},
      {Field::kPeriodStart, "period_start", {"currentperiodstart", "periodstart", "currenttermstart"}},
      {Field::kPeriodEnd, "period_end", {"currentperiodend", "periodend", "currenttermend"}},
      {Field::kProbability, "probability",
       {"probability(%)", "probability%", "dealprobability", "winprobability", "probabilityofwinning",
        "wahrscheinlichkeit", "wahrscheinlichkeit(%)", "abschlusswahrscheinlichkeit",  // DE
        "probabilite", "probabilite(%)",                                          // FR
        "probabilidad", "probabilidad(%)",                                        // ES
        "kans", "kans(%)", "slagingskans"}},                                      // NL
      // invoices (spec 11): a line's or an invoice's own tax, never a total repeated on each line
      // (not "TaxAmount": Xero writes it beside line amounts that are without tax).
      {Field::kTax, "tax", {"salestax", "vat", "vatamount",
                            "mwst", "ust", "steuer", "steuerbetrag", "tva", "montanttva", "iva", "importeiva", "btw", "btwbedrag"}},
  };
  return kTable;
}

std::vector<Field> fields_of(FileKind kind) {
  switch (kind) {
    case FileKind::kContracts:
      return {Field::kId, Field::kCustomer, Field::kBookingDate, Field::kAmount, Field::kCurrency,
              Field::kStartDate, Field::kEndDate, Field::kTermMonths, Field::kRecognition,
              Field::kDeliveryDate, Field::kBilling, Field::kBillingStart, Field::kType,
              Field::kStatus, Field::kCancelDate, Field::kCreatedDate, Field::kProbability};
    // With a contracts file only the first four are read; alone (spec 11), all.
    case FileKind::kInvoices:
      return {Field::kId, Field::kInvoiceDate, Field::kAmount, Field::kCurrency, Field::kCustomer, Field::kStartDate,
              Field::kEndDate, Field::kStatus, Field::kType, Field::kTax};
    case FileKind::kFulfilment:
      return {Field::kId, Field::kDate, Field::kAmount, Field::kPercentComplete};
    case FileKind::kSubscriptions:
      return {Field::kId, Field::kCustomer, Field::kAmount, Field::kQuantity, Field::kCurrency, Field::kInterval,
              Field::kIntervalCount, Field::kStatus, Field::kStartDate, Field::kTrialEnd, Field::kCancelDate,
              Field::kEndDate, Field::kPeriodStart, Field::kPeriodEnd, Field::kCreatedDate};
  }
  return {};
}

}  // namespace

bool parse_file_kind(std::string_view name, FileKind* out) {
  if (name == "contracts") *out = FileKind::kContracts;
  else if (name == "invoices") *out = FileKind::kInvoices;
  else if (name == "fulfilment" || name == "fulfillment") *out = FileKind::kFulfilment;
  else if (name == "subscriptions") *out = FileKind::kSubscriptions;
  else return false;
  return true;
}

const char* file_kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::kContracts: return "contracts";
    case FileKind::kInvoices: return "invoices";
    case FileKind::kFulfilment: return "fulfilment";
    case FileKind::kSubscriptions: return "subscriptions";
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
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    if (c == '\xC3' || c == '\xC2') {  // a Latin-1 letter in UTF-8: its ASCII letters
      if (i + 1 < name.size()) {
        if (const char* folded = fold_latin1(c, name[i + 1])) {
          out += folded;
          ++i;
          continue;
        }
      }
    }
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
    // The interval may follow from the current period's two dates (Chargebee writes no interval).
    case FileKind::kSubscriptions:
      need(Field::kAmount);
      if (!m.has(Field::kStartDate) && !m.has(Field::kCreatedDate)) missing.push_back(Field::kStartDate);
      if (!m.has(Field::kInterval) && !(m.has(Field::kPeriodStart) && m.has(Field::kPeriodEnd))) missing.push_back(Field::kInterval);
      break;
  }
  return missing;
}

}  // namespace bbb
