// How the provisioning log shows times, clients, statuses and durations (client and server alike).
import type { Outcome } from "./filters";

/** "22 Nov 2026, 14:31:44 UTC" — log lines need seconds. */
export const formatLogTime = (d: Date | string) =>
  `${new Date(d).toLocaleString("en-GB", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" })} UTC`;

/** "22 Nov, 14:31:44" (UTC) — the table's time column, where the year and zone would be noise. */
export const formatShortLogTime = (d: Date | string) =>
  new Date(d).toLocaleString("en-GB", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" });

/** "22 Nov, 14:00" (UTC) — chart hours. */
export const formatHour = (d: Date | string) =>
  new Date(d).toLocaleString("en-GB", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** The client of a log entry an admin made in the dashboard (a role set by hand): no SCIM token. */
export const DASHBOARD_CLIENT = "Muster dashboard";

/** The IdP behind a User-Agent, in the words an admin uses. */
export const clientLabel = (client: string | null | undefined) => {
  if (!client) return "Unknown client";
  if (/azure|microsoft|entra/i.test(client)) return "Microsoft Entra ID";
  if (/okta/i.test(client)) return "Okta";
  if (/onelogin/i.test(client)) return "OneLogin";
  if (/jumpcloud/i.test(client)) return "JumpCloud";
  if (/google/i.test(client)) return "Google";
  return client.length > 40 ? `${client.slice(0, 39)}…` : client;
};

export const outcomeOf = (status: number): Outcome => (status >= 500 ? "server-error" : status >= 400 ? "client-error" : "success");

export const OUTCOME_LABEL: Record<Outcome, string> = { success: "Success", "client-error": "Client error", "server-error": "Server error" };

export const formatDuration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`);

/** The path as the IdP meant it: `/Users?filter=userName eq "ann@x"` reads better than its escapes. */
export const readablePath = (path: string) => {
  const q = path.indexOf("?");
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return q < 0 ? decode(path) : `${decode(path.slice(0, q))}?${decode(path.slice(q + 1).replace(/\+/g, " "))}`;
};

/** Bodies are stored pretty-printed; anything else (a cut-off or non-JSON body) is shown as it is. */
export const prettyBody = (body: string) => {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
};
