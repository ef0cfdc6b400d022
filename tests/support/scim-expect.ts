// Assertions every SCIM response shares: the media type, the error body of RFC 7644 §3.12 and
// the ListResponse of §3.4.2.
import { expect } from "vitest";
import { SCIM_JSON, URN, type Json, type ScimResponse } from "./scim-client";

const show = (res: ScimResponse) => `${res.status} ${res.headers.get("content-type") ?? "(no content type)"}: ${res.text.slice(0, 600)}`;

export const expectStatus = (res: ScimResponse, ...statuses: number[]) => {
  expect(statuses, show(res)).toContain(res.status);
};

export const expectScimContentType = (res: ScimResponse) => {
  expect(res.headers.get("content-type") ?? "", show(res)).toMatch(new RegExp(`^${SCIM_JSON.replace("+", "\\+")}(\\s*;.*)?$`));
};

/** A SCIM error: status, string `status` in the body, the RFC's scimType (or none), SCIM media type. */
export const expectScimError = (res: ScimResponse, status: number, scimType?: string) => {
  expect(res.status, show(res)).toBe(status);
  expectScimContentType(res);
  expect(res.body, show(res)).toMatchObject({ schemas: [URN.ERROR], status: String(status) });
  if (scimType) expect(res.body.scimType, show(res)).toBe(scimType);
  if (res.body.detail !== undefined) expect(typeof res.body.detail).toBe("string");
};

/** A ListResponse with integer paging fields; returns its Resources (empty when left out). */
export const expectList = (res: ScimResponse): Json[] => {
  expect(res.status, show(res)).toBe(200);
  expectScimContentType(res);
  expect(res.body.schemas, show(res)).toEqual([URN.LIST]);
  expect(Number.isInteger(res.body.totalResults), "totalResults is an integer").toBe(true);
  if (res.body.startIndex !== undefined) expect(Number.isInteger(res.body.startIndex), "startIndex is an integer").toBe(true);
  if (res.body.itemsPerPage !== undefined) expect(Number.isInteger(res.body.itemsPerPage), "itemsPerPage is an integer").toBe(true);
  const resources = (res.body.Resources ?? []) as Json[];
  expect(Array.isArray(resources)).toBe(true);
  return resources;
};

/** An empty ListResponse, as an IdP's existence check or Test Connection expects. */
export const expectEmptyList = (res: ScimResponse) => {
  expect(expectList(res)).toEqual([]);
  expect(res.body.totalResults).toBe(0);
};

/** A resource created with 201, a Location equal to meta.location and the SCIM media type. */
export const expectCreated = (res: ScimResponse, tenantUrl: string, endpoint: "Users" | "Groups") => {
  expect(res.status, show(res)).toBe(201);
  expectScimContentType(res);
  expect(typeof res.body.id).toBe("string");
  expect(res.body.meta.location).toBe(`${tenantUrl}/${endpoint}/${res.body.id}`);
  expect(res.headers.get("location")).toBe(res.body.meta.location);
  return res.body as Json;
};
