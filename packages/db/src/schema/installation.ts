import { sql } from "drizzle-orm";
import { check, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Facts about the installation itself, in one row. `secret_fingerprint` tells whether the
 * SAMSYN_SECRET in use is the one the stored case refs were hashed with (`installation-secret.ts`):
 * a restored copy run under another secret would take every imported case for a new one.
 */
export const installation = pgTable(
  "installation",
  {
    id: smallint("id").primaryKey().default(1),
    secretFingerprint: text("secret_fingerprint").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" })
      .notNull()
      .defaultNow(),
  },
  (t) => [check("installation_one_row", sql`${t.id} = 1`)],
);
