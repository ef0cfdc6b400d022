import { attr, complex, plural } from "./attr";
import type { SchemaDef } from "./types";
import { SCHEMA_URNS } from "./urns";

// RFC 7643 §4.1 and §8.7.1.
export const USER_SCHEMA: SchemaDef = {
  id: SCHEMA_URNS.USER,
  name: "User",
  description: "User Account",
  attributes: [
    attr("userName", "string", "Unique identifier for the User, typically used by the user to directly authenticate to the service provider.", {
      required: true,
      uniqueness: "server",
    }),
    complex("name", "The components of the user's real name.", [
      attr("formatted", "string", "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display."),
      attr("familyName", "string", "The family name of the User, or last name in most Western languages."),
      attr("givenName", "string", "The given name of the User, or first name in most Western languages."),
      attr("middleName", "string", "The middle name(s) of the User."),
      attr("honorificPrefix", "string", "The honorific prefix(es) of the User, or title in most Western languages."),
      attr("honorificSuffix", "string", "The honorific suffix(es) of the User, or suffix in most Western languages."),
    ]),
    attr("displayName", "string", "The name of the User, suitable for display to end-users."),
    attr("nickName", "string", "The casual way to address the user in real life."),
    attr("profileUrl", "reference", "A fully qualified URL pointing to a page representing the User's online profile.", {
      referenceTypes: ["external"],
    }),
    attr("title", "string", "The user's title, such as \"Vice President\"."),
    attr("userType", "string", "Used to identify the relationship between the organization and the user."),
    attr("preferredLanguage", "string", "Indicates the User's preferred written or spoken language (RFC 7231 Accept-Language)."),
    attr("locale", "string", "Used to indicate the User's default location for localization purposes."),
    attr("timezone", "string", "The User's time zone in the 'Olson' time zone database format, e.g. 'America/Los_Angeles'."),
    attr("active", "boolean", "A Boolean value indicating the User's administrative status."),
    attr("password", "string", "The User's cleartext password, used to set or change it. Never returned.", {
      mutability: "writeOnly",
      returned: "never",
    }),
    plural("emails", "Email addresses for the user.", "string", ["work", "home", "other"]),
    plural("phoneNumbers", "Phone numbers for the User.", "string", ["work", "home", "mobile", "fax", "pager", "other"]),
    plural("ims", "Instant messaging addresses for the User.", "string", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
    plural("photos", "URLs of photos of the User.", "reference", ["photo", "thumbnail"], {
      valueOpts: { referenceTypes: ["external"] },
    }),
    complex(
      "addresses",
      "A physical mailing address for this User.",
      [
        attr("formatted", "string", "The full mailing address, formatted for display or use with a mailing label."),
        attr("streetAddress", "string", "The full street address component."),
        attr("locality", "string", "The city or locality component."),
        attr("region", "string", "The state or region component."),
        attr("postalCode", "string", "The zip code or postal code component."),
        attr("country", "string", "The country name component (ISO 3166-1 alpha-2)."),
        attr("type", "string", "A label indicating the attribute's function.", { canonicalValues: ["work", "home", "other"] }),
        attr("primary", "boolean", "Indicates the primary mailing address; at most one address may be primary."),
      ],
      { multiValued: true },
    ),
    complex(
      "groups",
      "A list of groups to which the user belongs, either through direct membership or through nested groups.",
      [
        attr("value", "string", "The identifier of the User's group.", { mutability: "readOnly" }),
        attr("$ref", "reference", "The URI of the corresponding 'Group' resource.", {
          mutability: "readOnly",
          referenceTypes: ["User", "Group"],
        }),
        attr("display", "string", "A human-readable name, primarily used for display purposes.", { mutability: "readOnly" }),
        attr("type", "string", "Whether the membership is direct or indirect.", {
          mutability: "readOnly",
          canonicalValues: ["direct", "indirect"],
        }),
      ],
      { multiValued: true, mutability: "readOnly" },
    ),
    plural("entitlements", "A list of entitlements for the User that represent a thing the User has.", "string", []),
    plural("roles", "A list of roles for the User that collectively represent who the User is.", "string", []),
    plural("x509Certificates", "A list of certificates issued to the User.", "binary", []),
  ],
};
