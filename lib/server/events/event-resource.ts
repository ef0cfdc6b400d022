// Which resource a logged request was about. Successful requests carry resourceType/resourceId;
// failed ones do not (the SCIM core logs only the error), so their path tells.
import "server-only";

export type EventResource = { type: "User" | "Group" | null; id: string | null };

export const resourceOf = (e: { resourceType: string | null; resourceId: string | null; path: string }): EventResource => {
  if (e.resourceType === "User" || e.resourceType === "Group") return { type: e.resourceType, id: e.resourceId };
  const m = /^\/(users|groups)(?:\/([^/?]+))?(?:[/?]|$)/i.exec(e.path);
  if (!m) return { type: null, id: null };
  const id = m[2] && m[2] !== ".search" ? decodeURIComponent(m[2]) : null;
  return { type: m[1]!.toLowerCase() === "users" ? "User" : "Group", id };
};
