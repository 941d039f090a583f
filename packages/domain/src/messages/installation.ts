/**
 * The installation secret (SAMSYN_SECRET) and the database it belongs to. Case refs are stored
 * as keyed hashes of the secret: the texts say what another secret would do and what to do.
 */
export const installationMessages = {
  "installation.secret_mismatch": {
    sv: "SAMSYN_SECRET är inte den hemlighet som den här databasen skapades med. Ärendenas referenser lagras som nycklade hashvärden av hemligheten, så med en annan hemlighet känns inget befintligt ärende igen och en import skulle lägga in samma ärenden en gång till. Använd den hemlighet som hör till databasen (den ska förvaras tillsammans med säkerhetskopian). Vill du byta hemlighet med avsikt: skapa en ny, tom databas och importera alla filer på nytt under den nya hemligheten (se README, ”Säkerhetskopiering”).",
    en: "SAMSYN_SECRET is not the secret this database was created with. Case refs are stored as keyed hashes of the secret, so under another secret no existing case is recognised and an import would add the same cases a second time. Use the secret that belongs to the database (it must be kept with the backup). To change the secret on purpose: create a new, empty database and import all files again under the new secret (see README, “Säkerhetskopiering”).",
  },
} as const;
