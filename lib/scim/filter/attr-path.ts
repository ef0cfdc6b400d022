import type { AttrPath } from "./ast";
import { quote, type Fail } from "./tokenize";

// RFC 7643 §2.1 ATTRNAME (ALPHA *("-" / "_" / DIGIT / ALPHA)), plus "$ref", which the RFC's own
// schemas use for references.
export const ATTR_NAME = /^(?:\$ref|[A-Za-z][\w-]*)$/i;

/**
 * One word of the input → AttrPath. A schema URN ends at the last colon, because the URN itself
 * contains colons and dots (`urn:…:enterprise:2.0:User:manager.value`).
 */
export const parseAttrPath = (text: string, pos: number, fail: Fail): AttrPath => {
  let uri: string | undefined;
  let rest = text;
  let offset = 0;
  if (/^urn:/i.test(text)) {
    const colon = text.lastIndexOf(":");
    if (colon <= 3) fail(pos, `${quote(text)} has no schema URN before the attribute name`);
    uri = text.slice(0, colon);
    rest = text.slice(colon + 1);
    offset = colon + 1;
  } else if (text.includes(":")) {
    fail(pos, `${quote(text)} is not an attribute path; ':' is only allowed in a schema URN prefix (urn:…)`);
  }

  const dot = rest.indexOf(".");
  const attr = dot < 0 ? rest : rest.slice(0, dot);
  if (!ATTR_NAME.test(attr)) {
    fail(pos + offset, attr === "" ? "expected an attribute name" : `${quote(attr)} is not a valid attribute name`);
  }
  if (dot < 0) return uri === undefined ? { attr } : { uri, attr };

  const sub = rest.slice(dot + 1);
  if (!ATTR_NAME.test(sub)) {
    const why = sub.includes(".") ? "an attribute path has at most one sub-attribute" : `${quote(sub)} is not a valid sub-attribute name`;
    fail(pos + offset + dot + 1, why);
  }
  return uri === undefined ? { attr, sub } : { uri, attr, sub };
};
