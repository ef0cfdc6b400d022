// Declared custom attributes without a database: their values' types and canonical forms
// (lib/attributes/values.ts), the schemas they add (lib/attributes/scim-schema.ts), and that the
// SCIM core then keeps them instead of ignoring them, so template rules can read them.
import { describe, expect, it } from "vitest";
import { declarableAs, workspaceSchemas } from "@/lib/attributes/scim-schema";
import { canonicalAttributeValue, documentAttributeValues, parseAttributePath, parseAttributeText, type TAttributeType, type TDeclaredAttribute } from "@/lib/attributes/values";
import { firstMatch, subjectOfDoc } from "@/lib/provisioning/templates";
import { applyPatch } from "@/lib/scim/patch";
import { normalizeResource } from "@/lib/scim/resource";
import { DEFAULT_SCHEMAS, resourceTypes, schemaDocuments } from "@/lib/scim/schemas";
import { schemasProblems } from "../support/schema-walker";

const ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const BASE = "https://muster.example/api/scim/v2";

const declared = (key: string, type: TAttributeType, scimPath: string, onCard = false): TDeclaredAttribute => ({
  id: `id-${key}`,
  key,
  label: key,
  type,
  scimPath,
  path: parseAttributePath(scimPath)!,
  onCard,
});

describe("canonicalAttributeValue (a value as a SCIM document carries it)", () => {
  it.each([
    ["string", "B-17", "B-17", "b-17"],
    ["boolean", true, "true", "true"],
    ["boolean", "False", "false", "false"],
    ["number", 3, "3", "3"],
    ["number", -0.5, "-0.5", "-0.5"],
    ["date", "2024-05-01T09:00:00.1234567+02:00", "2024-05-01T07:00:00.123Z", "2024-05-01t07:00:00.123z"],
    ["date", "2024-05-01", "2024-05-01T00:00:00.000Z", "2024-05-01t00:00:00.000z"],
    ["date", "2024-05-01T09:00:00", "2024-05-01T09:00:00.000Z", "2024-05-01t09:00:00.000z"],
    ["reference", " AbC ", "AbC", "abc"],
  ] as const)("%s %j → %s", (type, raw, value, valueKey) => {
    expect(canonicalAttributeValue(type, raw)).toMatchObject({ ok: true, text: { value, valueKey } });
  });

  it.each([
    ["string", 42],
    ["string", ["a"]],
    ["boolean", "yes"],
    ["boolean", 1],
    ["number", "3"],
    ["number", Number.NaN],
    ["date", "May 1st"],
    ["date", "2024-02-30"],
    ["date", 1714546800],
    ["reference", ""],
    ["reference", { value: "x" }],
  ] as const)("%s %j is refused with the expected type", (type, raw) => {
    const r = canonicalAttributeValue(type, raw);
    expect(r.ok).toBe(false);
  });
});

describe("parseAttributeText (a CSV cell, a form field)", () => {
  it("reads numbers, yes/no and dates from text", () => {
    expect(parseAttributeText("number", " 12.50 ")).toMatchObject({ ok: true, json: 12.5, text: { value: "12.5" } });
    expect(parseAttributeText("number", "12 apples").ok).toBe(false);
    expect(parseAttributeText("boolean", "Yes")).toMatchObject({ ok: true, json: true });
    expect(parseAttributeText("date", "2025-01-31")).toMatchObject({ ok: true, json: "2025-01-31T00:00:00.000Z" });
    expect(parseAttributeText("string", "  kept as typed ")).toMatchObject({ ok: true, json: "  kept as typed " });
  });
});

describe("documentAttributeValues", () => {
  const attrs = [
    declared("badge", "string", `${ACME}:badgeId`),
    declared("start", "date", `${ACME}:startDate`),
    declared("zip", "string", 'addresses[type eq "work"].postalCode'),
    declared("cost", "number", `${ENT}:costNumber`),
  ];

  it("reads extension, enterprise and filtered core paths, and writes canonical values back into a copy", () => {
    const doc = {
      userName: "a",
      addresses: [
        { type: "home", postalCode: "99999" },
        { type: "Work", postalCode: "10115" },
      ],
      [ACME]: { badgeId: "B-1", startDate: "2024-05-01T09:00:00+02:00" },
      [ENT]: { costNumber: 7 },
    };
    const r = documentAttributeValues(doc, attrs);
    expect(r.problems).toEqual([]);
    expect(Object.fromEntries(r.values)).toEqual({
      "id-badge": { value: "B-1", valueKey: "b-1" },
      "id-start": { value: "2024-05-01T07:00:00.000Z", valueKey: "2024-05-01t07:00:00.000z" },
      "id-zip": { value: "10115", valueKey: "10115" },
      "id-cost": { value: "7", valueKey: "7" },
    });
    expect((r.doc[ACME] as Record<string, unknown>).startDate).toBe("2024-05-01T07:00:00.000Z");
    expect(doc[ACME].startDate).toBe("2024-05-01T09:00:00+02:00");
  });

  it("reports a wrong type with the attribute and what it should be; an empty string is no value", () => {
    const r = documentAttributeValues({ [ACME]: { badgeId: "", startDate: "soon" } }, attrs);
    expect(r.values.size).toBe(0);
    expect(r.problems).toEqual([{ attribute: attrs[1], expected: expect.stringContaining("date"), got: "soon" }]);
  });
});

describe("workspaceSchemas", () => {
  const reg = workspaceSchemas([
    { label: "Badge", type: "string", scimPath: `${ACME}:badgeId` },
    { label: "Level", type: "number", scimPath: `${ACME}:level` },
    { label: "Buddy", type: "reference", scimPath: `${ACME}:buddy` },
    { label: "Badge number", type: "string", scimPath: `${ENT}:badgeNumber` },
    { label: "Building", type: "string", scimPath: 'addresses[type eq "work"].building' },
    { label: "Nick", type: "string", scimPath: "name.nickname" },
    { label: "Postal code", type: "number", scimPath: 'addresses[type eq "work"].postalCode' },
    { label: "Broken", type: "string", scimPath: "title.sub" },
  ]);

  it("is Muster's registry itself without declarations", () => {
    expect(workspaceSchemas([])).toBe(DEFAULT_SCHEMAS);
  });

  it("publishes valid RFC 7643 §7 schemas: a custom extension schema, added enterprise and core sub-attributes", () => {
    const docs = schemaDocuments(BASE, reg);
    expect(schemasProblems(docs)).toEqual([]);
    expect(docs.map((d) => d.id)).toEqual(["urn:ietf:params:scim:schemas:core:2.0:User", ENT, ACME, "urn:ietf:params:scim:schemas:core:2.0:Group"]);
    const acme = docs.find((d) => d.id === ACME)!;
    expect(acme.attributes.map((a) => [a.name, a.type])).toEqual([
      ["badgeId", "string"],
      ["level", "decimal"],
      ["buddy", "reference"],
    ]);
    const core = docs[0]!.attributes;
    const addresses = core.find((a) => a.name === "addresses")!;
    expect(addresses.subAttributes!.map((s) => s.name)).toContain("building");
    // An attribute RFC 7643 defines keeps its definition.
    expect(addresses.subAttributes!.find((s) => s.name === "postalCode")!.type).toBe("string");
    expect(core.find((a) => a.name === "name")!.subAttributes!.map((s) => s.name)).toContain("nickname");
    expect(core.find((a) => a.name === "title")!.subAttributes).toBeUndefined();
    expect(docs[1]!.attributes.map((a) => a.name)).toContain("badgeNumber");
    expect(resourceTypes(BASE, reg)[0]!.schemaExtensions).toEqual([
      { schema: ENT, required: false },
      { schema: ACME, required: false },
    ]);
    // Muster's own definitions are untouched.
    expect(schemaDocuments(BASE)[0]!.attributes.find((a) => a.name === "name")!.subAttributes!.map((s) => s.name)).not.toContain("nickname");
  });

  it("makes POST/PUT and PATCH keep declared attributes instead of ignoring them", () => {
    const body = { userName: "a", [`${ACME}:badgeId`]: "B-1", [`${ACME}:shoeSize`]: "42", addresses: [{ type: "work", building: "HQ" }] };
    const { resource, ignored } = normalizeResource("User", body, "create", reg);
    expect(resource[ACME]).toEqual({ badgeId: "B-1" });
    expect(resource.schemas).toContain(ACME);
    expect(resource.addresses).toEqual([{ type: "work", building: "HQ" }]);
    expect(ignored).toEqual([`${ACME}:shoeSize`]);
    const patched = applyPatch("User", resource, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Add", path: `${ACME}:level`, value: 4 }] }, { id: "x", schemas: reg });
    expect(patched.resource[ACME]).toEqual({ badgeId: "B-1", level: 4 });
    expect(() => applyPatch("User", resource, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Add", path: `${ACME}:level`, value: "four" }] }, { id: "x", schemas: reg })).toThrow(/level.*a number/);
  });

  it("a template rule on a declared path matches the stored document", () => {
    const { resource } = normalizeResource("User", { userName: "a", [`${ACME}:badgeId`]: "C-100" }, "create", reg);
    const templates = [{ id: "t1", rules: [[{ attribute: `${ACME}:badgeId`, op: "sw" as const, value: "c-" }]] }];
    expect(firstMatch(templates, subjectOfDoc(resource))?.id).toBe("t1");
    expect(firstMatch(templates, subjectOfDoc({ userName: "b", [ACME]: { badgeId: "E-1" } }))).toBeNull();
  });
});

describe("declarableAs (what the declaration form may accept)", () => {
  it.each([
    [`${ACME}:badgeId`, { ok: true, types: ["string", "boolean", "date", "number", "reference"], existing: false }],
    [`${ENT}:badgeNumber`, { ok: true, existing: false }],
    [`${ENT}:costCenter`, { ok: true, types: ["string"], existing: true }],
    ['addresses[type eq "work"].postalCode', { ok: true, types: ["string"], existing: true }],
    ['addresses[type eq "work"].building', { ok: true, existing: false }],
    ["active", { ok: true, types: ["boolean"], existing: true }],
    ["profileUrl", { ok: true, types: ["string"], existing: true }],
    ["name", { ok: false }],
    ["title.sub", { ok: false }],
    ['addresses[type eq "work"]', { ok: false }],
    ["groups.display", { ok: false }],
    ["id", { ok: false }],
    ["password", { ok: false }],
    ["urn:ietf:params:scim:schemas:core:2.0:Group:displayName", { ok: false }],
    ["not a path!", { ok: false }],
  ] as const)("%s", (path, expected) => {
    expect(declarableAs(path)).toMatchObject(expected);
  });
});
