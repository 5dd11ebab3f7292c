import type { Language, Role } from '../../preload/contract';

/** Where a call comes from: one app window, or one browser-bridge client. */
export interface CallContext {
  /** Identifies the window's session (webContents id, bridge token). */
  sessionKey: string;
  /** The PC's name, for the audit log. */
  workstation: string;
}

/** The signed-in user as loaded fresh from the database for this call. */
export interface CurrentUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  doctorId: number | null;
  language: Language;
}
