/**
 * What the waiting room hears when a token is called: a two-note chime (Web Audio, no sound
 * file to ship) and, if the clinic turned it on, the OS speech engine saying it in English and
 * in Hindi. Both are best effort: a browser that blocks audio until a click stays silent.
 */
export function chime(): void {
  const Ctx = window.AudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  [880, 660].forEach((hz, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.25, ctx.currentTime + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.35 + 0.6);
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + i * 0.35);
    osc.stop(ctx.currentTime + i * 0.35 + 0.6);
  });
  window.setTimeout(() => void ctx.close(), 1500);
}

export function announcements(tokenNo: number, doctorName: string, room: string | null): { lang: string; text: string }[] {
  // The board speaks both languages whatever the desk's, each sentence in its own.
  /* eslint-disable i18next/no-literal-string -- each line is in the language it names */
  return [
    { lang: 'en-IN', text: `Token number ${tokenNo}, please go to ${room ?? doctorName}.` },
    { lang: 'hi-IN', text: `टोकन नंबर ${tokenNo}, कृपया ${room ?? doctorName} में जाइए।` },
  ];
  /* eslint-enable i18next/no-literal-string -- the two lines above only */
}

export function speak(lines: readonly { lang: string; text: string }[]): void {
  if (!('speechSynthesis' in window)) return;
  for (const { lang, text } of lines) {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang;
    window.speechSynthesis.speak(u);
  }
}

/** Keeps the TV's screen on while the board shows; the lock is dropped when the tab is hidden, so it is asked for again. */
export function keepScreenAwake(): () => void {
  let stopped = false;
  const request = () => {
    if (!stopped && document.visibilityState === 'visible') void navigator.wakeLock?.request('screen').catch(() => undefined);
  };
  request();
  document.addEventListener('visibilitychange', request);
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', request);
  };
}
