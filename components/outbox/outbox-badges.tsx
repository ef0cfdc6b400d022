import { Badge } from "@/components/ui";
import type { OutboxStatus } from "@/lib/email/outbox";

const STATUS: Record<OutboxStatus, { label: string; tone: "gray" | "green" | "blue" | "amber" }> = {
  queued: { label: "Queued", tone: "gray" },
  kept: { label: "Kept", tone: "blue" },
  sent: { label: "Sent", tone: "green" },
  retrying: { label: "Retrying", tone: "amber" },
  skipped: { label: "Not sent", tone: "gray" },
};

export const OutboxStatusBadge = ({ status }: { status: OutboxStatus }) => <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;

const KINDS: Record<string, string> = { activation: "Activation", "magic-link": "Sign-in link", lockout: "Sign-in paused" };
export const kindLabel = (kind: string) => KINDS[kind] ?? kind;
