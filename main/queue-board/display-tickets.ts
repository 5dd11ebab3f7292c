import { randomBytes } from 'node:crypto';

/** Displays one clinic may run at once; opening one more retires the oldest. */
const MAX_DISPLAYS = 20;

/**
 * Display-only tickets: a ticket opens the token board and nothing else — it is not a session,
 * so every other channel refuses its holder. In memory: a restart of main voids them, and a
 * display asks the desk for a new one (as a window's session is voided).
 */
export class DisplayTickets {
  private readonly tickets = new Set<string>();

  issue(): string {
    const ticket = randomBytes(32).toString('base64url');
    this.tickets.add(ticket);
    if (this.tickets.size > MAX_DISPLAYS) this.tickets.delete(this.tickets.values().next().value!);
    return ticket;
  }

  valid(ticket: string): boolean {
    return this.tickets.has(ticket);
  }
}
