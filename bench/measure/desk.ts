import type { ChannelName, Req, Res, Result } from '../../preload/contract';
import { hashPassword } from '../../main/auth/hashing';
import type { Database } from '../../main/db/open';
import { createServices, type MainServices } from '../../main/services';
import { insertUser } from '../../main/users/repo';
import { readablePassword } from '../../main/demo/passwords';

/** A failed call, with the contract's error code (CONFLICT, INVALID, …). */
export class CallFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * The app's main process without Electron: the services and router the IPC handlers call,
 * and front desks signed in as receptionists, as the app does after a login.
 */
export class Desk {
  private constructor(
    readonly services: MainServices,
    private readonly sessionKeys: string[],
  ) {}

  static async open(db: Database, desks: number): Promise<Desk> {
    const services = createServices(db, { version: 'bench', log: (message, err) => console.error(message, err), events: () => undefined });
    const passwordHash = await hashPassword(readablePassword());
    const keys: string[] = [];
    for (let i = 1; i <= desks; i++) {
      const user = await insertUser(db.knex, {
        email: `desk${i}.${process.pid}@bench.clinic`,
        passwordHash,
        role: 'RECEPTIONIST',
        displayName: `Desk ${i}`,
        doctorId: null,
      });
      const key = `bench-desk-${i}`;
      services.sessions.signIn(key, user.id);
      keys.push(key);
    }
    return new Desk(services, keys);
  }

  /** One call as desk `desk` (0-based) makes it; the reply's value, or CallFailed. */
  async call<C extends ChannelName>(channel: C, payload: Req<C>, desk = 0): Promise<Res<C>> {
    const sessionKey = this.sessionKeys[desk % this.sessionKeys.length]!;
    const result = (await this.services.router.call(channel, payload, { sessionKey, workstation: `bench-pc-${desk}` })) as Result<Res<C>>;
    if (!result.ok) throw new CallFailed(result.error.code, result.error.message);
    return result.value;
  }

  stop(): void {
    this.services.stop();
  }
}
