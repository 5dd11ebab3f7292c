import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'Razorpay refused this: {0}': 'Razorpay ने इसे मना कर दिया: {0}',
  'Razorpay could not be reached; try again, or take the payment at the desk': 'Razorpay से संपर्क नहीं हो पाया; फिर से कोशिश करें, या भुगतान डेस्क पर लें',
  'This QR image address is not a Razorpay https address': 'QR की तस्वीर का यह पता Razorpay का https पता नहीं है',
  "Razorpay's QR image could not be fetched; try again, or take the payment at the desk":
    'Razorpay से QR की तस्वीर नहीं मिल पाई; फिर से कोशिश करें, या भुगतान डेस्क पर लें',
  "Razorpay's QR image could not be fetched ({0}, {1})": 'Razorpay से QR की तस्वीर नहीं मिल पाई ({0}, {1})',
  "Razorpay's answer is too big to be a QR image": 'Razorpay का जवाब QR की तस्वीर होने के लिए बहुत बड़ा है',
  'This payment is paid; its QR is no longer shown': 'यह भुगतान मिल चुका है; इसका QR अब नहीं दिखाया जाता',
  'This payment is refunded; its QR is no longer shown': 'यह भुगतान वापस किया जा चुका है; इसका QR अब नहीं दिखाया जाता',
  'Razorpay is not set up: an administrator enters the key id and key secret in the payment settings':
    'Razorpay सेट अप नहीं है: एडमिन भुगतान की सेटिंग में key id और key secret डालें',
  "The clinic's UPI ID is not set: an administrator enters it in the payment settings": 'क्लिनिक की UPI ID सेट नहीं है: एडमिन इसे भुगतान की सेटिंग में डालें',
  "UPI takes rupees only; this clinic's currency is {0}": 'UPI से सिर्फ़ रुपये लिए जा सकते हैं; इस क्लिनिक की मुद्रा {0} है',
  'This appointment is cancelled; a cancelled appointment takes no payment': 'यह अपॉइंटमेंट रद्द है; रद्द अपॉइंटमेंट का भुगतान नहीं लिया जाता',
  'No such payment': 'ऐसा कोई भुगतान नहीं है',
  'This payment was not asked for by a gateway QR': 'यह भुगतान गेटवे QR से नहीं माँगा गया था',
  'This payment is {0}; its QR is no longer shown': 'यह भुगतान {0} है; इसका QR अब नहीं दिखाया जाता',
  'Razorpay made the payment link without a short URL; try again': 'Razorpay ने बिना छोटे URL के भुगतान लिंक बनाया; फिर से कोशिश करें',
  'The gateway has not reported this payment yet, so it cannot be refunded there': 'गेटवे ने अभी तक इस भुगतान की ख़बर नहीं दी है, इसलिए वहाँ से इसका रिफ़ंड नहीं हो सकता',
  'The reconciliation has not run for this day': 'इस दिन का मिलान अभी नहीं चला है',
  'That day has not begun; choose today or an earlier day': 'वह दिन अभी शुरू नहीं हुआ है; आज या पहले का कोई दिन चुनें',
  'The doctor has no consultation fee set, so the amount due is not known; take the payment at the desk with the amount':
    'डॉक्टर की परामर्श फ़ीस तय नहीं है, इसलिए बाकी रकम पता नहीं है; भुगतान डेस्क पर रकम लिखकर लें',
  'Nothing is due for this visit (it is paid, or a payment is pending confirmation)':
    'इस विज़िट का कुछ भी बाकी नहीं है (भुगतान हो चुका है, या कोई भुगतान पक्का होने के इंतज़ार में है)',
  "The clinic's Razorpay secrets cannot be opened on this PC: {0}": 'क्लिनिक की Razorpay की गुप्त जानकारी इस PC पर नहीं खुल सकती: {0}',
  'Nothing is due for this visit (it is paid, or a payment is pending confirmation). To keep money on account, mark it as an advance and say why.':
    'इस विज़िट का कुछ भी बाकी नहीं है (भुगतान हो चुका है, या कोई भुगतान पक्का होने के इंतज़ार में है)। पैसे खाते में रखने हों तो उन्हें एडवांस के तौर पर दर्ज करें और कारण लिखें।',
  'Only {0} {1} is due for this visit. To take more, mark it as an advance and say why.':
    'इस विज़िट के सिर्फ़ {0} {1} बाकी हैं। ज़्यादा लेने हों तो एडवांस के तौर पर दर्ज करें और कारण लिखें।',
  'still pending': 'अभी बाकी',
  'already paid': 'पहले ही मिल चुका',
  refunded: 'वापस किया जा चुका',
  'marked {0}': '{0} दर्ज',
  '{0} has no consultation fee set; enter the amount': '{0} की परामर्श फ़ीस तय नहीं है; रकम लिखें',
  'This is a refund, not a payment to confirm': 'यह रिफ़ंड है, पक्का करने वाला भुगतान नहीं',
  'This payment is {0}; only a pending one can be confirmed': 'यह भुगतान {0} है; सिर्फ़ बाकी भुगतान ही पक्का किया जा सकता है',
  'This payment waits on the payment gateway; it turns paid by itself when the gateway reports it':
    'यह भुगतान गेटवे के इंतज़ार में है; गेटवे से ख़बर आते ही यह अपने आप मिला हुआ दर्ज हो जाएगा',
  'The appointment has been cancelled since; a cancelled appointment takes no payment': 'इस बीच अपॉइंटमेंट रद्द हो गया है; रद्द अपॉइंटमेंट का भुगतान नहीं लिया जाता',
  'A doctor can refund only payments for their own consultations': 'डॉक्टर सिर्फ़ अपने परामर्श के भुगतान का रिफ़ंड कर सकते हैं',
  'This is a refund; only a payment can be refunded': 'यह ख़ुद एक रिफ़ंड है; रिफ़ंड सिर्फ़ भुगतान का हो सकता है',
  'This payment has not been received yet, so there is nothing to refund': 'यह भुगतान अभी मिला नहीं है, इसलिए वापस करने को कुछ नहीं है',
  'This payment has already been refunded in full': 'इस भुगतान का पूरा रिफ़ंड पहले ही हो चुका है',
  'This payment is {0}; only a paid one can be refunded': 'यह भुगतान {0} है; रिफ़ंड सिर्फ़ मिले हुए भुगतान का हो सकता है',
  'At most {0} {1} of this payment can still be refunded': 'इस भुगतान में से ज़्यादा से ज़्यादा {0} {1} ही अब वापस किए जा सकते हैं',
  'This payment was taken through the payment gateway, which is not set up on this PC; refund it there':
    'यह भुगतान गेटवे से लिया गया था, जो इस PC पर सेट अप नहीं है; इसका रिफ़ंड वहीं करें',
  'This payment has not been received yet; its receipt prints once it is confirmed': 'यह भुगतान अभी मिला नहीं है; पक्का होने पर ही इसकी रसीद प्रिंट होगी',
  'This payment was recorded without a receipt number, so there is no receipt to print': 'यह भुगतान बिना रसीद नंबर के दर्ज हुआ था, इसलिए प्रिंट करने को कोई रसीद नहीं है',
};
export default hi;
