"use client";
// A confirm step on the shared modal (components/dialog.tsx): Escape cancels unless the action is
// already running.
import type { ReactNode } from "react";
import { Dialog } from "./dialog";
import { Alert, Button } from "./ui";

type Props = {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  tone?: "danger" | "primary";
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

export const ConfirmDialog = ({ open, title, children, confirmLabel, pendingLabel, tone = "danger", pending, error, onConfirm, onCancel }: Props) => (
  <Dialog open={open} title={title} onClose={() => !pending && onCancel()}>
    <div className="space-y-4">
      <div className="space-y-3 text-sm text-slate-600">{children}</div>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex justify-end gap-2 pt-2">
        <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="button" variant={tone} onClick={onConfirm} disabled={pending}>
          {pending ? (pendingLabel ?? "Working…") : confirmLabel}
        </Button>
      </div>
    </div>
  </Dialog>
);
