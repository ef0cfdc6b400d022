"use client";
// "Send activation email" for one employee, a few, or everyone still pending, behind a confirm
// step. One requestId per confirmation: a retried request never queues a second email.
import Link from "next/link";
import { useState } from "react";
import { Dialog } from "@/components/dialog";
import { Alert, Button } from "@/components/ui";
import { useSendActivation } from "@/hooks/use-send-activation";
import type { SendActivationResult, SkipReason } from "@/lib/employee-access/activation";

type Props = {
  slug: string;
  /** The employees to send to (one on the detail page, the selection on the list). */
  employees?: { id: string; name: string }[];
  /** Everyone not archived who has not activated yet and has an email. */
  allPending?: boolean;
  /** "Resend" wording, e.g. when an email was sent before. */
  resend?: boolean;
  variant?: "primary" | "secondary";
  /** Link to the mail outbox in the success message (off on the outbox page itself). */
  outboxLink?: boolean;
  /** Where the button and its message line up: "end" in page headers, "start" inside a card. */
  align?: "start" | "end";
};

const REASONS: Record<SkipReason, string> = {
  activated: "already activated",
  archived: "archived",
  no_email: "no email address",
  not_found: "no longer in this workspace",
};

const n = (x: number) => x.toLocaleString("en");
// getRandomValues works on plain http too (randomUUID needs a secure context).
const newRequestId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

const summary = (r: SendActivationResult) => {
  const sent = r.queued === 0 ? "No activation email was sent." : `Activation email queued for ${r.queued === 1 ? "1 employee" : `${n(r.queued)} employees`}.`;
  if (!r.skippedCount) return sent;
  const named = r.skipped
    .slice(0, 3)
    .map((s) => `${s.name ?? "an employee"} (${REASONS[s.reason]})`)
    .join(", ");
  const more = r.skippedCount > 3 ? ` and ${n(r.skippedCount - 3)} more` : "";
  return `${sent} Skipped: ${named}${more}.`;
};

export const SendActivationButton = ({ slug, employees = [], allPending = false, resend = false, variant = "secondary", outboxLink = true, align = "end" }: Props) => {
  const send = useSendActivation(slug);
  const [open, setOpen] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const [result, setResult] = useState<SendActivationResult | null>(null);

  const one = !allPending && employees.length === 1 ? employees[0] : undefined;
  const label = allPending ? "Send activation emails" : resend ? "Resend activation email" : employees.length > 1 ? `Send activation email (${n(employees.length)})` : "Send activation email";
  const title = allPending ? "Send activation emails to everyone pending?" : one ? `Send an activation email to ${one.name}?` : `Send activation emails to ${n(employees.length)} employees?`;

  const onOpen = () => {
    send.reset();
    setResult(null);
    setRequestId(newRequestId());
    setOpen(true);
  };

  const confirm = async () => {
    try {
      const r = await send.mutateAsync(allPending ? { allPending: true, requestId } : { employeeIds: employees.map((e) => e.id), requestId });
      setResult(r);
      setOpen(false);
    } catch {
      // shown in the dialog
    }
  };

  return (
    <div className={align === "end" ? "flex flex-col items-start gap-2 sm:items-end" : "flex flex-col items-start gap-2"}>
      <Button variant={variant} onClick={onOpen} disabled={!allPending && employees.length === 0}>
        {label}
      </Button>
      {result ? (
        <div className="max-w-md">
          <Alert tone={result.queued ? "success" : "info"}>
            {summary(result)}{" "}
            {result.queued && outboxLink ? (
              <Link href={`/w/${slug}/outbox`} className="font-medium underline">
                Open the mail outbox
              </Link>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={title}
        description={
          allPending
            ? "Every employee who is not archived, has not activated their account yet and has an email address gets a new activation link. Links already sent keep working until they expire."
            : "They get an email with a link to activate their account and see their business card. The link works once and expires in 7 days; links sent before keep working until they expire."
        }
      >
        {send.error ? (
          <div className="mb-4">
            <Alert>{send.error.message}</Alert>
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={send.isPending}>
            {send.isPending ? "Sending…" : allPending ? "Send emails" : "Send email"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
};
