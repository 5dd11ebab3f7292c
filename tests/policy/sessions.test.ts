import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../main/auth/sessions';

/** The session rules on their own, on a clock the test holds: who is signed in, locked, and when. */
function store() {
  const clock = { now: 1_000_000 };
  const sessions = new SessionStore(() => clock.now);
  const changed: string[] = [];
  sessions.on('changed', (key) => changed.push(key));
  return { sessions, clock, changed };
}

const LIMIT = 10 * 60_000;

describe('the session store', () => {
  it('tells the window of every sign-in, lock, unlock and sign-out, once each', () => {
    const { sessions, changed } = store();
    sessions.signIn('w1', 7);
    sessions.setLocked('w1', true);
    sessions.setLocked('w1', true); // already locked: nothing changes, nobody is told
    sessions.setLocked('w1', false);
    sessions.signOut('w1');
    sessions.signOut('w1'); // already gone
    expect(changed).toEqual(['w1', 'w1', 'w1', 'w1']);
  });

  it('ignores locking, touching or signing out a window that is not signed in', () => {
    const { sessions, changed } = store();
    expect(() => sessions.setLocked('nobody', true)).not.toThrow();
    expect(sessions.touch('nobody', LIMIT)).toBeUndefined();
    sessions.signOut('nobody');
    expect(sessions.get('nobody')).toBeUndefined();
    expect(changed).toEqual([]);
  });

  it('ends a call window with its own opener only', () => {
    const { sessions } = store();
    sessions.signIn('desk-a', 1);
    sessions.signIn('desk-b', 2);
    expect(sessions.signInFrom('call-a', 'desk-a')).toMatchObject({ userId: 1 });
    expect(sessions.signInFrom('call-b', 'desk-b')).toMatchObject({ userId: 2 });
    sessions.signOut('desk-a');
    expect(sessions.get('call-a')).toBeUndefined();
    expect(sessions.get('call-b')).toMatchObject({ userId: 2 });
    expect(sessions.keys().sort()).toEqual(['call-b', 'desk-b']);
  });

  it('opens no call window from a locked or absent opener', () => {
    const { sessions } = store();
    sessions.signIn('desk', 1);
    sessions.setLocked('desk', true);
    expect(sessions.signInFrom('call', 'desk')).toBeUndefined();
    expect(sessions.signInFrom('call', 'nobody')).toBeUndefined();
    expect(sessions.get('call')).toBeUndefined();
  });

  it('signs every session of one user out, and only theirs', () => {
    const { sessions } = store();
    sessions.signIn('pc1', 5);
    sessions.signIn('pc2', 5);
    sessions.signIn('pc3', 6);
    sessions.signOutUser(5);
    expect(sessions.keys()).toEqual(['pc3']);
  });

  it('locks a session idle for longer than the limit, not one idle exactly the limit', () => {
    const { sessions, clock } = store();
    sessions.signIn('w', 1);
    clock.now += LIMIT;
    expect(sessions.touch('w', LIMIT)).toMatchObject({ locked: false });
    clock.now += LIMIT;
    sessions.lockIdle(LIMIT);
    expect(sessions.get('w')).toMatchObject({ locked: false });
    clock.now += 1;
    sessions.lockIdle(LIMIT);
    expect(sessions.get('w')).toMatchObject({ locked: true });
  });

  it('counts a touch as activity, but not while locked; unlocking starts the idle time again', () => {
    const { sessions, clock } = store();
    sessions.signIn('w', 1);
    clock.now += LIMIT + 1;
    expect(sessions.touch('w', LIMIT)).toMatchObject({ locked: true });
    clock.now += 5 * LIMIT;
    expect(sessions.touch('w', LIMIT)).toMatchObject({ locked: true, lastActivityAt: 1_000_000 });
    sessions.setLocked('w', false);
    expect(sessions.get('w')).toMatchObject({ locked: false, lastActivityAt: clock.now });
    clock.now += LIMIT;
    sessions.lockIdle(LIMIT);
    expect(sessions.get('w')).toMatchObject({ locked: false });
  });
});
