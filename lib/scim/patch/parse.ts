// Structural validation of a PatchOp request (RFC 7644 §3.5.2), before anything is applied.

import { ScimError, badRequest } from "../errors";
import type { PatchPath } from "../filter/ast";
import { parsePatchPath } from "../filter";
import { findKey, getCi, isPlainObject } from "../schemas/json";
import { SCHEMA_URNS } from "../schemas/urns";
import type { Op, PlannedOp } from "./types";

const OPS: ReadonlySet<string> = new Set<Op>(["add", "replace", "remove"]);

/** Runs `fn` and prefixes any 400 it throws with the operation's index, e.g. "Operations[2]: …". */
export const atIndex = <T>(index: number, fn: () => T): T => {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ScimError && err.status === 400) {
      throw new ScimError(400, err.scimType, `Operations[${index}]: ${err.message}`, err.headers);
    }
    throw err;
  }
};

const parsePath = (source: string): PatchPath => {
  try {
    return parsePatchPath(source);
  } catch (err) {
    if (err instanceof ScimError) throw err;
    throw badRequest("invalidPath", `Invalid path '${source}'`);
  }
};

const parseOne = (raw: unknown, index: number): PlannedOp => {
  if (!isPlainObject(raw)) throw badRequest("invalidSyntax", "each operation must be an object");
  const opName = getCi(raw, "op");
  // Entra without aadOptscim062020 capitalises: "Add", "Replace", "Remove".
  const op = typeof opName === "string" ? opName.trim().toLowerCase() : "";
  if (!OPS.has(op)) throw badRequest("invalidSyntax", `'op' must be "add", "replace" or "remove"; got ${JSON.stringify(opName) ?? "nothing"}`);
  const rawPath = getCi(raw, "path");
  if (rawPath !== undefined && rawPath !== null && typeof rawPath !== "string") throw badRequest("invalidPath", "'path' must be a string");
  const source = typeof rawPath === "string" ? rawPath.trim() : "";
  const hasValue = findKey(raw, "value") !== undefined;
  const value = getCi(raw, "value");
  if (op === "remove" && source === "") throw badRequest("noTarget", "'remove' requires a 'path'");
  if (op !== "remove" && !hasValue) throw badRequest("invalidValue", `'${op}' requires a 'value'`);
  const planned: PlannedOp = { index, op: op as Op, value, hasValue };
  return source === "" ? planned : { ...planned, path: parsePath(source) };
};

export const parseOperations = (body: unknown): PlannedOp[] => {
  if (!isPlainObject(body)) throw badRequest("invalidSyntax", "The PATCH body must be a JSON object");
  // A missing `schemas` is tolerated; a message that says it is something else is not.
  const schemas = getCi(body, "schemas");
  const patchOp = SCHEMA_URNS.PATCH_OP.toLowerCase();
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.some((s) => typeof s === "string" && s.toLowerCase() === patchOp))) {
    throw badRequest("invalidSyntax", `'schemas' must contain "${SCHEMA_URNS.PATCH_OP}"`);
  }
  const operations = getCi(body, "Operations");
  if (!Array.isArray(operations) || operations.length === 0) throw badRequest("invalidSyntax", "'Operations' must be a non-empty array");
  return operations.map((raw, index) => atIndex(index, () => parseOne(raw, index)));
};
