/**
 * Reasons the data layer gives when it refuses a write or a parameter (issue 4). Like every
 * reason, they name the field and the rule, never the rejected value.
 */
export const accessMessages = {
  "access.invalid.unknownUnit": {
    sv: "Okänd enhet: enhetskoden finns inte.",
    en: "Unknown unit: the unit code does not exist.",
  },
  "access.invalid.unknownOrganisation": {
    sv: "Okänd organisation: organisationskoden finns inte.",
    en: "Unknown organisation: the organisation code does not exist.",
  },
  "access.invalid.stepNotInProcess": {
    sv: "Steget finns inte i ärendets processkarta.",
    en: "The step is not part of the case's process model.",
  },
  "access.invalid.limit": {
    sv: "Antalet per sida ska vara ett heltal från 1 till {max}.",
    en: "The page size must be a whole number from 1 to {max}.",
  },
  "access.invalid.offset": {
    sv: "Startpositionen ska vara ett heltal från 0.",
    en: "The offset must be a whole number from 0.",
  },
  "access.invalid.cursor": {
    sv: "Ogiltig sidmarkör: använd nextCursor från föregående sida.",
    en: "Invalid cursor: use nextCursor from the previous page.",
  },
  "access.invalid.caseId": {
    sv: "Ärendets id ska vara ett heltal från 1.",
    en: "The case id must be a whole number from 1.",
  },
  "access.conflict.caseRef": {
    sv: "Organisationen har redan ett ärende med samma referens.",
    en: "The organisation already has a case with the same reference.",
  },
  "access.conflict.unitCode": {
    sv: "En enhet med samma kod finns redan.",
    en: "A unit with the same code already exists.",
  },
} as const;
