// The emails Muster sends to employees, as HTML (inline styles: mail clients ignore stylesheets)
// and plain text. Pure: every value is escaped here, callers pass raw strings.
export type RenderedEmail = { subject: string; html: string; text: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const formatDate = (d: Date) => d.toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";

type Layout = { preheader: string; heading: string; paragraphs: string[]; button: { label: string; href: string }; footnotes: string[] };

const layout = ({ preheader, heading, paragraphs, button, footnotes }: Layout) => {
  const p = (text: string) => `<p style="margin:0 0 16px;font-size:15px;line-height:1.6;color:#334155">${escapeHtml(text)}</p>`;
  const small = (text: string) => `<p style="margin:0 0 8px;font-size:13px;line-height:1.5;color:#64748b">${escapeHtml(text)}</p>`;
  const href = escapeHtml(button.href);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f5f9;padding:32px 16px">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px">
<tr><td style="padding:32px 32px 8px">
<p style="margin:0 0 24px;font-size:15px;font-weight:600;color:#0f172a"><span style="display:inline-block;width:28px;height:28px;line-height:28px;text-align:center;border-radius:6px;background:#3b55e6;color:#ffffff;font-weight:700;margin-right:8px">M</span>Muster</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#0f172a">${escapeHtml(heading)}</h1>
${paragraphs.map(p).join("\n")}
<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px"><tr><td style="border-radius:8px;background:#3b55e6">
<a href="${href}" style="display:inline-block;padding:12px 22px;font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:8px">${escapeHtml(button.label)}</a>
</td></tr></table>
${small("If the button does not work, copy this link into your browser:")}
<p style="margin:0 0 24px;font-size:13px;line-height:1.5;word-break:break-all"><a href="${href}" style="color:#2f43c2">${href}</a></p>
</td></tr>
<tr><td style="padding:16px 32px 28px;border-top:1px solid #e2e8f0">
${footnotes.map(small).join("\n")}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
};

const plain = ({ heading, paragraphs, button, footnotes }: Layout) =>
  [heading, "", ...paragraphs.flatMap((x) => [x, ""]), `${button.label}:`, button.href, "", ...footnotes].join("\n");

const render = (subject: string, content: Layout): RenderedEmail => ({ subject, html: layout(content), text: plain(content) });

export type ActivationEmail = { workspaceName: string; employeeName: string | null; link: string; expiresAt: Date };

export const activationEmail = ({ workspaceName, employeeName, link, expiresAt }: ActivationEmail): RenderedEmail =>
  render(`Activate your ${workspaceName} business card`, {
    preheader: `Your digital business card at ${workspaceName} is ready.`,
    heading: employeeName ? `Welcome, ${employeeName}` : "Welcome",
    paragraphs: [
      `${workspaceName} keeps its employee directory in Muster, and your digital business card is ready.`,
      "Activate your account to see your card, update the details you are allowed to change, and share it with a link or a QR code.",
    ],
    button: { label: "Activate my account", href: link },
    footnotes: [`This link works once and expires on ${formatDate(expiresAt)}.`, "If you did not expect this email, you can ignore it: nothing happens until the link is opened."],
  });

export type MagicLinkEmail = { workspaceName: string; employeeName: string | null; link: string; expiresInMinutes: number };

export const magicLinkEmail = ({ workspaceName, employeeName, link, expiresInMinutes }: MagicLinkEmail): RenderedEmail =>
  render(`Your sign-in link for ${workspaceName}`, {
    preheader: `Sign in to your ${workspaceName} business card.`,
    heading: employeeName ? `Sign in, ${employeeName}` : "Sign in",
    paragraphs: [`Someone (hopefully you) asked to sign in to your ${workspaceName} business card in Muster.`],
    button: { label: "Sign in", href: link },
    footnotes: [`This link works once and expires in ${expiresInMinutes} minutes.`, "If you did not ask for it, ignore this email: your account stays as it is."],
  });
