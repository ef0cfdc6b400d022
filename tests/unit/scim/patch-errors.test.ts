import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { applyPatch } from "@/lib/scim/patch";
import { SCHEMA_URNS } from "@/lib/scim/schemas";

const ENT = SCHEMA_URNS.ENTERPRISE_USER;
const patch = (...Operations: unknown[]) => ({ schemas: [SCHEMA_URNS.PATCH_OP], Operations });
const USER = {
  schemas: [SCHEMA_URNS.USER],
  id: "u1",
  userName: "bjensen",
  active: true,
  meta: { resourceType: "User", created: "2024-01-01T00:00:00Z", lastModified: "2024-01-01T00:00:00Z", version: 'W/"1"' },
  groups: [{ value: "g1", display: "Admins" }],
  emails: [{ value: "b@x", type: "work" }],
};

const errorOf = (fn: () => unknown): ScimError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScimError) return err;
    throw err;
  }
  throw new Error("expected a ScimError");
};
const fails = (body: unknown, resource: Record<string, unknown> = USER) => errorOf(() => applyPatch("User", resource, body));

describe("PATCH request structure", () => {
  it.each([
    ["a non-object body", []],
    ["no Operations", { schemas: [SCHEMA_URNS.PATCH_OP] }],
    ["empty Operations", patch()],
    ["Operations not an array", { schemas: [SCHEMA_URNS.PATCH_OP], Operations: { op: "add" } }],
    ["a schemas list without PatchOp", { schemas: [SCHEMA_URNS.USER], Operations: [{ op: "add", path: "title", value: "x" }] }],
  ])("%s is 400 invalidSyntax", (_what, body) => {
    expect(fails(body)).toMatchObject({ status: 400, scimType: "invalidSyntax" });
  });

  it("a missing schemas is tolerated", () => {
    expect(applyPatch("User", USER, { Operations: [{ op: "replace", path: "title", value: "x" }] }).resource.title).toBe("x");
  });

  it('"operations" spelled in lower case is tolerated', () => {
    expect(applyPatch("User", USER, { schemas: [SCHEMA_URNS.PATCH_OP], operations: [{ op: "add", path: "title", value: "x" }] }).resource.title).toBe("x");
  });
});

describe("PATCH errors name the operation's index", () => {
  it.each([
    ["an unknown op", { op: "merge", path: "title", value: "x" }, "invalidSyntax"],
    ["an op that is not an object", "add", "invalidSyntax"],
    ["remove without a path", { op: "remove" }, "noTarget"],
    ["add without a value", { op: "add", path: "title" }, "invalidValue"],
    ["a path that does not parse", { op: "add", path: "emails[type eq", value: "x" }, "invalidPath"],
    ["a non-string path", { op: "add", path: 5, value: "x" }, "invalidPath"],
    ["a path-less add whose value is not an object", { op: "add", value: "x" }, "invalidValue"],
    ["removing userName (required)", { op: "remove", path: "userName" }, "invalidValue"],
    ["replacing userName with null", { op: "replace", path: "userName", value: null }, "invalidValue"],
    ["replacing userName with an empty string", { op: "replace", path: "userName", value: "" }, "invalidValue"],
    ["userName as a number", { op: "replace", path: "userName", value: 7 }, "invalidValue"],
    ["emails as a string", { op: "add", path: "emails", value: "a@x" }, "invalidValue"],
    ["replacing id", { op: "replace", path: "id", value: "other" }, "mutability"],
    ["removing id", { op: "remove", path: "id" }, "mutability"],
    ["replacing meta", { op: "replace", path: "meta", value: {} }, "mutability"],
    ["replacing meta.lastModified", { op: "replace", path: "meta.lastModified", value: "2025-01-01T00:00:00Z" }, "mutability"],
    ["adding groups", { op: "add", path: "groups", value: [{ value: "g2" }] }, "mutability"],
    ["path-less groups", { op: "add", value: { groups: [{ value: "g2" }] } }, "mutability"],
    ["setting manager.displayName", { op: "replace", path: `${ENT}:manager.displayName`, value: "Boss" }, "mutability"],
    ["a filter on a single-valued attribute", { op: "replace", path: 'name[givenName eq "x"]', value: {} }, "invalidPath"],
    ["a filter that matches nothing and describes nothing", { op: "replace", path: 'emails[value co "zzz"].type', value: "home" }, "noTarget"],
    ["removing the core schema", { op: "remove", path: SCHEMA_URNS.USER }, "invalidPath"],
  ])("%s", (_what, op, scimType) => {
    const err = fails(patch({ op: "replace", path: "title", value: "ok" }, { op: "add", path: "nickName", value: "ok" }, op));
    expect(err).toMatchObject({ status: 400, scimType });
    expect(err.message).toMatch(/^Operations\[2\]: /);
  });
});

describe("a failed PATCH changes nothing", () => {
  it("the input is untouched and nothing of the earlier operations is returned", () => {
    const before = structuredClone(USER);
    const err = fails(
      patch(
        { op: "replace", path: "active", value: false },
        { op: "add", path: 'emails[type eq "home"].value', value: "h@x" },
        { op: "remove", path: "emails" },
        { op: "replace", path: "active", value: "perhaps" },
      ),
    );
    expect(err.message).toMatch(/^Operations\[3\]: .*active/);
    expect(USER).toEqual(before);
  });
});

describe("lenient where the RFC allows it", () => {
  it("removing something that does not exist is a no-op", () => {
    const out = applyPatch("User", USER, patch({ op: "remove", path: "nickName" }, { op: "remove", path: 'emails[type eq "home"]' }, { op: "remove", path: `${ENT}:department` }));
    expect(out.resource).toEqual(USER);
  });

  it("an undeclared attribute with a path is a no-op, reported as ignored", () => {
    const out = applyPatch("User", USER, patch({ op: "add", path: "favouriteColour", value: "teal" }));
    expect(out.resource).toEqual(USER);
    expect(out.ignored).toEqual(["favouriteColour"]);
  });

  it("an undeclared attribute in a path-less value does not fail the PATCH and is not stored", () => {
    const out = applyPatch("User", USER, patch({ op: "replace", value: { active: false, adreses: [{ locality: "x" }] } }));
    expect(out.resource).toEqual({ ...USER, active: false });
    expect(out.ignored).toEqual(["adreses"]);
  });

  it("schemas in a path-less value is ignored: the server maintains it", () => {
    const out = applyPatch("User", USER, patch({ op: "replace", value: { schemas: ["garbage"], title: "t" } }));
    expect(out.resource.schemas).toEqual(USER.schemas);
    expect(out.resource.title).toBe("t");
  });

  it("setting id to the current id is ignored", () => {
    expect(applyPatch("User", USER, patch({ op: "replace", path: "id", value: "u1" })).resource).toEqual(USER);
  });

  it("a password is never kept in the resource, even if the stored one had it", () => {
    const out = applyPatch("User", { ...USER, password: "old" }, patch({ op: "replace", path: "title", value: "t" }));
    expect(out.resource).not.toHaveProperty("password");
    expect(out).not.toHaveProperty("password");
  });

  it("adding the same value twice appends it once", () => {
    const out = applyPatch("User", USER, patch({ op: "add", path: "emails", value: [{ value: "b@x", type: "work" }] }));
    expect(out.resource.emails).toEqual(USER.emails);
  });

  it("a primary:true added on a new element clears the old primary", () => {
    const user = { ...USER, emails: [{ value: "b@x", type: "work", primary: true }] };
    const out = applyPatch("User", user, patch({ op: "add", path: "emails", value: [{ value: "c@x", type: "home", primary: true }] }));
    expect(out.resource.emails).toEqual([
      { value: "b@x", type: "work", primary: false },
      { value: "c@x", type: "home", primary: true },
    ]);
  });

  it("the whole enterprise extension as a path", () => {
    const add = applyPatch("User", USER, patch({ op: "add", path: ENT, value: { Department: "Ops", manager: "m" } }));
    expect(add.resource[ENT]).toEqual({ department: "Ops", manager: { value: "m" } });
    expect(add.resource.schemas).toContain(ENT);
    const removed = applyPatch("User", add.resource, patch({ op: "remove", path: ENT }));
    expect(removed.resource).not.toHaveProperty(ENT);
    expect(removed.resource.schemas).toEqual([SCHEMA_URNS.USER]);
  });

  it("remove of one sub-attribute on every element (emails.type)", () => {
    const out = applyPatch("User", USER, patch({ op: "remove", path: "emails.type" }));
    expect(out.resource.emails).toEqual([{ value: "b@x" }]);
  });
});

describe("PATCH keeps only what /Schemas declares", () => {
  it("remove of an undeclared path is a no-op, reported, even if an old document holds it", () => {
    const legacy = { ...USER, favouriteColour: "teal" };
    const out = applyPatch("User", legacy, patch({ op: "remove", path: "favouriteColour" }));
    expect(out.resource).toEqual(legacy);
    expect(out.ignored).toEqual(["favouriteColour"]);
  });

  it.each([
    ["a sub-attribute of a complex attribute", { op: "replace", path: "name.nickname", value: "B" }, "name.nickname"],
    ["a sub-attribute of every email", { op: "replace", path: "emails.label", value: "x" }, "emails.label"],
    ["a sub-attribute after a value filter", { op: "add", path: 'emails[type eq "work"].label', value: "x" }, "emails.label"],
    ["a sub-attribute of the manager", { op: "add", path: `${ENT}:manager.reportsSince`, value: "2020" }, `${ENT}:manager.reportsSince`],
    ["a sub-attribute of a simple attribute", { op: "replace", path: "userName.first", value: "x" }, "userName.first"],
    ["a filter on an undeclared attribute", { op: "remove", path: 'adreses[type eq "work"]' }, "adreses"],
    ["a name qualified with the core URN", { op: "add", path: `${SCHEMA_URNS.USER}:favouriteColour`, value: "x" }, `${SCHEMA_URNS.USER}:favouriteColour`],
  ])("%s is a reported no-op", (_what, op, path) => {
    const out = applyPatch("User", USER, patch(op));
    expect(out.resource).toEqual(USER);
    expect(out.ignored).toEqual([path]);
  });

  it("undeclared sub-attributes inside a declared value are dropped, the rest applied", () => {
    const out = applyPatch("User", USER, patch({ op: "add", path: "emails", value: [{ value: "c@x", type: "home", label: "x" }] }, { op: "replace", path: "name", value: { givenName: "B", nick: "Babs" } }));
    expect(out.resource.emails).toEqual([...USER.emails, { value: "c@x", type: "home" }]);
    expect(out.resource.name).toEqual({ givenName: "B" });
    expect(out.ignored).toEqual(["emails.label", "name.nick"]);
  });

  it("names each ignored path once, whatever its case", () => {
    const out = applyPatch("User", USER, patch({ op: "add", path: "adreses", value: [] }, { op: "replace", value: { ADRESES: [] } }));
    expect(out.ignored).toEqual(["adreses"]);
  });

  it("a filter that names an undeclared sub-attribute describes nothing to create: noTarget", () => {
    const err = fails(patch({ op: "replace", path: 'emails[label eq "desk"].value', value: "c@x" }));
    expect(err).toMatchObject({ status: 400, scimType: "noTarget" });
    expect(err.message).toMatch(/^Operations\[0\]: /);
  });

  it("errors on declared attributes still name the operation, after an undeclared one", () => {
    const err = fails(patch({ op: "add", path: "adreses", value: [] }, { op: "replace", path: "active", value: "yes" }));
    expect(err).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(err.message).toMatch(/^Operations\[1\]: /);
  });

  it("made-up names cannot grow a resource, however many PATCHes", () => {
    let resource: Record<string, unknown> = USER;
    for (let i = 0; i < 50; i++) {
      resource = applyPatch("User", resource, patch({ op: "add", path: `madeUp${i}`, value: "x".repeat(10_000) }, { op: "replace", value: { [`other${i}`]: "y".repeat(10_000) } })).resource;
    }
    expect(JSON.stringify(resource).length).toBe(JSON.stringify(USER).length);
  });

  it("a result has no `ignored` when nothing was", () => {
    expect(applyPatch("User", USER, patch({ op: "replace", path: "title", value: "t" }))).not.toHaveProperty("ignored");
  });
});
