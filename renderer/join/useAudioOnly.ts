import { useEffect, useState } from 'react';

/** Twilio's network quality levels: at or below this the link cannot carry video and sound together … */
const WEAK = 1;
/** … and from this up it can again. Between the two nothing changes, so a wavering link does not flicker. */
const RECOVERED = 3;

/**
 * Whether to send sound only: the network has been weak for `holdMs`, and not yet good again
 * for as long. Holding both ways keeps one bad second from switching the camera off.
 */
export function useAudioOnly(level: number | null, holdMs: number): boolean {
  const [audioOnly, setAudioOnly] = useState(false);
  const wanted = level === null ? audioOnly : level <= WEAK ? true : level >= RECOVERED ? false : audioOnly;
  useEffect(() => {
    if (wanted === audioOnly) return;
    const timer = setTimeout(() => setAudioOnly(wanted), holdMs);
    return () => clearTimeout(timer);
  }, [wanted, audioOnly, holdMs]);
  return audioOnly;
}
