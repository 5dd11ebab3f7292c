import enCall from '../i18n/en/call';
import hiCall from '../i18n/hi/call';

/** The join page speaks the patient's language: English or Hindi, as the gateway chose for the page. */
export type JoinLang = 'en' | 'hi';

export type DeniedBrowser = 'chrome' | 'firefox' | 'safari' | 'other';

/** The device words are the call window's: the doctor and the patient read one translation. */
function deviceWords({ camera, microphone, speaker, noneFound, yourCamera, cameraOff, micLevel }: Record<DeviceWord, string>) {
  return { camera, microphone, speaker, noneFound, yourCamera, cameraOff, micLevel };
}
type DeviceWord = 'camera' | 'microphone' | 'speaker' | 'noneFound' | 'yourCamera' | 'cameraOff' | 'micLevel';

const en = {
  previewTitle: 'Check your camera and microphone',
  ...deviceWords(enCall.preJoin),
  micHint: 'Speak: the bar moves when the microphone hears you.',
  testSpeaker: 'Play a test sound',
  flip: 'Switch camera',
  join: 'Join the consultation',
  joining: 'Joining…',
  retryDevices: 'Try again',
  denied: 'The browser is not allowed to use your camera or microphone.',
  deniedHelp: {
    chrome: 'Tap the camera icon or the lock next to the address, choose Allow for camera and microphone, then press Try again.',
    firefox: 'Click the camera icon next to the address, remove the block for camera and microphone, then press Try again.',
    safari: 'Open Settings › Safari › Camera and Microphone (or Safari › Settings for This Website on a Mac), choose Allow, then press Try again.',
    other: 'Allow camera and microphone for this page in your browser’s site settings, then press Try again.',
  } satisfies Record<DeniedBrowser, string>,
  missing: 'No camera or microphone was found. Plug one in, or pick another one below.',
  busy: 'The camera or microphone is being used by another app (another call, another tab). Close it and press Try again.',
  deviceFailed: 'The camera or microphone could not be started. Press Try again or pick another one.',
  joinFailed: 'The video service could not be reached. Check your internet connection and try again.',
  notNow: 'The clinic is not ready for this call right now. Please reload this page in a minute.',
  lobby: (doctor: string) => `${doctor} will join you shortly.`,
  lobbyWait: 'Please keep this page open. You are in the waiting room.',
  ahead: (n: number) => (n === 0 ? 'You are next.' : n === 1 ? '1 patient is before you.' : `${n} patients are before you.`),
  callWith: (doctor: string) => `Consultation with ${doctor}`,
  doctorVideo: (doctor: string) => `Video of ${doctor}`,
  controls: 'Call controls',
  mute: 'Mute',
  unmute: 'Unmute',
  cameraStop: 'Stop camera',
  cameraStart: 'Start camera',
  hangUp: 'Hang up',
  network: 'Network',
  quality: ['no connection', 'very poor', 'poor', 'fair', 'good', 'excellent'],
  reconnecting: 'Reconnecting… your connection dropped. Please stay on this page.',
  doctorReconnecting: (doctor: string) => `${doctor}’s connection dropped; waiting for it to come back…`,
  audioOnly: 'Your connection is weak, so your video is paused to keep the sound clear. It comes back when the connection improves.',
  ended: 'The consultation has ended',
  endedThanks: 'Thank you. You can close this page.',
  lost: 'The call was lost. You can join again.',
  rejoin: 'Join again',
  payDue: 'A payment for this consultation is due.',
  pay: 'Pay now',
};

type Strings = typeof en;

const hi: Strings = {
  previewTitle: 'अपना कैमरा और माइक्रोफ़ोन जाँचें',
  ...deviceWords(hiCall.preJoin),
  micHint: 'कुछ बोलें: माइक्रोफ़ोन आपको सुनता है तो पट्टी हिलती है।',
  testSpeaker: 'जाँच की आवाज़ चलाएँ',
  flip: 'कैमरा बदलें',
  join: 'परामर्श में जुड़ें',
  joining: 'जुड़ रहे हैं…',
  retryDevices: 'फिर से कोशिश करें',
  denied: 'ब्राउज़र को आपके कैमरा या माइक्रोफ़ोन के उपयोग की अनुमति नहीं है।',
  deniedHelp: {
    chrome: 'पते के पास कैमरा या ताले के निशान पर टैप करें, कैमरा और माइक्रोफ़ोन के लिए "अनुमति दें" चुनें, फिर "फिर से कोशिश करें" दबाएँ।',
    firefox: 'पते के पास कैमरा के निशान पर क्लिक करें, कैमरा और माइक्रोफ़ोन की रोक हटाएँ, फिर "फिर से कोशिश करें" दबाएँ।',
    safari: 'सेटिंग्स › Safari › कैमरा और माइक्रोफ़ोन खोलें (Mac पर Safari › इस वेबसाइट की सेटिंग्स), "अनुमति दें" चुनें, फिर "फिर से कोशिश करें" दबाएँ।',
    other: 'अपने ब्राउज़र की साइट सेटिंग्स में इस पेज के लिए कैमरा और माइक्रोफ़ोन की अनुमति दें, फिर "फिर से कोशिश करें" दबाएँ।',
  },
  missing: 'कोई कैमरा या माइक्रोफ़ोन नहीं मिला। एक लगाएँ, या नीचे से दूसरा चुनें।',
  busy: 'कैमरा या माइक्रोफ़ोन किसी दूसरे ऐप (दूसरी कॉल, दूसरा टैब) में चल रहा है। उसे बंद करें और "फिर से कोशिश करें" दबाएँ।',
  deviceFailed: 'कैमरा या माइक्रोफ़ोन शुरू नहीं हो सका। "फिर से कोशिश करें" दबाएँ या दूसरा चुनें।',
  joinFailed: 'वीडियो सेवा से संपर्क नहीं हो सका। अपना इंटरनेट कनेक्शन जाँचें और फिर से कोशिश करें।',
  notNow: 'क्लिनिक अभी इस कॉल के लिए तैयार नहीं है। कृपया एक मिनट में यह पेज फिर से खोलें।',
  lobby: (doctor) => `${doctor} जल्द ही आपसे जुड़ेंगे।`,
  lobbyWait: 'कृपया यह पेज खुला रखें। आप प्रतीक्षा कक्ष में हैं।',
  ahead: (n) => (n === 0 ? 'अगली बारी आपकी है।' : n === 1 ? 'आपसे पहले 1 मरीज़ है।' : `आपसे पहले ${n} मरीज़ हैं।`),
  callWith: (doctor) => `${doctor} के साथ परामर्श`,
  doctorVideo: (doctor) => `${doctor} का वीडियो`,
  controls: 'कॉल के बटन',
  mute: 'आवाज़ बंद करें',
  unmute: 'आवाज़ चालू करें',
  cameraStop: 'कैमरा बंद करें',
  cameraStart: 'कैमरा चालू करें',
  hangUp: 'कॉल समाप्त करें',
  network: 'नेटवर्क',
  quality: ['कोई कनेक्शन नहीं', 'बहुत कमज़ोर', 'कमज़ोर', 'ठीक', 'अच्छा', 'बहुत अच्छा'],
  reconnecting: 'फिर से जोड़ रहे हैं… आपका कनेक्शन टूट गया। कृपया इसी पेज पर रहें।',
  doctorReconnecting: (doctor) => `${doctor} का कनेक्शन टूट गया; उसके लौटने की प्रतीक्षा है…`,
  audioOnly: 'आपका कनेक्शन कमज़ोर है, इसलिए आवाज़ साफ़ रखने के लिए आपका वीडियो रोका गया है। कनेक्शन सुधरते ही यह लौट आएगा।',
  ended: 'परामर्श समाप्त हो गया है',
  endedThanks: 'धन्यवाद। आप यह पेज बंद कर सकते हैं।',
  lost: 'कॉल टूट गई। आप फिर से जुड़ सकते हैं।',
  rejoin: 'फिर से जुड़ें',
  payDue: 'इस परामर्श का भुगतान बाकी है।',
  pay: 'अभी भुगतान करें',
};

export const JOIN_STRINGS: Record<JoinLang, Strings> = { en, hi };
export type JoinStrings = Strings;

/** Which browser's steps to show for a blocked camera (each puts the switch somewhere else). */
export function deniedBrowserOf(userAgent: string): DeniedBrowser {
  if (/Firefox\//.test(userAgent)) return 'firefox';
  if (/(Chrome|CriOS|Edg|SamsungBrowser)\//.test(userAgent)) return 'chrome';
  if (/Safari\//.test(userAgent)) return 'safari';
  return 'other';
}
