export const apiMessages = {
  "error.bad_request": { sv: "Felaktig begäran.", en: "Bad request." },
  "error.malformed_json": { sv: "Kroppen är inte giltig JSON.", en: "The body is not valid JSON." },
  "error.unknown_fields": { sv: "Okända fält: {fields}.", en: "Unknown fields: {fields}." },
  // A field the request schema refused, said as a form says it (the details of a 400).
  "error.field.expected": {
    sv: "Saknas eller har fel form: ska vara {expected}.",
    en: "Missing or of the wrong kind: must be {expected}.",
  },
  "error.field.kind.string": { sv: "text", en: "text" },
  "error.field.kind.number": { sv: "ett tal", en: "a number" },
  "error.field.kind.boolean": { sv: "sant eller falskt", en: "true or false" },
  "error.field.kind.array": { sv: "en lista", en: "a list" },
  "error.field.kind.object": { sv: "ett objekt", en: "an object" },
  "error.field.kind.other": { sv: "något annat", en: "something else" },
  "error.field.empty": { sv: "Får inte vara tomt.", en: "Must not be empty." },
  "error.field.min_length": { sv: "Minst {n} tecken.", en: "At least {n} characters." },
  "error.field.max_length": { sv: "Högst {n} tecken.", en: "At most {n} characters." },
  "error.field.min_items": { sv: "Minst {n} val.", en: "At least {n} items." },
  "error.field.max_items": { sv: "Högst {n} val.", en: "At most {n} items." },
  "error.field.min": { sv: "Minst {n}.", en: "At least {n}." },
  "error.field.max": { sv: "Högst {n}.", en: "At most {n}." },
  "error.field.one_of": { sv: "Ska vara ett av: {values}.", en: "Must be one of: {values}." },
  "error.field.date": {
    sv: "Ska vara ett datum som ÅÅÅÅ-MM-DD.",
    en: "Must be a date as YYYY-MM-DD.",
  },
  "error.field.format": { sv: "Har fel format.", en: "Has the wrong format." },
  "error.field.no_such_date": { sv: "Datumet finns inte.", en: "The date does not exist." },
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
  "error.session_expired": {
    sv: "Din inloggning har gått ut. Logga in igen.",
    en: "Your sign-in has expired. Sign in again.",
  },
  "error.unauthenticated": {
    sv: "Du är inte inloggad, eller inloggningen har gått ut.",
    en: "You are not signed in, or your sign-in has expired.",
  },
  "error.request_timeout": {
    sv: "Begäran tog för lång tid att ta emot.",
    en: "The request took too long to arrive.",
  },
  "error.payload_too_large": { sv: "Kroppen är för stor.", en: "The body is too large." },
  "error.unsupported_media_type": {
    sv: "Kroppen har fel innehållstyp.",
    en: "The body has the wrong content type.",
  },
  "error.identifier_rejected": {
    sv: "Uppgiften innehåller ett personnummer eller samordningsnummer och tas inte emot.",
    en: "The value contains a personnummer or samordningsnummer and is not accepted.",
  },
  "error.rate_limited": {
    sv: "För många anrop. Försök igen om en stund.",
    en: "Too many requests. Try again shortly.",
  },
  "error.request_header_too_large": {
    sv: "Begärans huvud är för stort.",
    en: "The request head is too large.",
  },
  "error.auth_unavailable": {
    sv: "Inloggningstjänsten svarar inte just nu. Försök igen om en stund.",
    en: "The sign-in service is not answering right now. Try again shortly.",
  },
  "error.database_unavailable": {
    sv: "Databasen svarar inte just nu. Försök igen om en stund.",
    en: "The database is not answering right now. Try again shortly.",
  },
  "error.disk_full": {
    sv: "Databasens disk är full: ingenting har sparats. Frigör utrymme och försök igen.",
    en: "The database's disk is full: nothing was saved. Free some space and try again.",
  },
} as const;
