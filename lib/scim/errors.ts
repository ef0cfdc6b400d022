// SCIM error responses (RFC 7644 §3.12). The constructor refuses a scimType that the RFC does not
// pair with the given status, so a handler cannot invent an error an IdP would not understand.

export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

const statusOf: Record<ScimType, number> = {
  invalidFilter: 400,
  tooMany: 400,
  uniqueness: 409,
  mutability: 400,
  invalidSyntax: 400,
  invalidPath: 400,
  noTarget: 400,
  invalidValue: 400,
  invalidVers: 400,
  sensitive: 403,
};

export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type ScimErrorBody = {
  schemas: [typeof SCIM_ERROR_SCHEMA];
  status: string;
  scimType?: ScimType;
  detail?: string;
};

export class ScimError extends Error {
  readonly status: number;
  readonly scimType?: ScimType;
  /** Extra response headers, e.g. Retry-After on 429 or WWW-Authenticate on 401. */
  readonly headers: Record<string, string>;

  constructor(status: number, scimType: ScimType | undefined, detail: string, headers: Record<string, string> = {}) {
    if (scimType && statusOf[scimType] !== status) {
      throw new Error(`RFC 7644 §3.12 does not pair scimType ${scimType} with status ${status}`);
    }
    if (status < 400 || status > 599) throw new Error(`not an error status: ${status}`);
    super(detail);
    this.name = "ScimError";
    this.status = status;
    this.scimType = scimType;
    this.headers = headers;
  }

  toBody(): ScimErrorBody {
    return {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: this.message,
    };
  }
}

export const badRequest = (scimType: Exclude<ScimType, "uniqueness" | "sensitive">, detail: string) =>
  new ScimError(400, scimType, detail);
export const notFound = (detail: string) => new ScimError(404, undefined, detail);
export const conflict = (detail: string) => new ScimError(409, "uniqueness", detail);

/** Anything that is not a ScimError becomes a 500 that reveals nothing about the internals. */
export const toScimError = (err: unknown): ScimError =>
  err instanceof ScimError ? err : new ScimError(500, undefined, "Internal server error");

/** If-Match named another version than the stored one (RFC 7644 §3.14). */
export const preconditionFailed = (id: string, current: number) =>
  new ScimError(412, undefined, `The resource ${id} has changed (its version is W/"${current}"); read it again and retry`);
