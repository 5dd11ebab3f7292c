import { z } from 'zod';

/**
 * A box whose text must read as a whole number before there is a request to check (see
 * useRequestForm's `boxes`); `optional`: an empty box is fine (the request leaves it out).
 */
export const wholeNumberBox = (message: string, { optional = false } = {}) => z.string().regex(optional ? /^\s*\d*\s*$/ : /^\s*\d+\s*$/, message);
