import type { Metadata } from "next";
import { EmployeeSignInLink } from "@/components/employee-sign-in-link";
import { SeatMeter } from "@/components/seat-meter";
import { PageHeader } from "@/components/ui";
import { requireWorkspaceAdmin } from "@/lib/server/auth/session";
import { currentOrigin } from "@/lib/server/public-origin";
import { retentionStatus } from "@/lib/server/retention/update-retention";
import { listAdmins } from "@/lib/server/workspaces/admins";
import { listPendingInvites } from "@/lib/server/workspaces/invites";
import { seatUsage } from "@/lib/server/workspaces/seat-usage";
import { directoryLimits } from "@/lib/server/workspaces/update-limits";
import { roleImportSettings, workspaceGroupNames, workspaceRoles } from "@/lib/server/workspaces/update-role-import";
import { workspaceSettings } from "@/lib/server/workspaces/update-settings";
import { AdminsPanel } from "./admins-panel";
import { LimitsForm } from "./limits-form";
import { RetentionPanel } from "./retention-panel";
import { RoleImportPanel } from "./role-import-panel";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

type Props = { params: Promise<{ slug: string }> };

const SettingsPage = async ({ params }: Props) => {
  const { slug } = await params;
  const { workspace, user, role } = await requireWorkspaceAdmin(slug);
  const [settings, limits, seats, admins, invites, roles, roleImport, groups, origin, retention] = await Promise.all([
    workspaceSettings(workspace.id),
    directoryLimits(workspace.id),
    seatUsage(workspace.id),
    listAdmins(workspace.id),
    listPendingInvites(workspace.id),
    workspaceRoles(workspace.id),
    roleImportSettings(workspace.id),
    workspaceGroupNames(workspace.id),
    currentOrigin(),
    retentionStatus(workspace.id),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title="Settings" description="How Muster applies what your identity provider sends, and who administers this workspace." />
      <SettingsForm slug={workspace.slug} initial={settings} roles={roles} />
      <EmployeeSignInLink origin={origin} slug={workspace.slug} prominent />
      <RoleImportPanel slug={workspace.slug} initial={roleImport} roles={roles} groups={groups} defaultRole={settings.defaultRole} />
      <LimitsForm slug={workspace.slug} initial={limits} seatsUsed={seats.used} meter={<SeatMeter used={seats.used} limit={seats.limit} />} />
      <RetentionPanel slug={workspace.slug} initial={retention} />
      <AdminsPanel slug={workspace.slug} initial={{ admins, invites, me: { userId: user.id, role } }} />
    </div>
  );
};

export default SettingsPage;
