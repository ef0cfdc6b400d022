import { describe, expect, it } from "vitest";
import { AUTO_LOOKBACK_DAYS, chartWindow, DAY, HOUR } from "@/lib/events/chart-window";

const at = (iso: string) => new Date(iso).getTime();
const NOW = at("2026-11-30T14:25:00Z");
const iso = (ms: number) => new Date(ms).toISOString();
const bars = (w: ReturnType<typeof chartWindow>) => ({ bucket: w.bucket, from: iso(w.start), count: w.count });

describe("chartWindow: fixed ranges", () => {
  it("24 hours: hourly bars ending with the current hour", () => {
    expect(bars(chartWindow("24h", NOW, null))).toEqual({ bucket: "hour", from: "2026-11-29T15:00:00.000Z", count: 24 });
  });

  it("7 and 30 days: daily bars ending with today (UTC)", () => {
    expect(bars(chartWindow("7d", NOW, null))).toEqual({ bucket: "day", from: "2026-11-24T00:00:00.000Z", count: 7 });
    expect(bars(chartWindow("30d", NOW, null))).toEqual({ bucket: "day", from: "2026-11-01T00:00:00.000Z", count: 30 });
  });

  it("ignores activity: a fixed range is what the admin asked for", () => {
    expect(chartWindow("24h", NOW, { first: at("2026-11-02T10:00:00Z"), last: at("2026-11-02T10:30:00Z") })).toEqual(chartWindow("24h", NOW, null));
  });
});

describe("chartWindow: auto zooms to the requests", () => {
  it("one busy hour four days ago: 24 hourly bars with that hour in the middle, not a sliver of a week", () => {
    const w = chartWindow("auto", NOW, { first: at("2026-11-26T09:03:00Z"), last: at("2026-11-26T09:58:00Z") });
    expect(bars(w)).toEqual({ bucket: "hour", from: "2026-11-25T22:00:00.000Z", count: 24 });
    expect((at("2026-11-26T09:00:00Z") - w.start) / HOUR).toBe(11);
  });

  it("a busy hour that is the current one: the day before it, never hours still to come", () => {
    expect(bars(chartWindow("auto", NOW, { first: at("2026-11-30T14:01:00Z"), last: at("2026-11-30T14:20:00Z") }))).toEqual({ bucket: "hour", from: "2026-11-29T15:00:00.000Z", count: 24 });
  });

  it("requests over up to two days stay hourly, one bar per hour", () => {
    const w = chartWindow("auto", NOW, { first: at("2026-11-27T00:10:00Z"), last: at("2026-11-28T23:50:00Z") });
    expect(bars(w)).toEqual({ bucket: "hour", from: "2026-11-27T00:00:00.000Z", count: 48 });
  });

  it("beyond two days: daily bars from the first day to the last, at least a week", () => {
    expect(bars(chartWindow("auto", NOW, { first: at("2026-11-20T08:00:00Z"), last: at("2026-11-23T08:00:01Z") }))).toEqual({ bucket: "day", from: "2026-11-19T00:00:00.000Z", count: 7 });
    expect(bars(chartWindow("auto", NOW, { first: at("2026-10-05T08:00:00Z"), last: at("2026-11-30T14:00:00Z") }))).toEqual({ bucket: "day", from: "2026-10-05T00:00:00.000Z", count: 57 });
  });

  it("nothing in the lookback: the whole lookback, daily", () => {
    const w = chartWindow("auto", NOW, null);
    expect(w.bucket).toBe("day");
    expect(w.count).toBe(AUTO_LOOKBACK_DAYS);
    expect(w.start + w.count * DAY).toBe(at("2026-12-01T00:00:00Z"));
  });
});
