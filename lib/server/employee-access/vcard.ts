// A card as a vCard 3.0 (RFC 2426; what phones import most reliably, and RFC 6350 readers accept
// it): FN, N, ORG, TITLE, TEL, EMAIL, ADR, URL, PHOTO. Pure.
type Fields = Record<string, string | null | undefined>;

const text = (v: string | null | undefined) => (typeof v === "string" && v.trim() !== "" ? v.trim() : "");

// Backslash, comma, semicolon and newlines are escaped in property values.
const esc = (v: string) => v.replace(/\\/g, "\\\\").replace(/\r?\n/g, "\\n").replace(/,/g, "\\,").replace(/;/g, "\\;");

// Lines longer than 75 octets are folded: CRLF followed by one space (never inside a UTF-8 sequence).
const fold = (line: string) => {
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (size + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join("\r\n ");
};

// URIs are not text values: they are written as they are, minus any line break.
const uri = (v: string) => v.replace(/[\r\n]/g, "");
const webUrl = (v: string) => uri(/^https?:\/\//i.test(v) ? v : `https://${v}`);

export const toVCard = (fields: Fields, shareUrl?: string) => {
  const given = text(fields.givenName);
  const family = text(fields.familyName);
  const fn = text(fields.displayName) || [given, family].filter(Boolean).join(" ") || text(fields.email) || "Unnamed";
  const lines = ["BEGIN:VCARD", "VERSION:3.0", `FN:${esc(fn)}`, `N:${esc(family)};${esc(given)};;;`];
  const company = text(fields.company);
  const department = text(fields.department);
  if (company || department) lines.push(`ORG:${esc(company)}${department ? `;${esc(department)}` : ""}`);
  if (text(fields.title)) lines.push(`TITLE:${esc(text(fields.title))}`);
  if (text(fields.phone)) lines.push(`TEL;TYPE=WORK,VOICE:${esc(text(fields.phone))}`);
  if (text(fields.mobile)) lines.push(`TEL;TYPE=CELL,VOICE:${esc(text(fields.mobile))}`);
  if (text(fields.email)) lines.push(`EMAIL;TYPE=INTERNET,WORK:${esc(text(fields.email))}`);
  const address = text(fields.address);
  const location = text(fields.location);
  // ADR: post office box; extended; street; locality; region; postal code; country.
  if (address || location) lines.push(`ADR;TYPE=WORK:;;${esc(address)};${esc(location)};;;`);
  if (text(fields.website)) lines.push(`URL;TYPE=WORK:${webUrl(text(fields.website))}`);
  if (shareUrl) lines.push(`URL:${uri(shareUrl)}`);
  const photo = text(fields.photoUrl);
  if (/^https:\/\//i.test(photo)) lines.push(`PHOTO;VALUE=URI:${uri(photo)}`);
  lines.push("END:VCARD");
  return lines.map(fold).join("\r\n") + "\r\n";
};

/** A file name for the download: the person's name, plain ASCII. */
export const vcardFileName = (fields: Fields) =>
  `${(text(fields.displayName) || "contact")
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase() || "contact"}.vcf`;
