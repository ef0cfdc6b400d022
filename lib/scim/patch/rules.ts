// Mutability and requiredness (RFC 7643 §2.2, RFC 7644 §3.5.2) as PATCH enforces them.

import { badRequest } from "../errors";
import { deepEqual } from "../schemas/json";
import type { Place } from "../schemas/place";
import type { AttributeDef } from "../schemas/types";

export type AttrPlace = Extract<Place, { kind: "attr" }>;

export const labelOf = (place: AttrPlace, elementSub?: string): string => {
  const name = place.sub ? `${place.name}.${place.sub.name}` : elementSub ? `${place.name}[…].${elementSub}` : place.name;
  return place.ext ? `${place.ext}:${name}` : name;
};

/** RFC 7644 §3.12: "A required value was missing" is invalidValue. */
export const assertNotRequired = (def: AttributeDef | undefined, label: string): void => {
  if (def?.required) throw badRequest("invalidValue", `Attribute '${label}' is required and cannot be removed`);
};

export const readOnly = (label: string) => badRequest("mutability", `Attribute '${label}' is readOnly`);

/** An immutable attribute may be set once (RFC 7644 §3.5.2), never changed or removed. */
export const assertMutable = (def: AttributeDef | undefined, existing: unknown, next: unknown, label: string): void => {
  if (def?.mutability !== "immutable" || existing === undefined || existing === null) return;
  if (!deepEqual(existing, next)) throw badRequest("mutability", `Attribute '${label}' is immutable and already has a value`);
};
