import { requestMetaFrom } from '@/lib/auth/request-meta';

describe('requestMetaFrom', () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it('takes the address our own proxy saw when one proxy is trusted', () => {
    const meta = requestMetaFrom(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9', 'user-agent': 'Firefox' }), 1);
    expect(meta).toEqual({ ip: '203.0.113.9', userAgent: 'Firefox' });
  });

  it('with two trusted proxies, skips the last hop', () => {
    expect(requestMetaFrom(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.2' }), 2).ip).toBe('203.0.113.9');
  });

  it('bounds what it stores', () => {
    const meta = requestMetaFrom(headers({ 'x-forwarded-for': 'x'.repeat(500), 'user-agent': 'y'.repeat(5000) }), 0);
    expect(meta.ip).toHaveLength(64);
    expect(meta.userAgent).toHaveLength(300);
  });

  it('copes with no headers', () => {
    expect(requestMetaFrom(headers({}), 0)).toEqual({ ip: null, userAgent: null });
  });
});
