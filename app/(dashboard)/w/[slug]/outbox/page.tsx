import type { Metadata } from "next";
import { SendActivationButton } from "@/components/employees/send-activation-button";
import { DeliveryNotice } from "@/components/outbox/delivery-notice";
import { OutboxTable } from "@/components/outbox/outbox-table";
import { PageHeader } from "@/components/ui";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { listOutbox, mailDelivery, ZOutboxQuery } from "@/lib/server/email/list-outbox";

export const metadata: Metadata = { title: "Mail outbox" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const OutboxPage = async ({ params, searchParams }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const { page } = ZOutboxQuery.parse(await searchParams);
  const initial = await listOutbox(workspace.id, page);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Mail outbox"
        description="Every email Muster sends to your employees: activation emails and sign-in links."
        actions={<SendActivationButton slug={workspace.slug} allPending outboxLink={false} />}
      />
      <DeliveryNotice delivery={mailDelivery()} />
      <OutboxTable key={workspace.id} slug={workspace.slug} initial={initial} />
    </div>
  );
};

export default OutboxPage;
