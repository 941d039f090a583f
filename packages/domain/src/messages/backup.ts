/**
 * `samsyn backup` and `samsyn restore`: what they did, and why they refused. The secret's texts
 * say why a backup is worth nothing without it (README "Säkerhetskopiering").
 */
export const backupMessages = {
  "backup.started": {
    sv: "Säkerhetskopierar databasen ({kind}) till {file}…",
    en: "Backing up the database ({kind}) to {file}…",
  },
  "backup.written": {
    sv: "Säkerhetskopian är skriven: {file} ({size}, {seconds} s).",
    en: "The backup is written: {file} ({size}, {seconds} s).",
  },
  "backup.keep_secret": {
    sv: "Förvara SAMSYN_SECRET tillsammans med säkerhetskopian, lika skyddad som den. Ärendenas referenser lagras som nycklade hashvärden av hemligheten: utan den kan kopian inte återställas, och en import efter en återställning under en annan hemlighet skulle lägga in alla ärenden en gång till (README, ”Säkerhetskopiering”).",
    en: "Keep SAMSYN_SECRET with the backup, as safe as the backup itself. Case refs are stored as keyed hashes of the secret: without it the backup cannot be restored, and an import after a restore under another secret would add every case a second time (README, “Säkerhetskopiering”).",
  },
  "backup.secret_file": {
    sv: "Den här installationen har ingen SAMSYN_SECRET satt: hemligheten är filen {file}. Spara den tillsammans med säkerhetskopian.",
    en: "This installation has no SAMSYN_SECRET set: the secret is the file {file}. Keep it with the backup.",
  },
  "backup.progress_tables": {
    sv: "{done} av {total} tabeller ({table})",
    en: "{done} of {total} tables ({table})",
  },
  "backup.out_exists": {
    sv: "Filen {file} finns redan. Välj ett nytt filnamn: en säkerhetskopia skrivs aldrig över.",
    en: "The file {file} already exists. Choose a new file name: a backup is never overwritten.",
  },
  "backup.pglite_in_use": {
    sv: "Datakatalogen {dir} används av en annan process (pid {pids}). Stoppa Samsyn först: en kopia av en databas som skrivs samtidigt är inte konsekvent.",
    en: "The data dir {dir} is in use by another process (pid {pids}). Stop Samsyn first: a copy of a database being written at the same time is not consistent.",
  },
  "backup.pglite_maybe_in_use": {
    sv: "Datakatalogen {dir} ser ut att vara öppen (postmaster.pid finns) och det går inte att se vilken process som har den. Stoppa Samsyn först. Om ingen Samsyn körs längre (den avbröts): kör `samsyn migrate` en gång, som öppnar och stänger databasen, och försök igen.",
    en: "The data dir {dir} looks open (postmaster.pid exists) and which process holds it cannot be seen. Stop Samsyn first. If no Samsyn runs any more (it was killed): run `samsyn migrate` once, which opens and closes the database, and try again.",
  },
  "backup.pglite_missing": {
    sv: "Det finns ingen PGlite-databas i {dir} att säkerhetskopiera.",
    en: "There is no PGlite database in {dir} to back up.",
  },
  "backup.tool_missing": {
    sv: "{tool} hittades inte (varken i PATH eller i /usr/lib/postgresql/*/bin). Installera PostgreSQL:s klientprogram i version {major} eller senare (Debian/Ubuntu: postgresql-client-{major}).",
    en: "{tool} was not found (neither in PATH nor in /usr/lib/postgresql/*/bin). Install PostgreSQL's client programs, version {major} or later (Debian/Ubuntu: postgresql-client-{major}).",
  },
  "backup.tool_too_old": {
    sv: "Servern kör PostgreSQL {major}, men det nyaste {tool} som finns är version {found} ({path}). {tool} måste vara minst lika ny som servern: installera postgresql-client-{major}.",
    en: "The server runs PostgreSQL {major}, but the newest {tool} available is version {found} ({path}). {tool} must be at least as new as the server: install postgresql-client-{major}.",
  },
  "backup.tool_failed": {
    sv: "{tool} misslyckades (kod {code}): {output}",
    en: "{tool} failed (code {code}): {output}",
  },
  "backup.restore_started": {
    sv: "Återställer {file} till databasen ({kind})…",
    en: "Restoring {file} into the database ({kind})…",
  },
  "backup.restored": {
    sv: "Återställningen klar: {tables} tabeller, {cases} ärenden ({seconds} s). Databasen är migrerad till den här versionen av Samsyn.",
    en: "Restore done: {tables} tables, {cases} cases ({seconds} s). The database is migrated to this version of Samsyn.",
  },
  "backup.not_a_backup": {
    sv: "{file} är inte en säkerhetskopia från `samsyn backup` (varken pg_dump:s eget format eller en PGlite-datakatalog).",
    en: "{file} is not a backup made by `samsyn backup` (neither pg_dump's custom format nor a PGlite data dir).",
  },
  "backup.wrong_kind": {
    sv: "{file} är en säkerhetskopia av en {backup}-databas, men Samsyn är inställt på {kind}. En säkerhetskopia återställs till samma slags databas: {hint}",
    en: "{file} is a backup of a {backup} database, but Samsyn is set up for {kind}. A backup is restored into the same kind of database: {hint}",
  },
  "backup.wrong_kind_hint_postgres": {
    sv: "sätt DATABASE_URL till en ny, tom PostgreSQL-databas.",
    en: "set DATABASE_URL to a new, empty PostgreSQL database.",
  },
  "backup.wrong_kind_hint_pglite": {
    sv: "ta bort DATABASE_URL och sätt SAMSYN_DATA_DIR till en ny, tom katalog.",
    en: "unset DATABASE_URL and set SAMSYN_DATA_DIR to a new, empty folder.",
  },
  "backup.target_not_empty_postgres": {
    sv: "Databasen {database} är inte tom ({count} tabeller). En säkerhetskopia återställs bara till en tom databas, så att inga rader blandas eller skrivs över: skapa en ny (`createdb samsyn_restored`) och peka DATABASE_URL dit.",
    en: "The database {database} is not empty ({count} tables). A backup is restored into an empty database only, so that no rows are mixed or overwritten: create a new one (`createdb samsyn_restored`) and point DATABASE_URL at it.",
  },
  "backup.target_not_empty_pglite": {
    sv: "Datakatalogen {dir} innehåller redan en databas. En säkerhetskopia återställs bara till en tom datakatalog, så att ingenting skrivs över: sätt SAMSYN_DATA_DIR till en ny katalog, eller flytta undan den gamla.",
    en: "The data dir {dir} already holds a database. A backup is restored into an empty data dir only, so that nothing is overwritten: set SAMSYN_DATA_DIR to a new folder, or move the old one away.",
  },
  "backup.secret_needed": {
    sv: "Ange den SAMSYN_SECRET som hör till säkerhetskopian: ingen är satt och datakatalogen {dir} har ingen hemlighet. (I utveckling: kopiera filen secret från den gamla datakatalogen.)",
    en: "Set the SAMSYN_SECRET that belongs to the backup: none is set and the data dir {dir} holds no secret. (In development: copy the file secret from the old data dir.)",
  },
  "backup.secret_mismatch": {
    sv: "SAMSYN_SECRET är inte den hemlighet som säkerhetskopian gjordes med, så ingenting har återställts. Under en annan hemlighet känns inget ärende i kopian igen och en import skulle lägga in samma ärenden en gång till. Ange hemligheten som förvarades tillsammans med säkerhetskopian.",
    en: "SAMSYN_SECRET is not the secret the backup was made with, so nothing was restored. Under another secret no case in the backup is recognised, and an import would add the same cases a second time. Set the secret that was kept with the backup.",
  },
} as const;
