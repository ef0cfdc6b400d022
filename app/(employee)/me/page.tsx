import type { Metadata } from "next";
import Link from "next/link";
import { EmployeeSignOut } from "@/components/employee-area/employee-sign-out";
import { WidePage } from "@/components/employee-area/shell";
import { SharePanel } from "@/components/employee-area/share-panel";
import { cannotEditCardText, notListedText } from "@/lib/roles/schemas";
import { requireEmployee } from "@/lib/server/auth/employee-session";
import { myCardFields } from "@/lib/server/employee-access/my-card";
import { qrSvg, shareUrl } from "@/lib/server/employee-access/share-card";
import { currentOrigin } from "@/lib/server/public-origin";
import { allows } from "@/lib/server/roles/role-capabilities";
import { findWorkspaceBySlug } from "@/lib/server/workspaces/find-workspaces";
import { CardForm } from "./card-form";
import { SignedOut } from "./signed-out";

export const metadata: Metadata = { title: "Your business card", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ workspace?: string | string[] }> };

const MePage = async ({ searchParams }: Props) => {
  const me = await requireEmployee();
  if (!me) {
    const { workspace } = await searchParams;
    return <SignedOut workspace={typeof workspace === "string" ? await findWorkspaceBySlug(workspace) : null} />;
  }
  const fields = await myCardFields(me.workspaceId, me.id);
  const listed = allows(me.access, "listed");
  const canEdit = allows(me.access, "editCard");
  const url = listed && me.shareId ? shareUrl(await currentOrigin(), me.shareId) : null;
  return (
    <WidePage
      workspaceName={me.workspace.name}
      right={
        <div className="flex items-center gap-3">
          <span className="hidden text-sm text-slate-500 sm:inline" data-testid="employee-signed-in-as">
            {me.email ?? me.displayName}
          </span>
          <EmployeeSignOut slug={me.workspace.slug} />
        </div>
      }
    >
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your business card</h1>
          <p className="mt-1 text-slate-600">
            {me.givenName ? `Hi ${me.givenName}. ` : ""}This is how your card looks at {me.workspace.name}.
          </p>
        </div>
        {allows(me.access, "colleagues") ? (
          <Link
            href="/me/colleagues"
            className="inline-flex shrink-0 items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
          >
            Colleagues&apos; cards
          </Link>
        ) : null}
      </div>
      <CardForm
        fields={fields}
        readOnlyReason={canEdit ? null : cannotEditCardText(me.access.name)}
        preview={
          url && me.shareId ? (
            <SharePanel url={url} vcardHref={`/c/${me.shareId}/vcard`} qrSvg={await qrSvg(url)} />
          ) : !listed ? (
            <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-600 shadow-sm" data-testid="not-listed">
              {notListedText(me.access.name)}
            </p>
          ) : null
        }
      />
    </WidePage>
  );
};

export default MePage;
