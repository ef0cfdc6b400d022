import { describe, expect, it } from "vitest";
import { initialCardFields, templateFieldChanges } from "@/lib/provisioning/card-fields";
import {
  attributeValues,
  conditionMatches,
  describeRules,
  firstMatch,
  parseFields,
  parseRules,
  rulesMatch,
  scimPathValues,
  subjectOf,
  subjectOfDoc,
  ZCondition,
  ZRules,
  ZTemplateFields,
  type TCondition,
  type TRules,
} from "@/lib/provisioning/templates";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const doc = (over: Record<string, unknown> = {}) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENT],
  userName: "ada@acme.test",
  title: "Senior Marketing Manager",
  userType: "Employee",
  name: { givenName: "Ada", familyName: "Lovelace" },
  emails: [
    { value: "ada@acme.test", type: "work", primary: true },
    { value: "ada@home.test", type: "home" },
  ],
  addresses: [{ type: "work", locality: "London", country: "GB" }],
  [ENT]: { department: "Marketing", organization: "Acme", costCenter: "CC-42", manager: { value: "mgr-1" } },
  ...over,
});

const subject = (over: Record<string, unknown> = {}, groups: string[] = []) => subjectOf({ scimDoc: JSON.stringify(doc(over)) }, groups);
const c = (attribute: string, op: TCondition["op"], value: string | string[]): TCondition => ({ attribute, op, value });

describe("rule conditions", () => {
  const s = subject({}, ["Marketing EU", "All staff"]);

  it.each([
    // [condition, expected]
    [c("department", "eq", "Marketing"), true],
    [c("department", "eq", "marketing "), true], // case- and space-insensitive, as SCIM compares strings
    [c("department", "eq", "Market"), false],
    [c("department", "ne", "Sales"), true],
    [c("department", "ne", "MARKETING"), false],
    [c("title", "co", "marketing"), true],
    [c("title", "co", "sales"), false],
    [c("title", "sw", "senior"), true],
    [c("title", "sw", "marketing"), false],
    [c("location", "in", ["Paris", "london"]), true],
    [c("location", "in", ["Paris", "Berlin"]), false],
    [c("company", "eq", "acme"), true],
    [c("group", "eq", "marketing eu"), true],
    [c("group", "ne", "Contractors"), true],
    [c("group", "ne", "All staff"), false],
    [c("group", "sw", "Marketing"), true],
    [c("group", "in", ["Sales", "All Staff"]), true],
  ])("%j → %s", (cond, expected) => {
    expect(conditionMatches(s, cond)).toBe(expected);
  });

  it("a missing attribute equals nothing and differs from everything", () => {
    const bare = subjectOf({ scimDoc: JSON.stringify({ userName: "x" }) });
    expect(conditionMatches(bare, c("department", "eq", "Marketing"))).toBe(false);
    expect(conditionMatches(bare, c("department", "co", "a"))).toBe(false);
    expect(conditionMatches(bare, c("department", "ne", "Marketing"))).toBe(true);
    expect(conditionMatches(bare, c("group", "in", ["x"]))).toBe(false);
  });
});

describe("SCIM attribute paths", () => {
  const d = doc();
  it.each([
    ["userType", ["Employee"]],
    ["USERTYPE", ["Employee"]], // attribute names are case-insensitive
    ["name.givenName", ["Ada"]],
    ["emails.value", ["ada@acme.test", "ada@home.test"]],
    ["emails", ["ada@acme.test", "ada@home.test"]], // a complex value stands for its "value"
    ['emails[type eq "home"].value', ["ada@home.test"]],
    ['addresses[type eq "WORK"].country', ["GB"]],
    [`${ENT}:costCenter`, ["CC-42"]],
    [`${ENT.toLowerCase()}:manager`, ["mgr-1"]],
    [`${ENT}:manager.value`, ["mgr-1"]],
    ['emails[type eq "work" or type eq "home"].value', ["ada@acme.test", "ada@home.test"]], // the whole filter grammar, as in PATCH
    ['emails[value ew "@home.test"]', ["ada@home.test"]],
    ["urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", ["Ada"]], // the core schema's URN is the resource itself
    ["nickName", []],
    ["name.middleName.x", []],
    ["emails[type eq", []],
  ])("%s → %j", (path, expected) => {
    expect(scimPathValues(d, path)).toEqual(expected);
  });

  it("rules on any SCIM path match like named attributes", () => {
    const s = subject();
    expect(conditionMatches(s, c(`${ENT}:costCenter`, "eq", "cc-42"))).toBe(true);
    expect(conditionMatches(s, c('emails[type eq "work"].value', "co", "@acme.test"))).toBe(true);
    expect(conditionMatches(s, c("emails.value", "sw", "ada@home"))).toBe(true);
    expect(conditionMatches(s, c("userType", "ne", "Contractor"))).toBe(true);
  });

  it("named attributes come from what the IdP sent, for any IdP", () => {
    const s = subject({ addresses: undefined, [ENT]: { department: "Sales", location: "Berlin" } });
    expect(attributeValues(s, "department")).toEqual(["Sales"]);
    expect(attributeValues(s, "location")).toEqual(["Berlin"]);
    expect(attributeValues(s, "company")).toEqual([]);
  });

  it("groups sent in the document count as memberships too", () => {
    const s = subjectOf({ scimDoc: JSON.stringify({ userName: "x", groups: [{ value: "g1", display: "Okta Sales" }] }) }, ["Muster Group"]);
    expect(attributeValues(s, "group")).toEqual(["Muster Group", "Okta Sales"]);
  });

  it("an employee added in Muster is judged by its profile columns", () => {
    const s = subjectOf({ scimDoc: null, department: "Support", title: "Agent", location: "Lisbon", organization: "Acme" }, ["Helpdesk"]);
    expect(conditionMatches(s, c("department", "eq", "support"))).toBe(true);
    expect(conditionMatches(s, c("company", "eq", "Acme"))).toBe(true);
    expect(conditionMatches(s, c("group", "eq", "Helpdesk"))).toBe(true);
    expect(conditionMatches(s, c("userType", "eq", "Employee"))).toBe(false);
  });
});

describe("rules: OR between rules, AND within a rule", () => {
  const marketingOrSales: TRules = [[c("department", "eq", "Marketing")], [c("department", "eq", "Sales")]];
  const londonMarketing: TRules = [[c("department", "eq", "Marketing"), c("location", "eq", "London")]];

  it("OR: either rule is enough", () => {
    expect(rulesMatch(subject(), marketingOrSales)).toBe(true);
    expect(rulesMatch(subject({ [ENT]: { department: "Sales" } }), marketingOrSales)).toBe(true);
    expect(rulesMatch(subject({ [ENT]: { department: "Finance" } }), marketingOrSales)).toBe(false);
  });

  it("AND: every condition of a rule must hold", () => {
    expect(rulesMatch(subject(), londonMarketing)).toBe(true);
    expect(rulesMatch(subject({ addresses: [{ type: "work", locality: "Paris" }] }), londonMarketing)).toBe(false);
    expect(rulesMatch(subject({ [ENT]: { department: "Sales" } }), londonMarketing)).toBe(false);
  });

  it("a template without rules matches everyone (the fallback)", () => {
    expect(rulesMatch(subject(), [])).toBe(true);
  });

  it("templates are ordered: the first match wins", () => {
    const templates = [
      { id: "sales", rules: [[c("department", "eq", "Sales")]] },
      { id: "london-marketing", rules: londonMarketing },
      { id: "marketing", rules: [[c("department", "eq", "Marketing")]] },
      { id: "fallback", rules: [] },
    ];
    expect(firstMatch(templates, subject())?.id).toBe("london-marketing");
    expect(firstMatch(templates, subject({ addresses: [] }))?.id).toBe("marketing");
    expect(firstMatch(templates, subject({ [ENT]: { department: "Sales" } }))?.id).toBe("sales");
    expect(firstMatch(templates, subject({ [ENT]: {} }))?.id).toBe("fallback");
    expect(firstMatch(templates.slice(0, 3), subject({ [ENT]: {} }))).toBeNull();
  });

  it("describes rules the way the issue words them", () => {
    expect(describeRules(marketingOrSales)).toBe("department equals Marketing OR department equals Sales");
    expect(describeRules([[c("group", "in", ["A", "B"]), c("title", "sw", "Head")]])).toBe("group membership is one of A, B AND job title starts with Head");
    expect(describeRules([])).toBe("Every employee (no rules)");
    expect(describeRules([[c("department", "eq", "Sales")], [c("department", "eq", "Marketing"), c(`${ENT}:costCenter`, "sw", "CC")]])).toBe(
      "department equals Sales OR (department equals Marketing AND costCenter starts with CC)",
    );
  });
});

describe("template fields beat the IdP", () => {
  it("a template's company wins over the IdP's, inherited from the template", () => {
    const rows = initialCardFields({ company: "Acme", title: "Engineer" }, { company: "Acme Inc.", website: "https://acme.test" });
    expect(rows).toEqual([
      { key: "company", value: "Acme Inc.", source: "template", locked: true },
      { key: "title", value: "Engineer", source: "idp", locked: true },
      { key: "website", value: "https://acme.test", source: "template", locked: true },
    ]);
  });
});

describe("a template edit, field by field", () => {
  it("names what it adds, changes and removes, and nothing else", () => {
    expect(templateFieldChanges({ company: "Acme", website: "acme.test", address: "1 Main St" }, { company: "Acme Inc.", website: "acme.test", companyLogoUrl: "https://acme.test/l.png" })).toEqual([
      { key: "company", kind: "changed", value: "Acme Inc." },
      { key: "companyLogoUrl", kind: "added", value: "https://acme.test/l.png" },
      { key: "address", kind: "removed", value: null },
    ]);
  });
  it("is empty when the fields are the same", () => {
    expect(templateFieldChanges({ company: "Acme" }, { company: "Acme" })).toEqual([]);
  });
});

describe("rules match what Muster shows", () => {
  const doc = { userName: "ada@acme.test", title: "Engineer", addresses: [{ type: "work", locality: "London" }], "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "Sales" } };
  const rule = [[{ attribute: "department", op: "eq" as const, value: "Sales" }]];
  it("a department the workspace applies matches", () => {
    expect(rulesMatch(subjectOfDoc(doc, [], { applyDepartment: true, applyLocation: true }), rule)).toBe(true);
  });
  it("a department the workspace does not apply matches nothing", () => {
    expect(rulesMatch(subjectOfDoc(doc, [], { applyDepartment: false, applyLocation: true }), rule)).toBe(false);
    expect(rulesMatch(subjectOfDoc(doc, [], { applyDepartment: false, applyLocation: true }), [[{ attribute: "department", op: "ne" as const, value: "Sales" }]])).toBe(true);
  });
  it("a SCIM attribute path still reads what the IdP sent", () => {
    const path = [[{ attribute: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", op: "eq" as const, value: "Sales" }]];
    expect(rulesMatch(subjectOfDoc(doc, [], { applyDepartment: false, applyLocation: false }), path)).toBe(true);
  });
  it("an employee added in Muster is judged by their profile", () => {
    expect(rulesMatch(subjectOf({ scimDoc: null, department: "Sales" }, [], { applyDepartment: false, applyLocation: false }), rule)).toBe(true);
  });
});

describe("validation", () => {
  it.each([
    [{ attribute: "department", op: "eq", value: "Sales" }, true],
    [{ attribute: `${ENT}:costCenter`, op: "sw", value: "CC" }, true],
    [{ attribute: 'emails[type eq "work"].value', op: "co", value: "@" }, true],
    [{ attribute: "group", op: "in", value: ["A", "B"] }, true],
    [{ attribute: "group", op: "in", value: "A" }, false], // "one of" takes a list
    [{ attribute: "group", op: "eq", value: ["A"] }, false],
    [{ attribute: "department", op: "eq", value: "  " }, false],
    [{ attribute: "department", op: "gt", value: "x" }, false],
    [{ attribute: "not a path!", op: "eq", value: "x" }, false],
    [{ attribute: "", op: "eq", value: "x" }, false],
  ])("condition %j valid: %s", (input, ok) => {
    expect(ZCondition.safeParse(input).success).toBe(ok);
  });

  it("a rule needs a condition; fields need names and https images", () => {
    expect(ZRules.safeParse([[]]).success).toBe(false);
    expect(ZRules.safeParse([]).success).toBe(true);
    expect(ZTemplateFields.safeParse({ company: "Acme", website: "" }).data).toEqual({ company: "Acme" });
    expect(ZTemplateFields.safeParse({ "Bad Key": "x" }).success).toBe(false);
    expect(ZTemplateFields.safeParse({ companyLogoUrl: "http://acme.test/logo.png" }).success).toBe(false);
    expect(ZTemplateFields.safeParse({ companyLogoUrl: "https://acme.test/logo.png", costCenter: "42" }).success).toBe(true);
  });

  it("stored JSON that does not parse counts as nothing", () => {
    expect(parseRules("not json")).toEqual([]);
    expect(parseRules('[[{"attribute":"department","op":"eq","value":"Sales"}]]')).toHaveLength(1);
    expect(parseFields("{")).toEqual({});
    expect(parseFields('{"company":"Acme"}')).toEqual({ company: "Acme" });
  });
});
