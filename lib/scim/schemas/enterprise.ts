import { attr, complex } from "./attr";
import type { SchemaDef } from "./types";
import { SCHEMA_URNS } from "./urns";

// RFC 7643 §4.3 and §8.7.1, plus `location`.
export const ENTERPRISE_USER_SCHEMA: SchemaDef = {
  id: SCHEMA_URNS.ENTERPRISE_USER,
  name: "EnterpriseUser",
  description: "Enterprise User",
  attributes: [
    attr("employeeNumber", "string", "Numeric or alphanumeric identifier assigned to a person by the organization."),
    attr("costCenter", "string", "Identifies the name of a cost center."),
    attr("organization", "string", "Identifies the name of an organization."),
    attr("division", "string", "Identifies the name of a division."),
    attr("department", "string", "Identifies the name of a department."),
    complex("manager", "The User's manager.", [
      attr("value", "string", "The id of the SCIM resource representing the User's manager."),
      attr("$ref", "reference", "The URI of the SCIM resource representing the User's manager.", { referenceTypes: ["User"] }),
      attr("displayName", "string", "The displayName of the User's manager.", { mutability: "readOnly" }),
    ]),
    // Not in RFC 7643: Entra admins map an office location here (IDP-DIALECTS.md), and employees'
    // location and cards come from it, so it is declared: only declared attributes are stored.
    attr("location", "string", "The User's work location. Not defined by RFC 7643; sent by identity providers under this URN."),
  ],
};
