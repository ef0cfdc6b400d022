// What Okta sends (IDP-DIALECTS.md; Okta "SCIM 2.0 protocol reference").
import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { applyPatch } from "@/lib/scim/patch";
import { SCHEMA_URNS } from "@/lib/scim/schemas";

const ENT = SCHEMA_URNS.ENTERPRISE_USER;
const patch = (...Operations: unknown[]) => ({ schemas: [SCHEMA_URNS.PATCH_OP], Operations });

const USER = { schemas: [SCHEMA_URNS.USER], id: "23a35c27-23d3-4c03-b4c5-6443c09e7173", userName: "test.user@okta.local", active: true };
const GROUP = { schemas: [SCHEMA_URNS.GROUP], id: "abf4dd94-a4c0-4f67-89c9-76b03340cb9b", displayName: "Test SCIMv2" };

describe("PATCH /Users/{id} — Okta", () => {
  it("deactivates with a path-less replace {active:false}", () => {
    const out = applyPatch("User", USER, patch({ op: "replace", value: { active: false } }));
    expect(out.resource).toEqual({ ...USER, active: false });
  });

  it("reactivates with a path-less replace {active:true}", () => {
    expect(applyPatch("User", { ...USER, active: false }, patch({ op: "replace", value: { active: true } })).resource.active).toBe(true);
  });

  it("a password change is handed back, never stored", () => {
    const out = applyPatch("User", USER, patch({ op: "replace", value: { password: "t1meMa$heen" } }));
    expect(out.password).toBe("t1meMa$heen");
    expect(out.resource).toEqual(USER);
  });

  it("a password with a path is handed back too", () => {
    expect(applyPatch("User", USER, patch({ op: "replace", path: "password", value: "pw" })).password).toBe("pw");
  });

  it("manager.value holding an email is stored as sent (the store resolves it)", () => {
    const out = applyPatch("User", USER, patch({ op: "replace", path: `${ENT}:manager.value`, value: "boss@example.com" }));
    expect(out.resource[ENT]).toEqual({ manager: { value: "boss@example.com" } });
    expect(out.resource.schemas).toEqual([SCHEMA_URNS.USER, ENT]);
  });
});

describe("PATCH /Groups/{id} — Okta group push", () => {
  it("rename repeating the group's own id", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "replace", value: { id: GROUP.id, displayName: "Test SCIMv2 renamed" } }));
    expect(out.resource).toEqual({ ...GROUP, displayName: "Test SCIMv2 renamed" });
  });

  it("rename repeating the id when the stored document has no id (passed as an option)", () => {
    const { id, ...doc } = GROUP;
    const out = applyPatch("Group", doc, patch({ op: "replace", value: { id, displayName: "Renamed" } }), { id });
    expect(out.resource).toEqual({ ...doc, displayName: "Renamed" });
  });

  it("a different id is 400 mutability", () => {
    let caught: unknown;
    try {
      applyPatch("Group", GROUP, patch({ op: "replace", value: { id: "someone-else", displayName: "x" } }));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect(caught).toMatchObject({ status: 400, scimType: "mutability" });
  });

  it("remove members[value eq …] plus add members in one request", () => {
    const out = applyPatch(
      "Group",
      GROUP,
      patch(
        { op: "remove", path: 'members[value eq "89bb1940-b905-4575-9e7f-6f887cfb368e"]' },
        { op: "add", path: "members", value: [{ value: "23a35c27-23d3-4c03-b4c5-6443c09e7173", display: "test.user@okta.local" }] },
      ),
    );
    expect(out.memberOps).toMatchObject([
      { op: "remove", values: ["89bb1940-b905-4575-9e7f-6f887cfb368e"] },
      { op: "add", values: ["23a35c27-23d3-4c03-b4c5-6443c09e7173"] },
    ]);
  });

  it("a full replace of members", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "replace", path: "members", value: [{ value: "a" }, { value: "b" }] }));
    expect(out.memberOps).toEqual([{ op: "replace", values: ["a", "b"] }]);
  });

  it("rename and membership in the same request, with the id repeated", () => {
    const out = applyPatch(
      "Group",
      GROUP,
      patch({ op: "replace", value: { id: GROUP.id, displayName: "Renamed", members: [{ value: "a" }] } }),
    );
    expect(out.resource.displayName).toBe("Renamed");
    expect(out.memberOps).toEqual([{ op: "replace", values: ["a"] }]);
  });
});
