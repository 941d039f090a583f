import net from "node:net";

interface SocketTarget {
  readonly host: readonly string[];
  readonly port: readonly number[];
  readonly path?: string | false | undefined;
}

/**
 * postgres.js's documented `socket` option (absent from its types): a socket with Nagle's
 * algorithm off. postgres.js leaves it on, so the end of every COPY and the query after it wait
 * ~40 ms for a delayed ACK. Connects to the first host only (Samsyn names one server); TLS is
 * still negotiated by postgres.js on top of this socket.
 *
 * The socket is handed over while it is still connecting, never as a rejected promise: when the
 * `socket` function rejects, postgres.js rejects the waiting query but never marks the
 * connection closed again, so each refused connect took one of the pool's connections for good
 * and the pool hung once all were gone, even after PostgreSQL came back. Handed over at once,
 * a refused or reset connect reaches postgres.js's own 'error' and 'close' listeners, which
 * return the connection to the pool. Writes made before the connect completes are queued by Node.
 */
export function connectWithoutDelay(target: SocketTarget): net.Socket {
  return typeof target.path === "string" && target.path !== ""
    ? net.connect({ path: target.path })
    : net.connect({ host: target.host[0], port: target.port[0] ?? 5432, noDelay: true });
}
