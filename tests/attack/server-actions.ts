/**
 * The routes and server actions of the build under test, read from its manifests so that a new
 * one cannot be missed, and a server action called the way React's client calls it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { redirectPath, type NoJsBrowser, type Page } from '../http/http-client';

const NEXT_DIR = path.join(process.cwd(), '.next');

/** App routes from the build: pages and route handlers, with their URL paths. */
export function routesFromBuild(): Array<{ key: string; path: string; kind: 'page' | 'route' }> {
  const manifest = JSON.parse(readFileSync(path.join(NEXT_DIR, 'server/app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  return Object.keys(manifest)
    .filter((key) => !/\/_(global-error|not-found)\//.test(key))
    .map((key) => ({ key, path: urlPathOf(key), kind: key.endsWith('/route') ? ('route' as const) : ('page' as const) }));
}

function urlPathOf(key: string): string {
  const segments = key
    .replace(/^app\//, '/')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s) && s !== 'page' && s !== 'route');
  return `/${segments.map((s) => (s.startsWith('[') ? 'no-such-id' : s)).join('/')}`;
}

export type ServerAction = { id: string; name: string; path: string };

/** Server actions from the build: id, name, and a page that carries it. */
export function actionsFromBuild(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(NEXT_DIR, 'server/server-reference-manifest.json'), 'utf8'));
  return Object.entries(manifest.node as Record<string, { exportedName: string; workers: Record<string, unknown> }>).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    path: urlPathOf(Object.keys(entry.workers)[0]),
  }));
}

/**
 * Calls a server action by id as React's client does (the Next-Action header), with `body` as its
 * encoded arguments: `[]` is a call with none. Anyone can post any body to an action this way.
 */
export function callAction(browser: NoJsBrowser, server: string, action: ServerAction, options: { origin?: string | null; body?: string } = {}): Promise<Page> {
  const origin = options.origin === undefined ? server : options.origin;
  const headers: Record<string, string> = { 'next-action': action.id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8' };
  if (origin !== null) headers.origin = origin;
  return browser.request(action.path, { method: 'POST', body: options.body ?? '[]', headers, server });
}

/** Where an action call sent the caller: x-action-redirect (fetch call) or Location (form post). */
export function actionRedirect(page: Page): string | null {
  const header = page.headers.get('x-action-redirect');
  if (header) return header.split(';')[0];
  return redirectPath(page);
}
