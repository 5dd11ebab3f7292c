import { useEffect, useRef, useState } from 'react';
import type { BoardDto } from '../../../preload/contract';
import { bridgeDisplayEventsAddress } from '../../api/bridge-client';
import { useClinicApi } from '../../api/context';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { announcements, chime, keepScreenAwake, speak } from './announce';
import '../../ui/theme.css';
import './display.css';

/** A safety net under the live events: the board is read again at least this often. */
const REFRESH_MS = 30_000;

type Token = BoardDto['doctors'][number]['next'][number];

function TokenText({ token }: { token: Token }) {
  const { t } = useT('display');
  return (
    <>
      {token.tokenNo}
      {token.initials && <span className="board-initials"> {token.initials}</span>}
      {token.priority && <span className="board-priority"> {t(`priority.${token.priority}`)}</span>}
    </>
  );
}

// The clock's hours and minutes, in the board's (the clinic's) time zone.
const CLOCK = { hour: '2-digit', minute: '2-digit' } as const;

/**
 * The waiting room's TV: each doctor's called token and the next few, in large type. It reads
 * the board on every "board changed" and when its event stream (re)connects, so after the
 * network or the database drops it catches up by itself; it never shows a patient's name.
 */
export function DisplayBoard({ ticket }: { ticket: string }) {
  const { t } = useT('display');
  const api = useClinicApi();
  const shown = useClinicQuery('board.show', { ticket }, { refetchInterval: REFRESH_MS });
  const { refetch } = shown;
  const board = shown.data;
  const [streamDown, setStreamDown] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const called = useRef(new Map<number, number>());
  // A failed read keeps the last board on screen: only a refused ticket is worth words.
  const problem = shown.error
    ? shown.error.error.code === 'UNAUTHENTICATED'
      ? shown.error.message
      : t('reconnecting')
    : streamDown
      ? t('reconnecting')
      : undefined;

  // A token called since the last read: the room hears it.
  useEffect(() => {
    for (const d of board?.doctors ?? []) {
      const before = called.current.get(d.doctorId);
      if (d.now && before !== undefined && before !== d.now.tokenNo) {
        chime();
        // Said aloud only where the clinic chose so (Admin → Clinic settings).
        if (board?.speaks) speak(announcements(d.now.tokenNo, d.doctorName, d.room));
      }
      called.current.set(d.doctorId, d.now?.tokenNo ?? 0);
    }
  }, [board]);

  useEffect(() => {
    const load = () => void refetch();
    // The app's display window hears main's events; a browser tab its own display stream.
    const source = window.clinic ? undefined : new EventSource(bridgeDisplayEventsAddress(ticket));
    const unsubscribe = window.clinic ? api.on('board.changed', load) : undefined;
    if (source) {
      source.onopen = () => {
        setStreamDown(false);
        load();
      };
      source.onmessage = load;
      source.onerror = () => setStreamDown(true);
    }
    const clock = window.setInterval(() => setNow(new Date()), 10_000);
    const release = keepScreenAwake();
    return () => {
      source?.close();
      unsubscribe?.();
      window.clearInterval(clock);
      release();
    };
  }, [ticket, api, refetch]);

  return (
    <main className="board" aria-label={t('label')}>
      <header className="board-head">
        <h1>{board?.clinicName ?? t('clinicDesk')}</h1>
        <time dateTime={now.toISOString()}>{now.toLocaleTimeString([], { ...CLOCK, timeZone: board?.timeZone })}</time>
      </header>
      {problem && (
        <p className="board-problem" role="status">
          {problem}
        </p>
      )}
      <div className="board-doctors">
        {board?.doctors.map((d) => (
          <section key={d.doctorId} className="board-doctor" aria-label={d.doctorName}>
            <h2>
              {d.doctorName}
              {d.room && <span className="board-room"> · {d.room}</span>}
            </h2>
            <p className="board-now" aria-live="polite">
              <span className="board-label">{t('now')}</span>
              <span className="board-token" data-testid={`now-${d.doctorId}`}>
                {d.now ? <TokenText token={d.now} /> : '—'}
              </span>
            </p>
            <p className="board-next">
              <span className="board-label">{t('next')}</span>
              <span>
                {d.next.length === 0
                  ? '—'
                  : d.next.map((token, i) => (
                      <span key={token.tokenNo}>
                        {i > 0 && ', '}
                        <TokenText token={token} />
                      </span>
                    ))}
              </span>
            </p>
          </section>
        ))}
      </div>
    </main>
  );
}
