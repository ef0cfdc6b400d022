// Small helpers for the JSON objects SCIM resources are made of.

export type JsonObject = Record<string, unknown>;

// Null-prototype objects count too (some parsers and test generators produce them); Dates and
// class instances do not.
export const isPlainObject = (v: unknown): v is JsonObject => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** The key an object actually uses for a case-insensitive attribute name (RFC 7643 §2.1). */
export const findKey = (obj: JsonObject, name: string): string | undefined => {
  if (Object.hasOwn(obj, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
};

export const getCi = (obj: JsonObject, name: string): unknown => {
  const key = findKey(obj, name);
  return key === undefined ? undefined : obj[key];
};

/** Sets `name`, dropping any differently-cased spelling of it first. */
export const setCi = (obj: JsonObject, name: string, value: unknown): void => {
  const key = findKey(obj, name);
  if (key !== undefined && key !== name) delete obj[key];
  obj[name] = value;
};

export const deleteCi = (obj: JsonObject, name: string): boolean => {
  const key = findKey(obj, name);
  if (key === undefined) return false;
  delete obj[key];
  return true;
};

// Key order does not matter for SCIM values, so two elements written differently are still equal.
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
};
