// Who is signed in. The bearer token is kept in localStorage so every tab of the portal shares the
// session (a form open in a second tab submits with the same Idempotency-Key, not a second case);
// it is dropped at its expiry, at sign-out, and when the server no longer accepts it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionUser } from '../../../src/app/auth.ts';
import { setToken, setUnauthorizedHandler } from './api.ts';
import { navigate } from './router.tsx';

export type User = SessionUser;

interface Stored {
  token: string;
  expiresAt: string;
  user: User;
}

interface Session {
  user: User | null;
  /** The server ended the session while the user was working (shown on the sign-in page). */
  expired: boolean;
  signIn(s: Stored): void;
  signOut(): void;
}

const KEY = 'qyzmet.session';
const Ctx = createContext<Session | null>(null);

function load(): Stored | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Stored;
    if (new Date(s.expiresAt) <= new Date()) return null;
    return s;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored | null>(() => {
    const s = load();
    setToken(s?.token ?? null);
    return s;
  });
  const [expired, setExpired] = useState(false);
  const signIn = useCallback((s: Stored) => {
    setExpired(false);
    setToken(s.token);
    localStorage.setItem(KEY, JSON.stringify(s));
    setStored(s);
  }, []);
  const signOut = useCallback(() => {
    setToken(null);
    localStorage.removeItem(KEY);
    setStored(null);
  }, []);
  useEffect(() => {
    // Signing in or out in another tab applies here too.
    const on = (e: StorageEvent) => {
      if (e.key !== KEY) return;
      const s = load();
      setToken(s?.token ?? null);
      setStored(s);
    };
    window.addEventListener('storage', on);
    return () => window.removeEventListener('storage', on);
  }, []);
  useEffect(() => {
    setUnauthorizedHandler(() => {
      // Drafts are kept per user in localStorage: signing in again brings the form back as it was.
      setExpired(true);
      signOut();
      navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`);
    });
  }, [signOut]);
  const value = useMemo(() => ({ user: stored?.user ?? null, expired, signIn, signOut }), [stored, expired, signIn, signOut]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export const isStaff = (u: User | null): boolean => u?.kind === 'staff';
