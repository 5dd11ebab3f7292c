/** A token display's address: #display=<ticket> (the bridge client has already taken its token=… out). */
export function displayTicketOf(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('display') ?? undefined;
}
