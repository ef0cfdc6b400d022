import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { toTokenDto } from "@/lib/server/tokens/token-dto";
import { listTokens, tenantUrl } from "@/lib/server/tokens/tokens";
import { TokenManager } from "./token-manager";

export const metadata: Metadata = { title: "SCIM tokens" };

type Props = { params: Promise<{ slug: string }> };

const TokensPage = async ({ params }: Props) => {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceAdmin(slug);
  const tokens = (await listTokens(workspace.id)).map(toTokenDto);
  return (
    <div>
      <PageHeader
        title="SCIM tokens"
        description={
          <>
            Your identity provider signs its SCIM requests with one of these tokens (the <em>Secret Token</em>).{" "}
            <Link href={`/w/${workspace.slug}/connect`} className="font-medium text-brand-700 hover:underline">
              Setup guides
            </Link>
          </>
        }
      />
      <TokenManager slug={workspace.slug} tenantUrl={tenantUrl()} initialTokens={tokens} />
    </div>
  );
};

export default TokensPage;
