import { useCallback, useState } from 'react';
import type { CallRoom } from './vendor';

/** Share this PC's screen into the room, or stop; stopping from the browser's own bar counts too. */
export function useScreenShare(room: CallRoom | undefined): { sharing: boolean; toggleShare(): Promise<void> } {
  const [sharing, setSharing] = useState(false);
  const toggleShare = useCallback(async () => {
    if (sharing) {
      room?.stopSharing();
      setSharing(false);
      return;
    }
    try {
      const display = await navigator.mediaDevices.getDisplayMedia({ video: true });
      const track = display.getVideoTracks()[0];
      if (!track || !room) return;
      track.addEventListener('ended', () => {
        room.stopSharing();
        setSharing(false);
      });
      await room.shareScreen(track);
      setSharing(true);
    } catch {
      // Choosing "Cancel" in the screen picker is not an error.
    }
  }, [room, sharing]);
  return { sharing, toggleShare };
}
