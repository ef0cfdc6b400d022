// What an employee's status means, in a sentence an admin can act on.
import { formatDateTime } from "@/components/ui";

type E = {
  status: string;
  active: boolean;
  scimDoc: string | null;
  scimDeletedAt: Date | null;
  linkedAt: Date | null;
  archivedAt: Date | null;
  createdAt: Date;
  userName: string | null;
};

const day = (d: Date | null) => (d ? formatDateTime(d) : "an unknown date");

export const statusExplanation = (e: E, idp: string): string => {
  switch (e.status) {
    case "SYNCED":
      return `Synced since ${day(e.createdAt)}: ${idp} created this employee as ${e.userName ?? "a SCIM user"} and keeps their profile up to date.`;
    case "LINKED":
      return `Linked on ${day(e.linkedAt)}: this employee existed before and was merged with the IdP identity ${e.userName ?? "(unknown)"}. ${idp} now keeps their profile up to date.`;
    case "MANUAL":
      return `Manual: added in Muster on ${day(e.createdAt)}. No identity provider manages this employee; if yours provisions a user with the same email, the two are linked.`;
    case "ARCHIVED":
      if (e.scimDoc === null) return `Archived on ${day(e.archivedAt)} by an admin. History is kept and they do not count as a seat. Restore them to make them active again.`;
      if (e.scimDeletedAt)
        return `Archived on ${day(e.archivedAt)}: ${idp} deleted the user ${e.userName ?? ""}. History is kept and they do not count as a seat. If the IdP provisions this user again, the same employee comes back.`;
      return `Archived on ${day(e.archivedAt)}: ${idp} deactivated the user ${e.userName ?? ""} (active = false). History is kept and they do not count as a seat. Re-activating them in the IdP restores them.`;
    default:
      return e.status;
  }
};
