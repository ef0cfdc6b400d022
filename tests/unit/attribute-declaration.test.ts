import { describe, expect, it } from "vitest";
import { baseKey, checkScimPath, uniqueKey, ZAttributeDeclaration, ZAttributeUpdate } from "@/lib/attributes/declaration";
import { ignoredNote } from "@/lib/attributes/ignored";
import { attributeHeaders, mapColumns } from "@/lib/employees/csv-import";
import { csvCell, formatValue, parseTextValue } from "@/lib/attributes/text-value";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const messageOf = (path: string) => {
  const c = checkScimPath(path);
  return c.ok ? null : c.message;
};

describe("checkScimPath", () => {
  it.each([
    ['addresses[type eq "work"].postalCode', "core", "postalCode", "string"],
    [`${ENT}:costCenter`, "enterprise", "costCenter", "string"],
    ["nickName", "core", "nickName", "string"],
    ["preferredLanguage", "core", "preferredLanguage", "string"],
    ["name.middleName", "core", "middleName", "string"],
    ['ims[type eq "skype"].value', "core", "value", "string"],
    ["urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId", "extension", "badgeId", null],
    ["urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:employeeHireDate", "extension", "employeeHireDate", null],
  ])("accepts %s", (path, kind, name, fixedType) => {
    const c = checkScimPath(path);
    expect(c).toMatchObject({ ok: true, info: { kind, name, fixedType, scimPath: path, pathKey: path.toLowerCase() } });
  });

  it("drops the core User URN prefix, so both spellings are one path", () => {
    const c = checkScimPath("urn:ietf:params:scim:schemas:core:2.0:User:nickName");
    expect(c).toMatchObject({ ok: true, info: { scimPath: "nickName", pathKey: "nickname" } });
  });

  it.each([
    ["title", "title is already built in (the card's job title)"],
    ["emails", "already built in"],
    ['emails[type eq "work"].value', "already built in (the card's email)"],
    ["name.givenName", "already built in (the card's first name)"],
    ["NAME.FAMILYNAME", "already built in"],
    ["displayName", "already built in"],
    ['addresses[type eq "work"].locality', "already built in (the card's location)"],
    [`${ENT}:department`, "already built in (the card's department)"],
    [`${ENT}:manager`, "already built in (the card's manager)"],
    [`${ENT}:manager.value`, "already built in"],
    [`${ENT}:location`, "already built in"],
    ["userName", "already built in"],
    ["roles", "already built in"],
  ])("refuses the built-in %s", (path, message) => {
    expect(messageOf(path)).toContain(message);
  });

  it.each([
    ["", "Enter the SCIM attribute path"],
    ["badgeId", '"badgeId" is not a SCIM User attribute. For an attribute of your own, use the form urn:ietf:params:scim:schemas:extension:<name>:2.0:User:<attribute>'],
    [`${ENT}:badgeId`, 'The enterprise extension has no attribute "badgeId". For an attribute of your own, use the form urn:ietf:params:scim:schemas:extension:<name>:2.0:User:<attribute>'],
    ["urn:acme:badge", "is not a User extension schema. Use the form urn:ietf:params:scim:schemas:extension:<name>:2.0:User:<attribute>"],
    ["urn:ietf:params:scim:schemas:extension:acme:2.0:Group:badge", "is not a User extension schema"],
    ["urn:ietf:params:scim:schemas:extension:acme:2.0:User:badge.id", "An extension attribute is a single value"],
    ["addresses.postalCode", 'addresses holds several values: say which one, e.g. addresses[type eq "work"].formatted'],
    ['addresses[type eq "work"]', "Add the sub-attribute"],
    ['addresses[type eq "work"].zip', 'addresses has no sub-attribute "zip"'],
    ['addresses[type eq "work"].type', "only says which entry it is"],
    ["name", "already built in"],
    ['nickName[type eq "x"]', "nickName holds a single value"],
    ["nickName.first", "nickName has no sub-attributes"],
    ["groups.display", "already built in"],
    ["addresses[type eq", "Not a SCIM attribute path"],
    ["cost center", "Not a SCIM attribute path"],
  ])("refuses %j with a message a person understands", (path, message) => {
    expect(messageOf(path)).toContain(message);
  });
});

describe("ZAttributeDeclaration", () => {
  it("accepts a label, a type and a path", () => {
    expect(ZAttributeDeclaration.parse({ label: " Badge ID ", type: "number", scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId" })).toEqual({
      label: "Badge ID",
      type: "number",
      scimPath: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId",
      onCard: false,
    });
  });

  it("names what is wrong with each field", () => {
    const r = ZAttributeDeclaration.safeParse({ label: "", type: "colour", scimPath: "title" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField.label).toBe("Give the attribute a label");
    expect(byField.type).toBe("Pick a type: text, yes/no, date, number or employee");
    expect(byField.scimPath).toContain("already built in");
  });

  it("refuses a label longer than 60 characters", () => {
    expect(ZAttributeDeclaration.safeParse({ label: "x".repeat(61), type: "string", scimPath: "nickName" }).error?.issues[0]?.message).toBe("A label has at most 60 characters");
  });

  it("keeps a standard attribute at the type RFC 7643 gives it", () => {
    const r = ZAttributeDeclaration.safeParse({ label: "Cost center", type: "number", scimPath: `${ENT}:costCenter` });
    expect(r.error?.issues[0]).toMatchObject({ path: ["type"], message: expect.stringContaining("costCenter is text in the SCIM standard") });
  });

  it("an update takes only what may change", () => {
    expect(ZAttributeUpdate.safeParse({ onCard: true, position: 2 }).success).toBe(true);
    expect(ZAttributeUpdate.safeParse({ key: "x" }).success).toBe(false);
  });
});

describe("keys", () => {
  it("come from the label in camelCase, else from the path", () => {
    expect(baseKey("Badge ID", "badgeId")).toBe("badgeId");
    expect(baseKey("Cost center", "costCenter")).toBe("costCenter");
    expect(baseKey("Date d’entrée", "hireDate")).toBe("dateDEntree");
    expect(baseKey("2nd line", "secondLine")).toBe("ndLine");
    expect(baseKey("ñ!?", "HireDate")).toBe("n");
    expect(baseKey("!!!", "HireDate")).toBe("hireDate");
  });
  it("are unique per workspace, whatever the case", () => {
    expect(uniqueKey("badgeId", new Set(["badgeid", "badgeId2"]))).toBe("badgeId3");
    expect(uniqueKey("badgeId", new Set(["costCenter"]))).toBe("badgeId");
  });
});

describe("values as text", () => {
  it.each([
    ["number", " 1250.50 ", "1250.5"],
    ["number", "-3", "-3"],
    ["boolean", "Yes", "true"],
    ["boolean", "FALSE", "false"],
    ["date", "2024-03-31", "2024-03-31T00:00:00.000Z"],
    ["date", "2024-03-31T10:00:00+02:00", "2024-03-31T08:00:00.000Z"],
    ["string", " Floor 3 ", "Floor 3"],
  ] as const)("%s %j → %j", (type, text, value) => {
    expect(parseTextValue(type, text)).toEqual({ ok: true, value });
  });
  it.each([
    ["number", "12a", "'12a' is not a number"],
    ["number", "1,5", "is not a number"],
    ["boolean", "maybe", "'maybe' is not yes or no"],
    ["date", "2024-02-30", "'2024-02-30' is not a date"],
    ["date", "31/03/2024", "use YYYY-MM-DD"],
  ] as const)("%s %j is refused", (type, text, message) => {
    const r = parseTextValue(type, text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });
  it("formats for people and writes CSV cells that import back", () => {
    expect(formatValue("boolean", "true")).toBe("Yes");
    expect(formatValue("number", "1250.5")).toBe("1,250.5");
    expect(formatValue("date", "2024-03-31T00:00:00.000Z")).toBe("Mar 31, 2024");
    expect(csvCell("date", "2024-03-31T00:00:00.000Z")).toBe("2024-03-31");
    expect(parseTextValue("date", csvCell("date", "2024-03-31T00:00:00.000Z"))).toEqual({ ok: true, value: "2024-03-31T00:00:00.000Z" });
  });
});

describe("the provisioning log's ignored attributes", () => {
  it("splits the note off the summary and says which paths can be declared", () => {
    const note = ignoredNote('created Ann Example; ignored attributes not in /Schemas: urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId, adreses, addresses[type eq "work, home"].postalCode');
    expect(note.summary).toBe("created Ann Example");
    expect(note.ignored).toEqual([
      { path: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId", declarable: true, label: "Badge ID" },
      { path: "adreses", declarable: false, label: "Adreses" },
      { path: 'addresses[type eq "work, home"].postalCode', declarable: true, label: "Postal Code" },
    ]);
    expect(ignoredNote("ignored: `urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId`").ignored.map((i) => i.path)).toEqual(["urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId"]);
    expect(ignoredNote("title 'A' → 'B'")).toEqual({ summary: "title 'A' → 'B'", ignored: [] });
  });
  it("a whole undeclared extension object becomes one path per attribute the request held", () => {
    const urn = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
    const note = ignoredNote(`created Ann; ignored attributes not in /Schemas: ${urn}`, JSON.stringify({ userName: "ann", [urn]: { badgeId: "1", hireDate: "2024-01-01" } }));
    expect(note.ignored.map((i) => [i.path, i.declarable])).toEqual([
      [`${urn}:badgeId`, true],
      [`${urn}:hireDate`, true],
    ]);
  });
});

describe("CSV headers of custom attributes", () => {
  it("are the labels, or the keys when a label would clash with a built-in column or another attribute", () => {
    const headers = attributeHeaders([
      { key: "badgeNumber", label: "Badge number" },
      { key: "email2", label: "Email" },
      { key: "costCenter", label: "Cost center" },
      { key: "costCenter2", label: "cost-center" },
      { key: "nick", label: "badgeNumber" },
    ]);
    expect([...headers]).toEqual([
      ["badgeNumber", "Badge number"],
      ["email2", "email2"],
      ["costCenter", "Cost center"],
      ["costCenter2", "costCenter2"],
      ["nick", "nick"],
    ]);
    const mapping = mapColumns(["E-mail", "Badge Number", "email2", "COSTCENTER2", "Notes"], [
      { key: "badgeNumber", label: "Badge number" },
      { key: "email2", label: "Email" },
      { key: "costCenter2", label: "cost-center" },
    ]);
    expect(mapping).toEqual({ fields: { email: "E-mail" }, attributes: { badgeNumber: "Badge Number", email2: "email2", costCenter2: "COSTCENTER2" }, ignored: ["Notes"] });
  });
});
