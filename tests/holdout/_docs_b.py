"""Hold-out annotations, part B: single-article stories (hand-written)."""
import os as _os, sys as _sys
_sys.path.append(_os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "gold"))
from _lib import *  # the annotation helpers are shared with tests/gold
from _docs_a import D, SOHR, PKK, SINAIP, HOUTHI, AMH

AINALYOUM = med("Ain Alyoum", "عين اليوم", opt=True)
WEEAM = med("Al-Weeam", "صحيفة الوئام", "الوئام", opt=True)

# ---------------- media releases ----------------
D("snn-2015-07-21-1a070015f1", "isis-new-speicher-massacre-video-2015-07", [
    IS("“داعش”", "داعش"), loc("Camp Speicher", "Speicher", "سبايكر", "مجزرة سبايكر", ll=(34.94, 43.49, 30)),
    org("Iraqi Army recruits", "المجندين العراقيين", opt=True), org("Shia Muslims", "Shia", "الشيعة", opt=True), WEEAM],
  [ev("media_release", "video", True, ["Islamic State"], format="video"),
   ev("execution", "other", False, ["Islamic State"], ["Iraqi Army recruits"], places=["Camp Speicher"]),
   ev("threat", "threat", True, ["Islamic State"], [], opt=True)])

D("snn-2015-07-24-188d0da380", "isis-video-executes-16-iraqis-2015-07", [
    IS("“داعش”", "تنظيم “داعش” الإرهابي", "التنظيم الإرهابي", "داعش"), loc("Iraq", "عراقياً", "العراق"),
    org("Alleged spies", "الجواسيس", "الأسرى", opt=True), AINALYOUM],
  [ev("media_release", "video", True, ["Islamic State"], format="video", duration_min=7.5),
   ev("execution", "other", True, ["Islamic State"], [], fatalities=16)],
  outlet="عين اليوم")

D("snn-2015-08-06-69cb5778e9", "isis-tourism-guide-video-iraq-2015-08", [
    IS("“داعش”", "تنظيم “داعش” الإرهابي", "التنظيم الإرهابي", "الدولة الإسلامية", "داعش"), loc("Iraq", "العراق"),
    loc("Euphrates", "Euphrates River", "نهر الفرات", opt=True), loc("Fallujah", "الفلوجة", ll=(33.35, 43.78, 30)),
    med("Daily Mail", "The Daily Mail", "الديلي ميل", "صحيفة “الديلي ميل”"), org("British newspapers", "صحف بريطانية", "الصحف البريطانية", opt=True), WEEAM],
  [ev("media_release", "photo_report", True, ["Islamic State"], places=["Iraq", "Fallujah"], format="photo_report"),
   ev("media_release", "video", True, ["Islamic State"], format="video", title="نزهة الرعية في الدولة الإسلامية")])

D("snn-2015-08-06-fad061a209", "sinai-province-threatens-croatian-hostage-2015-08-05", [
    org(*SINAIP, "الفرع المصري لتنظيم داعش", "الفرع المصري للتنظيم", "الفرع المصري", "\"ولاية سيناء\""),
    IS("تنظيم \"داعش\"", "التنظيم"), per("Tomislav Salopek", "Salopek", "كرواتي", "الكرواتي", "الرهينة"),
    org("CGG", "CGG Veritas", "سي جي جي", "شركة سي جي جي الفرنسية", "شركة سي جي جي الفرنسية للخدمات النفطية"),
    loc("Cairo", "القاهرة", ll=(30.04, 31.24, 30)), loc("Croatia", "كرواتيا", ll=(45.1, 15.2, 300)),
    org("Government of Egypt", "Egyptian government", "الحكومة المصرية"), loc("Egypt", "مصر", opt=True),
    org("Muslim women prisoners", "نساء مسلمات", opt=True), loc("France", "الفرنسية", opt=True)],
  [ev("media_release", "video", True, ["Islamic State – Sinai Province"], [], ["Tomislav Salopek"], date="2015-08-05", format="video"),
   ev("threat", "threat", True, ["Islamic State – Sinai Province"], ["Tomislav Salopek", "Government of Egypt"], date="2015-08-05"),
   ev("attack", "armed_assault", False, ["Islamic State – Sinai Province"], ["Tomislav Salopek"], places=["Cairo"], date="2015-07-22", kidnapping=True)])

D("snn-2015-08-10-ea223ddff8", "isis-khorasan-video-executes-10-afghans-2015-08", [
    IS("داعش", "التنظيم"), org("Islamic State – Khorasan Province", "ISIS-K", "Wilayat Khorasan", "ولاية خراسان", "“ولاية خراسان”"),
    org("Taliban", "حركة طالبان", "طالبان"), org("Government of Afghanistan", "Afghan government", "الحكومة الأفغانية"),
    org("Inter-Services Intelligence", "ISI", "الاستخبارات الباكستانية", "آي إس آي"),
    org("International coalition against ISIS", "coalition", "طيران التحالف", opt=True),
    loc("Nangarhar Province", "Nangarhar", "ننجرهار", ll=(34.2, 70.6, 80)), loc("Afghanistan", "أفغان", opt=True),
    loc("Nineveh Governorate", "Nineveh", "نينوى", ll=(36.3, 42.6, 120)), loc("Iraq", "العراقية", opt=True),
    med("24.ae", "24", "موقع 24", opt=True), org("Aydar Khel", "أيدر خيل", opt=True), org("Babar Khel", "بابر خيل", opt=True),
    org("Rindar Khel", "ريندار خيل", opt=True), AINALYOUM],
  [ev("media_release", "video", True, ["Islamic State – Khorasan Province", "Islamic State"], format="video"),
   ev("execution", "other", True, ["Islamic State – Khorasan Province"], [], places=["Nangarhar Province"], fatalities=10),
   ev("execution", "other", False, ["Islamic State"], [], places=["Nineveh Governorate"])],
  outlet="عين اليوم")

D("snn-2015-08-11-2514551158", "baqubah-market-car-bomb-isis-claim-2015-08-10", [
    IS("تنظيم داعش الإرهابي", "داعش"), loc("Baqubah", "Baquba", "بعقوبة", "مدينة بعقوبة", ll=(33.75, 44.64, 30)), loc("Iraq", "العراق")],
  [ev("attack", "car_bomb", True, ["Islamic State"], [], places=["Baqubah"], date="2015-08-10", fatalities=40, injured=72,
      claimed=True, tactics=["car_bomb"]),
   ev("attack", "bombing", True, [], [], places=["Baqubah"], date="2015-08-10", fatalities=7, injured=25),
   ev("media_release", "statement", True, ["Islamic State"], format="statement")])

D("snn-2015-07-24-19bdd53d6f", "isis-libya-abducts-three-african-christians-2015-07", [
    IS("تنظيم الدولة الإسلامية", "التنظيم"), loc("Libya", "ليبيا"), loc("Egypt", "مصر", "مصري"),
    loc("Nigeria", "نيجيريا", ll=(9.1, 8.7, 700)), loc("Ghana", "غانا", ll=(7.9, -1.0, 400)),
    loc("Nofaliya", "Nawfaliyah", "النوفلية", ll=(30.78, 17.83, 30)), loc("Sirte", "مدينة سرت"),
    per("Mohammed al-Hejazi", "Mohamed Hijazi", "محمد الحجازي"),
    org("House of Representatives (Libya)", "Tobruk government", "الحكومة المعترف بها دوليا", opt=True),
    loc("Iraq", "العراق", opt=True), loc("Syria", "سوريا", opt=True), loc("Benghazi", opt=True), AINALYOUM],
  [ev("media_release", "statement", True, ["Islamic State"], format="statement"),
   ev("media_release", "photo_report", True, ["Islamic State"], opt=True),
   ev("attack", "armed_assault", True, ["Islamic State"], [], places=["Nofaliya"], kidnapping=True)],
  outlet="عين اليوم")

# ---------------- threats ----------------
D("SK-internationalNews-1289-20180501", "isis-threats-world-cup-russia-2018", [
    IS("\"داعش\"", "داعش"), med("Jane's", "Jane's Intelligence Review", "جينز", "مجلة \"جينز\""),
    per("Chris Hawkins", "كريس هوكينز", "هوكينز"), loc("Russia", "روسيا"),
    loc("North Caucasus", "Caucasus", "القوقاز", "إقليم القوقاز", ll=(43.0, 44.5, 400)), loc("Syria", "سوريا"), loc("Iraq", "العراق"),
    loc("Middle East", "الشرق الأوسط", opt=True), loc("Moscow", "موسكو", opt=True), loc("Damascus", "دمشق", opt=True),
    org("FIFA World Cup", "كأس العالم", "مونديال روسيا", opt=True)],
  [ev("threat", "threat", True, ["Islamic State"], [], places=["Russia"]),
   ev("threat", "call_to_violence", True, ["Islamic State"], [], places=["Russia"], opt=True),
   ev("media_release", "statement", True, ["Islamic State"], opt=True)])

MAH = ["Mohammed Abdulazim al-Houthi", "Muhammad Abd al-Azim al-Houthi", "محمد عبد العظيم الحوثي", "محمد عبدالعظيم الحوثي"]
D("SK-middleEast-3678-20181001", "mohammed-abdulazim-houthi-calls-followers-against-houthis-2018-10", [
    per(*MAH, "ابن عم الحوثي", "الداعية اليمني"), org(*HOUTHI, "ميليشيات الحوثي الإيرانية", "ميليشيات الحوثي", "ميليشيات التمرد الحوثي", "أنصار الله الحوثيين"),
    per(*AMH), loc("Al Humaidan", "آل حميدان", "منطقة آل حميدان", opt=True),
    loc("Sahar District", "Sahar", "مديرية سحار", ll=(16.95, 43.75, 30)), loc("Saada Governorate", "Saada", "محافظة صعدة", ll=(16.9, 43.7, 100)),
    org("Followers of Mohammed Abdulazim al-Houthi", "أتباعه", "أنصاره", "أتباع محمد عبدالعظيم الحوثي", opt=True),
    loc("Iran", "الإيرانية", opt=True), loc("Yemen", "اليمني", opt=True)],
  [ev("threat", "call_to_violence", True, ["Mohammed Abdulazim al-Houthi"], ["Houthis"], ["Mohammed Abdulazim al-Houthi"], ["Al Humaidan"]),
   ev("threat", "threat", True, ["Mohammed Abdulazim al-Houthi"], ["Houthis"], ["Mohammed Abdulazim al-Houthi"]),
   ev("media_release", "statement", True, ["Mohammed Abdulazim al-Houthi"], opt=True),
   ev("military_operation", "siege", True, ["Houthis"], [], places=["Al Humaidan"]),
   ev("attack", "shelling", True, ["Houthis"], [], places=["Al Humaidan"]),
   ev("military_operation", "clash", True, ["Houthis", "Followers of Mohammed Abdulazim al-Houthi"], [],
      places=["Sahar District", "Saada Governorate"], date="2018-10-01")])

PMF = ["Popular Mobilization Forces", "PMF", "Popular Mobilization Units", "Hashd al-Shaabi", "قوات الحشد الشعبي",
       "قوات الحشد الشعبي العراقية", "الحشد الشعبي", "الحشد"]
D("SK-middleEast-2560-20180625", "pmf-vows-response-to-albukamal-strike-2018-06", [
    org(*PMF), per("Abu Mahdi al-Muhandis", "Jamal Jaafar", "جمال جعفر", "أبو مهدي المهندس", "المهندس"),
    loc("United States", "الولايات المتحدة", "الأميركية", "الأميركان", "أميركيا"), org("Government of Iraq", "Iraqi government", "الحكومة العراقية"),
    org("Iraqi Army", "الجيش العراقي", "الجيش"), org("Joint Operations Command", "Iraqi Joint Operations Command", "قيادة العمليات المشتركة"),
    loc("Iran", "إيران"), org("Kata'ib Hezbollah", "Kataib Hezbollah", "كتائب حزب الله", "كتائب حزب الله في العراق"),
    loc("Al-Bukamal", "Abu Kamal", "البوكمال", "بلدة البوكمال", ll=(34.45, 40.92, 30)), loc("Syria", "سوريا", "السورية"),
    loc("Iraq", "العراق", "العراقية"), org("United States Armed Forces", "US forces", "القوات الأميركية", opt=True), loc("Tehran", "طهران", opt=True)],
  [ev("threat", "threat", True, ["Popular Mobilization Forces", "Abu Mahdi al-Muhandis"], ["United States"], ["Abu Mahdi al-Muhandis"]),
   ev("media_release", "video", True, ["Popular Mobilization Forces"], [], ["Abu Mahdi al-Muhandis"], opt=True),
   ev("attack", "airstrike", False, [], ["Popular Mobilization Forces", "Kata'ib Hezbollah"], places=["Al-Bukamal", "Syria"],
      fatalities=22, injured=12, tactics=["airstrike"])])

# ---------------- attacks ----------------
TNG = ["Tunisian National Guard", "National Guard (Tunisia)", "الحرس الوطني", "قوات الحرس الوطني", "جهاز الحرس الوطني"]
D("BB-middleEast-706-20180708", "tunisia-ghardimaou-ambush-9-guards-killed-2018-07-08", [
    org(*TNG), loc("Tunisia", "تونس", "التونسية", "التونسي"), loc("Algeria", "الجزائر", "الجزائري"),
    loc("Ghardimaou", "غار الدماء", "منطقة غار الدماء", ll=(36.45, 8.44, 30)), loc("Ain Soltane", "عين سلطان", "منطقة عين سلطان", opt=True),
    org("Ministry of Interior (Tunisia)", "Tunisian Interior Ministry", "وزارة الداخلية التونسية", "وزارة الداخلية"),
    per("Sofiane Zaag", "Sufian al-Zaq", "سفيان الزعق"), med("Tunis Afrique Presse", "TAP", "تونس أفريقيا", "وكالة الأنباء الرسمية تونس أفريقيا"),
    org(*IS_BASE, "تنظيم الدولة الإسلامية"), loc("Bardo National Museum", "متحف باردو", "متحف باردو التونسي", ll=(36.81, 10.13, 15)),
    loc("Sousse", "سوسة", "مدينة سوسة", ll=(35.83, 10.64, 30)), org("Tunisian Presidential Guard", "الحرس الرئاسي", opt=True),
    org("Carnegie Endowment", "Carnegie", "معهد \"كارنيغي\"", opt=True), org("Terrorist group", "مجموعة إرهابية", opt=True),
    loc("Feija National Park", "محمية الفائجة", opt=True), org("Tunisian state television", "التلفزيون الرسمي", opt=True)],
  [ev("attack", "ied", True, ["Terrorist group"], ["Tunisian National Guard"], places=["Ghardimaou"], fatalities=9, tactics=["ied", "armed_assault"]),
   ev("military_operation", "offensive", True, ["Tunisian National Guard"], [], opt=True),
   ev("attack", "armed_assault", False, ["Islamic State"], [], opt=True),
   ev("attack", "armed_assault", False, ["Islamic State"], [], places=["Bardo National Museum"], claimed=True),
   ev("attack", "armed_assault", False, ["Islamic State"], [], places=["Sousse"], claimed=True),
   ev("attack", "bombing", False, ["Islamic State"], ["Tunisian Presidential Guard"], fatalities=12, claimed=True)])

D("BB-middleEast-938-20180825", "arish-checkpoint-attack-4-police-killed-2018-08-25", [
    org("Egyptian National Police", "Egyptian police", "الشرطة المصرية", "الشرطة", "قوات الشرطة", "رجال الشرطة"),
    loc("Arish", "Al-Arish", "El Arish", "العريش", "مدينة العريش", ll=(31.13, 33.8, 30)),
    loc("North Sinai Governorate", "North Sinai", "شمال سيناء", "محافظة شمال سيناء", ll=(30.9, 33.6, 100)),
    org("Ministry of Interior (Egypt)", "Egyptian Interior Ministry", "وزارة الداخلية المصرية"),
    org("Egyptian Army", "Egyptian Armed Forces", "الجيش", "قوات الجيش"), org(*SINAIP), org(*IS_BASE, "تنظيم الدولة الإسلامية", "تنظيم الدولة"),
    loc("Egypt", "مصر", opt=True), loc("Al-Khazan checkpoint", "كمين الخزان", opt=True)],
  [ev("attack", "suicide", True, [], ["Egyptian National Police"], places=["Arish", "North Sinai Governorate"], date="2018-08-25",
      fatalities=4, injured=9, tactics=["suicide_bomb", "armed_assault"]),
   ev("military_operation", "clash", True, ["Egyptian National Police"], [], places=["Arish"], date="2018-08-25", opt=True),
   ev("military_operation", "offensive", False, ["Egyptian Army", "Egyptian National Police"], ["Islamic State – Sinai Province"], places=["North Sinai Governorate"]),
   ev("attack", "armed_assault", False, ["Islamic State"], ["Egyptian Army", "Egyptian National Police"], opt=True)])

D("SK-middleEast-299-20180314", "isis-ambush-border-police-diyala-2018-03", [
    IS("تنظيم \"داعش\" الإرهابى", "داعش"), org("Iraqi Border Police", "Border Guards", "شرطة الحدود"),
    loc("Mandali", "مندلي", ll=(33.75, 45.55, 30)), loc("Balad Ruz", "بلدروز", ll=(33.7, 45.08, 30)),
    loc("Kirkush military base", "Kirkush", "قاعدة كركوش", "قاعدة كركوش العسكرية", ll=(33.72, 45.25, 30), opt=True),
    loc("Diyala Governorate", "Diyala", "محافظة ديالى", "ديالى", ll=(33.95, 45.0, 100)),
    org("Ministry of Interior (Iraq)", "Iraqi Ministry of Interior", "وزارة الداخلية العراقية"), loc("Baghdad"),
    org("Islamic State – Diyala Province", "Wilayat Diyala", "ولاية ديالى", opt=True),
    org("Iraqi Police", "Iraqi police", "الشرطة العراقية", opt=True)],
  [ev("attack", "armed_assault", True, ["Islamic State"], ["Iraqi Border Police"], places=["Mandali", "Balad Ruz", "Diyala Governorate"],
      fatalities=5, tactics=["ambush"]),
   ev("arrest", "arrest", False, ["Ministry of Interior (Iraq)"], ["Islamic State"], places=["Baghdad"])])

# ---------------- arrests ----------------
CTS = ["Iraqi Counter Terrorism Service", "Counter Terrorism Service", "CTS", "جهاز مكافحة الارهاب العراقي", "جهاز مكافحة الارهاب",
       "جهاز مكافحة الإرهاب", "مكافحة الإرهاب"]
D("SK-middleEast-618-20180328", "iraq-cts-arrests-isis-desert-emir-anbar-2018-03", [
    org(*CTS), IS("تتظيم داعش", "تنظيم داعش", "داعش"), per("Saab Abdullah al-Issawi", "صعب عبد الله العيساوي", "العيساوي"),
    per("Diyab al-Issawi", "ذياب العيساوي"), loc("Al Anbar Governorate", "Anbar", "محافظة الأنبار", "الأنبار", ll=(33.0, 42.0, 150)),
    org("Iraqi Army Aviation", "طيران الجيش العراقي"), loc("Iraq", "العراق", opt=True)],
  [ev("arrest", "arrest", True, ["Iraqi Counter Terrorism Service"], ["Saab Abdullah al-Issawi", "Diyab al-Issawi", "Islamic State"],
      places=["Al Anbar Governorate"])])

D("AL-internationalNews-1243-20180519", "yemen-swat-arrests-isis-emir-lahij-2018-05", [
    org("Ministry of Interior (Yemen)", "Yemeni Interior Ministry", "وزارة الداخلية اليمنية", "الوزارة"),
    IS("#داعش", "تنظيم #داعش الإرهابي", "تنظيم داعش", "تنظيم \"داعش\"", "داعش"),
    loc("Lahij Governorate", "Lahij", "Lahj", "لحج", "#لحج", "محافظة لحج", ll=(13.2, 44.9, 80)),
    loc("Yafa", "Yafa'", "يافع", "#يافع", "منطقة #يافع", ll=(13.6, 45.3, 50)),
    org("Lahij SWAT unit", "SWAT", "فرقة التدخل السريع", "قوات (SWAT)", "(SWAT)"),
    per("Saleh al-Sayed", "صالح السيد", "العميد صالح السيد"), loc("Yemen", "اليمن", "اليمنية"),
    org("Yemeni security forces", "القوات الأمنية", opt=True)],
  [ev("arrest", "arrest", True, ["Lahij SWAT unit", "Ministry of Interior (Yemen)"], ["Islamic State"], ["Saleh al-Sayed"], ["Yafa", "Lahij Governorate"]),
   ev("arrest", "arrest", False, ["Yemeni security forces"], ["Islamic State"], places=["Lahij Governorate"], opt=True),
   ev("attack", "bombing", False, ["Islamic State"], ["Yemeni security forces"], claimed=True)])

SDF = ["Syrian Democratic Forces", "SDF", "قوات سوريا الديمقراطية"]
D("SK-middleEast-3695-20180930", "raqqa-security-forces-break-isis-sleeper-cell-2018-09-29", [
    org("Raqqa Internal Security Forces", "Asayish", "Raqqa Internal Security", "قوات الأمن الداخلي", "قوات الأمن الداخلي في الرقة",
        "قوات الأمن في مدينة الرقة", "قوات الأمن", "القوات"),
    IS("داعش", "تنظيم داعش", "مرتزقة داعش", "التنظيم"), loc("Raqqa", "Ar-Raqqah", "الرقة", "مدينة الرقة", ll=(35.95, 39.01, 30)),
    loc("Syria", "سوريا", "السورية"), org(*SDF), per("Muhannad Ibrahim", "مهند إبراهيم", "المتحدث مهند إبراهيم"),
    org("General Security apparatus", "جهاز الأمن العام", opt=True), loc("Al-Daraiya (Raqqa)", "حي الدرعية", opt=True),
    loc("Basil Street", "شارع باسل", opt=True), org("Kurds", "الأكراد", opt=True)],
  [ev("arrest", "arrest", True, ["Raqqa Internal Security Forces"], ["Islamic State"], ["Muhannad Ibrahim"], ["Raqqa"], date="2018-09-29"),
   ev("arrest", "seizure", True, ["Raqqa Internal Security Forces"], ["Islamic State"], ["Muhannad Ibrahim"], ["Raqqa"], date="2018-09-29"),
   ev("territorial_change", "capture", False, ["Syrian Democratic Forces"], ["Islamic State"], places=["Raqqa"]),
   ev("attack", "ied", False, [], ["Syrian Democratic Forces"], places=["Raqqa"], opt=True)])

# ---------------- place-heavy Syria: who holds the Syrian-Turkish border ----------------
D("snn-2015-07-25-a8f181616e", "syria-turkey-border-control-map-2015-07", [
    IS("«داعش»"), loc("Syria", "السورية", "سوريا"), loc("Turkey", "التركية", "تركيا"),
    loc("Aleppo Governorate", "Aleppo", "حلب", "ريف حلب", "ريف حلب الشمالي الشرقي", ll=(36.2,37.4, 100)),
    loc("Jarabulus", "جرابلس", "مدينة جرابلس", ll=(36.82, 38.01, 30)), loc("Sawran", "Soran", "صوران", "بلدة صوران", ll=(36.6, 37.1, 30)),
    loc("Azaz", "A'zaz", "أعزاز", "معبر أعزاز", ll=(36.586, 37.046, 30)),
    org("People's Defense Units", "People's Protection Units", "YPG", "وحدات حماية الشعب الكردي", "«وحدات حماية الشعب الكردي»",
        "وحدات حماية الشعب الكردي", "الوحدات الكردية"),
    org(*SOHR, "«المرصد السوري لحقوق الإنسان»"), per("Rami Abdulrahman", "Rami Abdel Rahman", "رامي عبد الرحمن", "عبد الرحمن"),
    med("Asharq Al-Awsat", "الشرق الأوسط", "«الشرق الأوسط»"), org("Free Syrian Army", "FSA", "الجيش السوري الحر", "«الجيش السوري الحر»"),
    org("Euphrates Volcano", "Burkan al-Furat", "غرفة عمليات بركان الفرات", "«غرفة عمليات بركان الفرات»"),
    org("International coalition against ISIS", "US-led coalition", "التحالف العربي والدولي ضد الإرهاب"),
    loc("Kobani", "Ayn al-Arab", "كوباني", "عين العرب", "مدينة كوباني", ll=(36.89, 38.35, 30)),
    loc("Raqqa Governorate", "Raqqa", "الرقة", "محافظة الرقة", ll=(35.95, 39.0, 120)),
    loc("Al-Hasakah Governorate", "Al-Hasakah", "Hasakah", "الحسكة", "محافظة الحسكة", ll=(36.5, 40.75, 120)),
    loc("Tal Abyad", "Tell Abyad", "تل أبيض", "معبر تل أبيض", ll=(36.7, 38.95, 30)),
    org("Syrian government forces", "Syrian Armed Forces", "Syrian regime", "القوات الحكومية السورية", "النظام"),
    loc("Qamishli", "القامشلي", "معبر القامشلي", ll=(37.05, 41.22, 30)),
    org("Al-Nusra Front", "Jabhat al-Nusra", "جبهة النصرة", "«جبهة النصرة»"),
    loc("Afrin", "عفرين", ll=(36.51, 36.87, 30)), loc("Idlib Governorate", "Idlib", "ريف إدلب", ll=(35.8, 36.6, 80)),
    loc("Kessab", "Kasab", "كسب", "معبر كسب", ll=(35.93, 35.99, 30)), loc("Manbij", "منبج", ll=(36.53, 37.95, 30)),
    org(*PKK, "(بي كي كي)", "بي كي كي"), loc("Ras al-Ayn", "Ras al-Ain", "رأس العين", ll=(36.85, 40.07, 30)),
    org("Syrian opposition", "Syrian rebels", "قوات المعارضة السورية"),
    org("Turkish Armed Forces", "Turkish forces", "القوات التركية"),
    loc("Tigris", "نهر دجلة", opt=True), loc("Euphrates", "نهر الفرات", opt=True), loc("Jabal al-Akrad", "جبل الأكراد", opt=True),
    loc("Sarrin", "Sirrin", "صرين", opt=True), org("Kurds", "الأكراد", "مقاتلون أكراد", "المقاتلون", opt=True),
    org("Syrian Turkmen forces", "قوات تركمانية سورية", opt=True), loc("Ankara", "أنقرة", opt=True)],
  [ev("territorial_change", "control_share", True, ["Islamic State"], [], places=["Jarabulus", "Sawran", "Azaz", "Aleppo Governorate"]),
   ev("territorial_change", "control_share", True, ["People's Defense Units"], [], places=["Syria", "Turkey"]),
   ev("attack", "airstrike", True, ["Turkish Armed Forces", "Turkey"], ["Islamic State"], places=["Jarabulus"], tactics=["airstrike"]),
   ev("territorial_change", "capture", False, ["People's Defense Units", "Free Syrian Army", "Euphrates Volcano"], ["Islamic State"], places=["Kobani"]),
   ev("territorial_change", "capture", False, ["People's Defense Units", "Free Syrian Army"], ["Islamic State"], places=["Tal Abyad", "Raqqa Governorate"]),
   ev("military_operation", "offensive", False, ["People's Defense Units", "Free Syrian Army", "Euphrates Volcano"], ["Islamic State"],
      places=["Kobani", "Raqqa Governorate", "Al-Hasakah Governorate"]),
   ev("military_operation", "airstrike_campaign", False, ["International coalition against ISIS"], ["Islamic State"]),
   ev("territorial_change", "control_share", False, ["Syrian government forces"], [], places=["Qamishli", "Kessab"], opt=True),
   ev("territorial_change", "control_share", False, ["Free Syrian Army", "Al-Nusra Front"], [], places=["Azaz", "Afrin"], opt=True),
   ev("territorial_change", "control_share", False, ["People's Defense Units"], [], places=["Ras al-Ayn", "Tal Abyad"], opt=True)],
  outlet="الشرق الأوسط")
