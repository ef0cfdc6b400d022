// The public side of an activated card: /c/<shareId> shows it with a QR code and a vCard. Only
// activated employees who are not archived, and whose role is listed publicly (`listed`), have a
// public card; anything else is "not found".
import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db/client";
import { cardRecord } from "@/lib/provisioning/card-fields";
import { baseCardRows, CARD_EMPLOYEE_SELECT, SETTINGS_SELECT } from "@/lib/server/cards/card-source";
import { allows, roleAccess } from "@/lib/server/roles/role-capabilities";

const SHARE_ID = /^[A-Za-z0-9_-]{10,40}$/;

export const shareUrl = (origin: string, shareId: string) => `${origin}/c/${shareId}`;

export const publicCard = async (shareId: string) => {
  if (!SHARE_ID.test(shareId)) return null;
  const e = await db.employee.findFirst({
    where: { shareId, status: { not: "ARCHIVED" }, active: true, activatedAt: { not: null } },
    select: { ...CARD_EMPLOYEE_SELECT, workspaceId: true, shareId: true, role: true, workspace: { select: { name: true, ...SETTINGS_SELECT } }, cardFields: { select: { key: true, value: true } } },
  });
  if (!e || !allows(await roleAccess(e.workspaceId, e.role), "listed")) return null;
  // A card nobody has saved yet is the untouched profile.
  const rows = e.cardFields.length ? e.cardFields : await baseCardRows(db, e.workspaceId, e, e.workspace);
  return { shareId: e.shareId!, workspaceName: e.workspace.name, fields: cardRecord(rows) };
};

/** The QR code of a URL as an SVG document (drawn on the server; no script in the page). */
export const qrSvg = (url: string) => QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#0f172a", light: "#ffffff" } });
