// Drafts of forms in localStorage, per user and form. A draft carries the form's Idempotency-Key,
// made once when the form is started: a second click, the back button, a reload or a second tab
// all send the same key, so the server acts once and answers the repeats with the first response.
import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from './api.ts';

export interface Draft<T> {
  key: string;
  data: T;
  savedAt: string;
  /** Set once the server accepted the form. */
  submitted?: { caseId: string; number: string; overallDue?: string };
}

const PREFIX = 'qyzmet.draft:';

function read<T>(id: string): Draft<T> | null {
  try {
    const raw = localStorage.getItem(PREFIX + id);
    return raw ? (JSON.parse(raw) as Draft<T>) : null;
  } catch {
    return null;
  }
}

function write<T>(id: string, d: Draft<T>): boolean {
  try {
    localStorage.setItem(PREFIX + id, JSON.stringify(d));
    return true;
  } catch {
    return false; // quota: the form still works, the draft is just not kept
  }
}

/** The draft of form `id`: restored if one exists, else started with `initial` and a new key. */
export function useDraft<T>(id: string, initial: () => T): {
  draft: Draft<T>;
  restored: boolean;
  update(data: T): void;
  /** Changes the draft's latest data (safe across awaits: it never starts from a stale copy). */
  edit(fn: (data: T) => T): void;
  markSubmitted(s: NonNullable<Draft<T>['submitted']>): void;
  restart(data: T): void;
} {
  const first = useRef<{ d: Draft<T>; restored: boolean } | null>(null);
  if (!first.current) {
    const existing = read<T>(id);
    first.current = existing ? { d: existing, restored: true } : { d: { key: newIdempotencyKey(), data: initial(), savedAt: new Date().toISOString() }, restored: false };
  }
  const [draft, setDraft] = useState<Draft<T>>(first.current.d);
  useEffect(() => {
    // Another tab submitted or changed this form: follow it (its key is this form's key).
    const on = (e: StorageEvent) => {
      if (e.key !== PREFIX + id || !e.newValue) return;
      setDraft(JSON.parse(e.newValue) as Draft<T>);
    };
    window.addEventListener('storage', on);
    return () => window.removeEventListener('storage', on);
  }, [id]);
  const latest = useRef(draft);
  latest.current = draft;
  const save = useCallback((d: Draft<T>) => {
    latest.current = d;
    setDraft(d);
    write(id, d);
  }, [id]);
  return {
    draft,
    restored: first.current.restored,
    update: (data) => {
      if (!latest.current.submitted) save({ ...latest.current, data, savedAt: new Date().toISOString() });
    },
    edit: (fn) => {
      if (!latest.current.submitted) save({ ...latest.current, data: fn(latest.current.data), savedAt: new Date().toISOString() });
    },
    markSubmitted: (s) => save({ ...latest.current, submitted: s }),
    restart: (data) => save({ key: newIdempotencyKey(), data, savedAt: new Date().toISOString() }),
  };
}
