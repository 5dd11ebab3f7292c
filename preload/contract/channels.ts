import { z } from 'zod';

export const ROLES = ['ADMIN', 'DOCTOR', 'RECEPTIONIST'] as const;
export type Role = (typeof ROLES)[number];

interface ChannelSpec<Req extends z.ZodType, Res extends z.ZodType> {
  req: Req;
  res: Res;
  /** Who may call it; 'public' channels need no session (start-up and login screens). */
  roles: readonly Role[] | 'public';
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>) {
  return spec;
}

/** Every IPC call the renderer can make. Nothing else defines an IPC shape. */
export const channels = {
  'app.info': channel({
    req: z.object({}).strict(),
    res: z.object({
      version: z.string(),
      databaseMode: z.enum(['server', 'embedded']),
      schemaVersion: z.string(),
    }),
    roles: 'public',
  }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Req<C extends ChannelName> = z.input<Channels[C]['req']>;
export type Res<C extends ChannelName> = z.output<Channels[C]['res']>;
