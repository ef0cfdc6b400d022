// A SCIM document's custom attributes, checked before anything is written: each declared value must
// have its declared type (400 invalidValue naming the attribute and the type, RFC 7644 §3.12), and
// a reference must name another User of the workspace. The document comes back with canonical
// values, so what GET returns is what EmployeeAttribute holds.
import "server-only";
import { describeValue, documentAttributeValues, EXPECTED, type TAttributeValue, type TDeclaredAttribute } from "@/lib/attributes/values";
import { badRequest } from "@/lib/scim/errors";
import type { JsonObject } from "@/lib/scim/schemas/json";
import type { Policy } from "./policy";

const nameOf = (a: TDeclaredAttribute) => `'${a.scimPath}' (${a.label})`;

/** The document with canonical custom values, and the values; throws 400 invalidValue on a wrong type. */
export const checkAttributes = (doc: JsonObject, policy: Policy): { doc: JsonObject; values: Map<string, TAttributeValue> } => {
  if (policy.attributes.length === 0) return { doc, values: new Map() };
  const { doc: canonical, values, problems } = documentAttributeValues(doc, policy.attributes);
  const [first] = problems;
  if (first) throw badRequest("invalidValue", `Attribute ${nameOf(first.attribute)} must be ${first.expected}; got ${describeValue(first.got)}`);
  return { doc: canonical, values };
};

/** The SCIM ids the document's reference attributes name. */
export const referencedIds = (values: ReadonlyMap<string, TAttributeValue>, policy: Policy): string[] => [
  ...new Set(policy.attributes.filter((a) => a.type === "reference" && values.has(a.id)).map((a) => values.get(a.id)!.value)),
];

/** Whether the reference values differ from those of `before` (so the names must be looked up). */
export const referencesChanged = (values: ReadonlyMap<string, TAttributeValue>, before: ReadonlyMap<string, TAttributeValue>, policy: Policy) =>
  policy.attributes.some((a) => a.type === "reference" && values.get(a.id)?.value !== before.get(a.id)?.value);

/**
 * Every reference names a live User of the workspace other than `selfScimId`; `found` holds the
 * ones that exist (SCIM id → display name). Throws 400 invalidValue otherwise.
 */
export const checkReferences = (values: ReadonlyMap<string, TAttributeValue>, policy: Policy, found: ReadonlyMap<string, string | null>, selfScimId: string | null) => {
  for (const a of policy.attributes) {
    if (a.type !== "reference") continue;
    const id = values.get(a.id)?.value;
    if (id === undefined) continue;
    if (id === selfScimId) throw badRequest("invalidValue", `Attribute ${nameOf(a)} must be ${EXPECTED.reference}, not the User's own id`);
    if (!found.has(id)) throw badRequest("invalidValue", `Attribute ${nameOf(a)} must be ${EXPECTED.reference}; no User has the id ${JSON.stringify(id)}`);
  }
};
