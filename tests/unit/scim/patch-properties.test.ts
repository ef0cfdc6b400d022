import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { applyPatch } from "@/lib/scim/patch";
import { SCHEMA_URNS } from "@/lib/scim/schemas";

const ENT = SCHEMA_URNS.ENTERPRISE_USER;
const patch = (...Operations: unknown[]) => ({ schemas: [SCHEMA_URNS.PATCH_OP], Operations });

const text = fc.string({ minLength: 1, maxLength: 12 });
const emailType = fc.constantFrom("work", "home", "other");
const email = fc.record({ value: text, type: emailType }, { requiredKeys: ["value"] });

const user = fc.record(
  {
    schemas: fc.constant([SCHEMA_URNS.USER]),
    id: fc.uuid(),
    userName: text,
    active: fc.boolean(),
    displayName: text,
    title: text,
    name: fc.record({ givenName: text, familyName: text }, { requiredKeys: [] }),
    emails: fc.array(email, { maxLength: 3 }),
  },
  { requiredKeys: ["schemas", "id", "userName"] },
);

// Any operation, valid or not: random op names, paths and values.
const anyOp = fc.record(
  {
    op: fc.constantFrom("add", "Add", "replace", "Replace", "remove", "Remove", "merge"),
    path: fc.constantFrom(
      "title", "userName", "active", "name.givenName", "emails", 'emails[type eq "work"].value', 'emails[value co "x"]',
      "id", "meta", "groups", `${ENT}:department`, `${ENT}:manager`, "unknownThing", "emails[", "",
    ),
    value: fc.oneof(text, fc.boolean(), fc.constant(null), fc.integer(), fc.constantFrom("True", "False", "maybe"), fc.array(email, { maxLength: 2 }), email),
  },
  { requiredKeys: ["op"] },
);

// Replace operations that always succeed, with the value a GET would then show.
const setter = fc.oneof(
  text.map((v) => ({ op: { op: "replace", path: "title", value: v }, get: (r: Record<string, unknown>) => r.title, expected: v })),
  text.map((v) => ({ op: { op: "Replace", path: "name.givenName", value: v }, get: (r: Record<string, unknown>) => (r.name as Record<string, unknown>).givenName, expected: v })),
  fc.boolean().map((b) => ({ op: { op: "Replace", path: "active", value: b ? "True" : "False" }, get: (r: Record<string, unknown>) => r.active, expected: b })),
  text.map((v) => ({
    op: { op: "replace", path: `${ENT}:department`, value: v },
    get: (r: Record<string, unknown>) => (r[ENT] as Record<string, unknown>).department,
    expected: v,
  })),
  text.map((v) => ({
    op: { op: "replace", path: 'emails[type eq "work"].value', value: v },
    get: (r: Record<string, unknown>) => (r.emails as Record<string, unknown>[]).filter((e) => String(e.type).toLowerCase() === "work").map((e) => e.value),
    expected: "each-work-email",
  })),
);

describe("applyPatch properties", () => {
  it("never mutates its input, and a PATCH that fails leaves it unchanged", () => {
    fc.assert(
      fc.property(user, fc.array(anyOp, { minLength: 1, maxLength: 5 }), (resource, ops) => {
        const before = structuredClone(resource);
        try {
          applyPatch("User", resource, patch(...ops));
        } catch (err) {
          expect(err).toBeInstanceOf(ScimError);
          expect((err as ScimError).status).toBe(400);
          expect((err as ScimError).message).toMatch(/^Operations\[\d+\]: /);
        }
        expect(resource).toEqual(before);
      }),
    );
  });

  it("replace then get returns the value", () => {
    fc.assert(
      fc.property(user, setter, (resource, { op, get, expected }) => {
        const out = applyPatch("User", resource, patch(op)).resource;
        const got = get(out);
        if (expected === "each-work-email") {
          expect((got as unknown[]).length).toBeGreaterThan(0);
          for (const v of got as unknown[]) expect(v).toBe(op.value);
        } else expect(got).toEqual(expected);
      }),
    );
  });

  it("add of the same element twice is idempotent", () => {
    fc.assert(
      fc.property(user, fc.array(email, { minLength: 1, maxLength: 3 }), (resource, emails) => {
        const once = applyPatch("User", resource, patch({ op: "add", path: "emails", value: emails })).resource;
        const twice = applyPatch("User", once, patch({ op: "add", path: "emails", value: emails })).resource;
        expect(twice).toEqual(once);
      }),
    );
  });

  it("a filtered Add creates the element once, then updates it in place", () => {
    fc.assert(
      fc.property(user, emailType, text, (resource, type, value) => {
        const op = { op: "Add", path: `emails[type eq "${type}"].value`, value };
        const once = applyPatch("User", resource, patch(op)).resource;
        expect(applyPatch("User", once, patch(op)).resource).toEqual(once);
      }),
    );
  });

  it("never keeps a password and never returns more than one primary email", () => {
    fc.assert(
      fc.property(user, fc.array(fc.record({ value: text, primary: fc.boolean() }), { maxLength: 4 }), text, (resource, emails, pw) => {
        const out = applyPatch("User", resource, patch({ op: "add", path: "emails", value: emails }, { op: "replace", value: { password: pw } }));
        expect(out.password).toBe(pw);
        expect(out.resource).not.toHaveProperty("password");
        const primaries = ((out.resource.emails as Record<string, unknown>[] | undefined) ?? []).filter((e) => e.primary === true);
        expect(primaries.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("a group PATCH never touches the stored members", () => {
    const ids = fc.array(fc.uuid(), { maxLength: 4 });
    fc.assert(
      fc.property(ids, ids, fc.constantFrom("add", "replace", "remove"), (stored, sent, op) => {
        const group = { schemas: [SCHEMA_URNS.GROUP], id: "g", displayName: "G", members: stored.map((value) => ({ value })) };
        const out = applyPatch("Group", group, patch({ op, path: "members", value: sent.map((value) => ({ value })) }));
        expect(out.resource).toEqual(group);
      }),
    );
  });
});
