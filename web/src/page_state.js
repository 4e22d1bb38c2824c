// What the report page holds between events (main.js): the files, the
// column choices, the read under way and the report on show. One object,
// so that every piece of the page's state is named in one place; what is
// on screen of the report (currency, view, panels) is the report view's.

/**
 * @typedef {{contracts: File|null, invoices: File|null, fulfilment: File|null}} PageFiles
 *   contracts is required, the others optional
 * @typedef {object} PageState
 * @property {PageFiles} files the files of the analysis
 * @property {import('./mapping_memory.js').ColumnChoices} choices column mapping and formats of the contracts file
 * @property {Record<string, string>} sheets the sheet of each workbook the user picked, by file kind
 *   (none: the engine reads the first sheet)
 * @property {boolean} choicesFromUser the choices are the user's (else remembered for the header, or none)
 * @property {Record<string, any>|null} contractsSummary the engine's summary of the contracts file as last read
 * @property {Array<Record<string, any>|null>} loadedSummaries the engine's summaries of the files in the
 *   live session, for their counts while no report is shown
 * @property {Record<string, any>|null} report the report on show
 * @property {{controls: Record<string, string>, files: PageFiles}|null} shown the settings controls and files
 *   of the report on show: put back when a newer report is refused
 * @property {number} sessionGeneration the worker generation that holds the session of the report on show (-1: none)
 * @property {boolean} busy a read is under way: the controls are disabled
 * @property {boolean} newContracts the read under way is of a contracts file just chosen: focus goes to its report
 * @property {File|null} nextContracts a contracts file that came while another was read: read once that read stopped
 * @property {string} stoppedName the name of the file whose read the next one stopped, for the next status line
 * @property {number} reportToken counts report requests: a reply to any but the latest is not shown
 * @property {boolean} periodFromUser the user chose the statement's period: it is kept for the page's session
 *   (else quarters are shown for files of more than two years, period_default.js)
 * @property {boolean} newFiles the next report shown is of files just read: it opens on the first currency
 * @property {import('./worker/protocol.js').EngineVocabulary|null} vocabulary the engine's words (drill
 *   metrics...), once it has said them
 * @property {{date: string, files: PageFiles}|null} defaultAsOf the engine's as-of default for these files
 *   (settings.as_of_default), read with while the user sets no date
 */

/** @returns {PageState} */
export function createPageState() {
  return {
    files: { contracts: null, invoices: null, fulfilment: null },
    choices: {},
    sheets: {},
    choicesFromUser: false,
    contractsSummary: null,
    loadedSummaries: [],
    report: null,
    shown: null,
    sessionGeneration: -1,
    busy: false,
    newContracts: false,
    nextContracts: null,
    stoppedName: '',
    reportToken: 0,
    periodFromUser: false,
    newFiles: false,
    vocabulary: null,
    defaultAsOf: null,
  };
}
