// The shutdown's view of the HTTP server it does not own (lib/server/lifecycle/track-requests.ts),
// on a real Node server: requests in flight are counted, stopping refuses new connections, the
// request in flight is answered with `Connection: close`, and idleness is announced once it is.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { openRequests, stopAccepting, trackRequests, whenIdle } from "@/lib/server/lifecycle/track-requests";

const get = (port: number, agent: http.Agent | false) =>
  new Promise<{ status: number; connection?: string }>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
      })
      .on("error", reject);
  });

describe("tracking requests for a graceful shutdown", () => {
  const releases: (() => void)[] = [];
  const server = http.createServer((_req, res) => releases.push(() => res.end("done")));
  const agent = new http.Agent({ keepAlive: true });
  afterAll(() => {
    agent.destroy();
    server.closeAllConnections();
  });

  it("counts the request in flight, refuses new connections once stopped, and lets the request finish", async () => {
    trackRequests();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    const inFlight = get(port, agent);
    while (releases.length < 1) await new Promise((r) => setTimeout(r, 10));
    expect(openRequests()).toBe(1);

    let idle = false;
    void whenIdle().then(() => (idle = true));
    stopAccepting();
    await expect(get(port, false)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(idle).toBe(false);

    releases.shift()!();
    // Answered, and told to reconnect elsewhere: the keep-alive connection does not stay.
    expect(await inFlight).toEqual({ status: 200, connection: "close" });
    await whenIdle();
    expect(openRequests()).toBe(0);
    expect(idle).toBe(true);
  });
});
