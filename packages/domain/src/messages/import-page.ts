/**
 * Importing through the API and the dashboard's Import page (issue 6): the upload's own errors
 * and every text of the page. The per-row reasons are in `import.ts`.
 */
export const importPageMessages = {
  "import.upload.bad_request": {
    sv: "Importen behöver de tre filerna units.csv, cases.csv och events.csv. Se detaljerna.",
    en: "An import needs the three files units.csv, cases.csv and events.csv. See the details.",
  },
  "import.upload.missing_file": {
    sv: "Filen saknas: skicka den i fältet {field}.",
    en: "The file is missing: send it in the field {field}.",
  },
  "import.upload.unknown_field": {
    sv: "Okänt fält: bara filerna units, cases och events tas emot.",
    en: "Unknown field: only the files units, cases and events are accepted.",
  },
  "import.upload.repeated_field": {
    sv: "Fältet finns mer än en gång.",
    en: "The field occurs more than once.",
  },
  "import.upload.malformed": {
    sv: "Kroppen kunde inte läsas som multipart/form-data.",
    en: "The body could not be read as multipart/form-data.",
  },
  "import.upload.media_type": {
    sv: "Kroppen ska vara multipart/form-data med filerna units, cases och events.",
    en: "The body must be multipart/form-data holding the files units, cases and events.",
  },
  "import.job.failed_unexpectedly": {
    sv: "Importen kunde inte slutföras på grund av ett oväntat fel. Inget har sparats.",
    en: "The import could not be completed because of an unexpected error. Nothing was saved.",
  },

  "nav.import": { sv: "Import", en: "Import" },
  "import.heading": { sv: "Import", en: "Import" },
  "import.intro": {
    sv: "Ladda upp de tre filerna i utbytesformatet. Samsyn granskar varje rad innan något sparas, och du kan importera först när granskningen inte hittat några fel. Samma rader kan importeras igen utan att något dubbleras.",
    en: "Upload the three files of the interchange format. Samsyn checks every row before anything is saved, and you can import only once the check has found no errors. The same rows can be imported again without anything being duplicated.",
  },
  "import.files_legend": { sv: "Filer att importera", en: "Files to import" },
  "import.file.units": { sv: "Enheter (units.csv)", en: "Units (units.csv)" },
  "import.file.cases": { sv: "Ärenden (cases.csv)", en: "Cases (cases.csv)" },
  "import.file.events": { sv: "Händelser (events.csv)", en: "Events (events.csv)" },
  "import.choose_all": {
    sv: "Välj alla tre filerna innan du granskar. En fil får ha bara rubrikraden.",
    en: "Choose all three files before checking. A file may hold only its header row.",
  },
  "import.check": { sv: "Granska", en: "Check" },
  "import.checking": { sv: "Granskar filerna…", en: "Checking the files…" },
  "import.uploading": {
    sv: "Skickar filerna: {percent} %",
    en: "Sending the files: {percent} %",
  },
  "import.upload_label": { sv: "Uppladdning", en: "Upload" },
  "import.check_ok": {
    sv: "Inget fel hittades: {units} enheter, {cases} ärenden, {events} händelser läggs till, {skipped} finns redan.",
    en: "No errors found: {units} units, {cases} cases, {events} events will be added, {skipped} are already present.",
  },
  "import.notices_heading": { sv: "Så lästes filerna", en: "How the files were read" },
  "import.errors_heading": { sv: "Fel i filerna", en: "Errors in the files" },
  "import.errors_count": {
    sv: "{count} fel hittades. Inget har sparats; rätta filerna och granska igen.",
    en: "{count} errors found. Nothing was saved; correct the files and check again.",
  },
  "import.errors_grouped": {
    sv: "Fel av samma slag, i samma kolumn och med samma värde, står på en rad med alla sina radnummer.",
    en: "Errors of the same kind, in the same column and with the same value, share one line with all their line numbers.",
  },
  "import.errors_first_groups": {
    sv: "Visar de första {shown} av {total} felraderna. Alla fel finns i felrapporten (CSV).",
    en: "Showing the first {shown} of {total} error lines. Every error is in the error report (CSV).",
  },
  "import.errors_caption": { sv: "Fel per rad", en: "Errors by row" },
  "import.download_report": {
    sv: "Ladda ner felrapporten (CSV, alla {count} fel)",
    en: "Download the error report (CSV, all {count} errors)",
  },
  "import.rows_count": { sv: "{count} rader: {lines}", en: "{count} lines: {lines}" },
  "import.lines_more": {
    sv: "… och {count} till, alla i felrapporten (CSV).",
    en: "… and {count} more, all in the error report (CSV).",
  },
  "import.csv_title": { sv: "felrapport", en: "error report" },
  "import.csv_unlisted": {
    sv: "{count} fel till hittades men har inga radnummer här: rapporten listar högst en miljon rader.",
    en: "{count} more errors were found but have no line numbers here: the report lists at most a million lines.",
  },
  "import.col.value": { sv: "Värde", en: "Value" },
  "import.col.code": { sv: "Felkod", en: "Error code" },
  "import.col.file": { sv: "Fil", en: "File" },
  "import.col.line": { sv: "Rad", en: "Line" },
  "import.col.column": { sv: "Kolumn", en: "Column" },
  "import.col.reason": { sv: "Fel", en: "Error" },
  "import.whole_file": { sv: "hela filen", en: "whole file" },
  "import.commit": { sv: "Importera", en: "Import" },
  "import.progress_label": { sv: "Importens förlopp", en: "Import progress" },
  "import.progress_starting": { sv: "Importen startar…", en: "The import is starting…" },
  "import.progress_file": {
    sv: "Läser {file}: {rows} rader",
    en: "Reading {file}: {rows} rows",
  },
  "import.progress_saving": {
    sv: "Alla rader är lästa. Kontrollerar och sparar…",
    en: "Every row has been read. Checking and saving…",
  },
  "import.progress_checking": {
    sv: "Alla rader är lästa. Kontrollerar hänvisningarna…",
    en: "Every row has been read. Checking the references…",
  },
  "import.progress_storing": {
    sv: "Sparar enheter, ärenden och händelser…",
    en: "Saving units, cases and events…",
  },
  "import.progress_deriving": {
    sv: "Räknar fram måttens underlag: {done} av {total} ärenden",
    en: "Deriving the metrics' storage: {done} of {total} cases",
  },
  "import.done": {
    sv: "Importen är klar: {units} enheter, {cases} ärenden, {events} händelser lades till, {skipped} fanns redan.",
    en: "The import is complete: {units} units, {cases} cases, {events} events were added, {skipped} were already present.",
  },
  "import.failed": {
    sv: "Importen avbröts: {count} fel hittades. Inget har sparats.",
    en: "The import was stopped: {count} errors found. Nothing was saved.",
  },
  "import.request_failed": {
    sv: "Filerna kunde inte tas emot: {details}",
    en: "The files could not be accepted: {details}",
  },
  "import.request_failed_plain": {
    sv: "Filerna kunde inte skickas. Försök igen om en stund.",
    en: "The files could not be sent. Try again shortly.",
  },
  "import.start_over": { sv: "Ny import", en: "New import" },
  "import.recent_heading": { sv: "Senaste importer", en: "Recent imports" },
  "import.recent_mine": {
    sv: "Importer som du har gjort.",
    en: "Imports that you have made.",
  },
  "import.recent_all": {
    sv: "Alla importer, också från kommandoraden (cli).",
    en: "Every import, also those from the command line (cli).",
  },
  "import.recent_empty": { sv: "Inga importer ännu.", en: "No imports yet." },
  "import.col.when": { sv: "Klar", en: "Finished" },
  "import.col.actor": { sv: "Av", en: "By" },
  "import.col.units": { sv: "Enheter tillagda", en: "Units added" },
  "import.col.cases": { sv: "Ärenden tillagda", en: "Cases added" },
  "import.col.events": { sv: "Händelser tillagda", en: "Events added" },
  "import.col.skipped": { sv: "Fanns redan", en: "Already present" },
} as const;
