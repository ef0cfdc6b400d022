// The emails Muster sends, as HTML (inline styles: mail clients ignore stylesheets) and plain text.
// Pure: every value is escaped here, callers pass raw strings. An email that carries a sign-in link
// is rendered with LINK_PLACEHOLDER: the outbox stores that, and the worker puts a freshly issued
// link in its place only in the copy it hands to SMTP (issue-link.ts), so no live secret is stored.
export type RenderedEmail = { subject: string; html: string; text: string };

export const LINK_PLACEHOLDER = "{{muster:link}}";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The copy that goes to SMTP: the placeholder replaced by the real link. */
export const withLink = (m: Pick<RenderedEmail, "html" | "text">, url: string) => ({
  html: m.html.replaceAll(LINK_PLACEHOLDER, escapeHtml(url)),
  text: m.text.replaceAll(LINK_PLACEHOLDER, url),
});

/** What an admin sees where a link will be: stored emails never hold one (a button leads nowhere). */
export const showPlaceholder = (s: string) =>
  s.replaceAll(`href="${LINK_PLACEHOLDER}"`, 'href="#link-not-stored"').replaceAll(LINK_PLACEHOLDER, "[one-time link — created when the email is sent, never stored]");

const formatDate = (d: Date) => d.toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";

type Button = { label: string; href: string };
/** One of several destinations (a sign-in page per company): a title, what to do, its button. */
type Entry = { title: string; text: string; button: Button };
type Layout = { preheader: string; heading: string; paragraphs: string[]; footnotes: string[] } & ({ button: Button } | { entries: Entry[] });

const p = (text: string) => `<p style="margin:0 0 16px;font-size:15px;line-height:1.6;color:#334155">${escapeHtml(text)}</p>`;
const small = (text: string) => `<p style="margin:0 0 8px;font-size:13px;line-height:1.5;color:#64748b">${escapeHtml(text)}</p>`;

const buttonHtml = (button: Button) => {
  const href = escapeHtml(button.href);
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px"><tr><td style="border-radius:8px;background:#3b55e6">
<a href="${href}" style="display:inline-block;padding:12px 22px;font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:8px">${escapeHtml(button.label)}</a>
</td></tr></table>
${small("If the button does not work, copy this link into your browser:")}
<p style="margin:0 0 24px;font-size:13px;line-height:1.5;word-break:break-all"><a href="${href}" style="color:#2f43c2">${href}</a></p>`;
};

const entryHtml = ({ title, text, button }: Entry) =>
  `<h2 style="margin:8px 0 8px;font-size:17px;line-height:1.4;color:#0f172a">${escapeHtml(title)}</h2>
${p(text)}
${buttonHtml(button)}`;

const layout = (content: Layout) => {
  const { preheader, heading, paragraphs, footnotes } = content;
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
${"button" in content ? buttonHtml(content.button) : content.entries.map(entryHtml).join("\n")}
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

const plain = (content: Layout) => {
  const { heading, paragraphs, footnotes } = content;
  const buttons = "button" in content ? [`${content.button.label}:`, content.button.href, ""] : content.entries.flatMap((e) => [e.title, e.text, `${e.button.label}:`, e.button.href, ""]);
  return [heading, "", ...paragraphs.flatMap((x) => [x, ""]), ...buttons, ...footnotes].join("\n");
};

const render = (subject: string, content: Layout): RenderedEmail => ({ subject, html: layout(content), text: plain(content) });

export type ActivationEmail = { workspaceName: string; employeeName: string | null; expiresInDays: number; signInUrl: string };

export const activationEmail = ({ workspaceName, employeeName, expiresInDays, signInUrl }: ActivationEmail): RenderedEmail =>
  render(`Activate your ${workspaceName} business card`, {
    preheader: `Your digital business card at ${workspaceName} is ready.`,
    heading: employeeName ? `Welcome, ${employeeName}` : "Welcome",
    paragraphs: [
      `${workspaceName} keeps its employee directory in Muster, and your digital business card is ready.`,
      "Activate your account to see your card, update the details you are allowed to change, and share it with a link or a QR code.",
    ],
    button: { label: "Activate my account", href: LINK_PLACEHOLDER },
    footnotes: [
      `This link works once and expires ${expiresInDays} days after this email was sent.`,
      `Later, on any device, sign in to your card at ${signInUrl} — keep this email or bookmark that page.`,
      "If you did not expect this email, you can ignore it: nothing happens until the link is opened.",
    ],
  });

export type MagicLinkEmail = { workspaceName: string; employeeName: string | null; expiresInMinutes: number };

export const magicLinkEmail = ({ workspaceName, employeeName, expiresInMinutes }: MagicLinkEmail): RenderedEmail =>
  render(`Your sign-in link for ${workspaceName}`, {
    preheader: `Sign in to your ${workspaceName} business card.`,
    heading: employeeName ? `Sign in, ${employeeName}` : "Sign in",
    paragraphs: [`Someone (hopefully you) asked to sign in to your ${workspaceName} business card in Muster.`],
    button: { label: "Sign in", href: LINK_PLACEHOLDER },
    footnotes: [`This link works once and expires ${expiresInMinutes} minutes after this email was sent.`, "If you did not ask for it, ignore this email: your account stays as it is."],
  });

export const signupConfirmEmail = ({ workspaceName, expiresInHours }: { workspaceName: string; expiresInHours: number }): RenderedEmail =>
  render("Confirm your email to create your Muster workspace", {
    preheader: `One click to create ${workspaceName} in Muster.`,
    heading: "Confirm your email",
    paragraphs: [`Someone (hopefully you) asked to create the workspace "${workspaceName}" in Muster with this email address.`, "Confirm that this address is yours to create the workspace and sign in."],
    button: { label: "Create my workspace", href: LINK_PLACEHOLDER },
    footnotes: [`This link works once and expires ${expiresInHours} hours after this email was sent.`, "If you did not sign up, ignore this email: nothing is created."],
  });

/** Sent instead of a confirmation when the address already has an account: the form says the same either way. */
export const signupExistingEmail = ({ signInUrl }: { signInUrl: string }): RenderedEmail =>
  render("You already have a Muster account", {
    preheader: "Someone tried to sign up with your email address.",
    heading: "You already have an account",
    paragraphs: ["Someone (hopefully you) tried to create a new Muster account with this email address, which already has one. Nothing was changed.", "Sign in with your password instead; once signed in, you can create another workspace."],
    button: { label: "Sign in", href: signInUrl },
    footnotes: ["If this was not you, you can ignore this email: your account and password are unchanged."],
  });

export const ssoLinkEmail = ({ providerLabel, subjectEmail, expiresInMinutes }: { providerLabel: string; subjectEmail: string; expiresInMinutes: number }): RenderedEmail =>
  render(`Confirm signing in to Muster with ${providerLabel}`, {
    preheader: `Link your ${providerLabel} account to Muster.`,
    heading: `Sign in with ${providerLabel}?`,
    paragraphs: [
      `Someone just signed in to ${providerLabel} as ${subjectEmail} and asked to use it for your Muster account.`,
      `If that was you, confirm below: from then on, ${providerLabel} signs you in to Muster.`,
    ],
    button: { label: `Link ${providerLabel} to my account`, href: LINK_PLACEHOLDER },
    footnotes: [`This link works once and expires ${expiresInMinutes} minutes after this email was sent.`, `If this was not you, do not confirm: nobody can use that ${providerLabel} account to sign in to Muster unless you do.`],
  });

export const lockoutEmail = ({ attempts, until, signInUrl, workspaceName }: { attempts: number; until: Date; signInUrl: string; workspaceName?: string }): RenderedEmail =>
  render("Sign-in to your Muster account is paused", {
    preheader: `${attempts} wrong passwords in a row.`,
    heading: "Too many wrong passwords",
    paragraphs: [
      `Someone entered a wrong password ${attempts} times in a row for your ${workspaceName ? `${workspaceName} ` : ""}Muster account, so password sign-in is paused until ${formatDate(until)}.`,
      "If it was you, wait until then and try again. If it was not, your password was not accepted and your account is safe; consider changing your password once you are signed in.",
    ],
    button: { label: "Go to sign-in", href: signInUrl },
    footnotes: ["Muster sends this email once per pause, so a burst of attempts does not flood your inbox."],
  });

/** One company where the address belongs to an employee who may sign in. */
export type SignInPage = { workspaceName: string; url: string; activated: boolean };

const pageEntry = ({ workspaceName, url, activated }: SignInPage): Entry => ({
  title: workspaceName,
  text: activated
    ? `Bookmark this page: it is where you sign in to your ${workspaceName} business card, on any device.`
    : `Your ${workspaceName} account is not activated yet. First open the email “Activate your ${workspaceName} business card” and follow its link; if you cannot find it or it has expired, ask your ${workspaceName} admin to send a new one. After that, sign in on this page.`,
  button: { label: `Go to the ${workspaceName} sign-in page`, href: url },
});

/** The answer to "where do I sign in?" (the workspace finder on /me): every company's sign-in page. */
export const signInPagesEmail = ({ pages }: { pages: SignInPage[] }): RenderedEmail => {
  const one = pages.length === 1 ? pages[0]! : null;
  return render(one ? `Your sign-in page for ${one.workspaceName}` : "Your sign-in pages in Muster", {
    preheader: one ? `Where you sign in to your ${one.workspaceName} business card.` : `Where you sign in to your business cards at ${pages.length} companies.`,
    heading: one ? "Your sign-in page" : "Your sign-in pages",
    paragraphs: [
      "Someone (hopefully you) asked Muster where this email address signs in.",
      ...(one ? [] : [`This address belongs to an employee of ${pages.length} companies. Each company has its own sign-in page:`]),
    ],
    entries: pages.map(pageEntry),
    footnotes: ["These pages are not secret and do not sign you in by themselves: you still need your password or a sign-in link by email.", "If you did not ask for this email, you can ignore it: nothing has changed."],
  });
};
