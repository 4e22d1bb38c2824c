// Which export a file was read as (spec 11, files[].source: the engine's
// source profile, its name and why), said in one sentence, and the
// profiles a user can pick instead (the read setting `source`).

/**
 * The engine's profiles, by key and name as the engine writes them
 * (core/src/rows/source_profiles.cpp), for an engine whose vocabulary does
 * not list them yet: the vocabulary's `sources`, when present, wins.
 * @type {Array<{key: string, name: string}>}
 */
export const KNOWN_SOURCES = [
  { key: 'salesforce_opportunities', name: 'Salesforce opportunity report' },
  { key: 'salesforce_data_loader', name: 'Salesforce Data Loader export of opportunities' },
  { key: 'hubspot_deals', name: 'HubSpot deals export' },
  { key: 'pipedrive_deals', name: 'Pipedrive deals export' },
  { key: 'zoho_deals', name: 'Zoho CRM deals export' },
  { key: 'dynamics_opportunities', name: 'Dynamics 365 opportunities export' },
  { key: 'stripe_subscriptions', name: 'Stripe subscriptions export' },
  { key: 'chargebee_subscriptions', name: 'Chargebee subscriptions export' },
  { key: 'stripe_invoices', name: 'Stripe invoices export' },
  { key: 'xero_sales_invoices', name: 'Xero sales invoices export' },
  { key: 'quickbooks_sales_detail', name: 'QuickBooks Online sales by customer detail report' },
  { key: 'netsuite_sales_orders', name: 'NetSuite sales order saved search' },
];

/**
 * "Read as a HubSpot deals export — the header has Record ID, Deal Name and
 * Deal Stage": the engine's source profile, when not the generic one.
 * @param {{profile?: string, name?: string, reason?: string} | undefined} source files[].source
 */
export function sourceSentence(source) {
  if (!source || !source.profile || source.profile === 'generic') return '';
  return `Read as a ${source.name || source.profile}${source.reason ? ` — ${source.reason}` : ''}`;
}

/**
 * The options of the "Read as" select: detect from the header, the generic
 * shape, then every profile (the engine's list when its vocabulary has one;
 * the profile the file was read as is always there).
 * @param {any} vocabulary the engine's vocabulary (its `sources`: keys, or {key, name})
 * @param {{profile?: string, name?: string} | undefined} detected the file's files[].source
 * @returns {Array<{value: string, label: string}>}
 */
export function sourceOptions(vocabulary, detected) {
  const listed = Array.isArray(vocabulary?.sources) && vocabulary.sources.length > 0
    ? vocabulary.sources.map((s) => (typeof s === 'string' ? { key: s, name: s } : { key: String(s?.key ?? ''), name: String(s?.name || s?.key || '') }))
    : KNOWN_SOURCES;
  const profiles = listed.filter((p) => p.key && p.key !== 'generic');
  if (detected?.profile && detected.profile !== 'generic' && !profiles.some((p) => p.key === detected.profile)) {
    profiles.push({ key: detected.profile, name: detected.name || detected.profile });
  }
  return [
    { value: '', label: 'Detect from the header' },
    { value: 'generic', label: 'Contract lines (the generic columns)' },
    ...profiles.map((p) => ({ value: p.key, label: p.name })),
  ];
}
