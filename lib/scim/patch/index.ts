export { applyPatch } from "./apply";
export type { MemberOp, PatchOptions, PatchResult } from "./types";
