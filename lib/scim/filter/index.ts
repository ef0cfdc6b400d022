export type { AttrPath, CompValue, CompareOp, Filter, PatchPath } from "./ast";
export { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, parseFilter, parsePatchPath } from "./parse";
export { matchesElement, matchesFilter, type ElementMatchOptions, type MatchOptions } from "./evaluate";
export { printAttrPath, printFilter, printPatchPath } from "./print";
