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
  const allowed = (contents: WebContents | null, permission: string, mediaTypes: readonly string[] | undefined) => {
    if (ANY_APP_WINDOW.has(permission)) return true;
    if (permission !== 'media' || !isCallWindow(contents)) return false;
    return (mediaTypes ?? []).every((t) => t === 'audio' || t === 'video');
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
 * Screen sharing (getDisplayMedia) for a call window alone: the whole first screen, never
 * system audio; where the OS has its own picker (macOS), the person chooses there instead.
 */
export function screenShareForCallWindows(
  isCallWindow: (contents: WebContents | null) => boolean,
  contentsOf: (frame: WebFrameMain) => WebContents | undefined,
  screens: () => Promise<DesktopCapturerSource[]>,
) {
  return (request: DisplayMediaRequestHandlerHandlerRequest, callback: (streams: Streams | null) => void) => {
    const contents = request.frame ? contentsOf(request.frame) : undefined;
    if (!request.videoRequested || !isCallWindow(contents ?? null)) return callback(null);
    screens().then(
      (sources) => callback(sources[0] ? { video: sources[0] } : null),
      () => callback(null),
    );
  };
}

export interface ScreenCapture {
  contentsOf: (frame: WebFrameMain) => WebContents | undefined;
  screens: () => Promise<DesktopCapturerSource[]>;
}

export function installPermissionHandlers(session: Session, isCallWindow: (contents: WebContents | null) => boolean, capture: ScreenCapture): void {
  const handlers = mediaOnlyForCallWindows(isCallWindow);
  session.setPermissionRequestHandler(handlers.request);
  session.setPermissionCheckHandler(handlers.check);
  session.setDisplayMediaRequestHandler(screenShareForCallWindows(isCallWindow, capture.contentsOf, capture.screens), { useSystemPicker: true });
}
