/** Seals clinic-wide secrets (provider keys) stored in the clinic database with a key held outside it. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}
