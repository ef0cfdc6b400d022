import { badRequest } from "./errors";

export const parseJsonBody = (body: string | null): unknown => {
  if (body === null || body.trim() === "") throw badRequest("invalidSyntax", "The request needs a JSON body");
  try {
    return JSON.parse(body);
  } catch (err) {
    throw badRequest("invalidSyntax", `The request body is not valid JSON: ${(err as Error).message}`);
  }
};
