// The discovery resources of RFC 7644 §4: /Schemas, /ResourceTypes, /ServiceProviderConfig.

import { ENTERPRISE_USER_SCHEMA } from "./enterprise";
import { GROUP_SCHEMA } from "./group";
import type { SchemaDef } from "./types";
import { USER_SCHEMA } from "./user";
import { SCHEMA_URNS } from "./urns";

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

export const schemaDocuments = (baseUrl: string) =>
  [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA].map((s) => schemaDocument(s, trimSlash(baseUrl)));

export const resourceTypes = (baseUrl: string) => {
  const base = trimSlash(baseUrl);
  return [
    {
      schemas: [SCHEMA_URNS.RESOURCE_TYPE],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "User Account",
      schema: SCHEMA_URNS.USER,
      schemaExtensions: [{ schema: SCHEMA_URNS.ENTERPRISE_USER, required: false }],
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [SCHEMA_URNS.RESOURCE_TYPE],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "Group",
      schema: SCHEMA_URNS.GROUP,
      schemaExtensions: [],
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
