// Global ids for `Query.node`: base64url of "Type:key". Opaque to clients, stable for us.
export const NODE_TYPES = ['Municipality', 'Project', 'Topic', 'Contact', 'Organization', 'Event', 'Measure', 'Programme', 'ReusableSolution'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const toGlobalId = (type: NodeType, key: string) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');

/** The type and key of a global id, or null when it is not one of ours. */
export function fromGlobalId(id: string): { type: NodeType; key: string } | null {
  if (id.length > 400 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon) as NodeType;
  const key = decoded.slice(colon + 1);
  return colon > 0 && key.length > 0 && NODE_TYPES.includes(type) ? { type, key } : null;
}
