"use client";
// Settings → "Data retention": how many days the provisioning log is kept, what pruning deletes,
// how much is past the retention right now and when the pruner last ran.
import { useState, type FormEvent } from "react";
import { Alert, Button, Card, Field, formatDateTime, timeAgo } from "@/components/ui";
import { useRetention, useSaveRetention } from "@/hooks/use-retention";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type TRetentionStatus } from "@/lib/retention/retention";
import { Section } from "./settings-section";

type Props = { slug: string; initial: TRetentionStatus };

export const RetentionPanel = ({ slug, initial }: Props) => {
  const { data: status = initial } = useRetention(slug, initial);
  const save = useSaveRetention(slug);
  const [daysText, setDaysText] = useState(String(status.logRetentionDays));
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const days = Number(daysText);
  const dirty = daysText.trim() !== String(status.logRetentionDays);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    save.mutate(
      { logRetentionDays: daysText.trim() === "" ? Number.NaN : days },
      {
        onSuccess: (stored) => {
          setDaysText(String(stored.logRetentionDays));
          setResult({ tone: "success", text: `The provisioning log now keeps ${stored.logRetentionDays} days.` });
        },
        onError: (err) => setResult({ tone: "error", text: err.message }),
      },
    );
  };

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-labelledby="retention-title">
        <h2 id="retention-title" className="text-lg font-semibold">
          Data retention
        </h2>
        <div className="mt-6 divide-y divide-slate-100">
          <Section
            title="Provisioning log"
            description={`Every request your IdP makes is logged, with the employee timeline entries it caused. Entries older than this are deleted for good. At least ${MIN_RETENTION_DAYS} days, so a week of history is always there to debug a sync.`}
          >
            <div className="max-w-xs">
              <Field
                label="Keep log entries for (days)"
                name="logRetentionDays"
                type="number"
                inputMode="numeric"
                min={MIN_RETENTION_DAYS}
                max={MAX_RETENTION_DAYS}
                step={1}
                value={daysText}
                onChange={(e) => {
                  setResult(null);
                  setDaysText(e.target.value);
                }}
                error={result?.tone === "error" ? result.text : undefined}
                hint={`Between ${MIN_RETENTION_DAYS} and ${MAX_RETENTION_DAYS.toLocaleString("en")} days. The default is 90.`}
              />
            </div>
            <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">Older than that now</dt>
                <dd className="font-medium text-slate-900" data-testid="retention-older">
                  {status.olderRows.toLocaleString("en")} {status.olderRows === 1 ? "entry" : "entries"}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Pruning last ran</dt>
                <dd className="font-medium text-slate-900" title={status.lastRunAt ? formatDateTime(status.lastRunAt) : undefined} suppressHydrationWarning>
                  {status.lastRunAt ? timeAgo(status.lastRunAt) : "Not yet"}
                </dd>
              </div>
            </dl>
            <p className="mt-3 text-xs text-slate-500">
              Muster prunes about once an hour, in small batches that never hold up your IdP. Sent emails are deleted from the mail outbox after {status.outboxDays}{" "}
              {status.outboxDays === 1 ? "day" : "days"}; emails still waiting to be sent are always kept.
            </p>
          </Section>
        </div>
        <div className="mt-6 flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 pt-5">
          {result?.tone === "success" ? <Alert tone="success">{result.text}</Alert> : dirty ? <span className="text-sm text-slate-500">You have unsaved changes.</span> : null}
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save retention"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
