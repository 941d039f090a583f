export const dashboardMessages = {
  "dashboard.overview": { sv: "Översikt", en: "Overview" },
  "dashboard.loading": { sv: "Hämtar uppgifter…", en: "Loading…" },
  "dashboard.error": {
    sv: "Uppgifterna kunde inte hämtas. Försök igen om en stund.",
    en: "The figures could not be loaded. Try again shortly.",
  },
  "dashboard.holdings_caption": { sv: "Det här finns i Samsyn", en: "What Samsyn holds" },
  "dashboard.organisations": { sv: "Organisationer", en: "Organisations" },
  "dashboard.units": { sv: "Enheter", en: "Units" },
  "dashboard.cases": { sv: "Samverkansärenden", en: "Collaboration cases" },
  "dashboard.events": { sv: "Händelser", en: "Events" },
} as const;
