// Schema and message URNs (RFC 7643 §8.7, RFC 7644 §3.1–3.12).

export const SCHEMA_URNS = {
  USER: "urn:ietf:params:scim:schemas:core:2.0:User",
  ENTERPRISE_USER: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  GROUP: "urn:ietf:params:scim:schemas:core:2.0:Group",
  SCHEMA: "urn:ietf:params:scim:schemas:core:2.0:Schema",
  RESOURCE_TYPE: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  SERVICE_PROVIDER_CONFIG: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  LIST_RESPONSE: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  PATCH_OP: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  BULK_REQUEST: "urn:ietf:params:scim:api:messages:2.0:BulkRequest",
  BULK_RESPONSE: "urn:ietf:params:scim:api:messages:2.0:BulkResponse",
  SEARCH_REQUEST: "urn:ietf:params:scim:api:messages:2.0:SearchRequest",
  ERROR: "urn:ietf:params:scim:api:messages:2.0:Error",
} as const;

export type ResourceType = "User" | "Group";
