import type { Refusals } from '../../refusals';

const hi: Refusals = {
  'a clinic server (pg_dump)': 'क्लिनिक सर्वर (pg_dump)',
  'an embedded database (data folder)': 'इसी PC का डेटाबेस (डेटा फ़ोल्डर)',
  'The backup folder {0} cannot be used: {1}': 'बैकअप फ़ोल्डर {0} इस्तेमाल नहीं हो सकता: {1}',
  'An embedded backup is taken from the open database': 'इसी PC के डेटाबेस का बैकअप खुले डेटाबेस से ही लिया जाता है',
  'The backup to {0} failed: {1}': '{0} में बैकअप नहीं हो पाया: {1}',
  'The backup file {0} cannot be read: {1}': 'बैकअप फ़ाइल {0} पढ़ी नहीं जा सकती: {1}',
  '{0} is not a Clinic Desk backup (neither an encrypted backup, a pg_dump custom-format file nor a data-folder dump)':
    '{0} Clinic Desk का बैकअप नहीं है (न एन्क्रिप्टेड बैकअप, न pg_dump custom-format फ़ाइल, न डेटा फ़ोल्डर का डंप)',
  'give the recovery key exported from the PC that made it: npm run db:restore -- <file> --recovery-key-file <file holding the key>':
    'जिस PC ने इसे बनाया था, उससे एक्सपोर्ट की गई रिकवरी कुंजी दें: npm run db:restore -- <file> --recovery-key-file <file holding the key>',
  '{0} is encrypted, and there is no clinic key here ({1}). To restore it, {2}.': '{0} एन्क्रिप्टेड है, और यहाँ कोई क्लिनिक कुंजी नहीं है ({1})। इसे वापस लाने के लिए {2}।',
  '{0} was encrypted with clinic key {1}, but the key given ({2}) is key {3}: the wrong key. To restore it, {4}.':
    '{0} क्लिनिक कुंजी {1} से एन्क्रिप्ट हुआ था, पर दी गई कुंजी ({2}) कुंजी {3} है: यह गलत कुंजी है। इसे वापस लाने के लिए {4}।',
  '{0} decrypts to something other than a backup of {1}': '{0} डिक्रिप्ट होने पर {1} का बैकअप नहीं निकला',
  '{0} is a backup of {1}; it cannot be restored into {2}.': '{0} {1} का बैकअप है; इसे {2} में वापस नहीं लाया जा सकता।',
  'The data folder {0} already holds a clinic database. To replace it, run the restore again with --force (the current database is kept beside it).':
    'डेटा फ़ोल्डर {0} में पहले से क्लिनिक का डेटाबेस है। उसे बदलने के लिए restore फिर से --force के साथ चलाएँ (अभी का डेटाबेस उसके बगल में रखा जाएगा)।',
  'The clinic database already holds {0} tables. To replace it, run the restore again with --force (a safety backup of it is taken first).':
    'क्लिनिक के डेटाबेस में पहले से {0} टेबल हैं। उसे बदलने के लिए restore फिर से --force के साथ चलाएँ (पहले उसका सुरक्षा बैकअप लिया जाएगा)।',
  '{0} was made by a newer Clinic Desk (its database has {1} change(s) this version does not know, the latest {2}). Update Clinic Desk on this PC first; nothing was restored.':
    '{0} Clinic Desk के नए वर्शन से बना है (उसके डेटाबेस में {1} ऐसे बदलाव हैं जिन्हें यह वर्शन नहीं जानता, सबसे नया {2})। पहले इस PC पर Clinic Desk अपडेट करें; कुछ भी वापस नहीं लाया गया।',
  '{0} was restored, but bringing its database up to this version failed ({1}): run npm run db:migrate.':
    '{0} वापस आ गया, पर उसके डेटाबेस को इस वर्शन तक लाना नहीं हो पाया ({1}): npm run db:migrate चलाएँ।',
  'This database is not an embedded one; it cannot be dumped as a data folder': 'यह डेटाबेस इसी PC का डेटाबेस नहीं है; इसे डेटा फ़ोल्डर के रूप में डंप नहीं किया जा सकता',
  'The backup could not be loaded as an embedded database: {0}': 'बैकअप को इसी PC के डेटाबेस के रूप में खोला नहीं जा सका: {0}',
  'This database is not an embedded one': 'यह डेटाबेस इसी PC का डेटाबेस नहीं है',
  'The backup could not replace the embedded database, which is left as it was: {0}': 'बैकअप से इसी PC का डेटाबेस बदला नहीं जा सका; डेटाबेस जैसा था वैसा ही है: {0}',
  '{0} is cut short: it is damaged, and nothing was restored.': '{0} अधूरा है: यह खराब है, और कुछ भी वापस नहीं लाया गया।',
  '{0} has been altered or damaged: it fails its integrity check, and nothing was restored.':
    '{0} बदला गया है या खराब है: यह अपनी जाँच में पास नहीं हुआ, और कुछ भी वापस नहीं लाया गया।',
  '{0} could not be decrypted: {1}': '{0} डिक्रिप्ट नहीं हो सका: {1}',
  '{0} was not found. Install the PostgreSQL client tools (the same major version as the clinic server or newer), or set CLINIC_PG_BIN_DIR to the folder that holds {1}.':
    '{0} नहीं मिला। PostgreSQL client tools इंस्टॉल करें (क्लिनिक सर्वर वाला मुख्य वर्शन या उससे नया), या CLINIC_PG_BIN_DIR में वह फ़ोल्डर दें जिसमें {1} है।',
  '{0} failed: {1}': '{0} नहीं चल पाया: {1}',
  'pg_dump failed: {0}': 'pg_dump नहीं चल पाया: {0}',
  'exit code {0}': 'एग्ज़िट कोड {0}',
  'Clinic Desk cannot write to {0} from this PC ({1}). Plug in the drive or choose another folder.':
    'Clinic Desk इस PC से {0} में नहीं लिख पा रहा ({1})। ड्राइव लगाएँ या कोई दूसरा फ़ोल्डर चुनें।',
  'A restore is running on this PC; back up once it has finished': 'इस PC पर बैकअप वापस लाया जा रहा है; उसके पूरा होने के बाद बैकअप लें',
  'A backup is already running on this PC': 'इस PC पर पहले से बैकअप लिया जा रहा है',
  'A restore is already running on this PC': 'इस PC पर पहले से बैकअप वापस लाया जा रहा है',
  'A backup is running on this PC; restore once it has finished': 'इस PC पर बैकअप लिया जा रहा है; उसके पूरा होने के बाद बैकअप वापस लाएँ',
  'There is no backup {0} in the backup folder {1}': 'बैकअप फ़ोल्डर {1} में {0} नाम का कोई बैकअप नहीं है',
  '(none chosen)': '(कोई नहीं चुना गया)',
  "this PC's clinic key": 'इस PC की क्लिनिक कुंजी',
  '{0} The database as it was is kept in {1}, in the backup folder.': '{0} डेटाबेस जैसा था, वैसा बैकअप फ़ोल्डर में {1} में रखा है।',
  'Clinic Desk cannot read the backup folder {0} from this PC ({1}). Plug in the drive, or choose the folder again.':
    'Clinic Desk इस PC से बैकअप फ़ोल्डर {0} नहीं पढ़ पा रहा ({1})। ड्राइव लगाएँ, या फ़ोल्डर फिर से चुनें।',
  'Choose a backup folder first': 'पहले बैकअप फ़ोल्डर चुनें',
  'Another PC has just taken this backup': 'यह बैकअप अभी-अभी किसी दूसरे PC ने ले लिया है',
};
export default hi;
