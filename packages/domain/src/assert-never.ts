/**
 * The end of every exhaustive `switch`: a new variant of a union fails the typecheck here instead
 * of falling through at run time. Its own module so that the dashboard can import it alone.
 */
export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}
