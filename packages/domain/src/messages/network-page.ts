/**
 * The network picture on Samverkansnätverk (issue 14): who works with whom, drawn as nodes round
 * a circle, with the matrix and the list of pairs as its tables.
 */
export const networkPageMessages = {
  "network.picture_note": {
    sv: "Bilden visar samma uppgifter som matrisen. Linjens bredd följer antalet ärenden där båda deltagit. Dolda värden ritas inte.",
    en: "The picture shows the same figures as the matrix. A line's width follows the number of cases in which both took part. Hidden values are not drawn.",
  },
  "network.picture_nothing_drawn": {
    sv: "Bilden har inga linjer: alla samband här är dolda för att skydda enskilda. Matrisen visar vilka.",
    en: "The picture has no lines: every link here is hidden to protect individuals. The matrix shows which.",
  },
  "network.numbers_note": {
    sv: "Numren är enheternas nummer i matrisen.",
    en: "The numbers are the units' numbers in the matrix.",
  },
  "network.legend": { sv: "Färg efter huvudmannatyp:", en: "Colour by principal type:" },
  "network.link_title": {
    sv: "{a} – {b}: {count} ärenden",
    en: "{a} – {b}: {count} cases",
  },
  "network.top_note": {
    sv: "Bilden och matrisen visar de {shown} enheter som deltagit i flest ärenden tillsammans med andra. Övriga {others} enheter finns i tabellen över alla par nedan och i dess export.",
    en: "The picture and the matrix show the {shown} units that took part in most cases together with others. The other {others} units are in the table of all pairs below and in its export.",
  },
  "network.matrix_caption_top": {
    sv: "Ärenden där båda deltagit: de {shown} enheter med flest",
    en: "Cases in which both took part: the {shown} units with most",
  },
  "network.pairs_caption": {
    sv: "Alla par av enheter: ärenden där båda deltagit",
    en: "All pairs of units: cases in which both took part",
  },
  "network.pair_a": { sv: "Enhet", en: "Unit" },
  "network.pair_b": { sv: "Tillsammans med", en: "Together with" },
} as const;
