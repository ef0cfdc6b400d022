import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { parsePatchPath, printPatchPath, type PatchPath } from "@/lib/scim/filter";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

const valid: [string, PatchPath][] = [
  ["members", { path: { attr: "members" } }],
  ["active", { path: { attr: "active" } }],
  ["name.givenName", { path: { attr: "name", sub: "givenName" } }],
  ["Manager.Value", { path: { attr: "Manager", sub: "Value" } }],
  [
    'emails[type eq "work"].value',
    { path: { attr: "emails" }, filter: { op: "eq", path: { attr: "type" }, value: "work" }, sub: "value" },
  ],
  [
    'members[value eq "2819c223-7f76-453a-919d-413861904646"]',
    { path: { attr: "members" }, filter: { op: "eq", path: { attr: "value" }, value: "2819c223-7f76-453a-919d-413861904646" } },
  ],
  [`${ENTERPRISE}:manager`, { path: { uri: ENTERPRISE, attr: "manager" } }],
  [`${ENTERPRISE}:manager.value`, { path: { uri: ENTERPRISE, attr: "manager", sub: "value" } }],
  [`${ENTERPRISE}:employeeNumber`, { path: { uri: ENTERPRISE, attr: "employeeNumber" } }],
  [`${CORE}:name.familyName`, { path: { uri: CORE, attr: "name", sub: "familyName" } }],
  [
    'addresses[type eq "work"].locality',
    { path: { attr: "addresses" }, filter: { op: "eq", path: { attr: "type" }, value: "work" }, sub: "locality" },
  ],
  [
    'phoneNumbers[type eq "mobile"].value',
    { path: { attr: "phoneNumbers" }, filter: { op: "eq", path: { attr: "type" }, value: "mobile" }, sub: "value" },
  ],
  [
    'emails[type eq "work" and primary eq true]',
    {
      path: { attr: "emails" },
      filter: { op: "and", filters: [{ op: "eq", path: { attr: "type" }, value: "work" }, { op: "eq", path: { attr: "primary" }, value: true }] },
    },
  ],
  [
    `${CORE}:emails[not (type eq "home")].display`,
    { path: { uri: CORE, attr: "emails" }, filter: { op: "not", filter: { op: "eq", path: { attr: "type" }, value: "home" } }, sub: "display" },
  ],
  ["members.$ref", { path: { attr: "members", sub: "$ref" } }],
  ["  members  ", { path: { attr: "members" } }],
  ['members[value EQ "a"]', { path: { attr: "members" }, filter: { op: "eq", path: { attr: "value" }, value: "a" } }],
];

const invalid = [
  "",
  "   ",
  "members[",
  'members[value eq "a"',
  'members[value eq "a"]]',
  "members[]",
  'emails[type eq "work"].',
  'emails[type eq "work"].value.display',
  'emails[type eq "work"]value',
  'name.givenName[type eq "x"]',
  "name.givenName.first",
  "members value",
  '"members"',
  "1members",
  "user:name",
  `${ENTERPRISE}:`,
  'emails[type eq "work" and]',
  'emails[emails[type pr]]',
  "(members)",
];

describe("parsePatchPath", () => {
  it.each(valid)("parses %s", (source, expected) => {
    expect(parsePatchPath(source)).toStrictEqual(expected);
  });

  it.each(invalid)("rejects %j with invalidPath", (source) => {
    let caught: unknown;
    try {
      parsePatchPath(source);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect((caught as ScimError).status).toBe(400);
    expect((caught as ScimError).scimType).toBe("invalidPath");
    expect((caught as ScimError).message).toMatch(/^Invalid path at position \d+: /);
  });

  it.each(valid.filter(([source]) => source.trim() === source))("prints %s back to an equal path", (source) => {
    const parsed = parsePatchPath(source);
    expect(parsePatchPath(printPatchPath(parsed))).toStrictEqual(parsed);
  });
});
