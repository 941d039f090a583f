import net from "node:net";

interface SocketTarget {
  readonly host: readonly string[];
  readonly port: readonly number[];
  readonly path?: string | false | undefined;
}

/**
 * postgres.js's documented `socket` option (absent from its types): a connected socket with
 * Nagle's algorithm off. postgres.js leaves it on, so the end of every COPY and the query after
 * it wait ~40 ms for a delayed ACK. Connects to the first host only (Samsyn names one server);
 * TLS is still negotiated by postgres.js on top of this socket.
 */
export function connectWithoutDelay(target: SocketTarget): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket =
      typeof target.path === "string" && target.path !== ""
        ? net.connect({ path: target.path })
        : net.connect({ host: target.host[0], port: target.port[0] ?? 5432, noDelay: true });
    socket.once("error", reject);
    socket.once("connect", () => {
      socket.off("error", reject);
      resolve(socket);
    });
  });
}
