// Which SCIM endpoint a path names, for logs and metrics: a fixed set of names whatever the
// request (ids, misspellings and casing never become a label of their own).

export type ScimEndpoint = { resource: string; route: string };

const RESOURCES: Record<string, string> = {
  users: "Users",
  groups: "Groups",
  bulk: "Bulk",
  ".search": ".search",
  serviceproviderconfig: "ServiceProviderConfig",
  serviceproviderconfigs: "ServiceProviderConfig",
  resourcetypes: "ResourceTypes",
  schemas: "Schemas",
};

/** `["users", "2819c223…"]` → `{ resource: "Users", route: "/Users/:id" }`; an unknown path → "unknown". */
export const scimEndpointOf = (segments: readonly string[] | undefined): ScimEndpoint => {
  const [first, second, ...rest] = segments ?? [];
  const resource = first === undefined ? undefined : RESOURCES[first.toLowerCase()];
  if (!resource) return { resource: "unknown", route: "/*" };
  let route = `/${resource}`;
  if (second !== undefined) route += second.toLowerCase() === ".search" ? "/.search" : "/:id";
  if (rest.length > 0) route += "/*";
  return { resource, route };
};
