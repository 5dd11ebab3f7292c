/**
 * The call window's address. In the app: #/call/<id>. A browser tab opened for a call arrives
 * with #ticket=…&call=<id> (the bridge client has already taken its token=… out).
 */
export function parseCallRoute(hash: string): { appointmentId: number; ticket?: string } | undefined {
  const app = /^#\/call\/(\d{1,15})$/.exec(hash);
  if (app) return { appointmentId: Number(app[1]) };
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('call');
  const ticket = params.get('ticket');
  if (id && /^\d{1,15}$/.test(id) && ticket) return { appointmentId: Number(id), ticket };
  return undefined;
}

export const isCallRoute = (hash: string) => parseCallRoute(hash) !== undefined;
