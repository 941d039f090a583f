import { customType } from "drizzle-orm/pg-core";

/** drizzle 0.45 has no bytea column; both drivers hand bytea over as a Uint8Array (Buffer). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return "bytea";
  },
});
