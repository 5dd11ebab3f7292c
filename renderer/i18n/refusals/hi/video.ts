import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'This call window’s link has expired or was already used. Start the video call again from Clinic Desk.':
    'इस कॉल विंडो का लिंक पुराना हो गया है या पहले ही इस्तेमाल हो चुका है। क्लिनिक डेस्क से वीडियो कॉल फिर से शुरू करें।',
  // What Twilio was doing: "{0} के दौरान", "{0} का काम".
  'ending the video room': 'वीडियो रूम बंद करने',
  'opening the video room': 'वीडियो रूम खोलने',
  "Twilio refused the clinic's Twilio credentials while {0}; an administrator should check them in the video settings.":
    '{0} के दौरान Twilio ने क्लिनिक के Twilio क्रेडेंशियल स्वीकार नहीं किए; एडमिन वीडियो सेटिंग्स में इन्हें जाँचें।',
  'Twilio could not complete {0} (HTTP {1}, error {2}). Try again in a moment.':
    'Twilio {0} का काम पूरा नहीं कर सका (HTTP {1}, त्रुटि {2})। थोड़ी देर में फिर से कोशिश करें।',
  'Twilio could not complete {0} (HTTP {1}). Try again in a moment.': 'Twilio {0} का काम पूरा नहीं कर सका (HTTP {1})। थोड़ी देर में फिर से कोशिश करें।',
  'Twilio cannot be reached from this PC while {0}. Check the internet connection and try again.':
    '{0} के दौरान इस पीसी से Twilio तक नहीं पहुँच सके। इंटरनेट कनेक्शन जाँचें और फिर से कोशिश करें।',
  'There is no patient join link yet: an administrator sets the gateway’s public address in the video settings.':
    'मरीज़ के जुड़ने का लिंक अभी नहीं बन सकता: एडमिन वीडियो सेटिंग्स में गेटवे का पब्लिक पता भरें।',
  'This appointment is cancelled; it has no video call': 'यह अपॉइंटमेंट रद्द हो चुका है; इसकी कोई वीडियो कॉल नहीं है',
  'This appointment is marked as not attended; it has no video call': 'यह अपॉइंटमेंट “नहीं आए” मार्क है; इसकी कोई वीडियो कॉल नहीं है',
  'Only {0}, the appointment’s doctor, or an administrator can run this video call.': 'यह वीडियो कॉल सिर्फ़ अपॉइंटमेंट के डॉक्टर {0} या एडमिन ही चला सकते हैं।',
  'No such video call': 'ऐसी कोई वीडियो कॉल नहीं मिली',
  'Video consultations are not set up yet: an administrator enters the clinic’s Twilio account in the video settings.':
    'वीडियो परामर्श अभी सेट नहीं है: एडमिन वीडियो सेटिंग्स में क्लिनिक का Twilio खाता भरें।',
  "The clinic's Twilio secrets cannot be opened on this PC: {0}": 'क्लिनिक के Twilio सीक्रेट इस पीसी पर नहीं खुल सकते: {0}',
};
export default hi;
