import type { Label } from "../catalogues";

/**
 * Import reasons (SPEC "Interchange format"). A reason names the problem and the rule; the
 * importer adds the rejected value (`import.error_value`) unless screening finds a personnummer
 * or samordningsnummer in it, and the valid codes when the column takes one of a list.
 */
export const importMessages = {
  "import.error_value": {
    sv: "Värdet i filen: ”{value}”.",
    en: "The value in the file: “{value}”.",
  },
  "import.valid_codes": { sv: "Giltiga värden: {codes}.", en: "Valid values: {codes}." },
  "import.valid_codes_some": {
    sv: "Giltiga värden är till exempel {codes}; alla {count} finns i katalogen (GET /api/v1/catalogues).",
    en: "Valid values include {codes}; all {count} are in the catalogue (GET /api/v1/catalogues).",
  },
  "import.valid_steps": {
    sv: "Ärendets processkarta {process} har stegen {steps}.",
    en: "The case's process model {process} has the steps {steps}.",
  },
  "import.error.missingFile": {
    sv: "Filen saknas. Importen kräver alla tre filerna units.csv, cases.csv och events.csv, även om en av dem bara har rubrikraden.",
    en: "The file is missing. An import needs all three files units.csv, cases.csv and events.csv, even if one of them holds only the header row.",
  },
  "import.error.badHeader": {
    sv: "Rubrikraden stämmer inte. Den ska vara exakt: {columns}",
    en: "The header row does not match. It must be exactly: {columns}",
  },
  "import.error.malformedCsv": {
    sv: "Filen går inte att läsa som CSV (RFC 4180) från den här raden, till exempel ett citattecken som inte avslutas.",
    en: "The file cannot be read as CSV (RFC 4180) from this line, for example an unterminated quote.",
  },
  "import.error.lineTooLong": {
    sv: "Raden är längre än {max} byte och läses inte; filen har troligen tappat sina radslut. Spara den igen som CSV.",
    en: "The line is longer than {max} bytes and is not read; the file has probably lost its line ends. Save it as CSV again.",
  },
  "import.error.badEncoding": {
    sv: "Filen är varken UTF-8 eller Windows-1252 (till exempel UTF-16, som kalkylprogrammens ”Unicode-text”) och läses därför inte. Spara den som ”CSV UTF-8” eller ”CSV (semikolonavgränsad)”.",
    en: "The file is neither UTF-8 nor Windows-1252 (UTF-16, say, as in spreadsheets' “Unicode text”) and is therefore not read. Save it as “CSV UTF-8” or “CSV (semicolon delimited)”.",
  },
  "import.error.columnCount": {
    sv: "Fel antal kolumner: {expected} ska finnas, raden har {actual}.",
    en: "Wrong number of columns: {expected} expected, the row has {actual}.",
  },
  "import.error.required": { sv: "Värde saknas.", en: "A value is required." },
  "import.error.tooLong": {
    sv: "Värdet är för långt (högst {max} tecken).",
    en: "The value is too long (at most {max} characters).",
  },
  "import.error.identifier": {
    sv: "Kolumnen innehåller ett personnummer eller samordningsnummer. Sådana uppgifter får inte lagras i Samsyn, och värdet visas därför inte.",
    en: "The column contains a personal identity or coordination number. Samsyn must not store such data, so the value is not shown.",
  },
  "import.error.badCode": {
    sv: "Ogiltig kod: endast bokstäver, siffror och _ . : - är tillåtna (högst 64 tecken).",
    en: "Invalid code: only letters, digits and _ . : - are allowed (at most 64 characters).",
  },
  "import.error.unknownCode": {
    sv: "Okänd kod: den finns inte i katalogen.",
    en: "Unknown code: it is not in the catalogue.",
  },
  "import.error.missingLeadingZero": {
    sv: "Okänd kod: kommunkoden saknar troligen en inledande nolla ({code}). Kalkylprogram tar bort den när kolumnen läses som tal; formatera kolumnen som text och skriv koden med fyra siffror.",
    en: "Unknown code: the municipality code probably lacks a leading zero ({code}). Spreadsheets drop it when they read the column as numbers; format the column as text and write the code with four digits.",
  },
  "import.error.replacementCharacter": {
    sv: "Värdet innehåller ersättningstecknet ”�”: tecken som å, ä och ö har gått förlorade innan filen kom hit, och sådan text lagras inte. Exportera filen på nytt från källan, som UTF-8.",
    en: "The value contains the replacement character “�”: characters such as å, ä and ö were lost before the file got here, and such text is not stored. Export the file again from its source, as UTF-8.",
  },
  "import.error.badDate": {
    sv: "Ogiltigt datum: skriv ett datum som finns, ÅÅÅÅ-MM-DD.",
    en: "Invalid date: write a date that exists, YYYY-MM-DD.",
  },
  "import.error.badTimestamp": {
    sv: "Ogiltig tidpunkt: skriv ett datum ÅÅÅÅ-MM-DD eller en tidpunkt enligt ISO 8601.",
    en: "Invalid time: write a date YYYY-MM-DD or an ISO 8601 timestamp.",
  },
  "import.error.badStep": {
    sv: "Ogiltigt steg: skriv stegets nummer, ett heltal från 1.",
    en: "Invalid step: write the step's number, a whole number from 1.",
  },
  "import.error.mustBeEmpty": {
    sv: "Kolumnen ska vara tom för den här händelsetypen.",
    en: "The column must be empty for this event type.",
  },
  "import.error.badValue": {
    sv: "Ogiltigt värde för den här händelsetypen.",
    en: "Invalid value for this event type.",
  },
  "import.error.unknownCase": {
    sv: "Okänt ärende: case_ref finns varken i cases.csv eller bland de ärenden du har tillgång till.",
    en: "Unknown case: the case_ref is neither in cases.csv nor among the cases you have access to.",
  },
  "import.error.ambiguousCase": {
    sv: "Tvetydigt ärende: flera organisationer har ett ärende med detta case_ref, så det går inte att avgöra vilket händelsen hör till. Importera händelserna för en organisation i taget.",
    en: "Ambiguous case: several organisations have a case with this case_ref, so it cannot be told which one the event belongs to. Import the events of one organisation at a time.",
  },
  "import.error.unknownUnit": {
    sv: "Okänd enhet: enhetskoden finns varken i units.csv eller i databasen.",
    en: "Unknown unit: the unit code is neither in units.csv nor in the database.",
  },
  "import.error.stepNotInProcess": {
    sv: "Steget finns inte i ärendets processkarta.",
    en: "The step is not part of the case's process model.",
  },
  "import.error.conflictingCase": {
    sv: "Samma case_ref finns redan med andra uppgifter (i filen eller i databasen).",
    en: "The same case_ref already exists with different attributes (in the file or in the database).",
  },
  "import.error.conflictingUnit": {
    sv: "Samma enhetskod finns redan med andra uppgifter eller en annan organisation.",
    en: "The same unit code already exists with different attributes or another organisation.",
  },
  "import.error.conflictingOrganisation": {
    sv: "Samma organisationskod finns redan med annan huvudmannatyp, kommun eller annat namn.",
    en: "The same organisation code already exists with another principal type, municipality or name.",
  },
  "import.error.organisationOutsideScope": {
    sv: "Organisationen är inte någon av dina organisationer. Du kan bara importera enheter i dina egna organisationer.",
    en: "The organisation is not one of yours. You can only import units of your own organisations.",
  },
  "import.error.unitOutsideScope": {
    sv: "Enheten tillhör inte någon av dina organisationer.",
    en: "The unit does not belong to any of your organisations.",
  },
  "import.error.consentRequired": {
    sv: "Enheten hör till en huvudman som inte redan har del av ärendet. Ärendets uppgifter får delas med en annan huvudman bara när den enskilde har gett sitt samtycke: registrera samtycket först, daterat före händelsen.",
    en: "The unit belongs to a principal that does not already take part in the case. The case may be shared with another principal only while the individual has given consent: record the consent first, dated before the event.",
  },
  "import.notice.semicolonSeparated": {
    sv: "Filen är semikolonavgränsad (som kalkylprogrammens ”CSV (semikolonavgränsad)”) och lästes så.",
    en: "The file is semicolon-separated (as spreadsheets' “CSV (semicolon delimited)”) and was read so.",
  },
  "import.notice.windows1252": {
    sv: "Filen är inte UTF-8 utan Windows-1252 (som kalkylprogrammens ”CSV”) och konverterades till UTF-8.",
    en: "The file is not UTF-8 but Windows-1252 (as spreadsheets' “CSV”) and was converted to UTF-8.",
  },
} as const satisfies Record<string, Label>;
