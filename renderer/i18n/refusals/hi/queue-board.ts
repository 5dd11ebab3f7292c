import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'A display window opens only in the desktop app; in a browser, use "Token display" to open a display tab':
    'डिस्प्ले विंडो सिर्फ़ डेस्कटॉप ऐप में खुलती है; ब्राउज़र में डिस्प्ले टैब खोलने के लिए “टोकन डिस्प्ले” का उपयोग करें',
  'This display ticket is not valid (the app restarted?): open the display again from the desk':
    'यह डिस्प्ले टिकट मान्य नहीं है (क्या ऐप फिर से शुरू हुआ?): डेस्क से डिस्प्ले फिर से खोलें',
};
export default hi;
