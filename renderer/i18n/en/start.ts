import common from './common';
import queue from './queue';
import shell from './shell';

/** The English words of sign-in, the frame and Today: bundled, since the desk starts on them. */
export const START_NAMESPACES = { common, shell, queue };
