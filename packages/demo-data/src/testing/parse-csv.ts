/**
 * A strict RFC 4180 reader for the tests, independent of the writer: it rejects a quote inside
 * an unquoted field and an unterminated quoted field, which a lenient parser would let through.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') {
      if (field !== "" || wasQuoted) throw new SyntaxError(`stray quote at ${i}`);
      quoted = true;
      wasQuoted = true;
    } else if (c === "," || c === "\n") {
      row.push(field);
      field = "";
      wasQuoted = false;
      if (c === "\n") {
        rows.push(row);
        row = [];
      }
    } else if (wasQuoted) {
      throw new SyntaxError(`text after a closing quote at ${i}`);
    } else field += c;
  }
  if (quoted) throw new SyntaxError("unterminated quoted field");
  if (field !== "" || row.length > 0) throw new SyntaxError("last row without a line break");
  return rows;
}
