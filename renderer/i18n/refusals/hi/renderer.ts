import type { Refusals } from '../../refusals';

/** The bridge's own refusals, when a browser tab cannot reach Clinic Desk. */
const hi: Refusals = {
  'This page was opened without its access key. Open the address Clinic Desk printed when it started.':
    'यह पेज बिना एक्सेस की के खोला गया है। क्लिनिक डेस्क ने शुरू होते समय जो पता दिखाया था, वही खोलें।',
  'Clinic Desk is not answering. Is it still running?': 'क्लिनिक डेस्क जवाब नहीं दे रहा है। क्या यह अभी चल रहा है?',
};
export default hi;
