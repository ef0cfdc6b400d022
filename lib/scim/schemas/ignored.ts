// Attribute paths a request sent that no schema at /Schemas declares. They are accepted and not
// stored: IdPs send them (Microsoft's reference suite PUTs a misspelled `adreses` and expects
// 200; Entra sends whatever enterprise attribute an admin maps), and one unsupported attribute
// must not fail a provisioning request. The list goes to the provisioning log so an admin can see
// what was dropped.

export type Ignored = {
  /** Records a path once, whatever its case (RFC 7643 §2.1). */
  add: (path: string) => void;
  list: () => string[];
};

export const ignoredPaths = (): Ignored => {
  const seen = new Map<string, string>();
  return {
    add: (path) => {
      const key = path.toLowerCase();
      if (!seen.has(key)) seen.set(key, path);
    },
    list: () => [...seen.values()],
  };
};
