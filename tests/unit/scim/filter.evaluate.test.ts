import { describe, expect, it } from "vitest";
import { matchesElement, matchesFilter, parseFilter, parsePatchPath, type AttrPath } from "@/lib/scim/filter";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

// After RFC 7643 §8.3 (Barbara Jensen, enterprise user), trimmed.
const bjensen = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
  id: "2819c223-7f76-453a-919d-413861904646",
  externalId: "701984",
  userName: "bjensen@example.com",
  name: { formatted: "Ms. Barbara J Jensen III", familyName: "Jensen", givenName: "Barbara" },
  displayName: "Babs Jensen",
  title: "Tour Guide",
  userType: "Employee",
  nickName: "",
  active: true,
  loginCount: 42,
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true },
    { value: "babs@jensen.org", type: "home" },
  ],
  phoneNumbers: [],
  ims: [{ value: "someaimhandle", type: "aim" }],
  groups: [{ value: "e9e30dba-f08f-4109-8486-d5c6a331660a", display: "Tour Guides" }],
  meta: { resourceType: "User", created: "2010-01-23T04:56:22Z", lastModified: "2011-05-13T04:42:34Z" },
  [ENTERPRISE]: {
    employeeNumber: "701984",
    department: "Tour Operations",
    manager: { value: "26118915-6090-4610-87e4-49d8ca9f808d", displayName: "John Smith" },
  },
};

const matches = (source: string, resource: Record<string, unknown> = bjensen, opts?: Parameters<typeof matchesFilter>[2]) =>
  matchesFilter(parseFilter(source), resource, opts);

describe("matchesFilter", () => {
  it.each([
    'userName eq "bjensen@example.com"',
    'USERNAME EQ "BJensen@Example.com"',
    'name.familyName co "ens"',
    'userName sw "bj"',
    'userName ew ".COM"',
    'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "b"',
    `${ENTERPRISE}:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d"`,
    `${ENTERPRISE}:employeeNumber eq "701984"`,
    `URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:Department sw "tour"`,
    "title pr",
    "emails pr",
    "name pr",
    `${ENTERPRISE}:manager pr`,
    'meta.lastModified gt "2011-05-13T04:42:33Z"',
    'meta.lastModified ge "2011-05-13T04:42:34Z"',
    'meta.created lt "2011-01-01T00:00:00Z"',
    'meta.created le "2010-01-23T04:56:22Z"',
    "loginCount gt 41",
    "loginCount le 42",
    "loginCount eq 42",
    "active eq true",
    'emails.value eq "babs@jensen.org"',
    'emails eq "babs@jensen.org"',
    'emails co "jensen.org"',
    'emails.type eq "home"',
    `schemas eq "${ENTERPRISE}"`,
    'emails[type eq "work" and value co "@example.com"]',
    'emails[type eq "home" and not (primary eq true)]',
    'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
    'title pr and userType eq "Employee"',
    'title pr or userType eq "Intern"',
    'userType eq "Intern" or not (title pr and displayName eq "x")',
    'nickName ne "x"',
    'missing ne "x"',
    "missing eq null",
    "nickName eq null",
    'groups[display sw "tour"]',
    "userName sw B",
    `${ENTERPRISE}:manager eq "26118915-6090-4610-87e4-49d8ca9f808d"`,
  ])("matches %s", (source) => {
    expect(matches(source)).toBe(true);
  });

  it.each([
    'userName eq "someone"',
    'userName ne "BJENSEN@example.com"',
    "nickName pr",
    "phoneNumbers pr",
    "missing pr",
    "meta.missing pr",
    'meta.lastModified gt "2011-05-13T04:42:34Z"',
    'meta.created lt "2010-01-23T04:56:22Z"',
    "loginCount gt 42",
    'loginCount eq "42"',
    "active eq false",
    'active eq "true"',
    "active gt false",
    "active lt true",
    "userName gt 1",
    'emails[type eq "work" and value co "jensen.org"]',
    'emails eq "nobody@example.com"',
    'emails ne "babs@jensen.org"',
    `${ENTERPRISE}:userName pr`,
    'urn:example:custom:1.0:User:userName eq "bjensen@example.com"',
    'missing co "x"',
    "missing gt 1",
    "userName eq null",
    'not (userName pr)',
    'ims[type eq "work"]',
    'missing[type eq "work"]',
    'title pr and userType eq "Intern"',
  ])("does not match %s", (source) => {
    expect(matches(source)).toBe(false);
  });

  it("compares case-exactly when isCaseExact says so, with the absolute path", () => {
    const seen: AttrPath[] = [];
    const isCaseExact = (path: AttrPath) => {
      seen.push(path);
      return path.attr === "id" || path.sub === "value";
    };
    expect(matches('id eq "2819C223-7F76-453A-919D-413861904646"', bjensen, { isCaseExact })).toBe(false);
    expect(matches('id eq "2819c223-7f76-453a-919d-413861904646"', bjensen, { isCaseExact })).toBe(true);
    expect(matches('emails[value eq "BABS@jensen.org"]', bjensen, { isCaseExact })).toBe(false);
    expect(matches('emails[type eq "HOME"]', bjensen, { isCaseExact })).toBe(true);
    expect(seen).toContainEqual({ attr: "emails", sub: "value" });
    expect(seen).toContainEqual({ attr: "emails", sub: "type" });
  });

  it("finds attribute keys whatever their case in the resource", () => {
    const user = { UserName: "Ann", EMAILS: [{ Value: "a@x.org", Type: "work" }], Meta: { LastModified: "2024-01-01T00:00:00Z" } };
    expect(matches('userName eq "ann"', user)).toBe(true);
    expect(matches('emails[type eq "work" and value ew "x.org"]', user)).toBe(true);
    expect(matches('meta.lastModified ge "2024"', user)).toBe(true);
  });

  it("treats a simple multi-valued element as its own value", () => {
    const group = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], tags: ["a", "b"] };
    expect(matches('tags eq "B"', group)).toBe(true);
    expect(matches('tags[value eq "a"]', group)).toBe(true);
    expect(matches('schemas[value sw "urn:ietf"]', group)).toBe(true);
  });

  it("reads Date values as ISO timestamps", () => {
    const user = { meta: { created: new Date("2020-02-02T00:00:00Z") } };
    expect(matches('meta.created gt "2020-01-01T00:00:00Z"', user)).toBe(true);
    expect(matches("meta.created pr", user)).toBe(true);
  });

  it("never throws on odd resources", () => {
    const odd = { emails: "not-a-list", name: null, meta: [1, 2], count: Number.NaN, nested: [[{ value: "x" }]] };
    for (const source of ['emails[type eq "work"]', "name.familyName pr", "meta.created gt 1", "count ge 0", 'nested eq "x"', 'emails.value eq "x"']) {
      expect(() => matches(source, odd)).not.toThrow();
    }
    expect(matches('emails eq "NOT-A-LIST"', odd)).toBe(true);
  });
});

describe("matchesFilter — multi-valued attributes (RFC 7644 §3.4.2.2)", () => {
  // The match is on any value, not the primary one: babs@ is the second, non-primary email.
  const ann = {
    userName: "ann",
    emails: [
      { value: "ann@work.example", type: "work", primary: true },
      { value: "ann@home.example", type: "home" },
      { value: "Ann@Other.example", type: "other" },
    ],
  };

  it.each(['emails.value eq "ann@home.example"', 'emails.value eq "ann@other.example"', 'emails eq "ANN@OTHER.EXAMPLE"', 'emails.value ew "other.example"'])(
    "%s matches a non-primary email",
    (source) => {
      expect(matches(source, ann)).toBe(true);
    },
  );

  it("emails.value ne is not (emails.value eq): false once any email has the value", () => {
    expect(matches('emails.value ne "ann@home.example"', ann)).toBe(false);
    expect(matches('emails.value ne "nobody@example"', ann)).toBe(true);
  });

  it("Entra's work-email query matches the work email only, like its RFC form", () => {
    const entra = 'emails[type eq "work"].value eq "ann@work.example"';
    expect(parseFilter(entra)).toStrictEqual(parseFilter('emails[type eq "work" and value eq "ann@work.example"]'));
    expect(matches(entra, ann)).toBe(true);
    expect(matches('emails[type eq "work"].value eq "ann@home.example"', ann)).toBe(false);
    expect(matches('emails[type eq "home"].value eq "ann@home.example"', ann)).toBe(true);
    expect(matches('emails[type eq "work"].value pr', ann)).toBe(true);
    expect(matches('emails[type eq "pager"].value pr', ann)).toBe(false);
    expect(matches('emails[type eq "work"].value eq "bjensen@example.com"')).toBe(true);
  });

  it("the sub-attribute in Entra's form is case-exact when its absolute path is", () => {
    const isCaseExact = (p: AttrPath) => p.attr === "emails" && p.sub === "value";
    expect(matches('emails[type eq "other"].value eq "Ann@Other.example"', ann, { isCaseExact })).toBe(true);
    expect(matches('emails[type eq "other"].value eq "ann@other.example"', ann, { isCaseExact })).toBe(false);
  });
});

describe("matchesElement (PATCH value paths)", () => {
  const member = { value: "2819c223-7f76-453a-919d-413861904646", display: "Babs" };

  it("applies an element-relative filter to one element", () => {
    const { filter } = parsePatchPath('members[value eq "2819c223-7f76-453a-919d-413861904646"]');
    expect(filter && matchesElement(filter, member)).toBe(true);
    expect(filter && matchesElement(filter, { value: "other" })).toBe(false);
  });

  it("handles and/or/not and bare values", () => {
    const { filter } = parsePatchPath('emails[type eq "work" and not (primary eq false)]');
    if (!filter) throw new Error("no filter");
    expect(matchesElement(filter, { type: "WORK", primary: true })).toBe(true);
    expect(matchesElement(filter, { type: "work", primary: false })).toBe(false);
    expect(matchesElement(parseFilter('value eq "a"'), "A")).toBe(true);
  });

  it("passes the parent path to isCaseExact", () => {
    const seen: AttrPath[] = [];
    const isCaseExact = (path: AttrPath) => {
      seen.push(path);
      return false;
    };
    matchesElement(parseFilter('value eq "x"'), member, { parent: { attr: "members" }, isCaseExact });
    expect(seen).toEqual([{ attr: "members", sub: "value" }]);
  });
});
