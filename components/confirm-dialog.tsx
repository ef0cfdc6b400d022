"use client";
// A modal confirm step on the native <dialog>: focus moves into it, Escape cancels, the page
// behind is inert — no focus-trap code of our own.
import { useEffect, useRef, type ReactNode } from "react";
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

export const ConfirmDialog = ({ open, title, children, confirmLabel, pendingLabel, tone = "danger", pending, error, onConfirm, onCancel }: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-full max-w-lg rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="space-y-4 p-6">
          <h2 id="confirm-dialog-title" className="text-lg font-semibold">
            {title}
          </h2>
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
      ) : null}
    </dialog>
  );
};
