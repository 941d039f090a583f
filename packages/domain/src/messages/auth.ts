/**
 * Sign-in and the HTTP guards around every request. A 401 never says which check failed: telling
 * an attacker "wrong audience" or "bad signature" helps them forge the next token.
 */
export const authMessages = {
  "auth.token_missing": {
    sv: "Inloggning krävs: skicka en token i huvudet Authorization (Bearer).",
    en: "Sign-in required: send a token in the Authorization header (Bearer).",
  },
  "auth.token_invalid": {
    sv: "Ogiltig eller utgången token.",
    en: "Invalid or expired token.",
  },
  "auth.provider_unavailable": {
    sv: "Inloggningstjänsten svarar inte just nu. Försök igen om en stund.",
    en: "The sign-in service is not answering right now. Try again shortly.",
  },
  "auth.dev_in_production": {
    sv: "AUTH_MODE=dev får inte användas när NODE_ENV=production. Sätt AUTH_MODE=oidc med OIDC_ISSUER, OIDC_AUDIENCE och OIDC_JWKS_URL.",
    en: "AUTH_MODE=dev must not be used when NODE_ENV=production. Set AUTH_MODE=oidc with OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL.",
  },
  "auth.oidc_settings_missing": {
    sv: "AUTH_MODE=oidc kräver också {names}.",
    en: "AUTH_MODE=oidc also requires {names}.",
  },
  "auth.token_command_needs_dev": {
    sv: "Kommandot token fungerar bara med AUTH_MODE=dev. Med OIDC utfärdar identitetsleverantören token.",
    en: "The token command works only with AUTH_MODE=dev. With OIDC the identity provider issues tokens.",
  },
  "auth.role_missing": {
    sv: "Ange en roll med --role: {roles}.",
    en: "Give a role with --role: {roles}.",
  },
  "auth.role_unknown": {
    sv: "Okänd roll. Välj en av: {roles}.",
    en: "Unknown role. Choose one of: {roles}.",
  },
  "auth.orgs_required": {
    sv: "Rollerna ledning och samordnare kräver minst en organisation.",
    en: "The roles ledning and samordnare need at least one organisation.",
  },
  "auth.org_invalid": {
    sv: "Ogiltig organisationskod.",
    en: "Invalid organisation code.",
  },
  "auth.sub_invalid": {
    sv: "Användarnamnet ska vara 1–128 tecken och får inte innehålla ett personnummer eller samordningsnummer.",
    en: "The user name must be 1–128 characters and must not contain a personnummer or samordningsnummer.",
  },
  "http.payload_too_large": {
    sv: "Kroppen är för stor: högst {limit} byte.",
    en: "The body is too large: at most {limit} bytes.",
  },
  "http.unsupported_media_type": {
    sv: "Kroppen ska vara JSON (Content-Type: application/json).",
    en: "The body must be JSON (Content-Type: application/json).",
  },
  "http.rate_limited": {
    sv: "För många anrop. Försök igen om {seconds} sekunder.",
    en: "Too many requests. Try again in {seconds} seconds.",
  },
} as const;
