// The discovery resources of RFC 7644 §4: /Schemas, /ResourceTypes, /ServiceProviderConfig.
// /Schemas and /ResourceTypes are drawn from the same registry that decides what a resource may
// hold, so what Muster publishes and what it stores cannot drift apart.

import { DEFAULT_SCHEMAS, type SchemaRegistry } from "./registry";
import type { SchemaDef } from "./types";
import { SCHEMA_URNS, type ResourceType } from "./urns";

const trimSlash = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

// Copies, so a caller that decorates a response cannot change the definitions PATCH relies on.
const schemaDocument = (schema: SchemaDef, base: string) => ({
  schemas: [SCHEMA_URNS.SCHEMA],
  id: schema.id,
  name: schema.name,
  description: schema.description,
  attributes: structuredClone(schema.attributes),
  meta: { resourceType: "Schema", location: `${base}/Schemas/${schema.id}` },
});

const RESOURCE_TYPES: readonly ResourceType[] = ["User", "Group"];

/** Each resource type's core schema, then its extensions: User, EnterpriseUser, Group by default. */
export const schemaDocuments = (baseUrl: string, schemas: SchemaRegistry = DEFAULT_SCHEMAS) =>
  RESOURCE_TYPES.flatMap((rt) => [schemas.core[rt], ...schemas.extensions[rt]]).map((s) => schemaDocument(s, trimSlash(baseUrl)));

const extensionsOf = (schemas: SchemaRegistry, rt: ResourceType) => schemas.extensions[rt].map((s) => ({ schema: s.id, required: false }));

export const resourceTypes = (baseUrl: string, schemas: SchemaRegistry = DEFAULT_SCHEMAS) => {
  const base = trimSlash(baseUrl);
  return [
    {
      schemas: [SCHEMA_URNS.RESOURCE_TYPE],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "User Account",
      schema: schemas.core.User.id,
      schemaExtensions: extensionsOf(schemas, "User"),
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [SCHEMA_URNS.RESOURCE_TYPE],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "Group",
      schema: schemas.core.Group.id,
      schemaExtensions: extensionsOf(schemas, "Group"),
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
    },
  ];
};

export type ServiceProviderLimits = { maxOperations: number; maxPayloadSize: number; maxResults: number };

// Only what the server really does: IdPs read this to decide which requests to send.
export const serviceProviderConfig = (baseUrl: string, limits: ServiceProviderLimits) => ({
  schemas: [SCHEMA_URNS.SERVICE_PROVIDER_CONFIG],
  patch: { supported: true },
  bulk: { supported: true, maxOperations: limits.maxOperations, maxPayloadSize: limits.maxPayloadSize },
  filter: { supported: true, maxResults: limits.maxResults },
  changePassword: { supported: false },
  sort: { supported: true },
  etag: { supported: true },
  authenticationSchemes: [
    {
      type: "oauthbearertoken",
      name: "OAuth Bearer Token",
      description: "Authentication with the workspace's SCIM bearer token (RFC 6750).",
      specUri: "https://www.rfc-editor.org/info/rfc6750",
      primary: true,
    },
  ],
  meta: { resourceType: "ServiceProviderConfig", location: `${trimSlash(baseUrl)}/ServiceProviderConfig` },
});
