/**
 * Signing in to the dashboard through the region's identity provider (AUTH_MODE=oidc, ADR 0009).
 * The problems name what the user, or their administrator, can do about them.
 */
export const signInMessages = {
  "signin.oidc_heading": { sv: "Logga in", en: "Sign in" },
  "signin.oidc_intro": {
    sv: "Du loggar in med din organisations inloggning och kommer sedan tillbaka hit.",
    en: "You sign in with your organisation's sign-in and then come back here.",
  },
  "signin.sign_in_again": { sv: "Logga in igen", en: "Sign in again" },
  "signin.session_expired": {
    sv: "Din inloggning har gått ut. Logga in igen för att fortsätta där du var.",
    en: "Your sign-in has expired. Sign in again to continue where you were.",
  },
  "signin.signed_out": {
    sv: "Du är utloggad.",
    en: "You are signed out.",
  },
  "signin.error.provider_unavailable": {
    sv: "Inloggningstjänsten svarar inte just nu, så du kan inte logga in. Försök igen om en stund. Om felet kvarstår, kontakta din IT-support.",
    en: "The sign-in service is not answering right now, so you cannot sign in. Try again shortly. If it persists, contact your IT support.",
  },
  "signin.error.no_role": {
    sv: "Du är inloggad hos din organisation, men ditt konto har ingen roll i Samsyn. Be den som administrerar inloggningen att ge dig en roll (samordnare, ledning, länsgrupp eller administratör).",
    en: "You are signed in at your organisation, but your account has no role in Samsyn. Ask whoever administers sign-in to give you a role (samordnare, ledning, länsgrupp or administrator).",
  },
  "signin.error.no_organisation": {
    sv: "Ditt konto saknar organisation i Samsyn. Samordnare och ledning behöver minst en organisation; be den som administrerar inloggningen att lägga till den.",
    en: "Your account has no organisation in Samsyn. Coordinators and managers need at least one; ask whoever administers sign-in to add it.",
  },
  "signin.error.failed": {
    sv: "Inloggningen kunde inte slutföras. Försök igen.",
    en: "The sign-in could not be completed. Try again.",
  },
  "signin.error.not_configured": {
    sv: "Inloggning till panelen är inte inställd. Administratören behöver ange OIDC_CLIENT_ID och SAMSYN_PUBLIC_URL.",
    en: "Sign-in to the dashboard is not set up. The administrator needs to set OIDC_CLIENT_ID and SAMSYN_PUBLIC_URL.",
  },
  "signin.sign_out_failed": {
    sv: "Utloggningen misslyckades. Försök igen.",
    en: "Signing out failed. Try again.",
  },
  "signin.dev_mode_badge": { sv: "Utvecklarläge", en: "Developer mode" },
  "auth.session_expired": {
    sv: "Inloggningen har gått ut. Logga in igen.",
    en: "The sign-in has expired. Sign in again.",
  },
  "auth.csrf_missing": {
    sv: "Begäran saknar sessionens skydd mot förfalskade anrop. Ladda om sidan och försök igen.",
    en: "The request lacks the session's protection against forged requests. Reload the page and try again.",
  },
} as const;
