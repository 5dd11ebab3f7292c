import type { Refusals } from '../../refusals';

const hi: Refusals = {
  "{0}–{1} on {2} is outside {3}'s hours ({4}).": '{2} को {0}–{1} का समय {3} के काम के घंटों ({4}) के बाहर है।',
  "{0}–{1} on {2} is outside {3}'s hours (not working that day).": '{2} को {0}–{1} का समय {3} के काम के घंटों के बाहर है (उस दिन काम नहीं)।',
  '{0} is on leave all day on {1} ({2}), so {3}–{4} on {5} cannot be booked.': '{0} {1} को पूरे दिन छुट्टी पर हैं ({2}), इसलिए {5} को {3}–{4} बुक नहीं हो सकता।',
  '{0} is on leave all day on {1}, so {2}–{3} on {4} cannot be booked.': '{0} {1} को पूरे दिन छुट्टी पर हैं, इसलिए {4} को {2}–{3} बुक नहीं हो सकता।',
  '{0} is on leave {1}–{2} on {3} ({4}), so {5}–{6} on {7} cannot be booked.': '{0} {3} को {1}–{2} छुट्टी पर हैं ({4}), इसलिए {7} को {5}–{6} बुक नहीं हो सकता।',
  '{0} is on leave {1}–{2} on {3}, so {4}–{5} on {6} cannot be booked.': '{0} {3} को {1}–{2} छुट्टी पर हैं, इसलिए {6} को {4}–{5} बुक नहीं हो सकता।',
  Monday: 'सोमवार',
  Tuesday: 'मंगलवार',
  Wednesday: 'बुधवार',
  Thursday: 'गुरुवार',
  Friday: 'शुक्रवार',
  Saturday: 'शनिवार',
  Sunday: 'रविवार',
  '{0} {1}–{2} overlaps {3}–{4}': '{0}: {1}–{2} और {3}–{4} का समय आपस में टकराता है',
  'This doctor has no weekly pattern yet; save one first': 'इस डॉक्टर का अभी कोई साप्ताहिक पैटर्न नहीं है; पहले पैटर्न सेव करें',
  'These extra hours are already in the schedule': 'ये अतिरिक्त घंटे पहले से कैलेंडर में हैं',
  'That part of the schedule no longer exists': 'कैलेंडर का वह हिस्सा अब मौजूद नहीं है',
  'You can change only your own schedule': 'आप सिर्फ़ अपने ही काम के घंटे और छुट्टी बदल सकते हैं',
};
export default hi;
