import type { Metadata } from "next";
import Link from "next/link";
import { CopyField } from "@/components/copy-button";
import { EmployeeSignInLink } from "@/components/employee-sign-in-link";
import { Tabs } from "@/components/tabs";
import { Card, PageHeader } from "@/components/ui";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { currentOrigin } from "@/lib/server/public-origin";
import { lastRequest } from "@/lib/server/tokens/last-request";
import { listTokens, tenantUrl } from "@/lib/server/tokens/tokens";
import { EntraGuide, GenericGuide, OktaGuide } from "./guides";
import { LastRequest } from "./last-request";

export const metadata: Metadata = { title: "Connect your identity provider" };

type Props = { params: Promise<{ slug: string }> };

const ConnectPage = async ({ params }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const [tokens, last, origin] = await Promise.all([listTokens(workspace.id), lastRequest(workspace.id), currentOrigin()]);
  const active = tokens.filter((t) => t.status === "active").length;
  const url = tenantUrl();
  const tokensHref = `/w/${workspace.slug}/tokens`;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Connect your identity provider"
        description="Give your identity provider Muster’s Tenant URL and a SCIM token. It then creates, updates and deactivates your employees here automatically."
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-slate-900">Tenant URL</h2>
          <p className="mt-0.5 text-xs text-slate-500">“Tenant URL” in Entra ID, “SCIM connector base URL” in Okta.</p>
          <div className="mt-3">
            <CopyField value={url} label="Copy URL" testId="tenant-url" />
          </div>
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-slate-900">Secret Token</h2>
          {active > 0 ? (
            <div data-testid="token-status">
              <p className="mt-2 text-sm text-slate-700">
                <span className="font-semibold">{active}</span> active {active === 1 ? "token" : "tokens"}. A token is shown only once, when it is generated; if you no longer have it,
                generate a new one.
              </p>
              <Link href={tokensHref} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                Manage SCIM tokens →
              </Link>
            </div>
          ) : (
            <div data-testid="token-status">
              <p className="mt-2 text-sm text-amber-800">No active token yet: generate a token first, then paste it into your identity provider.</p>
              <Link
                href={tokensHref}
                className="mt-3 inline-flex items-center rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
              >
                Generate a SCIM token
              </Link>
            </div>
          )}
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-slate-900">Last request received</h2>
          <div className="mt-2">
            <LastRequest slug={workspace.slug} initial={last} />
          </div>
        </Card>
      </div>

      <EmployeeSignInLink origin={origin} slug={workspace.slug} />

      <Card>
        <h2 className="text-lg font-semibold">Setup guides</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          Step by step, with the exact menus and the attribute mappings Muster understands. Which attributes Muster applies (location, department, manager) is up to you in{" "}
          <Link href={`/w/${workspace.slug}/settings`} className="font-medium text-brand-700 hover:underline">
            Settings
          </Link>
          .
        </p>
        <Tabs
          label="Identity providers"
          tabs={[
            { id: "entra", label: "Microsoft Entra ID", panel: <EntraGuide tenantUrl={url} tokensHref={tokensHref} /> },
            { id: "okta", label: "Okta", panel: <OktaGuide tenantUrl={url} tokensHref={tokensHref} /> },
            { id: "generic", label: "Other SCIM 2.0 client", panel: <GenericGuide tenantUrl={url} tokensHref={tokensHref} /> },
          ]}
        />
      </Card>
    </div>
  );
};

export default ConnectPage;
