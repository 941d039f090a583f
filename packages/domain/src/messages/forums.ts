/** Ledningsforum: the refusals of the forums' decider, one per code, and the API's own checks. */
export const forumMessages = {
  "forums.error.tooFewMembers": {
    sv: "Ett ledningsforum behöver minst två medlemsorganisationer.",
    en: "A leadership forum needs at least two member organisations.",
  },
  "forums.error.unknownOrganisation": {
    sv: "Organisationen finns inte i katalogen.",
    en: "The organisation is not in the catalogue.",
  },
  "forums.error.chairNotMember": {
    sv: "Ordförandeorganisationen ska vara en av forumets medlemmar.",
    en: "The chairing organisation must be one of the forum's members.",
  },
  "forums.error.ownerNotMember": {
    sv: "Åtgärdens ansvariga organisation ska vara medlem i forumet.",
    en: "The organisation owning the action must be a member of the forum.",
  },
  "forums.error.dueBeforeDecided": {
    sv: "Sista dag kan inte vara före mötets datum.",
    en: "The due date cannot be before the meeting's date.",
  },
  "forums.error.unknownIndicator": {
    sv: "Den indikatorn finns inte.",
    en: "That indicator does not exist.",
  },
  "forums.error.figureNotInMetric": {
    sv: "Måttet har inte det talet.",
    en: "The metric has no such figure.",
  },
  "forums.error.meetingLocked": {
    sv: "Protokollet är justerat och kan inte längre ändras.",
    en: "The minutes have been approved and can no longer be changed.",
  },
  "forums.error.statusTransition": {
    sv: "Mötet går från planerat till genomfört och sedan till justerat, ett steg i taget.",
    en: "A meeting goes from planned to held and then to approved, one step at a time.",
  },
  "forums.error.actionClosed": {
    sv: "Åtgärden är redan avslutad.",
    en: "The action is already closed.",
  },
  "forums.invalid.periodOrder": {
    sv: "Från-datumet kan inte vara efter till-datumet.",
    en: "The from date cannot be after the to date.",
  },
  "forums.invalid.periodTooLong": {
    sv: "Perioden får omfatta högst {max} kvartal.",
    en: "The period may span at most {max} quarters.",
  },
} as const;
