// The employee timeline's page shape, shared by the service, the route and the client list: the
// SCIM and dashboard requests about the employee ("request"), and their part in requests about a
// group ("group": added to or removed from it, a role a group rule gave them), newest first.
export const TIMELINE_PAGE_SIZE = 20;

export type TTimelineRequest = { kind: "request"; id: string; eventId: string; at: string; method: string; path: string; status: number; summary: string | null; error: string | null };
export type TTimelineGroupChange = {
  kind: "group";
  id: string;
  /** The request (a provisioning-log row) this change was part of. */
  eventId: string;
  at: string;
  /** Null once the group is deleted. */
  groupId: string | null;
  groupName: string | null;
  membership: "added" | "removed" | null;
  roleChange: string | null;
  summary: string;
};
export type TTimelineEvent = TTimelineRequest | TTimelineGroupChange;
/** `total` counts both kinds and comes with the first page only (null on later ones). */
export type TTimelinePage = { events: TTimelineEvent[]; total: number | null; pageSize: number; nextCursor: string | null };

/** "Added to group Sales — role Member → Sales Lead (from group 'Sales' rule)". */
export const groupChangeSummary = (c: { groupName: string; membership: "added" | "removed" | null; roleChange: string | null; groupDeleted?: boolean }) => {
  const base =
    c.membership === "added" ? `Added to group ${c.groupName}` : c.membership === "removed" ? `Removed from group ${c.groupName}${c.groupDeleted ? " (the group was deleted)" : ""}` : `Group ${c.groupName}`;
  return c.roleChange ? `${base} — ${c.roleChange}` : base;
};
