import type { Metadata } from "next";
import { EmployeeSignOut } from "@/components/employee-area/employee-sign-out";
import { NarrowPage, Problem, WidePage } from "@/components/employee-area/shell";
import { SharePanel } from "@/components/employee-area/share-panel";
import { requireEmployee } from "@/lib/server/auth/employee-session";
import { myCardFields } from "@/lib/server/employee-access/my-card";
import { qrSvg, shareUrl } from "@/lib/server/employee-access/share-card";
import { currentOrigin } from "@/lib/server/public-origin";
import { CardForm } from "./card-form";

export const metadata: Metadata = { title: "Your business card", robots: { index: false } };
export const dynamic = "force-dynamic";

const MePage = async () => {
  const me = await requireEmployee();
  if (!me)
    return (
      <NarrowPage>
        <Problem title="You are signed out">Open the activation email from your company, or the sign-in page your company gave you, to see your business card.</Problem>
      </NarrowPage>
    );
  const fields = await myCardFields(me.workspaceId, me.id);
  const url = me.shareId ? shareUrl(await currentOrigin(), me.shareId) : null;
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
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">Your business card</h1>
        <p className="mt-1 text-slate-600">
          {me.givenName ? `Hi ${me.givenName}. ` : ""}This is how your card looks at {me.workspace.name}.
        </p>
      </div>
      <CardForm fields={fields} preview={url && me.shareId ? <SharePanel url={url} vcardHref={`/c/${me.shareId}/vcard`} qrSvg={await qrSvg(url)} /> : null} />
    </WidePage>
  );
};

export default MePage;
