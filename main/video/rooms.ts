import type { RequestClient } from 'twilio';
import { AppError } from '../shared/app-error';
import { say, type Sentence } from '../shared/say';

export interface RoomCredentials {
  accountSid: string;
  apiKeySid: string;
  apiKeySecret: string;
}

export interface Room {
  sid: string;
  uniqueName: string;
  status: string;
}

/** Twilio's "a room with this UniqueName is already in progress". */
const ROOM_EXISTS = 53113;

const errorFacts = (err: unknown) => err as { status?: unknown; code?: unknown } | undefined;

/**
 * What went wrong with Twilio, for the person at the desk. Built from the status and code only:
 * the underlying error carries the request's Authorization header and must not be passed on.
 */
export function twilioFailure(err: unknown, doing: Sentence): AppError {
  const { status, code } = errorFacts(err) ?? {};
  if (status === 401 || status === 403) {
    return new AppError(
      'CONFLICT',
      say`Twilio refused the clinic's Twilio credentials while ${doing}; an administrator should check them in the video settings.`,
    );
  }
  if (typeof status === 'number') {
    return new AppError(
      'UNAVAILABLE',
      typeof code === 'number'
        ? say`Twilio could not complete ${doing} (HTTP ${status}, error ${code}). Try again in a moment.`
        : say`Twilio could not complete ${doing} (HTTP ${status}). Try again in a moment.`,
    );
  }
  return new AppError('UNAVAILABLE', say`Twilio cannot be reached from this PC while ${doing}. Check the internet connection and try again.`);
}

/** A log line about a Twilio failure without any secret in it. */
export function twilioFailureFacts(err: unknown): Record<string, unknown> {
  const { status, code } = errorFacts(err) ?? {};
  const errno = (err as { code?: unknown } | undefined)?.code;
  return { status, code: code ?? errno };
}

/**
 * Twilio's Video Rooms REST API through the official client. `httpClient` exists for tests,
 * which point it at a local server speaking Twilio's wire format; in the app it is Twilio's own.
 */
export class TwilioRooms {
  constructor(private readonly httpClient?: RequestClient) {}

  /** Twilio's package is loaded by the first call that needs it, not at every start of the app. */
  private async client(creds: RoomCredentials) {
    const { default: twilio } = await import('twilio');
    return twilio(creds.apiKeySid, creds.apiKeySecret, { accountSid: creds.accountSid, httpClient: this.httpClient });
  }

  /**
   * The in-progress room with this UniqueName, created if there is none. Two PCs starting the
   * same call at once both end up in the one room: the loser of the create fetches the winner's.
   */
  async ensure(creds: RoomCredentials, uniqueName: string, statusCallback: string | null): Promise<Room> {
    const rooms = (await this.client(creds)).video.v1.rooms;
    try {
      const room = await rooms.create({
        uniqueName,
        type: 'group',
        ...(statusCallback ? { statusCallback, statusCallbackMethod: 'POST' } : {}),
      });
      return { sid: room.sid, uniqueName: room.uniqueName, status: room.status };
    } catch (err) {
      if (errorFacts(err)?.code !== ROOM_EXISTS) throw err;
    }
    const room = await rooms(uniqueName).fetch();
    return { sid: room.sid, uniqueName: room.uniqueName, status: room.status };
  }

  /** Ends the room for everyone (a finished consultation); an already ended room is fine. */
  async complete(creds: RoomCredentials, sid: string): Promise<void> {
    try {
      await (await this.client(creds)).video.v1.rooms(sid).update({ status: 'completed' });
    } catch (err) {
      // Twilio answers 404 for a room that has already ended and aged out.
      if (errorFacts(err)?.status !== 404) throw err;
    }
  }
}
