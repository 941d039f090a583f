export const cliMessages = {
  "cli.usage": {
    sv: `Användning: samsyn <kommando> [flaggor]

Kommandon:
  serve                                      API och dashboard på en port (PORT, standard 3000)
  start                                      migrera, ladda demolänet om databasen är tom, och starta
  migrate                                    kör databasmigreringar
  demo-data --out KATALOG [--seed N] [--cases N]
                                             skriv ett syntetiskt län i utbytesformatet
  import --dir KATALOG                       importera units.csv, cases.csv och events.csv
  backup --out FIL                           säkerhetskopiera databasen till FIL (förvara SAMSYN_SECRET med den)
  restore FIL                                återställ en säkerhetskopia till en tom databas
  token --role ROLL [--org KOD ...] [--sub NAMN]
                                             skriv ut en token för en lokal användare (AUTH_MODE=dev)`,
    en: `Usage: samsyn <command> [options]

Commands:
  serve                                      API and dashboard on one port (PORT, default 3000)
  start                                      migrate, load the demo county when the database is empty, and serve
  migrate                                    apply database migrations
  demo-data --out DIR [--seed N] [--cases N] write a synthetic county in the interchange format
  import --dir DIR                           import units.csv, cases.csv and events.csv
  backup --out FILE                          back up the database to FILE (keep SAMSYN_SECRET with it)
  restore FILE                               restore a backup into an empty database
  token --role ROLE [--org CODE ...] [--sub NAME]
                                             print a bearer token for a local user (AUTH_MODE=dev)`,
  },
  "cli.unknown_command": { sv: "Okänt kommando: {command}", en: "Unknown command: {command}" },
  "cli.bad_option": { sv: "Felaktig flagga: {message}", en: "Bad option: {message}" },
  "cli.missing_option": {
    sv: "Flaggan --{option} krävs.",
    en: "The option --{option} is required.",
  },
  "cli.not_a_number": {
    sv: "--{option} ska vara ett positivt heltal.",
    en: "--{option} must be a positive whole number.",
  },
  "cli.migrated": {
    sv: "Databasen är migrerad ({kind}).",
    en: "The database is migrated ({kind}).",
  },
  "cli.demo_written": {
    sv: "Demolänet skrivet till {dir}: {units} enheter, {cases} ärenden, {events} händelser ({seconds} s).",
    en: "Demo county written to {dir}: {units} units, {cases} cases, {events} events ({seconds} s).",
  },
  "cli.demo_generating": {
    sv: "Skapar demolänet ({cases} ärenden)…",
    en: "Generating the demo county ({cases} cases)…",
  },
  "cli.demo_register_loading": {
    sv: "Laddar demolänets register över överenskommelser…",
    en: "Loading the demo county's register of agreements…",
  },
  "cli.demo_register_loaded": {
    sv: "{agreements} överenskommelser med indikatorer och avvikelser laddade.",
    en: "{agreements} agreements with indicators and deviations loaded.",
  },
  "cli.demo_forums_loading": {
    sv: "Laddar demolänets ledningsforum och eskaleringar…",
    en: "Loading the demo county's forums and escalations…",
  },
  "cli.demo_forums_loaded": {
    sv: "{forums} ledningsforum med ett års möten och {escalations} eskaleringar laddade.",
    en: "{forums} forums with a year of meetings and {escalations} escalations loaded.",
  },
  "cli.demo_evaluations_loading": {
    sv: "Laddar demolänets utvärderingar…",
    en: "Loading the demo county's evaluations…",
  },
  "cli.demo_evaluations_loaded": {
    sv: "{sessions} utvärderingar från två år laddade, {actions} förbättringar lyfta till åtgärder.",
    en: "{sessions} evaluations from two years loaded, {actions} improvements lifted to actions.",
  },
  "cli.demo_loading": {
    sv: "Databasen är tom: laddar demolänet ({cases} ärenden)…",
    en: "The database is empty: loading the demo county ({cases} cases)…",
  },
  "cli.import_done": {
    sv: "Importen klar: {units} enheter, {cases} ärenden och {events} händelser tillagda; {skipped} rader fanns redan ({seconds} s).",
    en: "Import done: {units} units, {cases} cases and {events} events added; {skipped} rows were already there ({seconds} s).",
  },
  "cli.import_checking": {
    sv: "Filerna är lästa: kontrollerar hänvisningarna…",
    en: "The files are read: checking the references…",
  },
  "cli.import_storing": {
    sv: "Sparar enheter, ärenden och händelser…",
    en: "Storing units, cases and events…",
  },
  "cli.import_deriving": {
    sv: "Räknar fram måttens underlag för {cases} ärenden…",
    en: "Deriving the metrics' storage for {cases} cases…",
  },
  "cli.import_failed": {
    sv: "Importen avbröts: {count} fel. Ingenting har sparats.",
    en: "The import was aborted: {count} errors. Nothing was saved.",
  },
  "cli.import_more_errors": {
    sv: "… och {count} fel till.",
    en: "… and {count} more errors.",
  },
  "cli.progress": {
    sv: "{file}: {rows} rader, {rate} rader/s{percent}",
    en: "{file}: {rows} rows, {rate} rows/s{percent}",
  },
  "cli.progress_no_rate": {
    sv: "{file}: {rows} rader{percent}",
    en: "{file}: {rows} rows{percent}",
  },
  "cli.serving": {
    sv: "Samsyn körs på {url} ({kind}; {cases} ärenden).",
    en: "Samsyn is running at {url} ({kind}; {cases} cases).",
  },
  "cli.no_dashboard": {
    sv: "Dashboarden är inte byggd ({dir} saknas): bara API:t serveras. Kör `pnpm build`.",
    en: "The dashboard is not built ({dir} is missing): serving the API only. Run `pnpm build`.",
  },
  "cli.data_dir_read_only": {
    sv: "Datamappen {dir} går inte att skriva till (skrivskyddad, eller Samsyn saknar behörighet). Ge Samsyn skrivrätt och starta igen; ingenting i den har ändrats.",
    en: "The data directory {dir} cannot be written to (read-only, or Samsyn lacks permission). Give Samsyn write access and start again; nothing in it has changed.",
  },
  "cli.data_dir_full": {
    sv: "Disken med datamappen {dir} är full. Frigör utrymme och försök igen; ingenting i datamappen har ändrats.",
    en: "The disk holding the data directory {dir} is full. Free some space and try again; nothing in the data directory has changed.",
  },
  "cli.stopping": {
    sv: "Samsyn stängs: pågående anrop får svar (högst {seconds} s), inga nya tas emot.",
    en: "Samsyn is stopping: requests in flight get their answers (at most {seconds} s), no new ones are taken.",
  },
  "cli.stop_deadline": {
    sv: "Anrop som inte svarat efter {seconds} s avbryts.",
    en: "Requests still unanswered after {seconds} s are cut off.",
  },
  "cli.failed": { sv: "Fel: {message}", en: "Error: {message}" },
} as const;
