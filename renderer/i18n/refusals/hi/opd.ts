import type { Refusals } from '../../refusals';

const hi: Refusals = {
  "{0}'s session of {1}, {2}–{3}": '{0} का {1}, {2}–{3} का सेशन',
  '{0} is full: all {1} tokens are booked': '{0} भर गया है: सभी {1} टोकन बुक हैं',
  'Only the {0} token(s) kept for emergencies are left in {1}: book it as an emergency, or another session':
    '{1} में सिर्फ़ इमरजेंसी के लिए रखे {0} टोकन बचे हैं: इसे इमरजेंसी के रूप में बुक करें, या कोई दूसरा सेशन चुनें',
  'The patient already has an appointment at the time of this session’s next token': 'इस सेशन के अगले टोकन के समय मरीज़ का पहले से अपॉइंटमेंट है',
  '{0} has an appointment booked at the time of this session’s next token': 'इस सेशन के अगले टोकन के समय {0} का एक अपॉइंटमेंट पहले से बुक है',
  'That session would already be over': 'वह सेशन तो खत्म हो चुका होगा',
  '{0} is over: it keeps its plan': '{0} खत्म हो चुका है: उसमें अब बदलाव नहीं हो सकता',
  'That end time has already passed': 'खत्म होने का वह समय निकल चुका है',
  'Token {0} is booked in {1}: keep at least {2} tokens': '{1} में टोकन {0} बुक है: कम से कम {2} टोकन रखें',
  "Token {0} today is a checked-in slot patient's: the session's tokens can go up to {1} at most":
    'आज टोकन {0} चेक-इन हो चुके स्लॉट वाले एक मरीज़ का है: सेशन के टोकन ज़्यादा से ज़्यादा {1} तक जा सकते हैं',
  'Tokens have been booked in {0}: it stays': '{0} में टोकन बुक हो चुके हैं: यह सेशन नहीं हटेगा',
  '{0} is over': '{0} खत्म हो चुका है',
  'No such session': 'ऐसा कोई सेशन नहीं मिला',
  '{0} has an appointment at {1}–{2} then: move it first': 'उस समय {1}–{2} पर {0} का एक अपॉइंटमेंट है: पहले उसका समय बदलें',
  '{0} already has a session overlapping {1}–{2} on {3}': '{3} को {1}–{2} के समय से टकराता {0} का एक सेशन पहले से है',
  "{0}'s next session of {1} numbers its tokens straight after this one's: add a session for the extra tokens instead":
    '{1} को {0} के अगले सेशन के टोकन नंबर इस सेशन के ठीक बाद से शुरू होते हैं: ज़्यादा टोकन के लिए इसकी जगह एक नया सेशन जोड़ें',
  'A patient holding a token has another appointment at that token’s new time: move that appointment first':
    'टोकन वाले एक मरीज़ का उस टोकन के नए समय पर दूसरा अपॉइंटमेंट है: पहले उस अपॉइंटमेंट का समय बदलें',
  '{0} has an appointment at a token’s new time: move it first': 'एक टोकन के नए समय पर {0} का अपॉइंटमेंट है: पहले उसका समय बदलें',
  'A doctor can schedule only their own sessions': 'डॉक्टर सिर्फ़ अपने ही सेशन तय कर सकते हैं',
};
export default hi;
