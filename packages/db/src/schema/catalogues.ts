import { boolean, integer, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";

/**
 * Catalogues: seeded from the domain's defaults by `migrate`, then edited by each county
 * (SPEC "Process models", "Catalogues"). Codes stay text: they are the stable identity in files
 * and URLs.
 */
export const processModels = pgTable("process_models", {
  code: text("code").primaryKey(),
  nameSv: text("name_sv").notNull(),
  nameEn: text("name_en").notNull(),
});

export const processSteps = pgTable(
  "process_steps",
  {
    processCode: text("process_code")
      .notNull()
      .references(() => processModels.code, { onDelete: "cascade" }),
    number: smallint("number").notNull(),
    nameSv: text("name_sv").notNull(),
    nameEn: text("name_en").notNull(),
    /** At most this many days in the step before a case counts as stuck; null = no target. */
    targetDays: integer("target_days"),
  },
  (t) => [primaryKey({ columns: [t.processCode, t.number] })],
);

export const targetGroups = pgTable("target_groups", {
  code: text("code").primaryKey(),
  nameSv: text("name_sv").notNull(),
  nameEn: text("name_en").notNull(),
  /** Kommun and region must have an agreement for a statutory group (seed 000). */
  statutory: boolean("statutory").notNull(),
});

export const municipalities = pgTable("municipalities", {
  /** SCB kommunkod, four digits. */
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  /** SCB länskod, two digits. */
  countyCode: text("county_code").notNull(),
});
