// Walks a /Schemas ListResponse and lists everything RFC 7643 §7 says a schema resource and its
// attribute definitions must be: every characteristic present with an allowed value, sub-attributes
// only on complex attributes (and never complex themselves), referenceTypes on references, names
// that are ATTRNAMEs and unique within their level, schema ids that are URIs.
// An empty list means the schemas are valid.

type Json = Record<string, unknown>;

const TYPES = ["string", "boolean", "decimal", "integer", "dateTime", "reference", "complex", "binary"];
const MUTABILITY = ["readOnly", "readWrite", "immutable", "writeOnly"];
const RETURNED = ["always", "never", "default", "request"];
const UNIQUENESS = ["none", "server", "global"];
const ATTRNAME = /^(?:\$ref|[A-Za-z][\w-]*)$/;
const SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema";

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const walkAttributes = (attrs: unknown, where: string, nested: boolean, problems: string[]) => {
  if (!Array.isArray(attrs)) return void problems.push(`${where}: attributes must be an array`);
  const seen = new Set<string>();
  for (const [i, a] of attrs.entries()) {
    const at = `${where}[${i}]${isObj(a) && typeof a.name === "string" ? ` (${a.name})` : ""}`;
    if (!isObj(a)) {
      problems.push(`${at}: not an object`);
      continue;
    }
    const fail = (what: string) => problems.push(`${at}: ${what}`);
    if (typeof a.name !== "string" || !ATTRNAME.test(a.name)) fail(`name ${JSON.stringify(a.name)} is not an ATTRNAME`);
    else if (seen.has(a.name.toLowerCase())) fail("name is not unique (case-insensitively) at its level");
    else seen.add(String(a.name).toLowerCase());
    if (!TYPES.includes(String(a.type))) fail(`type ${JSON.stringify(a.type)} is not one of ${TYPES.join(", ")}`);
    for (const flag of ["multiValued", "required", "caseExact"]) if (typeof a[flag] !== "boolean") fail(`${flag} must be a boolean`);
    if (typeof a.description !== "string" || a.description === "") fail("description must be a non-empty string");
    if (!MUTABILITY.includes(String(a.mutability))) fail(`mutability ${JSON.stringify(a.mutability)} is not allowed`);
    if (!RETURNED.includes(String(a.returned))) fail(`returned ${JSON.stringify(a.returned)} is not allowed`);
    if (!UNIQUENESS.includes(String(a.uniqueness))) fail(`uniqueness ${JSON.stringify(a.uniqueness)} is not allowed`);
    if (a.canonicalValues !== undefined && !(Array.isArray(a.canonicalValues) && a.canonicalValues.every((v) => typeof v === "string"))) fail("canonicalValues must be an array of strings");
    if (a.type === "reference") {
      if (!Array.isArray(a.referenceTypes) || a.referenceTypes.length === 0 || !a.referenceTypes.every((v) => typeof v === "string")) fail("a reference needs referenceTypes");
    } else if (a.referenceTypes !== undefined) fail("referenceTypes belong only to references");
    if (a.type === "complex") {
      if (nested) fail("a sub-attribute cannot be complex (RFC 7643 §2.3.8)");
      else if (!Array.isArray(a.subAttributes) || a.subAttributes.length === 0) fail("a complex attribute needs subAttributes");
      else walkAttributes(a.subAttributes, `${at}.subAttributes`, true, problems);
    } else if (a.subAttributes !== undefined) fail("subAttributes belong only to complex attributes");
  }
};

/** Problems of one schema resource (RFC 7643 §7), `where` naming it in each message. */
export const schemaProblems = (schema: unknown, where = "schema"): string[] => {
  const problems: string[] = [];
  if (!isObj(schema)) return [`${where}: not an object`];
  const at = `${where} ${String(schema.id)}`;
  if (typeof schema.id !== "string" || !/^urn:[a-z0-9][a-z0-9-]*:\S+$/i.test(schema.id)) problems.push(`${at}: id must be a URN`);
  if (!Array.isArray(schema.schemas) || !schema.schemas.includes(SCHEMA_URN)) problems.push(`${at}: schemas must list ${SCHEMA_URN}`);
  if (schema.name !== undefined && typeof schema.name !== "string") problems.push(`${at}: name must be a string`);
  if (schema.description !== undefined && typeof schema.description !== "string") problems.push(`${at}: description must be a string`);
  if (!isObj(schema.meta) || schema.meta.resourceType !== "Schema" || typeof schema.meta.location !== "string") problems.push(`${at}: meta needs resourceType "Schema" and a location`);
  walkAttributes(schema.attributes, `${at}.attributes`, false, problems);
  return problems;
};

/** Problems of every schema of a /Schemas ListResponse's Resources, and of duplicate ids. */
export const schemasProblems = (resources: unknown[]): string[] => {
  const ids = resources.map((s) => (isObj(s) ? String(s.id).toLowerCase() : ""));
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `schema ${id}: listed twice`);
  return [...dupes, ...resources.flatMap((s, i) => schemaProblems(s, `Resources[${i}]`))];
};
