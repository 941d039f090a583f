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
  "evaluationsPage.figures.lead_times": {
    sv: "Ledtider för ärenden öppnade {from} – {asOf}",
    en: "Lead times of cases opened {from} – {asOf}",
  },
  "evaluationsPage.figures.stuck_heading": {
    sv: "Fastnade ärenden den {asOf}, av ärenden öppnade {from} – {asOf}",
    en: "Stuck cases on {asOf}, of cases opened {from} – {asOf}",
  },
  "evaluationsPage.figures.no_stuck": {
    sv: "Inga ärenden har fastnat i stegen.",
    en: "No cases are stuck in the steps.",
  },
  "evaluationsPage.figures.flow_heading": {
    sv: "Flöde genom stegen",
    en: "Flow through the steps",
  },
  "evaluationsPage.figures.flow_caption": {
    sv: "Ärenden som gick från ett steg till ett annat, till eller från stegen i fokus, {from} – {to}",
    en: "Cases that moved from one step to another, into or out of the steps in focus, {from} – {to}",
  },
  "evaluationsPage.figures.no_flow": {
    sv: "Inga ärenden gick till eller från stegen under perioden.",
    en: "No cases moved into or out of the steps in the period.",
  },
  "evaluationsPage.col.from_step": { sv: "Från steg", en: "From step" },
  "evaluationsPage.col.to_step": { sv: "Till steg", en: "To step" },
  "evaluationsPage.col.cases": { sv: "Ärenden (antal)", en: "Cases (number)" },

  "nav.evaluation_themes": { sv: "Utvärderingarnas teman", en: "Evaluation themes" },
  "evaluationsPage.themes.link": {
    sv: "Se vilka teman utvärderingarna tar upp över tid",
    en: "See which themes the evaluations raise over time",
  },
  "evaluationsPage.themes.intro": {
    sv: "Vad fungerade bra och vad behöver bli bättre, tema för tema: antal lappar i utvärderingarna per tema, månad och processteg.",
    en: "What worked well and what needs to improve, theme by theme: the number of notes in the evaluations by theme, month and process step.",
  },
  "evaluationsPage.themes.scope_county": {
    sv: "Alla utvärderingar i länet.",
    en: "Every evaluation in the county.",
  },
  "evaluationsPage.themes.scope_own": {
    sv: "Utvärderingar som dina organisationer deltog i.",
    en: "Evaluations your organisations took part in.",
  },
  "evaluationsPage.themes.period": {
    sv: "Lappar skrivna {period}.",
    en: "Notes written {period}.",
  },
  "evaluationsPage.themes.theme": { sv: "Tema", en: "Theme" },
  "evaluationsPage.themes.all": { sv: "Alla teman", en: "All themes" },
  "evaluationsPage.themes.showing": {
    sv: "Per månad och per processteg visas temat {theme}.",
    en: "By month and by process step the theme {theme} is shown.",
  },
  "evaluationsPage.themes.chosen": { sv: "{theme} (valt tema)", en: "{theme} (chosen theme)" },
  "evaluationsPage.themes.by_theme": { sv: "Per tema", en: "By theme" },
  "evaluationsPage.themes.by_month": { sv: "Per månad", en: "By month" },
  "evaluationsPage.themes.by_step": { sv: "Per processteg", en: "By process step" },
  "evaluationsPage.themes.caption_theme": {
    sv: "Lappar per tema, {period}",
    en: "Notes by theme, {period}",
  },
  "evaluationsPage.themes.caption_month": {
    sv: "Lappar per månad, {subject}, {period}",
    en: "Notes by month, {subject}, {period}",
  },
  "evaluationsPage.themes.caption_step": {
    sv: "Lappar per processteg, {subject}, {period}",
    en: "Notes by process step, {subject}, {period}",
  },
  "evaluationsPage.themes.all_subject": { sv: "alla teman", en: "all themes" },
  "evaluationsPage.themes.theme_subject": { sv: "temat {theme}", en: "the theme {theme}" },
  "evaluationsPage.themes.col.worked_well": {
    sv: "Fungerade bra (antal lappar)",
    en: "Worked well (number of notes)",
  },
  "evaluationsPage.themes.col.improve": {
    sv: "Förbättringsområden (antal lappar)",
    en: "Areas to improve (number of notes)",
  },
  "evaluationsPage.themes.col.step": { sv: "Processteg", en: "Process step" },
  "evaluationsPage.themes.series.worked_well": { sv: "Fungerade bra", en: "Worked well" },
  "evaluationsPage.themes.series.improve": { sv: "Förbättringsområden", en: "Areas to improve" },
  "evaluationsPage.themes.step_of": { sv: "{process}: {step}", en: "{process}: {step}" },
  "evaluationsPage.themes.no_step": {
    sv: "Inget särskilt processteg",
    en: "No particular process step",
  },
  "evaluationsPage.themes.unit": {
    sv: "Antal lappar (anteckningar i utvärderingarna).",
    en: "Number of notes written in the evaluations.",
  },
  "evaluationsPage.themes.month_thin": {
    sv: "Ingen månad har så många lappar att de kan redovisas: ett diagram skulle bara visa noll. Tabellen visar varje månad; välj Alla teman för att se alla lappar per månad.",
    en: "No month has enough notes to be published: a chart would show only zero. The table shows each month; choose All themes to see every note by month.",
  },
  "evaluationsPage.themes.empty": {
    sv: "Inga lappar skrevs under perioden.",
    en: "No notes were written in the period.",
  },

  "evaluationsPage.summary.heading": { sv: "Sammanfattning", en: "Summary" },
  "evaluationsPage.summary.intro": {
    sv: "Utvärderingens lappar med tema, steg, grupp och röster, och åtgärderna den gav. Skriv ut den på A4 eller exportera den som tabell.",
    en: "The evaluation's notes with theme, step, group and votes, and the actions it gave. Print it on A4 or export it as a table.",
  },
  "evaluationsPage.summary.print": { sv: "Skriv ut sammanfattningen", en: "Print the summary" },
  "evaluationsPage.summary.printed": { sv: "Utskriven {date}", en: "Printed {date}" },
  "evaluationsPage.summary.period": { sv: "Period", en: "Period" },
  "evaluationsPage.summary.held": { sv: "Hölls", en: "Held" },
  "evaluationsPage.summary.organisations": { sv: "Organisationer", en: "Organisations" },
  "evaluationsPage.summary.process": { sv: "Processmodell", en: "Process model" },
  "evaluationsPage.summary.steps": { sv: "Steg i fokus", en: "Steps in focus" },
  "evaluationsPage.summary.all_steps": {
    sv: "Alla processens steg",
    en: "Every step of the process",
  },
  "evaluationsPage.summary.no_process": { sv: "Ingen processmodell", en: "No process model" },
  "evaluationsPage.summary.anonymous": { sv: "Anonym", en: "Anonymous" },
  "evaluationsPage.summary.anonymous_yes": {
    sv: "Ja: ingen författare sparas",
    en: "Yes: no author is stored",
  },
  "evaluationsPage.summary.anonymous_no": { sv: "Nej", en: "No" },
  "evaluationsPage.summary.phase": { sv: "Fas", en: "Phase" },
  "evaluationsPage.summary.caption": {
    sv: "{column}: lappar och grupper, flest röster först",
    en: "{column}: notes and groups, most votes first",
  },
  "evaluationsPage.summary.export_title": {
    sv: "Sammanfattning av {title}",
    en: "Summary of {title}",
  },
  "evaluationsPage.summary.subject": {
    sv: "{title}, {organisations}, {from} – {to}",
    en: "{title}, {organisations}, {from} – {to}",
  },
  "evaluationsPage.summary.col.column": { sv: "Kolumn", en: "Column" },
  "evaluationsPage.summary.col.group": { sv: "Grupp", en: "Group" },
  "evaluationsPage.summary.col.note": { sv: "Lapp", en: "Note" },
  "evaluationsPage.summary.col.theme": { sv: "Tema", en: "Theme" },
  "evaluationsPage.summary.col.step": { sv: "Processteg", en: "Process step" },
  "evaluationsPage.summary.col.votes": { sv: "Röster (antal)", en: "Votes (number)" },
  "evaluationsPage.summary.col.action": { sv: "Åtgärd i ledningsforum", en: "Forum action" },
  "evaluationsPage.summary.no_group": { sv: "Ingen grupp", en: "No group" },
  "evaluationsPage.summary.whole_group": { sv: "Hela gruppen", en: "The whole group" },
  "evaluationsPage.summary.group_votes": {
    sv: "Gruppen {title}: {count} röster",
    en: "The group {title}: {count} votes",
  },
  "evaluationsPage.summary.no_action": { sv: "Ingen", en: "None" },
  "evaluationsPage.summary.action_status": { sv: "Åtgärd, {status}", en: "Action, {status}" },
  "evaluationsPage.summary.group_action": {
    sv: "Gruppens åtgärd, {status}",
    en: "The group's action, {status}",
  },
  "evaluationsPage.summary.previous_caption": {
    sv: "Åtgärder från tidigare utvärderingar av samma organisationer",
    en: "Actions from earlier evaluations of the same organisations",
  },
  "evaluationsPage.summary.previous_none": {
    sv: "Tidigare utvärderingar av samma organisationer gav inga åtgärder.",
    en: "Earlier evaluations of the same organisations gave no actions.",
  },
  "evaluationsPage.summary.col.action_title": { sv: "Åtgärd", en: "Action" },
  "evaluationsPage.summary.col.due": { sv: "Klart senast", en: "Due" },
  "evaluationsPage.summary.col.status": { sv: "Status", en: "Status" },
} as const;
