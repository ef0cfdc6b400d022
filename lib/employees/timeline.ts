// The employee timeline's page shape, shared by the service, the route and the client list.
export const TIMELINE_PAGE_SIZE = 20;

export type TTimelineEvent = { id: string; at: string; method: string; path: string; status: number; summary: string | null; error: string | null };
export type TTimelinePage = { events: TTimelineEvent[]; total: number; page: number; pageSize: number };
