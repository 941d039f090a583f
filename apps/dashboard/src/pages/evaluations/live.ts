import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { evaluationsKey } from "../../api/evaluations";
import { authHeaders } from "../../session";

/**
 * The live board (`GET /evaluations/{id}/events`, Server-Sent Events). EventSource cannot send
 * the Authorization header a bearer token needs, and the API takes no token in the URL (a token
 * there would land in logs), so the stream is read with `fetch` and a ReadableStream reader, and
 * reconnected after a second with `Last-Event-ID`: the API then sends exactly what was missed.
 */
export interface SseMessage {
  readonly event: string;
  readonly data: string;
  readonly id: string | null;
}

/** Reads SSE text as it arrives: `push` a chunk, get the messages it completed. */
export function sseParser() {
  let buffer = "";
  // A chunk may end between the \r and \n of one line end: the \r waits for the next chunk.
  let heldCr = false;
  return {
    push(chunk: string): SseMessage[] {
      let text = (heldCr ? "\r" : "") + chunk;
      heldCr = text.endsWith("\r");
      if (heldCr) text = text.slice(0, -1);
      buffer += text.replace(/\r\n?/g, "\n");
      const messages: SseMessage[] = [];
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message = parseBlock(block);
        if (message !== null) messages.push(message);
        end = buffer.indexOf("\n\n");
      }
      return messages;
    },
  };
}

function parseBlock(block: string): SseMessage | null {
  let event = "message";
  const data: string[] = [];
  let id: string | null = null;
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
  }
  return data.length === 0 && id === null ? null : { event, data: data.join("\n"), id };
}

export interface Presence {
  readonly anonymous: boolean;
  readonly count: number;
  readonly participants?: readonly string[];
}

export interface LiveState {
  readonly connected: boolean;
  readonly presence: Presence | null;
  /** The server's clock minus ours (ms), from `hello`: the phase timer counts on the server's. */
  readonly clockOffset: number;
}

/** A change on the board, for the page to announce. */
export interface BoardChange {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

const RECONNECT_MS = 1000;

/**
 * Follows a board's stream while the page is open: presence and connection in state; each change
 * makes the board's answer stale (so it is fetched anew) and is handed to `onChange`.
 */
export function useLiveBoard(
  id: string,
  token: string,
  onChange: (change: BoardChange) => void,
): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>({
    connected: false,
    presence: null,
    clockOffset: 0,
  });
  const handler = useRef(onChange);
  handler.current = onChange;

  useEffect(() => {
    const abort = new AbortController();
    let lastEventId = "";
    let timer: ReturnType<typeof setTimeout> | undefined;

    const handle = (message: SseMessage) => {
      if (message.id !== null) lastEventId = message.id;
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(message.data) as Record<string, unknown>;
      } catch {
        return;
      }
      if (message.event === "hello") {
        const now = typeof data.now === "string" ? Date.parse(data.now) : Date.now();
        setState((s) => ({ ...s, connected: true, clockOffset: now - Date.now() }));
        return;
      }
      if (message.event === "presence") {
        setState((s) => ({ ...s, presence: data as unknown as Presence }));
        return;
      }
      void client.invalidateQueries({ queryKey: [evaluationsKey, "board", id] });
      handler.current({ event: message.event, data });
    };

    const connect = async () => {
      const query = lastEventId === "" ? "" : `?lastEventId=${encodeURIComponent(lastEventId)}`;
      try {
        const res = await fetch(`/api/v1/evaluations/${id}/events${query}`, {
          headers: {
            ...authHeaders(token),
            Accept: "text/event-stream",
            ...(lastEventId === "" ? {} : { "Last-Event-ID": lastEventId }),
          },
          signal: abort.signal,
        });
        if (!res.ok || res.body === null) throw new Error(`stream ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        const parser = sseParser();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const message of parser.push(value)) handle(message);
        }
      } catch {
        // A dropped stream is retried below; an aborted one (the page closed) is not.
      }
      if (abort.signal.aborted) return;
      setState((s) => ({ ...s, connected: false }));
      timer = setTimeout(() => void connect(), RECONNECT_MS);
    };
    void connect();
    return () => {
      abort.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [id, token, client]);

  return state;
}
