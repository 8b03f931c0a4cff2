"""Hold-out annotations, part A: the same-story groups and the hard negative (hand-written)."""
import os as _os, sys as _sys
_sys.path.append(_os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "gold"))
from _lib import *  # the annotation helpers are shared with tests/gold

DOCS = []
def D(doc_id, story, entities, events, outlet=None, wires=()):
    DOCS.append({"doc_id": doc_id, "outlet": outlet, "wires": list(wires), "story": story,
                 "entities": entities, "events": events})

CNN_DL = [loc("Dubai", opt=True), loc("United Arab Emirates", opt=True), med("CNN", opt=True)]

# ---- Libya: attack on the High National Elections Commission, Tripoli, 2 May 2018 (BBC + Sky claim) ----
HNEC = ["High National Elections Commission", "HNEC", "Libyan electoral commission", "المفوضية العليا للانتخابات",
        "مقر المفوضية العليا للانتخابات", "مفوضية الانتخابات", "المفوضية"]
D("BB-middleEast-436-20180502", "libya-hnec-suicide-attack-tripoli-2018-05-02", [
    org(*HNEC), loc("Tripoli", "العاصمة الليبية طرابلس"), loc("Libya", "الليبية", "الليبي"),
    med("Reuters", "رويترز", "وكالة رويترز"), per("Khaled Omar", "Khalid Omar", "خالد عمر"),
    org("Ministry of Health (Libya)", "Libyan Ministry of Health", "وزارة الصحة"),
    org("Libyan security forces", "security forces", "قوات الأمن"),
    loc("Ghout al-Shaal", "Ghut al-Shaal", "غوط الشعال", "حي غوط الشعال", ll=(32.87, 13.12, 15)),
    org(*IS_BASE, "تنظيم الدولة الإسلامية"), org("United Nations", "UN", "الأمم المتحدة"),
    org("European Union", "EU", "الاتحاد الأوروبي"), per("Muammar Gaddafi", "Gaddafi", "معمر القذافي", "القذافي"),
    per("Fayez al-Sarraj", "Fayez Sarraj", "فايز السراج"),
    org("Government of National Accord", "GNA", "حكومة الوفاق الوطني"),
    per("Khalifa Haftar", "Haftar", "خليفة حفتر"), org("Libyan National Army", "LNA", "الجيش الوطني الليبي"),
    loc("Paris", "باريس", ll=(48.857, 2.352, 30)), per("Emmanuel Macron", "Macron", "إيمانويل ماكرون"),
    org("NATO", "North Atlantic Treaty Organization", "حلف شمالي الأطلسي"),
    loc("France", "الفرنسي", opt=True)],
  [ev("attack", "suicide", True, [], ["High National Elections Commission"], places=["Tripoli", "Ghout al-Shaal"],
      fatalities=12, tactics=["suicide_bomb"]),
   ev("military_operation", "clash", True, ["Libyan security forces"], [], places=["Tripoli"], opt=True)],
  wires=["Reuters"])
D("SK-middleEast-1387-20180502", "libya-hnec-suicide-attack-tripoli-2018-05-02", [
    IS("تنظيم \"داعش\""), org(*HNEC), loc("Libya", "الليبية"),
    per("Khaled Omar", "Khalid Omar", "Khaled Ammar", "خالد عمار"),
    org("Libyan security forces", "security forces", "قوات الأمن"),
    org("HNEC guards", "قوات حرس المفوضية", opt=True), org("Armed militias", "ميليشيات مسلحة", opt=True),
    per("Muammar Gaddafi", "Gaddafi", "معمر القذافي"), med("Sky News Arabia", "سكاي نيوز عربية", opt=True)],
  [ev("media_release", "statement", True, ["Islamic State"], format="statement"),
   ev("attack", "suicide", True, ["Islamic State"], ["High National Elections Commission"], places=["Libya"], date="2018-05-02",
      fatalities=11, claimed=True, tactics=["suicide_bomb"]),
   ev("arrest", "arrest", True, ["Libyan security forces"], [], opt=True),
   ev("military_operation", "clash", True, ["Armed militias"], ["HNEC guards"], opt=True)],
  outlet="سكاي نيوز عربية")

# ---- Abdul-Malik al-Houthi vows revenge for Sammad (CNN + BBC) ----
AMH = ["Abdul-Malik al-Houthi", "Abdulmalik al-Houthi", "Abdul Malik al-Houthi", "عبدالملك الحوثي", "عبد الملك الحوثي"]
SAMMAD = ["Saleh Ali al-Sammad", "Saleh al-Sammad", "Sammad", "صالح الصماد", "صالح علي الصماد", "الصماد"]
HOUTHI = ["Houthis", "Houthi movement", "Ansar Allah", "الحوثيون", "الحوثيين", "الحوثي", "أنصار الله"]
SLC = ["Saudi-led coalition", "Arab coalition", "Coalition to Support Legitimacy in Yemen", "التحالف العربي"]
SPC = ["Supreme Political Council", "المجلس السياسي الأعلى", "المجلس السياسي"]
MASIRAH = ["Al-Masirah", "Al Masirah TV", "المسيرة", "قناة المسيرة", "قناة \"المسيرة\""]
HUD = loc("Al Hudaydah Governorate", "Al Hudaydah", "Hodeidah", "محافظة الحديدة", "الحديدة", ll=(14.8, 42.95, 60))
HAJ = loc("Hajjah Governorate", "Hajjah", "محافظة حجة", "ولاية حجة", "حجة", ll=(16.0, 43.4, 80))
BANIQAIS = loc("Bani Qais", "Bani Qays", "بني قيس", ll=(16.06, 43.3, 30))
D("CN-middleEast-707-20180424", "houthi-leader-vows-revenge-sammad-2018-04-24", [
    per(*AMH), org(*HOUTHI, "جماعة \"أنصار الله\"", "الجماعة"), per(*SAMMAD), org(*SPC), loc("Saudi Arabia", "المملكة العربية السعودية", "السعودي"),
    org(*SLC), loc("United States", "أمريكا", "الأمريكي"), med(*MASIRAH),
    med("Ansarollah website", "موقع أنصار الله", "موقع \"أنصار الله\"", opt=True), HUD, HAJ, BANIQAIS,
    loc("Yemen", "اليمنية", opt=True), org("Aggression forces", "قوى العدوان", "العدوان الأمريكي السعودي", opt=True)] + CNN_DL,
  [ev("threat", "threat", True, ["Houthis", "Abdul-Malik al-Houthi"], ["Saudi Arabia", "United States"], ["Abdul-Malik al-Houthi"]),
   ev("media_release", "statement", True, ["Houthis"], [], ["Abdul-Malik al-Houthi"], opt=True),
   ev("leadership_change", "killed", False, ["Saudi-led coalition"], ["Saleh Ali al-Sammad", "Houthis"], places=["Al Hudaydah Governorate"], date="2018-04-19"),
   ev("attack", "airstrike", False, ["Saudi-led coalition"], ["Saleh Ali al-Sammad"], places=["Al Hudaydah Governorate"], date="2018-04-19",
      fatalities=7, tactics=["airstrike"]),
   ev("attack", "airstrike", False, [], [], places=["Hajjah Governorate", "Bani Qais"], opt=True),
   ev("leadership_change", "appointed", False, ["Supreme Political Council"], [], opt=True)],
  outlet="CNN")
D("BB-middleEast-394-20180424", "houthi-leader-vows-revenge-sammad-2018-04-24", [
    per(*AMH, "زعيم الحركة الحوثية"), per(*SAMMAD), org(*HOUTHI, "حركة الحوثيين", "الحركة الحوثية"),
    org(*SLC, "التحالف الذي تقوده السعودية", "التحالف العسكري الذي تقوده السعودية", "التحالف"),
    loc("Saudi Arabia", "السعودية", "المملكة", "السعودية"), loc("United States", "الأمريكية"),
    org("Saudi Armed Forces", "القوات السعودية", opt=True), med(*MASIRAH),
    HUD, org(*SPC), per("Mahdi al-Mashat", "مهدي المشاط"),
    org("General People's Congress", "GPC", "حزب المؤتمر الشعبي العام"), loc("Sanaa", "Sana'a", "صنعاء", "العاصمة صنعاء", ll=(15.355, 44.206, 30)),
    loc("Yemen", "اليمن", "اليمنيين"), per("Abdrabbuh Mansur Hadi", "Abd Rabbuh Mansur Hadi", "Hadi", "عبد ربه منصور هادي"),
    med("Saba News Agency", "Saba", "وكالة الأنباء اليمنية"), org("Médecins Sans Frontières", "Doctors Without Borders", "MSF", "أطباء بلا حدود", "منظمة أطباء بلا حدود"),
    plat("Twitter", "تويتر"), HAJ, BANIQAIS, med("AFP", "Agence France-Presse", "فرانس برس", "وكالة فرانس برس"),
    org("Saudi Aramco", "Aramco", "أرامكو", "شركة أرامكو"), loc("Jizan", "Jazan", "جيزان", "مدينة جيزان", ll=(16.89, 42.55, 30)),
    loc("Najran", "نجران", "مدينة نجران", ll=(17.49, 44.13, 30)), org("United Nations", "UN", "الأمم المتحدة"),
    loc("Red Sea", "البحر الأحمر", opt=True), org("Government of Yemen", "Yemeni government", "الحكومة", opt=True)],
  [ev("threat", "threat", True, ["Houthis", "Abdul-Malik al-Houthi"], ["Saudi Arabia", "United States"], ["Abdul-Malik al-Houthi"]),
   ev("media_release", "statement", True, ["Houthis"], [], ["Abdul-Malik al-Houthi"], opt=True),
   ev("leadership_change", "killed", False, ["Saudi-led coalition"], ["Saleh Ali al-Sammad", "Houthis"], places=["Al Hudaydah Governorate"], date="2018-04-19"),
   ev("attack", "airstrike", False, ["Saudi-led coalition"], ["Saleh Ali al-Sammad"], places=["Al Hudaydah Governorate"], date="2018-04-19", tactics=["airstrike"]),
   ev("leadership_change", "appointed", False, ["Supreme Political Council", "Houthis"], ["Mahdi al-Mashat"]),
   ev("media_release", "statement", False, ["Supreme Political Council"], [], opt=True, format="statement", outlet="Saba News Agency"),
   ev("military_operation", "airstrike_campaign", False, ["Saudi Arabia", "Saudi-led coalition"], ["Houthis"], places=["Yemen"], date="2015-03-25"),
   ev("territorial_change", "capture", False, ["Houthis"], [], places=["Sanaa"], opt=True),
   ev("attack", "airstrike", False, ["Saudi-led coalition"], [], places=["Hajjah Governorate", "Bani Qais"], tactics=["airstrike"]),
   ev("attack", "shelling", False, ["Houthis"], ["Saudi Aramco"], places=["Jizan"]),
   ev("attack", "shelling", False, ["Houthis"], [], places=["Najran"], opt=True),
   ev("threat", "threat", False, ["Saleh Ali al-Sammad", "Houthis"], ["Saudi Arabia"])])

# ---- Turkey: 17 ISIS suspects arrested in Manisa, 7 Aug 2015 (alweeam + aljazirah); hard negative: 851 arrests (alriyadh) ----
TSF = ["Turkish security forces", "Turkish police", "قوات الأمن التركية", "قوات الأمن", "الأمن التركي", "فرق الأمن", "فرق الأمن التركية"]
GEND = ["Gendarmerie General Command", "Turkish Gendarmerie", "Jandarma", "قوات الدرك", "قوات الدرك التركية"]
PKK = ["Kurdistan Workers' Party", "PKK", "حزب العمال الكردستاني", "بي كيه كيه", "بي.كيه.كيه", "حزب «بي.كيه.كيه»", "\"بي كيه كيه\"", "حزب \"بي كيه كيه\""]
DHKPC = ["Revolutionary People's Liberation Party–Front", "DHKP-C", "جبهة حزب التحرير الشعبي الثوري"]
ANADOLU = ["Anadolu Agency", "Anadolu", "AA", "الأناضول", "وكالة الأناضول", "وكالة أنباء الأناضول", "وكالة \"الأناضول\" للأنباء"]
MANISA = loc("Manisa", "مانيسا", "مدينة مانيسا", ll=(38.61, 27.43, 30))
ANKARA = loc("Ankara", "أنقرة", "انقرة", "العاصمة أنقرة", "العاصمة انقرة", ll=(39.93, 32.86, 30))
D("snn-2015-08-07-3d5dea9848", "turkey-arrests-17-isis-suspects-manisa-2015-08-07", [
    org(*TSF), IS("داعش"), MANISA, loc("Turkey", "تركيا"), org(*PKK), ANKARA, med(*ANADOLU),
    org(*GEND), org("Turkish counter-terrorism forces", "قوات مكافحة الإرهاب", opt=True), loc("Syria", "سوريا"),
    med("Al-Weeam", "صحيفة الوئام", "الوئام", opt=True)],
  [ev("arrest", "arrest", True, ["Turkish security forces", "Gendarmerie General Command"], ["Islamic State"], places=["Manisa"], date="2015-08-07"),
   ev("arrest", "arrest", True, ["Gendarmerie General Command"], ["Kurdistan Workers' Party"], places=["Ankara"], date="2015-08-07", opt=True),
   ev("attack", "armed_assault", False, [], ["Turkish security forces"], places=["Turkey"], opt=True),
   ev("military_operation", "clash", False, ["Turkish security forces"], [], opt=True)],
  wires=["Anadolu Agency"])
D("snn-2015-08-08-5eefb575f6", "turkey-arrests-17-isis-suspects-manisa-2015-08-07", [
    org(*TSF), IS("«داعش»", "داعش"), MANISA, loc("Turkey", "تركيا"), org(*PKK), ANKARA, med(*ANADOLU),
    org(*GEND), org("Turkish counter-terrorism forces", "قوات مكافحة الإرهاب", opt=True), loc("Syria", "سورية"),
    org("Government of Turkey", "Turkish government", "الحكومة التركية"),
    org("Turkish Armed Forces", "القوات المسلحة التركية"), org(*DHKPC)],
  [ev("arrest", "arrest", True, ["Turkish security forces", "Gendarmerie General Command"], ["Islamic State"], places=["Manisa"], date="2015-08-07"),
   ev("arrest", "arrest", True, ["Gendarmerie General Command"], ["Kurdistan Workers' Party"], places=["Ankara"], date="2015-08-07", opt=True),
   ev("attack", "armed_assault", False, [], ["Turkish security forces"], places=["Turkey"], opt=True),
   ev("military_operation", "clash", False, ["Turkish security forces"], [], opt=True),
   ev("military_operation", "airstrike_campaign", False, ["Turkish Armed Forces"], ["Kurdistan Workers' Party"]),
   ev("arrest", "arrest", False, ["Turkish security forces"], ["Islamic State", "Kurdistan Workers' Party", "Revolutionary People's Liberation Party–Front"])],
  wires=["Anadolu Agency"])
D("snn-2015-07-26-35829a849b", "turkey-arrests-851-suspects-2015-07-26", [
    org(*TSF), IS("داعش", "\"داعش\"", "لـ \"داعش\""), org(*PKK), org(*DHKPC), med(*ANADOLU), loc("Turkey", "تركية", "تركيا"),
    per("Abdullah Abdullaev", "عبدالله عبداللاييف"), per("Halis Bayancuk", "Abu Hanzala", "خالص بايانجوك", "أبو حنظلة"),
    loc("Istanbul", "اسطنبول"), loc("Syria", "سورية"), loc("Iraq"),
    loc("Dagestan", "الداغستاني", opt=True), loc("Russia", "الروسية", opt=True), loc("Europe", "أوروبا", opt=True)],
  [ev("arrest", "arrest", True, ["Turkish security forces"], ["Islamic State", "Kurdistan Workers' Party", "Revolutionary People's Liberation Party–Front", "Abdullah Abdullaev"],
      places=["Turkey"]),
   ev("arrest", "arrest", False, ["Turkish security forces"], ["Halis Bayancuk", "Islamic State"], places=["Istanbul"], date="2015-07-25")],
  wires=["Anadolu Agency"])

# ---- Hisham Ashmawi arrested in Derna, 8 Oct 2018 (BBC + Sky) ----
ASHMAWI = ["Hisham Ashmawi", "Hesham Ashmawy", "هشام عشماوي", "عشماوي", "العشماوي"]
LNA = ["Libyan National Army", "LNA", "Libyan army", "الجيش الليبي", "الجيش الوطني الليبي", "الجيش الوطني"]
MISMARI = ["Ahmed al-Mismari", "Ahmed Mismari", "أحمد المسماري", "المسماري", "العميد أحمد المسماري"]
SINAIP = ["Islamic State – Sinai Province", "Sinai Province", "Wilayat Sinai", "Ansar Bait al-Maqdis", "Ansar Bayt al-Maqdis",
          "ولاية سيناء", "أنصار بيت المقدس"]
D("BB-middleEast-1072-20181008", "libya-lna-arrests-hisham-ashmawi-derna-2018-10-08", [
    per(*ASHMAWI, "أبي عمر المهاجر", "Abu Omar al-Muhajir"), org(*LNA, "القوات المسلحة في شرقي ليبيا", "القوات المسلحة في شرق ليبيا", "القوات المسلحة"),
    per(*MISMARI), per("Khalifa Haftar", "Haftar", "خليفة حفتر"), loc("Derna", "مدينة درنة"),
    loc("Al-Maghar (Derna)", "Maghar", "حي المغار", opt=True), loc("Libya", "ليبيا"), loc("Egypt", "مصر", "المصرية", "مصريا"),
    org("Egyptian Army", "Egyptian Armed Forces", "الجيش المصري", "قوات الجيش"), plat("Facebook", "فيسبوك"),
    med("BBC", "BBC Arabic", "بي بي سي", opt=True), org("Jund al-Islam", "جند الإسلام", "تنظيم جند الإسلام"), org("al-Qaeda", "القاعدة"),
    org("Al-Mourabitoun (Egypt)", "Al-Murabitun", "مرابطون", "تنظيم مرابطون"),
    loc("North Sinai Governorate", "North Sinai", "شمال سيناء", ll=(30.9, 33.6, 100)),
    loc("Farafra", "الفرافرة", "كمين الفرافرة", ll=(27.06, 27.97, 60)), loc("Western Desert (Egypt)", "صحراء مصر الغربية", opt=True),
    org(*IS_BASE, "تنظيم الدولة الإسلامية"), org(*SINAIP),
    org("Egyptian National Police", "Egyptian police", "الشرطة المصرية", "الشرطة"),
    org("Egyptian authorities", "Government of Egypt", "السلطات المصرية", opt=True)],
  [ev("arrest", "arrest", True, ["Libyan National Army"], ["Hisham Ashmawi"], ["Ahmed al-Mismari"], ["Derna"], date="2018-10-08"),
   ev("attack", "armed_assault", False, ["Hisham Ashmawi"], ["Egyptian Army"], places=["Farafra"]),
   ev("military_operation", "offensive", False, ["Egyptian Army", "Egyptian National Police"], ["Islamic State – Sinai Province"], places=["North Sinai Governorate"]),
   ev("attack", "armed_assault", False, ["Islamic State"], ["Egyptian Army", "Egyptian National Police"], opt=True)],
  outlet="بي بي سي")
D("SK-middleEast-3775-20181008", "libya-lna-arrests-hisham-ashmawi-derna-2018-10-08", [
    per(*ASHMAWI), org(*LNA, "الجيش"), per(*MISMARI), loc("Derna", "مدينة درنة"), loc("Libya", "ليبيا"),
    loc("Egypt", "مصر", "المصري"), org(*SINAIP, "جماعة \"أنصار بيت المقدس\""),
    org("Ministry of Interior (Egypt)", "Egyptian Minister of Interior", "وزير الداخلية السابق", opt=True),
    org("Egyptian security services", "الأجهزة المصرية", opt=True), med("Sky News Arabia", "سكاي نيوز عربية", opt=True)],
  [ev("arrest", "arrest", True, ["Libyan National Army"], ["Hisham Ashmawi"], ["Ahmed al-Mismari"], ["Derna"], date="2018-10-08"),
   ev("attack", "assassination", False, ["Hisham Ashmawi", "Islamic State – Sinai Province"], ["Ministry of Interior (Egypt)"]),
   ev("attack", "armed_assault", False, ["Hisham Ashmawi"], [])],
  outlet="سكاي نيوز عربية")

# ---- ISIS takes al-Qaryatayn and abducts its Christians, 6-7 Aug 2015 (3alyoum + alriyadh) ----
SOHR = ["Syrian Observatory for Human Rights", "SOHR", "المرصد السوري لحقوق الإنسان", "المرصد"]
QARY = loc("Al-Qaryatayn", "Qaryatayn", "Al Qaryatayn", "القريتين", "مدينة القريتين", ll=(34.23, 37.24, 30))
HOMS = loc("Homs Governorate", "Homs", "محافظة حمص", "حمص", ll=(34.5, 37.5, 120))
SYRARMY = ["Syrian government forces", "Syrian Armed Forces", "Syrian Arab Army", "Syrian Army", "الجيش السوري", "قوات الجيش السوري"]
PALMYRA = loc("Palmyra", "Tadmur", "تدمر", "مدينة تدمر", ll=(34.56, 38.28, 30))
QALAMOUN = loc("Qalamoun Mountains", "Qalamoun", "جبال القلمون", ll=(33.9, 36.6, 60))
D("snn-2015-08-07-49f5261ebc", "isis-takes-qaryatayn-abducts-christians-2015-08", [
    IS("تنظيم الدولة الإسلامية", "التنظيم المتشدد"), org(*SOHR), QARY, HOMS, loc("Syria", "سوريا"), org(*SYRARMY), PALMYRA, QALAMOUN,
    loc("Lebanon", "لبنان", ll=(33.9, 35.9, 150)), loc("Mar Elian Monastery", "Mar Elian", "دير مار اليان", opt=True),
    loc("United Kingdom", "بريطانيا", opt=True), org("Christians", "المسيحيين", "مسيحيا", opt=True),
    org("Kurdish forces", "قوات كردية", opt=True), org("International coalition against ISIS", "US-led coalition", "تحالف تقوده الولايات المتحدة"),
    loc("Beirut", "بيروت", opt=True), med("Ain Alyoum", "عين اليوم", opt=True)],
  [ev("attack", "armed_assault", True, ["Islamic State"], [], places=["Al-Qaryatayn"], kidnapping=True),
   ev("territorial_change", "capture", True, ["Islamic State"], ["Syrian government forces"], places=["Al-Qaryatayn", "Homs Governorate"], date="2015-08-06"),
   ev("military_operation", "clash", True, ["Islamic State"], ["Syrian government forces"], places=["Al-Qaryatayn"], date="2015-08-06", opt=True),
   ev("attack", "armed_assault", False, ["Islamic State"], [], places=["Syria"], kidnapping=True),
   ev("military_operation", "offensive", False, ["Kurdish forces", "International coalition against ISIS"], [], opt=True),
   ev("execution", "other", False, ["Islamic State"], [], opt=True)],
  outlet="عين اليوم")
D("snn-2015-08-07-aa6482f1e2", "isis-takes-qaryatayn-abducts-christians-2015-08", [
    IS("تنظيم داعش"), org(*SOHR), QARY, HOMS, loc("Syria", "سوريا"), org(*SYRARMY), PALMYRA, QALAMOUN,
    loc("Lebanon", "لبنان", ll=(33.9, 35.9, 150)), loc("Mar Elian Monastery", "Mar Elian", "دير مار اليان", opt=True),
    loc("United Kingdom", "بريطانيا", opt=True), org("Christians", "المسيحيين", opt=True)],
  [ev("attack", "armed_assault", True, ["Islamic State"], [], places=["Al-Qaryatayn"], kidnapping=True),
   ev("territorial_change", "capture", True, ["Islamic State"], ["Syrian government forces"], places=["Al-Qaryatayn", "Homs Governorate"]),
   ev("military_operation", "clash", True, ["Islamic State"], ["Syrian government forces"], places=["Al-Qaryatayn"], opt=True)])

# ---- Iraqi air force strikes ISIS inside Syria, 19 Apr 2018 (CNN + BBC) ----
IQAF = ["Iraqi Air Force", "القوات الجوية العراقية", "قواتنا الجوية", "قواتنا الجوية البطلة"]
ABADI = ["Haider al-Abadi", "Haidar al-Abadi", "حيدر العبادي", "العبادي"]
D("CN-middleEast-670-20180419", "iraq-airstrikes-isis-in-syria-2018-04-19", [
    per(*ABADI), org("Prime Minister's Media Office (Iraq)", "المكتب الإعلامي لرئيس الوزراء العراقي", "المكتب الإعلامي للعبادي", opt=True),
    org(*IQAF), IS("تنظيم \"داعش\"", "عصابات داعش", "عصابات داعش الإرهابية", "داعش"), loc("Syria", "الأراضي السورية"),
    loc("Iraq", "العراقية", "الأراضي العراقية"), plat("Twitter", "تويتر"),
    org("Iraqi Armed Forces", "قواتنا المسلحة", "قواتنا المسلحة الباسلة", opt=True)] + CNN_DL,
  [ev("attack", "airstrike", True, ["Iraqi Air Force", "Iraq"], ["Islamic State"], places=["Syria"], date="2018-04-19", tactics=["airstrike"]),
   ev("military_operation", "airstrike_campaign", True, ["Iraqi Air Force"], ["Islamic State"], places=["Syria"], opt=True)],
  outlet="CNN")
D("BB-middleEast-370-20180419", "iraq-airstrikes-isis-in-syria-2018-04-19", [
    org(*IQAF), IS("تنظيم ما يعرف بالدولة الإسلامية", "تنظيم الدولة"), loc("Syria", "سوريا"), loc("Iraq", "العراق"), per(*ABADI),
    org("Prime Minister's Office of Iraq", "مكتب رئيس الوزراء", opt=True), med("Reuters", "رويترز", "وكالة رويترز للأنباء"),
    per("Yahya Rasool", "Yahya Rasul", "يحيى رسول", "العميد يحيى رسول"), org("Iraqi Army", "الجيش العراقي"),
    org("Government of Syria", "Syrian government", "الحكومة السورية")],
  [ev("attack", "airstrike", True, ["Iraqi Air Force", "Iraq"], ["Islamic State"], [], ["Syria"], tactics=["airstrike"]),
   ev("military_operation", "airstrike_campaign", True, ["Iraqi Air Force"], ["Islamic State"], places=["Syria"], opt=True),
   ev("territorial_change", "control_share", False, ["Islamic State"], [], places=["Iraq"], opt=True),
   ev("attack", "bombing", False, ["Islamic State"], [], places=["Iraq"], opt=True)],
  wires=["Reuters"])
