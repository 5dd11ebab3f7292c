/** Where the patient stands for the gateway: inside the window a token comes with it. */
export type JoinAnswer = { place: 'joined'; token: string; roomName: string } | { place: 'before' | 'after' | 'unconfigured' | 'unpaid' | 'unknown' };

/** What the page asks of the gateway it was served by, about its own code. */
export interface JoinGatewayApi {
  /** Trades the code for a token (409 outside the window: the answer says where the patient stands). */
  token(): Promise<JoinAnswer>;
  /** The payment link while something is due for this consultation; null otherwise. */
  payLink(): Promise<string | null>;
  /** Inside the window, how many patients the doctor sees first; null when the gateway does not say. */
  ahead(): Promise<number | null>;
}

async function answerOf(res: Response): Promise<unknown> {
  if (res.status >= 500 || res.status === 429) throw new Error(`gateway answered ${res.status}`);
  return res.json();
}

/** The gateway's join routes for the code in this page's address (/join/<code>). */
export function gatewayApi(pagePath: string): JoinGatewayApi {
  const base = pagePath.replace(/\/+$/, '');
  const statusOf = async () => (await answerOf(await fetch(`${base}/status`))) as { place: string; payUrl?: string | null; view?: { ahead?: number | null } };
  return {
    async token() {
      const answer = (await answerOf(await fetch(`${base}/token`, { method: 'POST' }))) as JoinAnswer;
      return answer;
    },
    async payLink() {
      const status = await statusOf();
      return status.place === 'unpaid' && status.payUrl && status.payUrl.startsWith('https://') ? status.payUrl : null;
    },
    async ahead() {
      const ahead = (await statusOf()).view?.ahead;
      return Number.isSafeInteger(ahead) && ahead! >= 0 ? ahead! : null;
    },
  };
}
