import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorSigningKey } from './signing.js';
import type { EmulatorState } from './emulator-state.js';
import type { ResolvedEmulatorOptions } from './emulator-options.js';
import { errorBody } from './http-io.js';

/** A request as an API route handler sees it: authenticated, routed, its JSON body parsed. */
export interface ApiRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined for an empty body or a route without one. */
  readonly body: unknown;
}

/** What a route handler answers. */
export interface ApiAnswer {
  readonly status: number;
  /** JSON body; undefined for none. */
  readonly body?: unknown;
}

/** What every route handler may use. */
export interface RouteContext {
  readonly state: EmulatorState;
  readonly options: ResolvedEmulatorOptions;
  readonly signingKey: EmulatorSigningKey;
}

/** One API route: method, path template with `{name}` parameters, handler. */
export interface ApiRoute {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  readonly template: string;
  /** True when the route takes a JSON body (parsed, malformed JSON refused with 400 `MALFORMED_REQUEST`). */
  readonly jsonBody?: boolean;
  readonly handle: (request: ApiRequest, context: RouteContext) => ApiAnswer;
}

/** A route found for a request, with its decoded path parameters. */
export interface RouteMatch {
  readonly route: ApiRoute;
  readonly key: string;
  readonly params: Record<string, string>;
}

/** The key a route is counted under: `'PUT /v2/izi/basket/{basket_id}'`. */
export function routeKey(route: ApiRoute): string {
  return `${route.method} ${route.template}`;
}

interface CompiledRoute {
  readonly route: ApiRoute;
  readonly key: string;
  readonly pattern: RegExp;
  readonly names: string[];
}

/** Matches request paths against route templates. */
export class RouteTable {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly ApiRoute[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.template
        .split('/')
        .map((segment) => {
          const name = /^\{(\w+)\}$/.exec(segment)?.[1];
          if (!name) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(name);
          return '([^/]+)';
        })
        .join('/');
      return { route, key: routeKey(route), pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** The route of `method` and `path`, or undefined (also for an undecodable parameter). */
  match(method: string, path: string): RouteMatch | undefined {
    for (const { route, key, pattern, names } of this.compiled) {
      if (route.method !== method) continue;
      const found = pattern.exec(path);
      if (!found) continue;
      try {
        const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1]!)]));
        return { route, key, params };
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}

/** An error answer with InPost's body. */
export function fail(status: number, code: string, message: string): ApiAnswer {
  return { status, body: errorBody(code, message) };
}

/** A non-negative integer query parameter, or the fallback when absent or invalid. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || !/^\d+$/.test(raw)) return fallback;
  return Number(raw);
}

/** One page of `items`: `index` counted from `firstIndex`. */
export function pageOf<T>(items: readonly T[], index: number, size: number, firstIndex = 0): T[] {
  const start = Math.max(0, index - firstIndex) * size;
  return items.slice(start, start + size);
}

/** Every value of a repeatable query parameter, commas splitting values too (`status=A&status=B`, `status=A,B`). */
export function listParam(query: URLSearchParams, ...names: string[]): string[] {
  return names
    .flatMap((name) => query.getAll(name))
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
