export const dashboardMessages = {
  "dashboard.overview": { sv: "Översikt", en: "Overview" },
  "dashboard.loading": { sv: "Hämtar uppgifter…", en: "Loading…" },
  "dashboard.error": {
    sv: "Uppgifterna kunde inte hämtas. Försök igen om en stund.",
    en: "The figures could not be loaded. Try again shortly.",
  },
  "signin.dev_heading": { sv: "Utvecklarinloggning", en: "Developer sign-in" },
  "signin.dev_warning": {
    sv: "Endast för utveckling och test (AUTH_MODE=dev). I drift loggar du in via din organisations inloggning.",
    en: "For development and testing only (AUTH_MODE=dev). In production you sign in through your organisation's identity provider.",
  },
  "signin.oidc_only": {
    sv: "Logga in via din organisations inloggning.",
    en: "Sign in through your organisation's identity provider.",
  },
  "signin.role": { sv: "Roll", en: "Role" },
  "signin.role.samordnare": { sv: "Samordnare", en: "Coordinator" },
  "signin.role.ledning": { sv: "Ledning", en: "Management" },
  "signin.role.lan": { sv: "Länsgrupp", en: "County group" },
  "signin.role.admin": { sv: "Administratör", en: "Administrator" },
  "signin.organisations": { sv: "Organisationer", en: "Organisations" },
  "signin.submit": { sv: "Logga in", en: "Sign in" },
  "signin.failed": {
    sv: "Inloggningen misslyckades. Samordnare och ledning behöver minst en organisation.",
    en: "Sign-in failed. Coordinators and managers need at least one organisation.",
  },
  "signin.signed_in_as": { sv: "Inloggad som {sub} ({role})", en: "Signed in as {sub} ({role})" },
  "signin.sign_out": { sv: "Logga ut", en: "Sign out" },
} as const;
