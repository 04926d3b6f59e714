import type { InternalAxiosRequestConfig } from 'axios';
import { targetsApi } from './bearer-token.interceptor.js';

const base = 'https://api.inpost.pl';
const config = (url: string, baseURL?: string) => ({ url, baseURL }) as InternalAxiosRequestConfig;

describe('targetsApi', () => {
  it('accepts paths on the API base URL', () => {
    expect(targetsApi(config('/v1/izi/orders', base), base)).toBe(true);
    expect(targetsApi(config('v1/izi/orders', `${base}/`), base)).toBe(true);
    expect(targetsApi(config(`${base}/v1/izi/orders?x=1`), base)).toBe(true);
    expect(targetsApi(config(base), base)).toBe(true);
  });

  it('refuses other hosts, including ones that merely start with the same text', () => {
    expect(targetsApi(config('https://api.inpost.pl.evil.example/v1'), base)).toBe(false);
    expect(targetsApi(config('https://api.inpost.pl:8443/v1'), base)).toBe(false);
    expect(targetsApi(config('https://login.inpost.pl/token'), base)).toBe(false);
    expect(targetsApi(config('/v1/izi/orders', 'https://other.example'), base)).toBe(false);
  });

  it('respects a path prefix in the base URL', () => {
    const prefixed = 'http://127.0.0.1:3000/inpost';
    expect(targetsApi(config('/v1/izi/orders', prefixed), prefixed)).toBe(true);
    expect(targetsApi(config('http://127.0.0.1:3000/inpostx/v1'), prefixed)).toBe(false);
  });
});
