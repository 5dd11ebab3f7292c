/** Whether a key goes into something the user is typing in, where the desk's shortcuts stay out of the way. */
export const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
