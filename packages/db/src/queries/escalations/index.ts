export {
  type EscalationFilter,
  getEscalation,
  listEscalations,
  type OpenEscalation,
  openEscalations,
} from "./escalations";
export type { EscalationView } from "./views";
