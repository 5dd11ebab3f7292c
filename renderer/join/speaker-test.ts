/** Whether this browser can play the test sound at all. */
export const canTestSpeaker = (): boolean => typeof AudioContext !== 'undefined';

/** A short tone on the chosen speaker (where the browser lets a page choose one), so the patient knows they will hear the doctor. */
export function playTestSound(speakerId: string | undefined): void {
  const context = new AudioContext() as AudioContext & { setSinkId?: (id: string) => Promise<void> };
  if (speakerId && context.setSinkId) void context.setSinkId(speakerId).catch(() => undefined);
  const tone = context.createOscillator();
  const volume = context.createGain();
  tone.frequency.value = 660;
  volume.gain.value = 0.2;
  tone.connect(volume).connect(context.destination);
  tone.onended = () => void context.close();
  tone.start();
  tone.stop(context.currentTime + 0.8);
}
