// The examples of RFC 7644 §3.5.2.1–3.5.2.3, request for request.
import { describe, expect, it } from "vitest";
import { applyPatch } from "@/lib/scim/patch";
import { SCHEMA_URNS } from "@/lib/scim/schemas";

const patch = (...Operations: unknown[]) => ({ schemas: [SCHEMA_URNS.PATCH_OP], Operations });

const BJENSEN = {
  schemas: [SCHEMA_URNS.USER],
  id: "2819c223-7f76-453a-919d-413861904646",
  userName: "bjensen",
  name: { familyName: "Jensen", givenName: "Barbara" },
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true },
    { value: "babs@jensen.org", type: "home" },
  ],
  addresses: [
    { type: "work", streetAddress: "100 Universal City Plaza", locality: "Hollywood", region: "CA", postalCode: "91608", country: "USA", primary: true },
    { type: "home", streetAddress: "456 Hollywood Blvd", locality: "Hollywood", region: "CA", postalCode: "91608", country: "USA" },
  ],
};

const GROUP = { schemas: [SCHEMA_URNS.GROUP], id: "acbf3ae7-8463-4692-b4fd-9b4da3f908ce", displayName: "Tour Guides" };
const BABS = { display: "Babs Jensen", $ref: "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646", value: "2819c223-7f76-453a-919d-413861904646" };
const JAMES = { display: "James Smith", $ref: "https://example.com/v2/Users/08e1d05d-121c-4561-8b96-473d93df9210", value: "08e1d05d-121c-4561-8b96-473d93df9210" };

describe("RFC 7644 §3.5.2.1 add", () => {
  it("adds a member to a group", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "add", path: "members", value: [BABS] }));
    expect(out.memberOps).toEqual([{ op: "add", values: [BABS.value] }]);
    expect(out.resource).toEqual(GROUP);
  });

  it("path-less add of emails and nickname", () => {
    const out = applyPatch("User", BJENSEN, patch({ op: "add", value: { emails: [{ value: "babs@jensen.org", type: "home" }], nickname: "Babs" } }));
    // The home address is already there: adding it again changes nothing (§3.5.2.1).
    expect(out.resource.emails).toEqual(BJENSEN.emails);
    expect(out.resource.nickName).toBe("Babs");
  });

  it("add to a multi-valued attribute appends", () => {
    const out = applyPatch("User", BJENSEN, patch({ op: "add", path: "emails", value: [{ value: "b@other.org", type: "other" }] }));
    expect(out.resource.emails).toEqual([...BJENSEN.emails, { value: "b@other.org", type: "other" }]);
  });

  it("add to a complex attribute merges sub-attributes", () => {
    const out = applyPatch("User", BJENSEN, patch({ op: "add", path: "name", value: { middleName: "Jane" } }));
    expect(out.resource.name).toEqual({ familyName: "Jensen", givenName: "Barbara", middleName: "Jane" });
  });

  it("add to a single-valued attribute that is set replaces it", () => {
    const out = applyPatch("User", BJENSEN, patch({ op: "add", path: "userName", value: "babs" }));
    expect(out.resource.userName).toBe("babs");
  });
});

describe("RFC 7644 §3.5.2.2 remove", () => {
  it("removes a single member", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "remove", path: 'members[value eq "2819c223-7f76-453a-919d-413861904646"]' }));
    expect(out.memberOps).toEqual([
      { op: "remove", values: ["2819c223-7f76-453a-919d-413861904646"], filter: { op: "eq", path: { attr: "value" }, value: "2819c223-7f76-453a-919d-413861904646" } },
    ]);
  });

  it("removes all members", () => {
    expect(applyPatch("Group", GROUP, patch({ op: "remove", path: "members" })).memberOps).toEqual([{ op: "replace", values: [] }]);
  });

  it("removes elements matching a complex filter", () => {
    const user = { ...BJENSEN, emails: [...BJENSEN.emails, { value: "b@example.com", type: "work" }] };
    const out = applyPatch("User", user, patch({ op: "remove", path: 'emails[type eq "work" and value ew "example.com"]' }));
    expect(out.resource.emails).toEqual([{ value: "babs@jensen.org", type: "home" }]);
  });

  it("removes all members and adds a new set", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "remove", path: "members" }, { op: "add", path: "members", value: [BABS, JAMES] }));
    expect(out.memberOps).toEqual([
      { op: "replace", values: [] },
      { op: "add", values: [BABS.value, JAMES.value] },
    ]);
  });

  it("removes a single-valued attribute", () => {
    expect(applyPatch("User", BJENSEN, patch({ op: "remove", path: "name.givenName" })).resource.name).toEqual({ familyName: "Jensen" });
    expect(applyPatch("User", BJENSEN, patch({ op: "remove", path: "name" })).resource).not.toHaveProperty("name");
  });

  it("removes a multi-valued attribute and all its values", () => {
    expect(applyPatch("User", BJENSEN, patch({ op: "remove", path: "emails" })).resource).not.toHaveProperty("emails");
  });
});

describe("RFC 7644 §3.5.2.3 replace", () => {
  it("replaces all members of a group", () => {
    const out = applyPatch("Group", GROUP, patch({ op: "replace", path: "members", value: [BABS, JAMES] }));
    expect(out.memberOps).toEqual([{ op: "replace", values: [BABS.value, JAMES.value] }]);
  });

  it("replaces the work address", () => {
    const work = {
      type: "work",
      streetAddress: "911 Universal City Plaza",
      locality: "Hollywood",
      region: "CA",
      postalCode: "91608",
      country: "US",
      formatted: "911 Universal City Plaza\nHollywood, CA 91608 US",
      primary: true,
    };
    const out = applyPatch("User", BJENSEN, patch({ op: "replace", path: 'addresses[type eq "work"]', value: work }));
    expect(out.resource.addresses).toEqual([work, BJENSEN.addresses[1]]);
  });

  it("replaces the streetAddress of the work address only", () => {
    const out = applyPatch("User", BJENSEN, patch({ op: "replace", path: 'addresses[type eq "work"].streetAddress', value: "1010 Broadway Ave" }));
    expect(out.resource.addresses).toEqual([{ ...BJENSEN.addresses[0], streetAddress: "1010 Broadway Ave" }, BJENSEN.addresses[1]]);
  });

  it("path-less replace of emails and nickname", () => {
    const emails = [
      { value: "bjensen@example.com", type: "work", primary: true },
      { value: "babs@jensen.org", type: "home" },
    ];
    const out = applyPatch("User", { ...BJENSEN, emails: [{ value: "old@x", type: "other" }] }, patch({ op: "replace", value: { emails, nickname: "Babs" } }));
    expect(out.resource.emails).toEqual(emails);
    expect(out.resource.nickName).toBe("Babs");
  });

  it("replace of a complex attribute leaves unnamed sub-attributes unchanged", () => {
    const out = applyPatch("User", BJENSEN, patch({ op: "replace", path: "name", value: { givenName: "Babs" } }));
    expect(out.resource.name).toEqual({ familyName: "Jensen", givenName: "Babs" });
  });
});

describe("the input is never mutated", () => {
  it("even by a successful PATCH", () => {
    const before = structuredClone(BJENSEN);
    applyPatch("User", BJENSEN, patch({ op: "replace", path: 'emails[type eq "work"].value', value: "x@y" }, { op: "remove", path: "name" }));
    expect(BJENSEN).toEqual(before);
  });
});
