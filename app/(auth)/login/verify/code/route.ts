import type { NextRequest } from 'next/server';
import { codeStepPost } from '@/lib/auth/code-step-post';

/** The code form's post (lib/auth/code-step-post.ts, decision 0019): with or without JavaScript. */
export function POST(request: NextRequest): Promise<Response> {
  return codeStepPost(request);
}
