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

/** A request path and the endpoint's template it was made from (for monitoring). */
export interface ApiPath {
  readonly path: string;
  /** For example `/v2/izi/basket/{basket_id}`. */
  readonly template: string;
}

/** Fills the `{...}` placeholders of `template` in order with URL-encoded `params` (`[name, value]` pairs). */
export function apiPath(template: string, ...params: ReadonlyArray<readonly [name: string, value: string | number]>): ApiPath {
  let index = 0;
  const path = template.replace(/\{[^}]+\}/g, () => {
    const [name, value] = params[index++]!;
    return pathSegment(name, value);
  });
  return { path, template };
}
