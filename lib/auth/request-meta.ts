import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * Who is asking, for the audit log, notifications and the per-network limit (S19), the one
 * decision that rests on the IP, because without a trusted proxy the client can set it:
 * Next.js keeps an X-Forwarded-For the client sent. With TRUSTED_PROXY_COUNT = n, the n-th
 * address from the right, the one our own proxy saw, is taken.
 */
export function requestMetaFrom(headerList: Headers, trustedProxyCount: number): RequestMeta {
  const forwarded = (headerList.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const ip = trustedProxyCount > 0 ? forwarded.at(-trustedProxyCount) : forwarded.at(-1);
  return {
    ip: ip ? ip.slice(0, 64) : null,
    userAgent: headerList.get('user-agent')?.slice(0, 300) ?? null,
  };
}

export async function getRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers(), env().TRUSTED_PROXY_COUNT);
}
