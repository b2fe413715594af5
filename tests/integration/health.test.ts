/** The health probe: public, uncached, and it tells an outsider nothing but ok / unavailable. */
import { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { GET } from '@/app/api/health/route';

const probe = () => GET(new NextRequest('http://localhost:3000/api/health'));

it('answers 200 {status: ok} when the database answers, never cached', async () => {
  const response = await probe();
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(await response.json()).toEqual({ status: 'ok' });
});

it('sets the security headers itself: it runs outside the proxy (decision 0019)', async () => {
  const response = await probe();
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  expect(response.headers.get('referrer-policy')).toBeTruthy();
});

it('answers 503 {status: unavailable} without the error when the database fails', async () => {
  const spy = jest.spyOn(db, '$queryRaw').mockRejectedValueOnce(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2') as never);
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const response = await probe();
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ status: 'unavailable' });
    expect(body).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|hunter2/);
  } finally {
    spy.mockRestore();
    quiet.mockRestore();
  }
});
