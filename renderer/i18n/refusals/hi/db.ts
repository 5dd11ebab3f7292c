import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'An account with this email already exists': 'इस ईमेल का अकाउंट पहले से मौजूद है',
  'Another doctor already has this email address': 'यह ईमेल पता पहले से किसी दूसरे डॉक्टर का है',
  'This doctor profile already has an account': 'इस डॉक्टर प्रोफ़ाइल का अकाउंट पहले से है',
  'Another patient already has this email address': 'यह ईमेल पता पहले से किसी दूसरे मरीज़ का है',
  'Another call of this doctor’s next token came first': 'इस डॉक्टर का अगला टोकन किसी और ने पहले ही बुला लिया',
  'The next receipt number is already used by a payment entered outside Clinic Desk; ask your administrator':
    'अगला रसीद नंबर Clinic Desk के बाहर दर्ज किसी भुगतान में पहले ही इस्तेमाल हो चुका है; अपने एडमिन से बात करें',
  'This session is full: all its tokens are booked': 'यह सेशन भर गया है: इसके सारे टोकन बुक हो चुके हैं',
  'This token has been issued to another patient since': 'यह टोकन इस बीच किसी दूसरे मरीज़ को दे दिया गया है',
  'Only the tokens kept for emergencies are left in this session': 'इस सेशन में अब सिर्फ़ इमरजेंसी के लिए रखे टोकन बचे हैं',
  'A session token keeps its session, number and time: cancel it and book another session':
    'सेशन का टोकन अपना सेशन, नंबर और समय नहीं बदलता: इसे रद्द करके दूसरे सेशन में बुक करें',
};
export default hi;
