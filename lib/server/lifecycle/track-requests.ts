// Which HTTP requests are in flight, and the server they came in on, without owning that server:
// `next start` and the standalone server.js create it inside Next.js, out of our reach. Node
// publishes every incoming request on a diagnostics channel (with its server), so the shutdown can
// close the server and wait for exactly the requests that are still open.
import dc from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";

type State = { subscribed?: boolean; stopping?: boolean; servers: Set<Server>; open: Set<ServerResponse>; onIdle: (() => void)[] };
const state = ((globalThis as unknown as { musterRequests?: State }).musterRequests ??= { servers: new Set(), open: new Set(), onIdle: [] });

// A closed server still serves new requests on keep-alive connections that are open (Node closes
// only the idle ones, once): while stopping, every answer says `Connection: close`, and a connection
// that falls idle is closed, so clients reconnect — to another instance.
const lastCall = (response: ServerResponse) => {
  if (!response.headersSent) response.setHeader("Connection", "close");
};

const started = (message: unknown) => {
  const { server, response } = message as { server: Server; response: ServerResponse };
  state.servers.add(server);
  state.open.add(response);
  if (state.stopping) lastCall(response);
  // "close", not "finish": a request whose client went away never finishes, but it does close.
  response.once("close", () => {
    state.open.delete(response);
    if (state.stopping) setImmediate(() => server.closeIdleConnections());
    if (state.open.size === 0) for (const resolve of state.onIdle.splice(0)) resolve();
  });
};

/** Starts counting (once per process). Requests that began before this call are not counted. */
export const trackRequests = () => {
  if (state.subscribed) return;
  state.subscribed = true;
  dc.subscribe("http.server.request.start", started);
};

export const openRequests = () => state.open.size;

/**
 * Stops accepting connections: the listening socket closes (a new connection is refused, so a
 * proxy retries it on another instance) and idle keep-alive connections are closed; connections
 * with a request in flight stay open until it is answered. Before the first request the server is
 * not known yet: nothing is in flight then, and the socket closes when the process exits.
 */
export const stopAccepting = () => {
  state.stopping = true;
  for (const response of state.open) lastCall(response);
  for (const server of state.servers) {
    server.close();
    server.closeIdleConnections();
  }
  return state.servers.size;
};

/** Resolves once no request is in flight. */
export const whenIdle = () => (state.open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => state.onIdle.push(resolve)));
