export const apiMessages = {
  "error.bad_request": { sv: "Felaktig begäran.", en: "Bad request." },
  "error.malformed_json": { sv: "Kroppen är inte giltig JSON.", en: "The body is not valid JSON." },
  "error.unknown_fields": { sv: "Okända fält: {fields}.", en: "Unknown fields: {fields}." },
  "error.not_found": { sv: "Det finns ingen sådan resurs.", en: "No such resource." },
  "error.forbidden": {
    sv: "Din roll eller behörighet räcker inte för det här.",
    en: "Your role or scope does not allow this.",
  },
  "error.conflict": { sv: "Det finns redan.", en: "It already exists." },
  "error.unprocessable": {
    sv: "Uppgifterna kunde inte tas emot. Se detaljerna.",
    en: "The data could not be accepted. See the details.",
  },
  "error.internal": {
    sv: "Ett oväntat fel inträffade. Försök igen eller kontakta förvaltningen.",
    en: "An unexpected error occurred. Try again or contact the administrators.",
  },
  "error.database_unavailable": {
    sv: "Databasen svarar inte just nu. Försök igen om en stund.",
    en: "The database is not answering right now. Try again shortly.",
  },
} as const;
