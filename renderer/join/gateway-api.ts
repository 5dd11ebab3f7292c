/** Where the patient stands for the gateway: inside the window a token comes with it. */
export type JoinAnswer = { place: 'joined'; token: string; roomName: string } | { place: 'before' | 'after' | 'unconfigured' | 'unpaid' | 'unknown' };

/** What the page asks of the gateway it was served by, about its own code. */
export interface JoinGatewayApi {
  /** Trades the code for a token (409 outside the window: the answer says where the patient stands). */
  token(): Promise<JoinAnswer>;
  /** The payment link while something is due for this consultation; null otherwise. */
  payLink(): Promise<string | null>;
}

async function answerOf(res: Response): Promise<unknown> {
  if (res.status >= 500 || res.status === 429) throw new Error(`gateway answered ${res.status}`);
  return res.json();
}

/** The gateway's join routes for the code in this page's address (/join/<code>). */
export function gatewayApi(pagePath: string): JoinGatewayApi {
  const base = pagePath.replace(/\/+$/, '');
  return {
    async token() {
      const answer = (await answerOf(await fetch(`${base}/token`, { method: 'POST' }))) as JoinAnswer;
      return answer;
    },
    async payLink() {
      const status = (await answerOf(await fetch(`${base}/status`))) as { place: string; payUrl?: string | null };
      return status.place === 'unpaid' && status.payUrl && status.payUrl.startsWith('https://') ? status.payUrl : null;
    },
  };
}
