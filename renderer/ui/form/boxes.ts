import { z } from 'zod';

/** Text that reads as a whole number; `optional`: or nothing at all (the request leaves it out). */
export const isWholeNumber = (text: string, { optional = false } = {}) => (optional ? /^\s*\d*\s*$/ : /^\s*\d+\s*$/).test(text);

/**
 * A box whose text must read as a whole number before there is a request to check (see useRequestForm's `boxes`).
 * The message may be worded at each check (a function), so it follows the user's language.
 */
export const wholeNumberBox = (message: string | (() => string)) => z.string().refine((text) => isWholeNumber(text), { error: message });
