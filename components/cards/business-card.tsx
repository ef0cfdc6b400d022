// An employee's business card as people see it: the template preview, the employee's own page and
// the public share page all render this. Read-only and hook-free, so server and client can use it.
import type { ReactNode } from "react";

type Fields = Record<string, string | null | undefined>;

// Keys the card lays out itself; any other non-empty key (a template may define its own) is listed
// at the bottom under a readable label.
const KNOWN = new Set([
  "displayName",
  "givenName",
  "familyName",
  "title",
  "department",
  "company",
  "companyLogoUrl",
  "phone",
  "mobile",
  "email",
  "location",
  "manager",
  "photoUrl",
  "website",
  "address",
]);

const text = (v: string | null | undefined) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

// Images and links come from IdPs, templates and employees: only https images, only http(s) links.
const httpsUrl = (v: string | null) => (v && /^https:\/\/[^\s"'<>]+$/i.test(v) ? v : null);
const websiteUrl = (v: string | null) => {
  if (!v) return null;
  const url = /^https?:\/\//i.test(v) ? v : `https://${v}`;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch {
    return null;
  }
};
const telHref = (v: string) => `tel:${v.replace(/[^\d+]/g, "")}`;
const shortWebsite = (v: string) => v.replace(/^https?:\/\//i, "").replace(/\/$/, "");

// A custom attribute's field is "attr.<key>": without its label, the key reads well enough.
const humanize = (key: string) => {
  const words = key.replace(/^attr\./, "").replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").trim();
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
};

export const cardName = (fields: Fields) =>
  text(fields.displayName) ?? ([text(fields.givenName), text(fields.familyName)].filter(Boolean).join(" ") || null);

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

// 20×20 outline icons (Heroicons-style paths), decorative: each line also has a visually hidden label.
const ICONS: Record<string, ReactNode> = {
  email: <path d="M3 5.5A1.5 1.5 0 0 1 4.5 4h11A1.5 1.5 0 0 1 17 5.5v9a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 14.5v-9Zm1.2.3L10 10.2l5.8-4.4" />,
  phone: (
    <path d="M4 4.5A1.5 1.5 0 0 1 5.5 3h1.6a1 1 0 0 1 .95.68l.8 2.4a1 1 0 0 1-.3 1.07l-1.1.95a9.5 9.5 0 0 0 4.45 4.45l.95-1.1a1 1 0 0 1 1.07-.3l2.4.8a1 1 0 0 1 .68.95v1.6A1.5 1.5 0 0 1 15.5 17 11.5 11.5 0 0 1 4 5.5v-1Z" />
  ),
  mobile: <path d="M6.5 2.5h7a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-13a1 1 0 0 1 1-1ZM9 15h2" />,
  website: <path d="M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm0 0c1.7-1.8 2.6-4.2 2.6-7S11.7 4.8 10 3m0 14c-1.7-1.8-2.6-4.2-2.6-7S8.3 4.8 10 3M3.5 8h13M3.5 12h13" />,
  location: <path d="M10 17.5s5.5-4.6 5.5-9a5.5 5.5 0 1 0-11 0c0 4.4 5.5 9 5.5 9Zm0-7a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z" />,
  address: <path d="M3.5 9 10 3.5 16.5 9v7a1 1 0 0 1-1 1H12v-4.5H8V17H4.5a1 1 0 0 1-1-1V9Z" />,
  manager: <path d="M10 9.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-5.5 7a5.5 5.5 0 0 1 11 0" />,
  other: <path d="M5 6h10M5 10h10M5 14h6" />,
};

const Icon = ({ name }: { name: keyof typeof ICONS }) => (
  <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" className="mt-0.5 h-4 w-4 shrink-0 text-brand-600">
    {ICONS[name]}
  </svg>
);

const Line = ({ icon, label, children }: { icon: keyof typeof ICONS; label: string; children: ReactNode }) => (
  <li className="flex items-start gap-3">
    <Icon name={icon} />
    <span className="min-w-0 flex-1">
      <span className="sr-only">{label}: </span>
      {children}
    </span>
  </li>
);

// Underlined (softly), so links do not rely on colour alone.
const linkClass =
  "break-words rounded-sm text-slate-800 underline decoration-slate-300 underline-offset-4 hover:text-brand-700 hover:decoration-brand-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";

export const BusinessCard = ({ fields, labels }: { fields: Fields; /** Labels of fields the card does not know, e.g. custom attributes ("attr.badgeId" → "Badge ID"). */ labels?: Record<string, string> }) => {
  const name = cardName(fields);
  const title = text(fields.title);
  const department = text(fields.department);
  const company = text(fields.company);
  const logo = httpsUrl(text(fields.companyLogoUrl));
  const photo = httpsUrl(text(fields.photoUrl));
  const email = text(fields.email);
  const phone = text(fields.phone);
  const mobile = text(fields.mobile);
  const rawWebsite = text(fields.website);
  const website = websiteUrl(rawWebsite);
  const location = text(fields.location);
  const address = text(fields.address);
  const manager = text(fields.manager);
  const others = Object.entries(fields)
    .filter(([k, v]) => !KNOWN.has(k) && text(v) !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  const hasContact = email || phone || mobile || rawWebsite || location || address || manager || others.length > 0;

  return (
    <article
      aria-label={`Business card of ${name ?? "an employee"}`}
      data-testid="business-card"
      className="w-full max-w-[420px] overflow-hidden rounded-2xl border border-slate-200 bg-white text-left shadow-md"
    >
      <div className="relative h-24 bg-gradient-to-br from-brand-700 via-brand-600 to-brand-500">
        <div className="absolute inset-x-5 top-4 flex items-center gap-2.5">
          {logo ? (
            // Logos can live on any host; Next's image optimizer would need every host listed.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logo} alt={company ? `${company} logo` : "Company logo"} referrerPolicy="no-referrer" className="h-8 w-8 shrink-0 rounded-md bg-white object-contain p-0.5 shadow-sm" />
          ) : null}
          {company ? (
            <p className="truncate text-base font-semibold tracking-wide text-white" data-field="company">
              {company}
            </p>
          ) : null}
        </div>
      </div>

      <div className="px-5 pb-5">
        <div className="relative z-10 -mt-10 flex items-end gap-4">
          {photo ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={photo} alt={name ? `Photo of ${name}` : "Photo"} referrerPolicy="no-referrer" className="h-20 w-20 shrink-0 rounded-full border-4 border-white bg-white object-cover shadow" />
          ) : (
            <span aria-hidden className="grid h-20 w-20 shrink-0 place-items-center rounded-full border-4 border-white bg-brand-50 text-2xl font-semibold text-brand-700 shadow">
              {(name && initialsOf(name)) || "?"}
            </span>
          )}
        </div>

        <div className="mt-3">
          <h2 className="break-words text-xl font-semibold leading-tight tracking-tight text-slate-900" data-field="name">
            {name ?? <span className="text-slate-500">Name not set</span>}
          </h2>
          {title ? (
            <p className="mt-1 text-sm font-medium text-brand-700" data-field="title">
              {title}
            </p>
          ) : null}
          {department ? (
            <p className="mt-0.5 text-sm text-slate-600" data-field="department">
              {department}
            </p>
          ) : null}
        </div>

        {hasContact ? (
          <ul className="mt-4 space-y-2.5 border-t border-slate-100 pt-4 text-sm text-slate-700">
            {email ? (
              <Line icon="email" label="Email">
                <a href={`mailto:${email}`} className={linkClass} data-field="email">
                  {email}
                </a>
              </Line>
            ) : null}
            {phone ? (
              <Line icon="phone" label="Office phone">
                <a href={telHref(phone)} className={linkClass} data-field="phone">
                  {phone}
                </a>
                <span className="ml-1.5 text-xs text-slate-500">office</span>
              </Line>
            ) : null}
            {mobile ? (
              <Line icon="mobile" label="Mobile phone">
                <a href={telHref(mobile)} className={linkClass} data-field="mobile">
                  {mobile}
                </a>
                <span className="ml-1.5 text-xs text-slate-500">mobile</span>
              </Line>
            ) : null}
            {rawWebsite ? (
              <Line icon="website" label="Website">
                {website ? (
                  <a href={website} className={linkClass} target="_blank" rel="noopener noreferrer" data-field="website">
                    {shortWebsite(rawWebsite)}
                  </a>
                ) : (
                  <span data-field="website">{rawWebsite}</span>
                )}
              </Line>
            ) : null}
            {location ? (
              <Line icon="location" label="Location">
                <span data-field="location">{location}</span>
              </Line>
            ) : null}
            {address ? (
              <Line icon="address" label="Address">
                <span className="whitespace-pre-line" data-field="address">
                  {address}
                </span>
              </Line>
            ) : null}
            {manager ? (
              <Line icon="manager" label="Reports to">
                <span className="text-slate-500">Reports to </span>
                <span data-field="manager">{manager}</span>
              </Line>
            ) : null}
            {others.map(([key, value]) => (
              <Line key={key} icon="other" label={labels?.[key] ?? humanize(key)}>
                <span className="text-slate-500">{labels?.[key] ?? humanize(key)}: </span>
                <span data-field={key}>{text(value)}</span>
              </Line>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
};
