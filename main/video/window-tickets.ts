import { randomBytes } from 'node:crypto';

const TICKET_MS = 60_000;

interface Ticket {
  openerSessionKey: string;
  until: number;
}

/**
 * One-time, one-minute tickets that let a browser tab opened for a call sign in from the tab
 * that opened it (the browser bridge has no windows main could sign in itself). In memory: a
 * restart voids them, as it voids sessions.
 */
export class WindowTickets {
  private readonly tickets = new Map<string, Ticket>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(openerSessionKey: string): string {
    this.sweep();
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { openerSessionKey, until: this.now() + TICKET_MS });
    return ticket;
  }

  /** The session key of the tab that asked for the ticket, once; undefined when unknown, used or expired. */
  redeem(ticket: string): string | undefined {
    const found = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    return found && found.until >= this.now() ? found.openerSessionKey : undefined;
  }

  private sweep(): void {
    for (const [key, t] of this.tickets) if (t.until < this.now()) this.tickets.delete(key);
  }
}
