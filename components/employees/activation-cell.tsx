// The employee list's "Activation" column: where the employee's own account stands.
import { formatDateTime } from "@/components/ui";
import type { TActivation } from "@/lib/employees/list-query";

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

const LABEL: Record<TActivation["state"], string> = {
  activated: "Activated",
  sent: "Email sent",
  kept: "Email in outbox",
  queued: "Email waiting to be sent",
  "not-sent": "Not sent",
  archived: "—",
};

export const ActivationCell = ({ activation }: { activation: TActivation }) => {
  const { state, at } = activation;
  if (state === "archived") return <span className="text-slate-400">—<span className="sr-only">archived, no activation</span></span>;
  return (
    <span className={state === "activated" ? "text-emerald-700" : state === "not-sent" ? "text-slate-500" : "text-slate-700"}>
      {LABEL[state]}
      {at ? (
        <>
          {" "}
          <time dateTime={at} title={formatDateTime(at)} className="text-slate-500" suppressHydrationWarning>
            {day(at)}
          </time>
        </>
      ) : null}
    </span>
  );
};
