// What every log line written while a request runs may say about it: its id, and the workspace
// once the request is authenticated (the SCIM token or the admin's membership names it).
// On globalThis: Next.js loads server code in more than one bundle, and the wrapper that starts a
// request and the service that logs inside it may come from different copies of this module.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { requestId: string; workspaceId?: string };

const storage = ((globalThis as unknown as { musterRequestContext?: AsyncLocalStorage<RequestContext> }).musterRequestContext ??= new AsyncLocalStorage<RequestContext>());

export const runInRequest = <T>(context: RequestContext, run: () => T): T => storage.run(context, run);

export const requestContext = (): RequestContext | undefined => storage.getStore();

/** The request in progress belongs to this workspace (for its log line). */
export const noteWorkspace = (workspaceId: string) => {
  const context = storage.getStore();
  if (context) context.workspaceId = workspaceId;
};
