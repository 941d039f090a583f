/**
 * "Så räknas det": each metric page's definition in a leader's words, from SPEC's Metrics
 * section (the contract the figures are tested against), so a figure is read as it was counted.
 */
export const definitionMessages = {
  "definition.summary": { sv: "Så räknas det", en: "How it is counted" },
  "definition.common": {
    sv: "Alla antal är antal olika ärenden. Med vald period menas ärenden som öppnats inom perioden och senast per datum, som matchar filtren. Steg, huvudansvarig enhet och huvudman gäller per datum. Dagar är hela dagar mellan kalenderdatum i svensk tid.",
    en: "Every count is a number of distinct cases. The chosen period means cases opened within it and on or before the as-of date that match the filters. Step, lead unit and principal are as of that date. Days are whole days between calendar dates in Swedish time.",
  },
  "definition.overview": {
    sv: "Översikten visar ärenden som öppnats och avslutats under en hel månad, och pågående och fastnade ärenden vid månadens slut, jämförda med månaden före och samma månad året före.",
    en: "The overview shows cases opened and closed during a whole month, and open and stuck cases at the month's end, compared with the month before and the same month a year earlier.",
  },
  "definition.cases": {
    sv: "Antal ärenden per grupp. Förvalt räknas pågående ärenden per datum; med status kan du välja avslutade eller alla.",
    en: "The number of cases per group. By default open cases as of the date; the status filter selects closed or all cases.",
  },
  "definition.leadTimes": {
    sv: "Ledtiden från steg a till steg b är dagarna från det datum ärendet första gången gick in i steg a till det datum det därefter första gången gick in i steg b. Median och 90:e percentil räknas över ärendena som nått båda stegen (n); väntande ärenden har nått steg a men ännu inte steg b. Stegen hör till en processkarta, så ledtider visas alltid för en process. Median och percentil visas bara för grupper med tillräckligt många ärenden.",
    en: "The lead time from step a to step b is the days from the date a case first entered step a to the date it next first entered step b. Median and 90th percentile are over the cases that reached both steps (n); pending cases have reached step a but not yet step b. Steps belong to a process map, so lead times are always for one process. Median and percentile are shown only for groups with enough cases.",
  },
  "definition.flow": {
    sv: "Varje ruta räknar ärenden som gått direkt från ett steg till ett annat minst en gång, tillbakasteg inräknade; ett upprepat steg är ingen övergång. Ett ärende kan räknas i flera rutor, så rutorna summerar inte till antalet ärenden.",
    en: "Each cell counts the cases that went directly from one step to another at least once, back-steps included; a repeated step is no transition. A case can count in several cells, so the cells do not add up to the number of cases.",
  },
  "definition.trends": {
    sv: "Öppnade: ärenden räknade efter den månad de öppnades. Avslutade: ärenden räknade efter den månad de avslutades inom perioden (ett ärende räknas en gång per månad).",
    en: "Opened: cases counted by the month they were opened. Closed: cases counted by the month they were closed within the period (a case counts once per month).",
  },
  "definition.sip": {
    sv: "Samtycke givet, nekat eller återkallat: ärenden vars senaste besked om samtycke per datum har det värdet. SIP upprättad: ärenden där en samordnad individuell plan upprättats. Mediantid till SIP: dagar från att ärendet öppnades till den första upprättade planen, visas bara när tillräckligt många planer ingår.",
    en: "Consent given, declined or withdrawn: cases whose last consent answer as of the date has that value. SIP established: cases with an established coordinated individual plan. Median days to SIP: days from opening to the first established plan, shown only when enough plans are included.",
  },
  "definition.network": {
    sv: "Varje ruta räknar ärenden där båda parterna deltagit före datum, som huvudansvarig eller genom att ansluta (att lämna ärendet senare tar inte bort deltagandet). Ett ärende med flera parter räknas i flera rutor.",
    en: "Each cell counts the cases in which both parties took part before the date, as lead or by joining (leaving later does not undo it). A case with several parties counts in several cells.",
  },
  "definition.stuck": {
    sv: "Fastnade ärenden är pågående ärenden vars nuvarande steg har en måltid och där dagarna sedan ärendet gick in i steget är fler än måltiden. Dagar över mål är medianen av hur många dagar över måltiden ärendena är, och visas bara för grupper med tillräckligt många ärenden.",
    en: "Stuck cases are open cases whose current step has a target and whose days since entering the step exceed it. Days over target is the median of how far over the target the cases are, shown only for groups with enough cases.",
  },
} as const;
