import { randomBytes } from 'node:crypto';
import type { ChannelName, Req, Res, Result } from '../../preload/contract';
import { hashPassword } from '../../main/auth/hashing';
import type { Knex } from 'knex';
import type { DatabaseConfig } from '../../main/db/config';
import { openDatabase, type Database } from '../../main/db/open';
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
 * The app's main process without Electron: the database opened as the app opens it, the
 * services and router the IPC handlers call, and front desks signed in as receptionists, as
 * the app does after a login.
 */
export class Desk {
  private constructor(
    private opened: { db: Database; services: MainServices },
    private readonly users: { key: string; id: number }[],
  ) {}

  static async open(config: DatabaseConfig, desks: number): Promise<Desk> {
    const users = await Desk.makeAccounts(config, desks);
    const desk = new Desk(await Desk.start(config), users);
    desk.signIn();
    return desk;
  }

  /**
   * The desks' receptionist accounts, made before the app that measures starts: heard by it,
   * each new account's change notification sends every signed-in desk to read the account
   * again, hundreds of reads that ran on into the first round (cut off by its reopen, each
   * logged as an aborted read).
   */
  private static async makeAccounts(config: DatabaseConfig, desks: number): Promise<{ key: string; id: number }[]> {
    const db = await openDatabase(config);
    try {
      const passwordHash = await hashPassword(readablePassword());
      const users = [];
      for (let i = 1; i <= desks; i++) {
        const user = await insertUser(db.knex, {
          // Unique across every Desk this process opens on one database.
          email: `desk${i}.${process.pid}.${randomBytes(3).toString('hex')}@bench.clinic`,
          passwordHash,
          role: 'RECEPTIONIST',
          displayName: `Desk ${i}`,
          doctorId: null,
        });
        users.push({ key: `bench-desk-${i}`, id: user.id });
      }
      return users;
    } finally {
      await db.close();
    }
  }

  private static async start(config: DatabaseConfig): Promise<{ db: Database; services: MainServices }> {
    const db = await openDatabase(config);
    const services = createServices(db, { version: 'bench', log: (message, err) => console.error(message, err), events: () => undefined });
    return { db, services };
  }

  private signIn(): void {
    for (const { key, id } of this.users) this.opened.services.sessions.signIn(key, id);
  }

  get db(): Database {
    return this.opened.db;
  }

  get knex(): Knex {
    return this.opened.db.knex;
  }

  get services(): MainServices {
    return this.opened.services;
  }

  /** The app restarted on the same database: new connections, empty caches, the same desks signed in. */
  async reopen(): Promise<void> {
    const config = this.opened.db.config;
    await this.close();
    this.opened = await Desk.start(config);
    this.signIn();
  }

  /** One call as desk `desk` (0-based) makes it; the reply's value, or CallFailed. */
  async call<C extends ChannelName>(channel: C, payload: Req<C>, desk = 0): Promise<Res<C>> {
    const sessionKey = this.users[desk % this.users.length]!.key;
    const result = (await this.opened.services.router.call(channel, payload, { sessionKey, workstation: `bench-pc-${desk}` })) as Result<Res<C>>;
    if (!result.ok) throw new CallFailed(result.error.code, result.error.message);
    return result.value;
  }

  async close(): Promise<void> {
    this.opened.services.stop();
    await this.opened.db.close();
  }
}
