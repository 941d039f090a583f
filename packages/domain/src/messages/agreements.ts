/** Överenskommelser: the refusals of the agreements' decider, one per code, and their labels. */
export const agreementMessages = {
  "agreements.error.unknownOrganisation": {
    sv: "Organisationen finns inte i katalogen.",
    en: "The organisation is not in the catalogue.",
  },
  "agreements.error.unknownTargetGroup": {
    sv: "Målgruppen finns inte i katalogen.",
    en: "The target group is not in the catalogue.",
  },
  "agreements.error.unknownMunicipality": {
    sv: "Kommunen finns inte i katalogen.",
    en: "The municipality is not in the catalogue.",
  },
  "agreements.error.tooFewParties": {
    sv: "En överenskommelse behöver minst två parter.",
    en: "An agreement needs at least two parties.",
  },
  "agreements.error.validityOrder": {
    sv: "Giltig till kan inte vara före giltig från.",
    en: "Valid to cannot be before valid from.",
  },
  "agreements.error.staleRevision": {
    sv: "Någon annan har ändrat överenskommelsen sedan du öppnade den. Läs in den igen och gör om ändringen.",
    en: "Someone else has changed the agreement since you opened it. Reload it and make the change again.",
  },
  "agreements.error.statusTransition": {
    sv: "Överenskommelsen kan inte gå till den statusen från den status den har nu.",
    en: "The agreement cannot move to that status from its current one.",
  },
  "agreements.error.replacedByRequired": {
    sv: "Ange vilken överenskommelse som ersätter den här.",
    en: "Name the agreement that replaces this one.",
  },
  "agreements.error.replacedByNotAllowed": {
    sv: "En ersättare anges bara när överenskommelsen ersätts.",
    en: "A successor is given only when the agreement is replaced.",
  },
  "agreements.error.unknownAgreement": {
    sv: "Den överenskommelsen finns inte.",
    en: "That agreement does not exist.",
  },
  "agreements.error.agreementEnded": {
    sv: "Överenskommelsen har upphört eller ersatts och kan inte ändras.",
    en: "The agreement has expired or been replaced and cannot be changed.",
  },
  "agreements.error.figureNotInMetric": {
    sv: "Måttet har inte det talet.",
    en: "The metric has no such figure.",
  },
  "agreements.error.deviationClosed": {
    sv: "Avvikelsen är redan avslutad.",
    en: "The deviation is already closed.",
  },
  "agreements.invalid.reviewDue": {
    sv: "reviewDue ska vara overdue eller within:NNd, till exempel within:60d.",
    en: "reviewDue must be overdue or within:NNd, for example within:60d.",
  },
  "agreements.register.inFile": { sv: "Filen", en: "The file" },
  "agreements.register.atLine": { sv: "Rad {line}", en: "Line {line}" },
  "agreements.register.atCell": {
    sv: "Rad {line}, kolumn {column}",
    en: "Line {line}, column {column}",
  },
  "agreements.register.unknownColumn": {
    sv: "Okänd kolumn. Registrets kolumner är {columns} och avsnitten section_1_kind, section_1_title, section_1_text och så vidare.",
    en: "Unknown column. The register's columns are {columns} and the sections section_1_kind, section_1_title, section_1_text and so on.",
  },
  "agreements.register.missingColumn": {
    sv: "Kolumnen saknas i rubrikraden.",
    en: "The column is missing from the header row.",
  },
  "agreements.register.repeatedColumn": {
    sv: "En kolumn står två gånger i rubrikraden.",
    en: "A column appears twice in the header row.",
  },
  "agreements.register.tooManySections": {
    sv: "För många avsnitt: högst {max}.",
    en: "Too many sections: at most {max}.",
  },
  "agreements.register.empty": {
    sv: "Filen är tom: rubrikraden saknas.",
    en: "The file is empty: the header row is missing.",
  },
  "agreements.register.repeatedId": {
    sv: "Samma id står redan på rad {line}.",
    en: "The same id is already on line {line}.",
  },
  "agreements.register.repeatedRow": {
    sv: "Raden är en kopia av rad {line}.",
    en: "The row repeats line {line}.",
  },
  "agreements.register.revisionChanged": {
    sv: "Överenskommelsen har ändrats sedan filen exporterades (den är nu version {revision}). Exportera registret igen och gör om ändringen där.",
    en: "The agreement has changed since the file was exported (it is now revision {revision}). Export the register again and make the change there.",
  },
  "agreements.register.notImportable": {
    sv: "Värdet kan inte sättas genom en import (till exempel replaced_by på en överenskommelse som inte ersätts).",
    en: "The value cannot be set by an import (for example replaced_by on an agreement that is not replaced).",
  },
  "agreements.register.rejected": {
    sv: "Filen lästes inte in: {count} fel. Inget sparades.",
    en: "The file was not imported: {count} errors. Nothing was saved.",
  },
  "agreements.register.mediaType": {
    sv: "Skicka registret som CSV (Content-Type: text/csv).",
    en: "Send the register as CSV (Content-Type: text/csv).",
  },
} as const;
