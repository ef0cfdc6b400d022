import { attr, complex } from "./attr";

// RFC 7643 §3.1: attributes every resource has. They belong to no schema's attribute list at
// /Schemas, but PATCH, filters and projection must know their rules.
export const COMMON_ATTRIBUTES = [
  attr("id", "string", "A unique identifier for a SCIM resource as defined by the service provider.", {
    caseExact: true,
    mutability: "readOnly",
    returned: "always",
    uniqueness: "server",
  }),
  attr("externalId", "string", "A String that is an identifier for the resource as defined by the provisioning client.", {
    caseExact: true,
  }),
  complex(
    "meta",
    "A complex attribute containing resource metadata.",
    [
      attr("resourceType", "string", "The name of the resource type of the resource.", { caseExact: true, mutability: "readOnly" }),
      attr("created", "dateTime", "The DateTime that the resource was added to the service provider.", { mutability: "readOnly" }),
      attr("lastModified", "dateTime", "The most recent DateTime that the details of this resource were updated.", {
        mutability: "readOnly",
      }),
      attr("location", "reference", "The URI of the resource being returned.", {
        caseExact: true,
        mutability: "readOnly",
        referenceTypes: ["uri"],
      }),
      attr("version", "string", "The version of the resource being returned (ETag).", { caseExact: true, mutability: "readOnly" }),
    ],
    { mutability: "readOnly" },
  ),
];
