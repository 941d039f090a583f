/**
 * The dashboard's page Utvärdering (issue 19): the sessions, a form to start one, and the live
 * board of one session from collect to closed.
 */
export const evaluationsPageMessages = {
  "nav.evaluations": { sv: "Utvärdering", en: "Evaluation" },
  "evaluationsPage.intro": {
    sv: "Vad fungerade bra i samverkan, och vad kan bli bättre? Samla, gruppera, rösta och gör förbättringar till åtgärder i ledningsforum.",
    en: "What worked well in the collaboration, and what can be better? Collect, group, vote and make improvements actions of a leadership forum.",
  },
  "evaluationsPage.board.page": { sv: "Utvärderingstavla", en: "Evaluation board" },
  "evaluationsPage.list.caption": { sv: "Utvärderingar", en: "Evaluations" },
  "evaluationsPage.list.empty": {
    sv: "Det finns inga utvärderingar ännu.",
    en: "There are no evaluations yet.",
  },
  "evaluationsPage.col.title": { sv: "Utvärdering", en: "Evaluation" },
  "evaluationsPage.col.organisations": { sv: "Organisationer", en: "Organisations" },
  "evaluationsPage.col.period": { sv: "Period", en: "Period" },
  "evaluationsPage.col.phase": { sv: "Fas", en: "Phase" },
  "evaluationsPage.col.held": { sv: "Hölls", en: "Held" },
  "evaluationsPage.anonymous": { sv: "anonym", en: "anonymous" },

  "evaluationsPage.phase.collect": { sv: "Samla", en: "Collect" },
  "evaluationsPage.phase.group": { sv: "Gruppera", en: "Group" },
  "evaluationsPage.phase.vote": { sv: "Rösta", en: "Vote" },
  "evaluationsPage.phase.discuss": { sv: "Diskutera", en: "Discuss" },
  "evaluationsPage.phase.closed": { sv: "Avslutad", en: "Closed" },
  "evaluationsPage.phase.to": { sv: "Gå vidare till: {phase}", en: "Move on to: {phase}" },
  "evaluationsPage.phase.now": { sv: "Fas: {phase}", en: "Phase: {phase}" },
  "evaluationsPage.phase.timer": {
    sv: "{minutes} min {seconds} s i fasen",
    en: "{minutes} min {seconds} s in this phase",
  },
  "evaluationsPage.phase.changed": {
    sv: "Utvärderingen är nu i fasen {phase}.",
    en: "The evaluation is now in the phase {phase}.",
  },

  "evaluationsPage.create.heading": { sv: "Starta en utvärdering", en: "Start an evaluation" },
  "evaluationsPage.create.title": { sv: "Rubrik", en: "Title" },
  "evaluationsPage.create.organisations": { sv: "Organisationer", en: "Organisations" },
  "evaluationsPage.create.from": { sv: "Perioden från", en: "Period from" },
  "evaluationsPage.create.to": { sv: "Perioden till", en: "Period to" },
  "evaluationsPage.create.process": { sv: "Processmodell", en: "Process model" },
  "evaluationsPage.create.no_process": { sv: "Ingen processmodell", en: "No process model" },
  "evaluationsPage.create.anonymous": {
    sv: "Anonym: ingen uppgift om vem som skrivit vad sparas",
    en: "Anonymous: who wrote what is stored nowhere",
  },
  "evaluationsPage.create.votes": { sv: "Röster per deltagare", en: "Votes per participant" },
  "evaluationsPage.create.submit": { sv: "Starta utvärderingen", en: "Start the evaluation" },
  "evaluationsPage.create.one_organisation": {
    sv: "Välj minst en organisation.",
    en: "Choose at least one organisation.",
  },

  "evaluationsPage.column.worked_well": { sv: "Vad fungerade bra", en: "What worked well" },
  "evaluationsPage.column.improve": { sv: "Förbättringsområden", en: "Areas to improve" },
  "evaluationsPage.column.empty": { sv: "Inget ännu.", en: "Nothing yet." },
  "evaluationsPage.item.add": { sv: "Lägg till", en: "Add" },
  "evaluationsPage.item.heading": { sv: "Skriv en lapp", en: "Write a note" },
  "evaluationsPage.item.kind": { sv: "Sort", en: "Kind" },
  "evaluationsPage.item.text": { sv: "Text", en: "Text" },
  "evaluationsPage.item.theme": { sv: "Tema", en: "Theme" },
  "evaluationsPage.item.step": { sv: "Steg", en: "Step" },
  "evaluationsPage.item.no_step": { sv: "Inget särskilt steg", en: "No particular step" },
  "evaluationsPage.item.added": {
    sv: "Ny lapp under {column}: {text}",
    en: "New note under {column}: {text}",
  },
  "evaluationsPage.item.by": { sv: "av {author}", en: "by {author}" },

  "evaluationsPage.group.heading": { sv: "Ny grupp", en: "New group" },
  "evaluationsPage.group.title": { sv: "Gruppens namn", en: "The group's name" },
  "evaluationsPage.group.items": { sv: "Lappar i gruppen", en: "Notes in the group" },
  "evaluationsPage.group.submit": { sv: "Skapa gruppen", en: "Create the group" },
  "evaluationsPage.group.move": { sv: "Flytta till grupp", en: "Move to group" },
  "evaluationsPage.group.move_submit": { sv: "Flytta", en: "Move" },
  "evaluationsPage.group.choose": { sv: "Välj grupp", en: "Choose a group" },
  "evaluationsPage.group.in": { sv: "I gruppen {title}", en: "In the group {title}" },
  "evaluationsPage.group.label": { sv: "Grupp: {title}", en: "Group: {title}" },
  "evaluationsPage.group.changed": {
    sv: "Gruppen {title} har nu {count} lappar.",
    en: "The group {title} now holds {count} notes.",
  },
  "evaluationsPage.group.choose_items": {
    sv: "Välj minst en lapp.",
    en: "Choose at least one note.",
  },

  "evaluationsPage.vote.left": {
    sv: "Du har {count} av {total} röster kvar.",
    en: "You have {count} of {total} votes left.",
  },
  "evaluationsPage.vote.cast": { sv: "Rösta", en: "Vote" },
  "evaluationsPage.vote.cast_on": { sv: "Rösta på: {text}", en: "Vote for: {text}" },
  "evaluationsPage.vote.hidden": {
    sv: "Rösterna visas när utvärderingen går till diskussion.",
    en: "The votes are shown when the evaluation moves on to discussion.",
  },
  "evaluationsPage.vote.total": { sv: "Röster: {count}", en: "Votes: {count}" },
  "evaluationsPage.vote.someone": { sv: "En röst har lagts.", en: "A vote was cast." },

  "evaluationsPage.lift.open": { sv: "Gör till åtgärd", en: "Make it an action" },
  "evaluationsPage.lift.heading": {
    sv: "Gör till åtgärd: {text}",
    en: "Make it an action: {text}",
  },
  "evaluationsPage.lift.forum": { sv: "Ledningsforum", en: "Leadership forum" },
  "evaluationsPage.lift.owner": { sv: "Ansvarig organisation", en: "Responsible organisation" },
  "evaluationsPage.lift.due": { sv: "Klart senast", en: "Due" },
  "evaluationsPage.lift.submit": { sv: "Skapa åtgärden", en: "Create the action" },
  "evaluationsPage.lift.cancel": { sv: "Avbryt", en: "Cancel" },
  "evaluationsPage.lift.done": {
    sv: "Åtgärd i ledningsforum ({status})",
    en: "Action of a leadership forum ({status})",
  },
  "evaluationsPage.lift.saved": {
    sv: "Åtgärden är skapad i ledningsforum.",
    en: "The action was created in the leadership forum.",
  },
  "evaluationsPage.action.open": { sv: "pågår", en: "open" },
  "evaluationsPage.action.done": { sv: "klar", en: "done" },
  "evaluationsPage.action.cancelled": { sv: "avbruten", en: "cancelled" },

  "evaluationsPage.previous.heading": {
    sv: "Åtgärder från tidigare utvärderingar",
    en: "Actions from earlier evaluations",
  },
  "evaluationsPage.previous.status": {
    sv: "({status}, senast {due})",
    en: "({status}, due {due})",
  },

  "evaluationsPage.presence.count": {
    sv: "{count} deltagare har tavlan öppen",
    en: "{count} participants have the board open",
  },
  "evaluationsPage.presence.named": {
    sv: "Har tavlan öppen: {names}",
    en: "Have the board open: {names}",
  },
  "evaluationsPage.live.connected": { sv: "Live", en: "Live" },
  "evaluationsPage.live.reconnecting": {
    sv: "Anslutningen bröts: ansluter igen…",
    en: "The connection broke: reconnecting…",
  },

  "evaluationsPage.figures.heading": { sv: "Siffror för perioden", en: "Figures for the period" },
  "evaluationsPage.figures.none": {
    sv: "Utvärderingen har ingen processmodell: det finns inga siffror att visa.",
    en: "The evaluation has no process model: there are no figures to show.",
  },
  "evaluationsPage.figures.lead_time": {
    sv: "{from} → {to}: median {median} dagar ({n} ärenden)",
    en: "{from} → {to}: median {median} days ({n} cases)",
  },
  "evaluationsPage.figures.stuck": {
    sv: "{step}: {count} fastnade ärenden",
    en: "{step}: {count} stuck cases",
  },
  "evaluationsPage.figures.lead_times": { sv: "Ledtider", en: "Lead times" },
  "evaluationsPage.figures.stuck_heading": { sv: "Fastnade ärenden", en: "Stuck cases" },
  "evaluationsPage.figures.no_stuck": {
    sv: "Inga ärenden har fastnat i stegen.",
    en: "No cases are stuck in the steps.",
  },
} as const;
