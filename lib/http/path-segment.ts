/**
 * URL-encodes one path parameter of a client method. Empty values and dot segments (which a URL
 * parser would resolve into another path) are refused with a `TypeError` naming the parameter.
 */
export function pathSegment(name: string, value: string | number): string {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  if (text === '' || /^(\.|%2e){1,2}$/i.test(text)) {
    throw new TypeError(`InpostPayClient: "${name}" must be a non-empty identifier`);
  }
  return encodeURIComponent(text);
}
