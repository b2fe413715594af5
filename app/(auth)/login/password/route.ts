import type { NextRequest } from 'next/server';
import { passwordStepPost } from '@/lib/auth/password-step-post';

/** The login form's post (lib/auth/password-step-post.ts, decision 0020): with or without JavaScript. */
export function POST(request: NextRequest): Promise<Response> {
  return passwordStepPost(request);
}
