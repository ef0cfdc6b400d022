// Watching pages for what the browser blocks, and a page elsewhere that tries to frame Muster.
import type { Page } from "@playwright/test";
import http from "node:http";
import type { AddressInfo } from "node:net";

// Chromium reports a CSP violation as "Refused to …" / "… violates the following Content Security
// Policy directive …", and a Permissions-Policy it cannot parse as "Error with Permissions-Policy header".
const BLOCKED = /Content Security Policy|Refused to|Permissions-Policy/i;

/** Every console message about a blocked script, style, image or frame from now on; expect it to stay empty. */
export const watchBlocked = (page: Page) => {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (BLOCKED.test(m.text())) seen.push(`${m.type()} on ${page.url()}: ${m.text()}`);
  });
  return seen;
};

export type FramingSite = { url: string; close: () => Promise<void> };

/**
 * A page on another origin of the same site (127.0.0.1, another port) with one iframe of `src`:
 * the admin's SameSite=Lax session cookie still goes with its frames, as it would for a same-site
 * page an attacker controls. A real loopback server, not a routed URL: Chromium's local-network
 * checks would otherwise block the frame for a reason of their own.
 */
export const framingSite = async (src: string): Promise<FramingSite> => {
  const html = `<!doctype html><title>Elsewhere</title><h1>Win a prize</h1><iframe title="framed" src="${src}" width="1200" height="700"></iframe>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

export const framed = (page: Page) => page.frameLocator('iframe[title="framed"]');
