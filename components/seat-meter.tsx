// Seats used against the workspace's limit: a bar that turns amber from 90 % and red when full,
// with a sentence saying what happens next. Without a limit, the number alone.
import Link from "next/link";
import { SEAT_WARNING } from "@/lib/provisioning/seats";
import { cx } from "./ui";

type Props = { used: number; limit: number | null; settingsHref?: string; className?: string };

const n = (v: number) => v.toLocaleString("en");

export const SeatMeter = ({ used, limit, settingsHref, className }: Props) => {
  if (limit === null) {
    return (
      <div className={cx("rounded-xl border border-slate-200 bg-white p-5 shadow-sm", className)} data-testid="seat-meter">
        <p className="text-sm text-slate-500">Seats (active employees)</p>
        <p className="mt-1 text-2xl font-semibold tabular-nums">{n(used)}</p>
        <p className="mt-1 text-xs text-slate-500">
          No seat limit.{" "}
          {settingsHref ? (
            <Link href={settingsHref} className="underline hover:text-slate-700">
              Set one in Settings
            </Link>
          ) : null}
        </p>
      </div>
    );
  }
  const share = limit > 0 ? used / limit : 1;
  const tone = share >= 1 ? "red" : share >= SEAT_WARNING ? "amber" : "ok";
  const pct = Math.min(100, Math.round(share * 100));
  return (
    <div
      className={cx("rounded-xl border bg-white p-5 shadow-sm", tone === "red" ? "border-red-300" : tone === "amber" ? "border-amber-300" : "border-slate-200", className)}
      data-testid="seat-meter"
    >
      <p className="text-sm text-slate-500">Seats (active employees)</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">
        {n(used)} <span className="text-base font-normal text-slate-500">of {n(limit)}</span>
      </p>
      <div
        role="meter"
        aria-label="Seats used"
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
        aria-valuetext={`${n(used)} of ${n(limit)} seats used`}
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div className={cx("h-full rounded-full", tone === "red" ? "bg-red-600" : tone === "amber" ? "bg-amber-500" : "bg-brand-600")} style={{ width: `${pct}%` }} />
      </div>
      {tone === "ok" ? (
        <p className="mt-2 text-xs text-slate-500">{n(limit - used)} seats free.</p>
      ) : (
        <p className={cx("mt-2 text-xs font-medium", tone === "red" ? "text-red-700" : "text-amber-800")} role="status">
          {tone === "red"
            ? `All seats are taken: new employees and re-activations are refused (your IdP's log shows why) until you raise the limit or archive someone.`
            : `${pct} % of seats are taken: ${n(limit - used)} left before new employees are refused.`}{" "}
          {settingsHref ? (
            <Link href={settingsHref} className="underline">
              Seat limit
            </Link>
          ) : null}
        </p>
      )}
    </div>
  );
};
