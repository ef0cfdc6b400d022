import { Badge } from "@/components/ui";
import type { TEmployeeStatus } from "@/lib/employees/list-query";

const STATUS = {
  SYNCED: { label: "Synced", tone: "blue" },
  LINKED: { label: "Linked", tone: "violet" },
  MANUAL: { label: "Manual", tone: "gray" },
  ARCHIVED: { label: "Archived", tone: "amber" },
} as const;

export const statusLabel = (status: string) => STATUS[status as TEmployeeStatus]?.label ?? status;

export const StatusBadge = ({ status }: { status: string }) => {
  const s = STATUS[status as TEmployeeStatus] ?? { label: status, tone: "gray" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
};
