import { compareCoordinate, principalTypes } from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";

export interface PrincipalPair {
  readonly a: string;
  readonly b: string;
  readonly bit: number;
}

/**
 * The 15 pairs a < b (byte order, as the network's cells) of the six principal types, each with
 * its own bit: a case stores which pairs had both taken part as one integer per date, and the
 * network counts a pair in one pass over the cases instead of unnesting pairs per case.
 */
export const principalPairs: readonly PrincipalPair[] = (() => {
  const types = [...principalTypes].sort(compareCoordinate);
  return types.flatMap((a, i) => types.slice(i + 1).map((b) => ({ a, b })));
})().map((pair, i) => ({ ...pair, bit: 2 ** i }));

/** The pairs as a table `alias (a, b, bit)` for a join. */
export function principalPairTable(alias: string): SQL {
  const rows = principalPairs.map(({ a, b, bit }) => sql`(${a}, ${b}, ${bit}::int)`);
  return sql`(VALUES ${sql.join(rows, sql`, `)}) AS ${sql.identifier(alias)} (a, b, bit)`;
}
