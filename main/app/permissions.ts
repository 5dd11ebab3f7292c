import type {
  DesktopCapturerSource,
  DisplayMediaRequestHandlerHandlerRequest,
  PermissionCheckHandlerHandlerDetails,
  PermissionRequest,
  Session,
  Streams,
  WebContents,
  WebFrameMain,
} from 'electron';

type Permission = Parameters<Parameters<Session['setPermissionRequestHandler']>[0] & object>[1];

// Copying a join link or a receipt number to the clipboard is harmless; nothing else is
// granted to the main window.
const ANY_APP_WINDOW = new Set<string>(['clipboard-sanitized-write']);

/**
 * Camera and microphone go to the call window alone (and only audio/video, never another
 * kind of media); every other permission, to every window, is refused.
 */
export function mediaOnlyForCallWindows(isCallWindow: (contents: WebContents | null) => boolean) {
  // A media request or check that does not say which kind (none, or Chromium's 'unknown') is
  // refused: camera and microphone are granted by name, never by default.
  const allowed = (contents: WebContents | null, permission: string, mediaTypes: readonly string[] | undefined) => {
    if (ANY_APP_WINDOW.has(permission)) return true;
    if (permission !== 'media' || !isCallWindow(contents) || !mediaTypes?.length) return false;
    return mediaTypes.every((t) => t === 'audio' || t === 'video');
  };
  return {
    request(contents: WebContents, permission: Permission, callback: (granted: boolean) => void, details: PermissionRequest) {
      const mediaTypes = (details as { mediaTypes?: string[] }).mediaTypes;
      callback(allowed(contents, permission, mediaTypes));
    },
    check(contents: WebContents | null, permission: string, _origin: string, details: PermissionCheckHandlerHandlerDetails) {
      return allowed(contents, permission, details.mediaType ? [details.mediaType] : undefined);
    },
  };
}

/**
 * Screen sharing (getDisplayMedia) for a call window alone, never with system audio. What is
 * shared is always chosen by the person: the OS picker where there is one (macOS 15+, asked
 * for in installPermissionHandlers), otherwise our own list of screens and windows. Nothing is
 * ever picked for them: a whole screen may show another patient's record.
 */
export function screenShareForCallWindows(
  isCallWindow: (contents: WebContents | null) => boolean,
  contentsOf: (frame: WebFrameMain) => WebContents | undefined,
  capture: Pick<ScreenCapture, 'sources' | 'choose'>,
) {
  return (request: DisplayMediaRequestHandlerHandlerRequest, callback: (streams: Streams | null) => void) => {
    const contents = request.frame ? contentsOf(request.frame) : undefined;
    if (!contents || !request.videoRequested || !isCallWindow(contents)) return callback(null);
    capture
      .sources()
      .then((sources) => (sources.length ? capture.choose(sources, contents) : undefined))
      .then(
        (chosen) => callback(chosen ? { video: chosen } : null),
        () => callback(null),
      );
  };
}

export interface ScreenCapture {
  contentsOf: (frame: WebFrameMain) => WebContents | undefined;
  /** The screens and windows that could be shared. */
  sources: () => Promise<DesktopCapturerSource[]>;
  /** Asks the person at the call window which one to share; undefined when they decline. */
  choose: (sources: DesktopCapturerSource[], contents: WebContents) => Promise<DesktopCapturerSource | undefined>;
}

export function installPermissionHandlers(session: Session, isCallWindow: (contents: WebContents | null) => boolean, capture: ScreenCapture): void {
  const handlers = mediaOnlyForCallWindows(isCallWindow);
  session.setPermissionRequestHandler(handlers.request);
  session.setPermissionCheckHandler(handlers.check);
  session.setDisplayMediaRequestHandler(screenShareForCallWindows(isCallWindow, capture.contentsOf, capture), { useSystemPicker: true });
}
