// Emails queued before Muster issued links at send time kept the live link in their stored copy.
// Once at start, the copies already sent or kept lose it (the recipient's own copy is unaffected);
// queued ones lose it when they are sent (deliver-email.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log/logger";
import { maskLinks } from "./outbox-status";

export const scrubStoredLinks = async () => {
  const rows = await db.outboxEmail.findMany({
    where: { link: null, sentAt: { not: null }, OR: [{ text: { contains: "/activate/" } }, { text: { contains: "/sign-in/" } }] },
    select: { id: true, html: true, text: true },
  });
  for (const r of rows) {
    const html = maskLinks(r.html);
    const text = maskLinks(r.text);
    if (html !== r.html || text !== r.text) await db.outboxEmail.update({ where: { id: r.id }, data: { html, text } });
  }
  if (rows.length) log.info({ emails: rows.length }, "mail: removed stored sign-in links from sent emails");
};
