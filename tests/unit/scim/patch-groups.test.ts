// Group membership never materializes: PATCH returns MemberOps for the store.
import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { applyPatch } from "@/lib/scim/patch";
import { SCHEMA_URNS } from "@/lib/scim/schemas";

const patch = (...Operations: unknown[]) => ({ schemas: [SCHEMA_URNS.PATCH_OP], Operations });
const GROUP = { schemas: [SCHEMA_URNS.GROUP], id: "g1", displayName: "Group 1", members: [{ value: "stale" }] };

const errorOf = (fn: () => unknown): ScimError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScimError) return err;
    throw err;
  }
  throw new Error("expected a ScimError");
};

describe("PATCH /Groups/{id} — Microsoft reference suite", () => {
  it('"addMember" with a member displayName', () => {
    const out = applyPatch("Group", GROUP, patch({ name: "addMember", op: "add", path: "members", value: [{ displayName: "new User", value: "id4" }] }));
    expect(out.memberOps).toEqual([{ op: "add", values: ["id4"] }]);
  });

  it("a bare string member id as the whole value", () => {
    const body = { id: "g1", Operations: [{ op: "add", path: "members", value: "string id 1" }], schemas: [SCHEMA_URNS.PATCH_OP] };
    expect(applyPatch("Group", GROUP, body).memberOps).toEqual([{ op: "add", values: ["string id 1"] }]);
  });

  it("bare string member ids in an array", () => {
    expect(applyPatch("Group", GROUP, patch({ op: "add", path: "members", value: ["id1", "id2", "id1"] })).memberOps).toEqual([
      { op: "add", values: ["id1", "id2"] },
    ]);
  });

  it("remove all users", () => {
    expect(applyPatch("Group", GROUP, patch({ op: "remove", path: "members" })).memberOps).toEqual([{ op: "replace", values: [] }]);
  });
});

describe("PATCH /Groups/{id} — member shapes", () => {
  it("path-less add {members:[…]}", () => {
    expect(applyPatch("Group", GROUP, patch({ op: "add", value: { members: [{ value: "a" }, { value: "b" }] } })).memberOps).toEqual([
      { op: "add", values: ["a", "b"] },
    ]);
  });

  it("the members key of the stored resource is never touched", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "replace", path: "members", value: [{ value: "x" }] }, { op: "remove", path: "members" }));
    expect(out.resource.members).toEqual(GROUP.members);
    expect(out.memberOps).toEqual([
      { op: "replace", values: ["x"] },
      { op: "replace", values: [] },
    ]);
  });

  it("a displayName change in the same request", () => {
    const out = applyPatch(
      "Group",
      GROUP,
      patch({ op: "Replace", path: "displayName", value: "New name" }, { op: "Add", path: "members", value: [{ value: "a" }] }),
    );
    expect(out.resource.displayName).toBe("New name");
    expect(out.memberOps).toEqual([{ op: "add", values: ["a"] }]);
  });

  it("an or of value filters becomes an id list", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "remove", path: 'members[value eq "a" or value eq "b"]' }));
    expect(out.memberOps?.[0]).toMatchObject({ op: "remove", values: ["a", "b"] });
  });

  it("any other member filter is passed on as a filter only", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "remove", path: 'members[type eq "Group"]' }));
    expect(out.memberOps).toEqual([{ op: "remove", filter: { op: "eq", path: { attr: "type" }, value: "Group" } }]);
  });

  it("an empty add or remove list does nothing", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "add", path: "members", value: [] }, { op: "remove", path: "members", value: [] }));
    expect(out).not.toHaveProperty("memberOps");
  });

  it.each([
    ["a member without a value", { op: "add", path: "members", value: [{ display: "x" }] }, "invalidValue"],
    ["a numeric member id", { op: "add", path: "members", value: [42] }, "invalidValue"],
    ["a filtered add", { op: "add", path: 'members[value eq "a"]', value: { value: "a" } }, "invalidPath"],
    ["a member sub-attribute", { op: "replace", path: "members.display", value: "x" }, "invalidPath"],
  ])("%s is 400 %s", (_what, op, scimType) => {
    expect(errorOf(() => applyPatch("Group", GROUP, patch(op)))).toMatchObject({ status: 400, scimType });
  });

  it("for a User, `members` is not declared: a reported no-op, no member ops", () => {
    const user = { schemas: [SCHEMA_URNS.USER], id: "u", userName: "u" };
    const out = applyPatch("User", user, patch({ op: "add", path: "members", value: [{ value: "a" }] }));
    expect(out.resource).toEqual(user);
    expect(out.ignored).toEqual(["members"]);
    expect(out).not.toHaveProperty("memberOps");
  });

  it("an undeclared member sub-attribute in a value is dropped without failing", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "add", path: "members", value: [{ value: "id5", role: "owner" }] }));
    expect(out.memberOps).toEqual([{ op: "add", values: ["id5"] }]);
  });
});
