'use client';
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** False in the server's HTML and without JavaScript, true once React runs: WebAuthn exists only in the latter. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
