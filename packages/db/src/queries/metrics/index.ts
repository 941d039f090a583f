export { caseCounts } from "./case-counts";
export { flow } from "./flow";
export { leadTimes } from "./lead-times";
export { network } from "./network";
export { sipConsent } from "./sip-consent";
export { stuck } from "./stuck";
export { trend } from "./trend";
