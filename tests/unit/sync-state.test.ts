import { describe, expect, it } from "vitest";
import { SILENT_AFTER_MS, syncState } from "@/lib/overview/sync-state";

const now = Date.UTC(2026, 10, 30, 9, 0);
const minutes = (m: number) => now - m * 60_000;

describe("syncState (the overview's token states)", () => {
  it.each([
    ["never used", { last: null, lastServerError: null }, "silent"],
    ["quiet for more than a day", { last: { at: now - SILENT_AFTER_MS - 1, status: 200 }, lastServerError: null }, "silent"],
    ["quiet for more than a day, even after errors", { last: { at: now - SILENT_AFTER_MS - 1, status: 500 }, lastServerError: now - SILENT_AFTER_MS - 1 }, "silent"],
    ["answered 20 minutes ago", { last: { at: minutes(20), status: 200 }, lastServerError: null }, "healthy"],
    ["a client error is the IdP's, not a broken sync", { last: { at: minutes(20), status: 409 }, lastServerError: null }, "healthy"],
    ["last request a server error", { last: { at: minutes(5), status: 500 }, lastServerError: minutes(5) }, "failing"],
    ["refused by the seat limit", { last: { at: minutes(5), status: 403 }, lastServerError: null }, "failing"],
    ["rate limited", { last: { at: minutes(5), status: 429 }, lastServerError: null }, "failing"],
    ["a server error 30 minutes ago, answered since", { last: { at: minutes(1), status: 200 }, lastServerError: minutes(30) }, "failing"],
    ["a server error 2 hours ago, answered since", { last: { at: minutes(1), status: 200 }, lastServerError: minutes(120) }, "healthy"],
  ] as const)("%s → %s", (_, input, state) => {
    const out = syncState({ now, ...input });
    expect(out.state).toBe(state);
    expect(out.reason.length).toBeGreaterThan(10);
  });
});
