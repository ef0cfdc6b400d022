import { describe, expect, it } from "vitest";
import { appliedIdpKeys, cardRecord, fieldLabel, idpCardValues, initialCardFields, planCardSync } from "@/lib/provisioning/card-fields";
import { userColumns } from "@/lib/provisioning/user-columns";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const ALL_ON = { applyLocation: true, applyDepartment: true, applyManager: true };

const cols = userColumns({
  userName: "ada@acme.test",
  displayName: "Ada Lovelace",
  name: { givenName: "Ada", familyName: "Lovelace" },
  title: "Analyst",
  emails: [{ value: "ada@acme.test", type: "work", primary: true }],
  phoneNumbers: [
    { value: "+44 20 7946 0000", type: "work" },
    { value: "+44 7700 900000", type: "mobile" },
  ],
  photos: [{ value: "https://img.acme.test/ada.jpg", type: "photo" }],
  addresses: [{ type: "work", locality: "London" }],
  [ENT]: { department: "Engineering", organization: "Acme" },
});

describe("IdP values for a card", () => {
  it("maps every IdP attribute to its card field", () => {
    expect(idpCardValues(cols, "Grace Hopper", ALL_ON)).toEqual({
      displayName: "Ada Lovelace",
      givenName: "Ada",
      familyName: "Lovelace",
      title: "Analyst",
      department: "Engineering",
      company: "Acme",
      phone: "+44 20 7946 0000",
      mobile: "+44 7700 900000",
      email: "ada@acme.test",
      location: "London",
      manager: "Grace Hopper",
      photoUrl: "https://img.acme.test/ada.jpg",
    });
  });

  it.each([
    ["applyDepartment", "department"],
    ["applyLocation", "location"],
    ["applyManager", "manager"],
  ] as const)("%s off keeps %s off the card", (toggle, key) => {
    const settings = { ...ALL_ON, [toggle]: false };
    expect(appliedIdpKeys(settings)).not.toContain(key);
    expect(idpCardValues(cols, "Grace Hopper", settings)).not.toHaveProperty(key);
    expect(Object.keys(idpCardValues(cols, null, settings))).toHaveLength(11);
  });
});

describe("a new card", () => {
  it("starts with IdP fields from the IdP and locked", () => {
    const rows = initialCardFields(idpCardValues(cols, null, ALL_ON));
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.source === "idp" && r.locked)).toBe(true);
    expect(cardRecord(rows)).toMatchObject({ title: "Analyst", manager: null });
  });
});

describe("a later IdP change", () => {
  const existing = [
    { key: "title", value: "Analyst", source: "idp" as const },
    { key: "department", value: "Edited by admin", source: "muster" as const },
    { key: "company", value: "Acme Inc.", source: "template" as const },
    { key: "email", value: "ada@acme.test", source: "idp" as const },
  ];

  it("updates the IdP's fields only, and only when the value changed", () => {
    const plan = planCardSync(existing, { title: "Lead Analyst", department: "Research", company: "Acme", email: "ada@acme.test" });
    expect(plan.update).toEqual([{ key: "title", value: "Lead Analyst" }]);
    expect(plan.create).toEqual([]);
  });

  it("clears an IdP field the IdP no longer sends", () => {
    expect(planCardSync(existing, { title: null }).update).toEqual([{ key: "title", value: null }]);
  });

  it("adds fields the card lacks, from the IdP and locked (a toggle turned on later)", () => {
    expect(planCardSync(existing, { location: "London" }).create).toEqual([{ key: "location", value: "London", source: "idp", locked: true }]);
  });

  it("leaves fields a toggle keeps off alone", () => {
    const idp = idpCardValues(cols, null, { ...ALL_ON, applyDepartment: false });
    const plan = planCardSync(existing, idp);
    expect(plan.update.map((u) => u.key)).not.toContain("department");
    expect(plan.create.map((u) => u.key)).not.toContain("department");
  });
});

it("labels fields for people", () => {
  expect(fieldLabel("phone")).toBe("Office phone");
  expect(fieldLabel("costCenter")).toBe("Cost Center");
});
