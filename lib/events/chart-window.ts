// Which period the provisioning log's chart shows, and how wide each bar is. "auto" zooms to the
// requests the workspace actually had, so one busy hour is a readable bar in the middle of a day,
// not a sliver at the edge of a week. Pure: the server reads the first and last request, this decides.

export const CHART_RANGES = ["auto", "24h", "7d", "30d"] as const;
export type TChartRange = (typeof CHART_RANGES)[number];
export const DEFAULT_CHART_RANGE: TChartRange = "auto";

export type TChartBucket = "hour" | "day";
/** `count` bars of one `bucket` each, the first starting at `start` (ms, UTC). */
export type TChartWindow = { range: TChartRange; bucket: TChartBucket; start: number; count: number };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** How far back "auto" looks for requests: a daily chart stays readable up to about two months. */
export const AUTO_LOOKBACK_DAYS = 60;
/** Up to this many hours of requests, "auto" draws hourly bars; beyond, daily ones. */
export const AUTO_HOURLY_MAX_HOURS = 48;

const floorTo = (ms: number, size: number) => Math.floor(ms / size) * size;
const sizeOf = (bucket: TChartBucket) => (bucket === "hour" ? HOUR : DAY);

/**
 * At least `min` bars covering [first, lastEnd), centred on the requests, never past `limit` (the
 * end of the current hour or day: the future has no requests to show).
 */
const fit = (first: number, lastEnd: number, size: number, min: number, limit: number) => {
  const span = Math.round((lastEnd - first) / size);
  const count = Math.max(min, span);
  const end = Math.min(lastEnd + Math.ceil((count - span) / 2) * size, limit);
  return { start: end - count * size, count };
};

const lastBars = (range: TChartRange, bucket: TChartBucket, count: number, now: number): TChartWindow => {
  const size = sizeOf(bucket);
  return { range, bucket, count, start: floorTo(now, size) - (count - 1) * size };
};

/** The window for a range; `activity` is the first and last request "auto" found (null: none). */
export const chartWindow = (range: TChartRange, now: number, activity: { first: number; last: number } | null): TChartWindow => {
  if (range === "24h") return lastBars(range, "hour", 24, now);
  if (range === "7d") return lastBars(range, "day", 7, now);
  if (range === "30d") return lastBars(range, "day", 30, now);
  if (!activity) return lastBars(range, "day", AUTO_LOOKBACK_DAYS, now);
  const firstHour = floorTo(activity.first, HOUR);
  const lastHourEnd = floorTo(activity.last, HOUR) + HOUR;
  if (lastHourEnd - firstHour <= AUTO_HOURLY_MAX_HOURS * HOUR) return { range, bucket: "hour", ...fit(firstHour, lastHourEnd, HOUR, 24, floorTo(now, HOUR) + HOUR) };
  return { range, bucket: "day", ...fit(floorTo(activity.first, DAY), floorTo(activity.last, DAY) + DAY, DAY, 7, floorTo(now, DAY) + DAY) };
};

/** Where "auto" starts looking for requests. */
export const autoLookbackStart = (now: number) => floorTo(now, DAY) - (AUTO_LOOKBACK_DAYS - 1) * DAY;
