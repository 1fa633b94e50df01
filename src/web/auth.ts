// The signed-in person. The app layout route loads `me` before rendering, so it is always there.
import { useQuery } from '@tanstack/react-query';
import { meQuery, type Me } from './queries.js';

export function useMe(): Me | undefined {
  return useQuery(meQuery).data;
}

/** Only admins may change people, teams and organisation units. */
export function useIsAdmin(): boolean {
  return useMe()?.role === 'admin';
}

/** A path inside the app that is safe to return to after signing in (no open redirects). */
export function safeRedirect(target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return '/';
  if (target.startsWith('/sign-in')) return '/';
  return target;
}
