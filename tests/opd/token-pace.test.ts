import { describe, expect, it } from 'vitest';
import { tokenPaceMinutes } from '../../main/appointments/waiting-room';

const at = (hhmm: string) => `2099-03-02T${hhmm}:00.000Z`;
const waiting = (sessionId: number | null) => ({ sessionId, status: 'SCHEDULED' as const, calledAt: null, consultStartedAt: null, completedAt: null });
const done = (sessionId: number, from: string, to: string) => ({
  sessionId,
  status: 'COMPLETED' as const,
  calledAt: at(from),
  consultStartedAt: at(from),
  completedAt: at(to),
});
const SESSIONS = [
  { id: 1, paceMinutes: 4.5 },
  { id: 2, paceMinutes: 12 },
];

describe("a token doctor's minutes per token for the queue's estimates", () => {
  it("is the session's planned pace (length over capacity) until a few of its tokens are done", () => {
    expect(tokenPaceMinutes([waiting(2)], SESSIONS)).toBe(12);
    expect(tokenPaceMinutes([done(2, '09:00', '09:02'), done(2, '09:02', '09:03'), waiting(2)], SESSIONS)).toBe(12);
  });

  it('then its actual pace, gaps between patients included: one quick visit does not swing it', () => {
    const list = [done(1, '09:00', '09:10'), done(1, '09:12', '09:20'), done(1, '09:25', '09:30'), waiting(1)];
    expect(tokenPaceMinutes(list, SESSIONS)).toBe(10);
    expect(tokenPaceMinutes([...list.slice(0, 3), done(1, '09:30', '09:31'), waiting(1)], SESSIONS)).toBe(8);
  });

  it("follows the session the next waiting token is in, and leaves a slot doctor's list to the slot pace", () => {
    expect(tokenPaceMinutes([done(1, '09:00', '09:10'), done(1, '09:10', '09:20'), done(1, '09:20', '09:30'), waiting(2)], SESSIONS)).toBe(12);
    expect(tokenPaceMinutes([waiting(null)], SESSIONS)).toBeUndefined();
  });
});
