import bcrypt from 'bcryptjs';

/** A hashing task: the pool (hashing.ts) sends these; the worker thread runs bcrypt flat out. */
export type BcryptTask = { op: 'hash'; password: string; cost: number } | { op: 'compare'; password: string; hash: string };

export default function runBcrypt(task: BcryptTask): string | boolean {
  return task.op === 'hash' ? bcrypt.hashSync(task.password, task.cost) : bcrypt.compareSync(task.password, task.hash);
}
