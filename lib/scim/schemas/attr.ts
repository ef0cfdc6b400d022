import type { AttributeDef, AttributeType } from "./types";

type Options = Partial<Omit<AttributeDef, "name" | "type" | "description">>;

// RFC 7643 §2.2 defaults, so each definition only states how it differs.
export const attr = (name: string, type: AttributeType, description: string, opts: Options = {}): AttributeDef => ({
  name,
  type,
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...opts,
});

export const complex = (name: string, description: string, subAttributes: AttributeDef[], opts: Options = {}) =>
  attr(name, "complex", description, { ...opts, subAttributes });

/** The recurring multi-valued shape { value, display, type, primary } (RFC 7643 §2.4). */
export const plural = (
  name: string,
  description: string,
  valueType: AttributeType,
  types: string[],
  opts: Options & { valueOpts?: Options } = {},
) => {
  const { valueOpts, ...rest } = opts;
  return complex(
    name,
    description,
    [
      attr("value", valueType, `The value of the ${name} entry.`, valueOpts),
      attr("display", "string", "A human-readable name, primarily used for display purposes."),
      attr("type", "string", "A label indicating the attribute's function.", types.length ? { canonicalValues: types } : {}),
      attr("primary", "boolean", "Indicates the primary or preferred value; at most one value may be primary."),
    ],
    { multiValued: true, ...rest },
  );
};
