import type { BrowserWindow, DesktopCapturerSource, Dialog, MessageBoxOptions, WebContents } from 'electron';

/**
 * Our own choice of what to share, where the OS has no picker: every window and screen by
 * name, windows first, and Cancel as the answer to Escape or closing the box.
 */
export function sharePicker(dialog: Pick<Dialog, 'showMessageBox'>, windowOf: (contents: WebContents) => BrowserWindow | null) {
  return async (sources: DesktopCapturerSource[], contents: WebContents): Promise<DesktopCapturerSource | undefined> => {
    const ordered = [...sources].sort((a, b) => Number(isScreen(a)) - Number(isScreen(b)));
    const cancel = ordered.length;
    const options: MessageBoxOptions = {
      type: 'question',
      title: 'Share your screen',
      message: 'What should the patient see?',
      detail: 'A whole screen shows everything on it, other patients’ records included. Sharing one window is safer.',
      buttons: [...ordered.map((s) => (isScreen(s) ? `Whole screen: ${s.name}` : `Window: ${s.name}`)), 'Cancel'],
      defaultId: cancel,
      cancelId: cancel,
      noLink: true,
    };
    const parent = windowOf(contents);
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    return ordered[response];
  };
}

const isScreen = (source: DesktopCapturerSource) => source.id.startsWith('screen:');
