/** A live board's event stream held open through the load, counting the notes that arrive. */
export interface BoardStream {
  readonly sessionId: string;
  /** `item` events received so far. */
  items(): number;
  close(): void;
}

/**
 * Opens `GET /evaluations/{id}/events` as the dashboard's board does and counts its `item`
 * events. A stream that ends before `close` is a failure of the load: it throws on `items()`.
 */
export async function openBoardStream(
  url: string,
  sessionId: string,
  token: string,
): Promise<BoardStream> {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/v1/evaluations/${sessionId}/events`, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (!res.ok || res.body === null) throw new Error(`events of ${sessionId}: ${res.status}`);
  let items = 0;
  let ended: string | undefined;
  let closed = false;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        pending += value;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) if (line === "event: item") items++;
      }
      if (!closed) ended = "the stream ended";
    } catch (error) {
      if (!closed) ended = error instanceof Error ? error.message : String(error);
    }
  })();
  return {
    sessionId,
    items() {
      if (ended !== undefined) throw new Error(`events of ${sessionId}: ${ended}`);
      return items;
    },
    close() {
      closed = true;
      abort.abort();
    },
  };
}
