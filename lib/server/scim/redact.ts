// Request bodies go into the provisioning log without secrets: passwords and anything that looks
// like a bearer token are masked, and the body is cut to a size the dashboard can show.
import { TOKEN_IN_TEXT } from "@/lib/server/tokens/token-format";

const SECRET_KEYS = /^(password|secret|token|access_?token|client_?secret)$/i;
const MAX_LOGGED = 16 * 1024;

const scrub = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(scrub);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([k, x]) => {
        if (SECRET_KEYS.test(k)) return [k, "[redacted]"];
        // PATCH {"path":"password","value":"…"}
        if (k === "value" && typeof (v as Record<string, unknown>).path === "string" && /password/i.test(String((v as Record<string, unknown>).path))) return [k, "[redacted]"];
        return [k, scrub(x)];
      }),
    );
  }
  if (typeof v === "string") return v.replace(TOKEN_IN_TEXT, "[redacted token]");
  return v;
};

export const redactBody = (body: string | null): string | null => {
  if (body === null || body === "") return null;
  let out: string;
  try {
    out = JSON.stringify(scrub(JSON.parse(body)), null, 2);
  } catch {
    out = body.replace(TOKEN_IN_TEXT, "[redacted token]").replace(/("password"\s*:\s*)"[^"]*"/gi, '$1"[redacted]"');
  }
  return out.length > MAX_LOGGED ? `${out.slice(0, MAX_LOGGED)}\n… (${out.length - MAX_LOGGED} more characters)` : out;
};

export const redactResponse = (body: unknown): string | null => {
  if (body === undefined) return null;
  const out = JSON.stringify(scrub(body), null, 2);
  return out.length > MAX_LOGGED ? `${out.slice(0, MAX_LOGGED)}\n… (${out.length - MAX_LOGGED} more characters)` : out;
};
