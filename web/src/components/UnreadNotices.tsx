// The header's count of the applicant's unread notices: a link to the cabinet's notices, read from
// the server when the user signs in, when the page regains focus, and when a notice is marked read.
import { useEffect, useState } from 'react';
import { get } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';

const CHANGED = 'qyzmet:notices-changed';

/** Tells the header that the unread count on the server may have changed. */
export function noticesChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function UnreadNotices({ userId }: { userId: string }) {
  const { tp, number } = useI18n();
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    let seq = 0;
    const refresh = () => {
      const mine = ++seq;
      get<{ unread: number }>('/api/notices?limit=1').then(
        (r) => live && mine === seq && setUnread(r.unread),
        // A count that cannot be read now keeps the last one; the next focus tries again.
        () => {},
      );
    };
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    refresh();
    window.addEventListener(CHANGED, refresh);
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      window.removeEventListener(CHANGED, refresh);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [userId]);
  if (!unread) return null;
  const label = tp('nav.unreadNotices', unread);
  return (
    <Link href="/cabinet#notices" className="badge badge-info unread-notices" aria-label={label} title={label}>
      <span aria-hidden="true">✉ </span>
      {number(unread)}
    </Link>
  );
}
