// GET: the public card as a vCard file (text/vcard), for "Save contact".
import { publicCard, shareUrl } from "@/lib/server/employee-access/share-card";
import { toVCard, vcardFileName } from "@/lib/server/employee-access/vcard";
import { originOfRequest } from "@/lib/server/public-origin";

export const GET = async (req: Request, { params }: { params: Promise<{ shareId: string }> }) => {
  const card = await publicCard((await params).shareId);
  if (!card) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(toVCard(card.fields, shareUrl(originOfRequest(req), card.shareId)), {
    headers: {
      "Content-Type": "text/vcard; charset=utf-8",
      "Content-Disposition": `attachment; filename="${vcardFileName(card.fields)}"`,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
};
