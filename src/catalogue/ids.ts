import { createHash } from 'node:crypto';

/**
 * A stable UUID (version 5 layout, SHA-1) for a record that has a readable key in a data file,
 * so demo and reference records keep their ids (and URLs) across restarts and databases.
 */
export function stableUuid(namespace: string, key: string): string {
  const bytes = createHash('sha1').update(`${namespace}:${key}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
