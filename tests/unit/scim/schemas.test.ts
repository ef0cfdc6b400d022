import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCHEMAS,
  SCHEMA_URNS,
  resolveAttribute,
  resourceTypes,
  schemaDocuments,
  serviceProviderConfig,
  type AttributeDef,
} from "@/lib/scim/schemas";

const BASE = "https://muster.example/api/scim/v2";
const ENT = SCHEMA_URNS.ENTERPRISE_USER;

const attributesOf = (urn: string): AttributeDef[] => {
  const doc = schemaDocuments(BASE).find((d) => d.id === urn);
  if (!doc) throw new Error(`no schema ${urn}`);
  return doc.attributes;
};
const named = (defs: AttributeDef[] | undefined, name: string) => defs?.find((d) => d.name === name);

describe("SCHEMA_URNS", () => {
  it("holds the RFC 7643/7644 URNs", () => {
    expect(SCHEMA_URNS).toMatchObject({
      USER: "urn:ietf:params:scim:schemas:core:2.0:User",
      ENTERPRISE_USER: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      GROUP: "urn:ietf:params:scim:schemas:core:2.0:Group",
      LIST_RESPONSE: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
      PATCH_OP: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
      BULK_REQUEST: "urn:ietf:params:scim:api:messages:2.0:BulkRequest",
      BULK_RESPONSE: "urn:ietf:params:scim:api:messages:2.0:BulkResponse",
      SEARCH_REQUEST: "urn:ietf:params:scim:api:messages:2.0:SearchRequest",
      ERROR: "urn:ietf:params:scim:api:messages:2.0:Error",
    });
  });
});

describe("GET /Schemas", () => {
  it("lists User, EnterpriseUser and Group as Schema resources with a location", () => {
    const docs = schemaDocuments(`${BASE}/`);
    expect(docs.map((d) => d.id)).toEqual([SCHEMA_URNS.USER, ENT, SCHEMA_URNS.GROUP]);
    for (const doc of docs) {
      expect(doc.schemas).toEqual(["urn:ietf:params:scim:schemas:core:2.0:Schema"]);
      expect(doc.meta).toEqual({ resourceType: "Schema", location: `${BASE}/Schemas/${doc.id}` });
    }
  });

  it("describes every attribute with all RFC 7643 §7 characteristics", () => {
    const check = (a: AttributeDef) => {
      expect(Object.keys(a)).toEqual(
        expect.arrayContaining(["name", "type", "multiValued", "description", "required", "caseExact", "mutability", "returned", "uniqueness"]),
      );
      a.subAttributes?.forEach(check);
    };
    schemaDocuments(BASE).forEach((d) => d.attributes.forEach(check));
  });

  it("has every core User attribute the brief lists", () => {
    const names = attributesOf(SCHEMA_URNS.USER).map((a) => a.name);
    expect(names).toEqual([
      "userName", "name", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale",
      "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses", "groups", "entitlements",
      "roles", "x509Certificates",
    ]);
  });

  it("userName is required, unique per server and case-insensitive", () => {
    expect(named(attributesOf(SCHEMA_URNS.USER), "userName")).toMatchObject({ required: true, uniqueness: "server", caseExact: false });
  });

  it("password is writeOnly and never returned; groups is readOnly", () => {
    const user = attributesOf(SCHEMA_URNS.USER);
    expect(named(user, "password")).toMatchObject({ mutability: "writeOnly", returned: "never" });
    expect(named(user, "groups")).toMatchObject({ mutability: "readOnly", multiValued: true });
  });

  it("addresses and name carry their RFC sub-attributes", () => {
    const user = attributesOf(SCHEMA_URNS.USER);
    expect(named(user, "name")?.subAttributes?.map((s) => s.name)).toEqual([
      "formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix",
    ]);
    expect(named(user, "addresses")?.subAttributes?.map((s) => s.name)).toEqual([
      "formatted", "streetAddress", "locality", "region", "postalCode", "country", "type", "primary",
    ]);
    expect(named(user, "emails")?.subAttributes?.map((s) => s.name)).toEqual(["value", "display", "type", "primary"]);
  });

  it("Enterprise User has manager{value,$ref,displayName(readOnly)} and the non-standard location", () => {
    const ent = attributesOf(ENT);
    expect(ent.map((a) => a.name)).toEqual(["employeeNumber", "costCenter", "organization", "division", "department", "manager", "location"]);
    const manager = named(ent, "manager");
    expect(manager?.subAttributes?.map((s) => s.name)).toEqual(["value", "$ref", "displayName"]);
    expect(named(manager?.subAttributes, "displayName")?.mutability).toBe("readOnly");
    expect(named(ent, "location")).toMatchObject({ type: "string", multiValued: false });
  });

  it("Group requires displayName; members.value is immutable", () => {
    const group = attributesOf(SCHEMA_URNS.GROUP);
    expect(named(group, "displayName")?.required).toBe(true);
    const members = named(group, "members");
    expect(members?.subAttributes?.map((s) => s.name)).toEqual(["value", "$ref", "display", "type"]);
    expect(named(members?.subAttributes, "value")?.mutability).toBe("immutable");
  });

  it("hands out copies: changing a document does not change the definitions", () => {
    const doc = schemaDocuments(BASE)[0];
    if (!doc) throw new Error("no doc");
    const first = doc.attributes[0];
    if (first) first.required = false;
    expect(named(attributesOf(SCHEMA_URNS.USER), "userName")?.required).toBe(true);
  });
});

describe("GET /ResourceTypes", () => {
  it("User (with the optional enterprise extension) and Group", () => {
    const [user, group] = resourceTypes(BASE);
    expect(user).toMatchObject({
      id: "User",
      name: "User",
      endpoint: "/Users",
      schema: SCHEMA_URNS.USER,
      schemaExtensions: [{ schema: ENT, required: false }],
      meta: { resourceType: "ResourceType", location: `${BASE}/ResourceTypes/User` },
    });
    expect(group).toMatchObject({ id: "Group", endpoint: "/Groups", schema: SCHEMA_URNS.GROUP, schemaExtensions: [] });
    expect(user?.schemas).toEqual(["urn:ietf:params:scim:schemas:core:2.0:ResourceType"]);
  });
});

describe("GET /ServiceProviderConfig", () => {
  it("states what the server really supports, with the configured limits", () => {
    const config = serviceProviderConfig(BASE, { maxOperations: 100, maxPayloadSize: 1_048_576, maxResults: 200 });
    expect(config).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      bulk: { supported: true, maxOperations: 100, maxPayloadSize: 1_048_576 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      meta: { resourceType: "ServiceProviderConfig", location: `${BASE}/ServiceProviderConfig` },
    });
    expect(config.authenticationSchemes.map((s) => s.type)).toEqual(["oauthbearertoken"]);
  });
});

describe("resolveAttribute", () => {
  it("finds core attributes case-insensitively", () => {
    expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { attr: "USERNAME" })).toMatchObject({ schema: SCHEMA_URNS.USER, def: { name: "userName" } });
    expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { attr: "emails", sub: "VALUE" })).toMatchObject({ def: { name: "emails" }, sub: { name: "value" } });
  });

  it("finds common attributes (id, externalId, meta) under the core schema", () => {
    expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { attr: "id" })).toMatchObject({ schema: SCHEMA_URNS.USER, def: { mutability: "readOnly", returned: "always", caseExact: true } });
    expect(resolveAttribute(DEFAULT_SCHEMAS, "Group", { attr: "externalId" })?.def.caseExact).toBe(true);
    expect(resolveAttribute(DEFAULT_SCHEMAS, "Group", { attr: "meta", sub: "lastModified" })?.sub?.type).toBe("dateTime");
  });

  it("a URN prefix selects the schema, in any case", () => {
    const found = resolveAttribute(DEFAULT_SCHEMAS, "User", { uri: ENT.toUpperCase(), attr: "Department" });
    expect(found).toMatchObject({ schema: ENT, def: { name: "department" } });
    expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { uri: ENT, attr: "manager", sub: "value" })?.sub?.name).toBe("value");
    expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { uri: SCHEMA_URNS.USER, attr: "department" })).toBeUndefined();
  });

  it("without a URN, tries core first, then the extensions", () => {
    expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { attr: "department" })?.schema).toBe(ENT);
    expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { attr: "location" })?.schema).toBe(ENT);
  });

  it("is undefined for unknown attributes, sub-attributes, URNs and other resource types", () => {
    expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { attr: "adreses" })).toBeUndefined();
    expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { attr: "name", sub: "nickname" })).toBeUndefined();
    expect(resolveAttribute(DEFAULT_SCHEMAS, "User", { uri: "urn:example:custom:2.0:User", attr: "department" })).toBeUndefined();
    expect(resolveAttribute(DEFAULT_SCHEMAS, "Group", { attr: "department" })).toBeUndefined();
    expect(resolveAttribute(DEFAULT_SCHEMAS, "Group", { attr: "members", sub: "display" })?.sub?.name).toBe("display");
  });
});
