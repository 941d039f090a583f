/** Överenskommelser: the refusals of the agreements' decider, one per code, and their labels. */
export const agreementMessages = {
  "agreements.error.unknownOrganisation": {
    sv: "Organisationen finns inte i katalogen.",
    en: "The organisation is not in the catalogue.",
  },
  "agreements.error.unknownTargetGroup": {
    sv: "Målgruppen finns inte i katalogen.",
    en: "The target group is not in the catalogue.",
  },
  "agreements.error.unknownMunicipality": {
    sv: "Kommunen finns inte i katalogen.",
    en: "The municipality is not in the catalogue.",
  },
  "agreements.error.tooFewParties": {
    sv: "En överenskommelse behöver minst två parter.",
    en: "An agreement needs at least two parties.",
  },
  "agreements.error.validityOrder": {
    sv: "Giltig till kan inte vara före giltig från.",
    en: "Valid to cannot be before valid from.",
  },
  "agreements.error.staleRevision": {
    sv: "Någon annan har ändrat överenskommelsen sedan du öppnade den. Läs in den igen och gör om ändringen.",
    en: "Someone else has changed the agreement since you opened it. Reload it and make the change again.",
  },
  "agreements.error.statusTransition": {
    sv: "Överenskommelsen kan inte gå till den statusen från den status den har nu.",
    en: "The agreement cannot move to that status from its current one.",
  },
  "agreements.error.replacedByRequired": {
    sv: "Ange vilken överenskommelse som ersätter den här.",
    en: "Name the agreement that replaces this one.",
  },
  "agreements.error.replacedByNotAllowed": {
    sv: "En ersättare anges bara när överenskommelsen ersätts.",
    en: "A successor is given only when the agreement is replaced.",
  },
  "agreements.error.unknownAgreement": {
    sv: "Den överenskommelsen finns inte.",
    en: "That agreement does not exist.",
  },
  "agreements.error.agreementEnded": {
    sv: "Överenskommelsen har upphört eller ersatts och kan inte ändras.",
    en: "The agreement has expired or been replaced and cannot be changed.",
  },
  "agreements.error.figureNotInMetric": {
    sv: "Måttet har inte det talet.",
    en: "The metric has no such figure.",
  },
  "agreements.error.deviationClosed": {
    sv: "Avvikelsen är redan avslutad.",
    en: "The deviation is already closed.",
  },
  "agreements.invalid.reviewDue": {
    sv: "reviewDue ska vara overdue eller within:NNd, till exempel within:60d.",
    en: "reviewDue must be overdue or within:NNd, for example within:60d.",
  },
} as const;
