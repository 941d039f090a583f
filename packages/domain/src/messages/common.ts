export const commonMessages = {
  "app.name": { sv: "Samsyn", en: "Samsyn" },
  "app.tagline": {
    sv: "En gemensam bild av samverkan",
    en: "A shared picture of collaboration",
  },
} as const;
