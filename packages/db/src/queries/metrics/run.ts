import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../client";
import { selectRows } from "../rows";

/**
 * Runs one metric query in its own read-only transaction with settings for one large aggregate:
 * no JIT (compiling costs 50–180 ms, more than it saves on these scans) and work_mem enough to
 * keep the hash tables of a million cases in memory (the default 4 MB spills them to disk).
 */
export function selectMetricRows<T>(db: Db, query: SQL): Promise<T[]> {
  return db.transaction(
    async (tx) => {
      await tx.execute(
        sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`,
      );
      return selectRows<T>(tx, query);
    },
    { accessMode: "read only" },
  );
}
