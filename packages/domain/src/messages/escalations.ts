/** Eskalering: the refusals of the escalations' decider, one per code. */
export const escalationMessages = {
  "escalations.error.tooFewOrganisations": {
    sv: "En eskalering gäller minst två olika organisationer.",
    en: "An escalation concerns at least two different organisations.",
  },
  "escalations.error.unknownOrganisation": {
    sv: "Organisationen finns inte i katalogen.",
    en: "The organisation is not in the catalogue.",
  },
  "escalations.error.unknownAgreement": {
    sv: "Den överenskommelsen finns inte.",
    en: "That agreement does not exist.",
  },
  "escalations.error.unknownSection": {
    sv: "Överenskommelser har inget sådant avsnitt.",
    en: "Agreements have no such section.",
  },
  "escalations.error.levelAboveTop": {
    sv: "Eskaleringen är redan på högsta nivån (3, förvaltningschef eller ledningsforum) och kan inte lyftas högre.",
    en: "The escalation is already at the top level (3, director or leadership forum) and cannot be lifted further.",
  },
  "escalations.error.escalationResolved": {
    sv: "Eskaleringen är redan löst.",
    en: "The escalation is already resolved.",
  },
} as const;
