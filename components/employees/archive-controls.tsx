"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog } from "@/components/dialog";
import { Alert, Button } from "@/components/ui";
import { useEmployeeAction } from "@/hooks/use-employee-action";

type Props = { slug: string; id: string; name: string; archived: boolean };

/** Archive / restore buttons for a manual employee, each behind a confirmation. */
export const ArchiveControls = ({ slug, id, name, archived }: Props) => {
  const router = useRouter();
  const action = useEmployeeAction(slug, id);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const verb = archived ? "restore" : "archive";

  const confirm = async () => {
    try {
      await action.mutateAsync(verb);
      setConfirming(false);
      setDone(archived ? `${name} is active again.` : `${name} is archived.`);
      router.refresh();
    } catch {
      // the error is shown in the dialog
    }
  };

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button
        variant={archived ? "primary" : "secondary"}
        onClick={() => {
          action.reset();
          setDone(null);
          setConfirming(true);
        }}
      >
        {archived ? "Restore employee" : "Archive employee"}
      </Button>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={archived ? `Restore ${name}?` : `Archive ${name}?`}
        description={
          archived
            ? "They become a manual employee again and count as a seat."
            : "They stop counting as a seat and move to the Archived tab. Their history is kept, and you can restore them at any time."
        }
      >
        {action.error ? (
          <div className="mb-4">
            <Alert>{action.error.message}</Alert>
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button variant={archived ? "primary" : "danger"} onClick={confirm} disabled={action.isPending}>
            {action.isPending ? (archived ? "Restoring…" : "Archiving…") : archived ? "Restore" : "Archive"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
};
