import { attr, complex } from "./attr";
import type { SchemaDef } from "./types";
import { SCHEMA_URNS } from "./urns";

// RFC 7643 §4.2 and §8.7.1. displayName is required here (the RFC leaves it optional) because
// a group without a name cannot be shown to an administrator, and every IdP sends one.
export const GROUP_SCHEMA: SchemaDef = {
  id: SCHEMA_URNS.GROUP,
  name: "Group",
  description: "Group",
  attributes: [
    attr("displayName", "string", "A human-readable name for the Group.", { required: true }),
    complex(
      "members",
      "A list of members of the Group.",
      [
        attr("value", "string", "Identifier of the member of this Group.", { mutability: "immutable" }),
        attr("$ref", "reference", "The URI corresponding to a SCIM resource that is a member of this Group.", {
          mutability: "immutable",
          referenceTypes: ["User", "Group"],
        }),
        attr("display", "string", "A human-readable name, primarily used for display purposes.", { mutability: "immutable" }),
        attr("type", "string", "A label indicating the type of resource, e.g. 'User' or 'Group'.", {
          mutability: "immutable",
          canonicalValues: ["User", "Group"],
        }),
      ],
      { multiValued: true },
    ),
  ],
};
