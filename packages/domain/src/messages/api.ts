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
} as const;
