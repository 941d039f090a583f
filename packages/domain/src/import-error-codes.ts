/**
 * Apart from interchange.ts so that the field parsers (fields.ts), which interchange.ts uses,
 * can name these codes without a cycle.
 */
/** Why a row, a file or a reference was rejected; each has a message `import.error.<code>`. */
export const importErrorCodes = [
  "missingFile",
  "badHeader",
  "malformedCsv",
  // A record longer than the import reads (a file that lost its line ends): refused, not held.
  "lineTooLong",
  // Neither UTF-8 nor Windows-1252 (UTF-16, say): no text of it can be trusted.
  "badEncoding",
  "columnCount",
  "required",
  "tooLong",
  "identifier",
  "badCode",
  "unknownCode",
  // A spreadsheet that read kommunkod 0180 as the number 180: said rather than guessed.
  "missingLeadingZero",
  // U+FFFD stands for text lost before the file reached Samsyn; it is never stored.
  "replacementCharacter",
  "badDate",
  "badTimestamp",
  "badStep",
  "mustBeEmpty",
  "badValue",
  "unknownCase",
  // A ref names a case within its organisation: one that two organisations' cases share, both
  // in the caller's sight, does not say which case an event belongs to.
  "ambiguousCase",
  "unknownUnit",
  "stepNotInProcess",
  "conflictingCase",
  "conflictingUnit",
  "conflictingOrganisation",
  // Only for an import limited to the caller's organisations (a samordnare's). A stored case
  // out of the caller's sight is an `unknownCase`: a code of its own would tell that it exists.
  "organisationOutsideScope",
  "unitOutsideScope",
  "consentRequired",
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];
