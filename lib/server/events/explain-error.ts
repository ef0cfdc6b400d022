// Turns a failed SCIM request from the provisioning log into words an IdP admin can act on: what
// went wrong, and what to change in Entra ID, Okta or Muster. Keyed on the status, the SCIM
// scimType and the error text, which is all the log keeps.
import "server-only";
import type { ErrorAdvice } from "@/lib/events/dto";

export type FailedRequest = {
  status: number;
  method?: string | null;
  path?: string | null;
  error?: string | null;
  scimType?: string | null;
  client?: string | null;
};

type Idp = "entra" | "okta" | null;

const idpOf = (client: string | null | undefined): Idp => {
  if (!client) return null;
  if (/azure|microsoft|entra/i.test(client)) return "entra";
  if (/okta/i.test(client)) return "okta";
  return null;
};

const isGroupPath = (path: string | null | undefined) => /^\/groups(\/|\?|$)/i.test(path ?? "");

const USER_FILTERS = "id, userName, externalId, emails (emails.value), displayName, name.givenName, name.familyName, active, meta.created and meta.lastModified";
const GROUP_FILTERS = "id, displayName, externalId, members (members.value), meta.created and meta.lastModified";

/** The scimType of a logged SCIM error response body, if it has one. */
export const scimTypeOf = (responseBody: string | null | undefined): string | null => {
  if (!responseBody) return null;
  try {
    const body = JSON.parse(responseBody) as { scimType?: unknown };
    return typeof body.scimType === "string" ? body.scimType : null;
  } catch {
    return /"scimType"\s*:\s*"(\w+)"/.exec(responseBody)?.[1] ?? null;
  }
};

const conflict = (r: FailedRequest, idp: Idp): ErrorAdvice => {
  if (/bulkId/i.test(r.error ?? "")) {
    return {
      title: "Unresolved bulk reference",
      action: "A bulk operation referred to a bulkId that no earlier operation in the same request created — send the operation that creates it first.",
    };
  }
  if (isGroupPath(r.path)) {
    return {
      title: "Group already exists",
      action: "A group with this displayName or externalId already exists in Muster — rename one of them in the IdP, or delete the old group here so the IdP can create it again.",
    };
  }
  const where =
    idp === "okta"
      ? "In Okta, open the app's Provisioning settings and make sure the user is imported and matched (Import → confirm the match by username) instead of created again."
      : idp === "entra"
        ? "In Entra ID, check the matching attribute in Provisioning → Mappings → Provision users (by default userPrincipalName → userName, \"Match objects using this attribute\"): the user's value must equal the userName it already has in Muster."
        : "In your IdP, check the attribute it matches users on (Entra ID: \"Match objects using this attribute\", usually userPrincipalName → userName; Okta: the username format).";
  return {
    title: "User already exists",
    action: `A user with this userName already exists in Muster — the IdP did not find it and tried to create it again. ${where}`,
    details:
      "Muster looks users up by userName (case-insensitive) and by the IdP's filters. If the existing employee was created here by hand or by CSV with the same email, the IdP's create links it automatically; a clash on userName means two identities claim the same name.",
  };
};

const badRequest = (r: FailedRequest, idp: Idp): ErrorAdvice => {
  switch (r.scimType) {
    case "invalidFilter":
      return {
        title: "Filter not supported",
        action: `The IdP searched with a filter Muster cannot answer. Set the IdP's matching attribute to one Muster can filter on — userName or externalId is usual.`,
        details: `Users can be filtered by ${USER_FILTERS}. Groups can be filtered by ${GROUP_FILTERS}. Any other attribute is refused rather than answered with a misleading empty list.`,
      };
    case "invalidValue":
      if (/^Missing required attribute/i.test(r.error ?? "")) {
        return {
          title: "Required attribute missing",
          action:
            idp === "okta"
              ? "This workspace requires an attribute the user was sent without (the error names it). In Okta, open the app's Provisioning → To App and map the Okta attribute the error names; make sure the user has a value in their Okta profile, then retry (Okta: Push / reassign)."
              : idp === "entra"
                ? "This workspace requires an attribute the user was sent without (the error names it). In Entra ID, open Provisioning → Mappings → Provision Microsoft Entra ID Users and add or fix the mapping the error names; make sure the user has a value, then Provision on demand or wait for the next cycle."
                : "This workspace requires an attribute the user was sent without (the error names it and the mapping that provides it). Map it in the IdP and make sure the user has a value, then provision the user again.",
          details: "Required attributes are chosen in Settings → Seats and required attributes. Nothing was written for this user.",
        };
      }
      return {
        title: "Invalid value",
        action: "A value has the wrong type or format — the error names the attribute. Fix that attribute's mapping in the IdP (for example, active must be true or false, emails must be valid addresses), then provision the user again.",
      };
    case "invalidSyntax":
      return {
        title: "Malformed request",
        action: "The request was not valid SCIM JSON or lacked a required attribute (the error says which). Check the IdP's attribute mappings produce that value; if a script sent it, fix the request body.",
      };
    case "mutability":
      return {
        title: "Read-only attribute",
        action: "The IdP tried to change an attribute that cannot be changed, such as id or meta. Remove that attribute from the IdP's attribute mappings.",
      };
    case "noTarget":
      return {
        title: "Nothing to change",
        action: "A PATCH operation targeted a value that does not exist (for example, removing a member who is not in the group). Usually harmless — the next provisioning cycle brings the resource back in sync.",
      };
    case "invalidPath":
      return {
        title: "Unknown attribute path",
        action: "A PATCH operation named an attribute path Muster does not know. Check the IdP's custom attribute mappings: the target attribute must exist in Muster's schema (listed at /Schemas of the Tenant URL).",
      };
    case "tooMany":
      return {
        title: "Too many results",
        action: "The filter matched more results than Muster returns at once. Narrow the filter, or page through the results with startIndex and count.",
      };
    case "invalidVers":
      return {
        title: "Invalid version",
        action: "The If-Match header held a version Muster does not understand. Send the ETag exactly as Muster returned it, or no If-Match at all.",
      };
    default:
      return {
        title: "Invalid request",
        action: "Muster could not accept the request as sent — the error says what is wrong. Fix the attribute mapping or request it names, then retry.",
      };
  }
};

/** What an admin should do about a failed request, or null when it did not fail. */
export const explainError = (r: FailedRequest): ErrorAdvice | null => {
  const idp = idpOf(r.client);
  const { status } = r;
  if (status < 400) return null;
  if (status >= 500) {
    return {
      title: "Muster failed",
      action: "Muster failed — this is our bug; the request was not applied. Your IdP retries it on its next cycle; if it keeps failing, contact Muster support with the time and path of this request.",
    };
  }
  switch (status) {
    case 400:
      return badRequest(r, idp);
    case 401:
      return {
        title: "Token rejected",
        action: "The token is invalid or revoked — generate a new token on the SCIM tokens page and paste it into your IdP's Secret Token field, then Test Connection.",
      };
    case 403:
      if (/^Seat limit reached/i.test(r.error ?? "")) {
        return {
          title: "Seat limit reached",
          action: "The workspace has as many active employees as its seat limit allows, so this user was not created or re-activated. Raise the limit in Settings → Seats and required attributes, or archive employees who left; the IdP retries the user on its next cycle.",
          details: "Archived employees do not take a seat. Nothing was written for this user.",
        };
      }
      return r.scimType === "sensitive"
        ? { title: "Sensitive data refused", action: "The IdP asked for information Muster never returns (such as passwords). Remove it from the request or the attribute mapping." }
        : { title: "Not allowed", action: "Muster refused this request for this token. Check that the token belongs to this workspace and has not lost its rights, or generate a new one on the SCIM tokens page." };
    case 404:
      if (/no scim endpoint|no resource type|no schema/i.test(r.error ?? "")) {
        return {
          title: "Wrong address",
          action: "The IdP called an address Muster does not serve. Check the Tenant URL in the IdP: it must be exactly the one on the Connect IdP page, ending in /api/scim/v2.",
        };
      }
      return {
        title: isGroupPath(r.path) ? "Unknown group" : "Unknown user",
        action:
          idp === "okta"
            ? "The IdP refers to a user or group Muster does not have — it was deleted here or belongs to another workspace. In Okta, unassign and reassign the user or push the group again so Okta creates it anew."
            : "The IdP refers to a user or group Muster does not have — it was deleted here or belongs to another workspace; in Entra ID, restart provisioning / clear state (Provisioning → Restart provisioning, with \"Clear current state\") so it matches users again.",
        details: "Each workspace has its own users and groups: an id from another workspace, or from before a deletion, is not found. Deleted users stay archived in Muster and come back when the IdP creates them again.",
      };
    case 405:
      return {
        title: "Method not allowed",
        action: "The IdP used an HTTP method this endpoint does not accept. Check that the Tenant URL ends with /api/scim/v2 and nothing after it.",
      };
    case 409:
      return conflict(r, idp);
    case 412:
      return {
        title: "Changed in the meantime",
        action: "The resource changed since the IdP last read it (its ETag no longer matches). The IdP reads it again and retries — usually this resolves itself on the next provisioning cycle.",
        details: "If it keeps happening for the same user, two IdPs or two tokens are probably writing to it at once.",
      };
    case 413:
      return {
        title: "Request too large",
        action: "The request exceeded Muster's limits (1 MiB per body, 1,000 operations per bulk request). Reduce the batch size in the IdP, or split large group membership changes into several requests.",
      };
    case 415:
      return { title: "Unsupported content type", action: "Send the body as application/scim+json or application/json." };
    case 429:
      return {
        title: "Rate limited",
        action: "The IdP sent more requests per second than this token allows; the IdP retries after the Retry-After delay. Nothing to do unless it keeps happening — then lower the IdP's concurrency.",
      };
    default:
      return {
        title: "Request refused",
        action: "Muster could not process this request — the error says why. Fix what it names in the IdP's configuration, then retry.",
      };
  }
};
