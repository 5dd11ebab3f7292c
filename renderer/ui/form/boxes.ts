import { z } from 'zod';

/** Text that reads as a whole number; `optional`: or nothing at all (the request leaves it out). */
export const isWholeNumber = (text: string, { optional = false } = {}) => (optional ? /^\s*\d*\s*$/ : /^\s*\d+\s*$/).test(text);

/**
 * A box whose text must read as a whole number before there is a request to check (see useRequestForm's `boxes`);
 * a message given as a function is read when the box is checked, so it is in the language of that moment.
 */
export const wholeNumberBox = (message: string | (() => string)) => z.string().refine((text) => isWholeNumber(text), { error: message });
