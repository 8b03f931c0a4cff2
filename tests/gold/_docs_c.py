from _lib import *
from _docs_a import D, AQ, SOHR, IS_BASE

BAGHDADI = ["Abu Bakr al-Baghdadi", "al-Baghdadi", "Baghdadi", "أبو بكر البغدادي", "البغدادي"]
SYRGOV = ["Syrian government forces", "Syrian Armed Forces", "Syrian Arab Army", "Syrian army", "Syrian regime"]
AMAQ = ["Amaq News Agency", "Amaq", "أعماق", "وكالة أعماق"]

# ---- opinion column: ISIS Turkish-language magazine, Turkey as new target ----
D("snn-2015-07-31-d67667e72c", "isis-turkish-magazine-konstantiniyye-2015", [
    IS(), pub("Konstantiniyye", "Constantinople magazine", "القسطنطينية", "«القسطنطينية»"),
    loc("Turkey", "تركيا", "الأتراك"), loc("Istanbul", "Constantinople", "اسطنبول", "إسلام بول", "القسطنطينية", "«القسطنطينية»"),
    plat("Twitter", "تويتر"), per(*BAGHDADI, "زعيم داعش"), per("Mehmed the Conqueror", "Mehmed II", "محمد الفاتح"),
    per("Constantine the Great", "Constantine I", "قسطنطين الأول", "الإمبراطور الروماني الوثني قسطنطين الأول"),
    loc("Rome", "روما", ll=(41.9, 12.5, 30)), pub("Dabiq", "Dabiq magazine", "دابق", "«دابق»", "مجلة داعش الرسمية"),
    loc("Marj Dabiq", "Dabiq, Syria", "مرج «دابق»", "دابق", ll=(36.53, 37.27, 30)),
    per("Jesus", "المسيح", opt=True), per("Abu Sulayman", "أبو سليمان", "قاضي داعش أبو سليمان", opt=True),
    per("Muhammad", "رسول الله", opt=True), per("Mahdi", "المهدي", opt=True),
    loc("Mesopotamia", "أرض الرافدين", opt=True), loc("Al-Aqsa Mosque", "المسجد الأقصى", opt=True),
    loc("Umayyad Mosque", "المسجد الأموي", opt=True), loc("Damascus", opt=True), loc("Western world", "الغرب", "الغرب النووي", opt=True),
    org("Roman Empire", "الرومانية", opt=True)],
  [ev("media_release", "magazine", True, ["Islamic State"], format="magazine", title="القسطنطينية", language="tr"),
   ev("threat", "threat", True, ["Islamic State"], ["Turkey"], places=["Turkey", "Istanbul"]),
   ev("attack", "bombing", False, ["Islamic State"], [], places=["Turkey"]),
   ev("military_operation", "clash", False, ["Islamic State", "Turkey"], [], opt=True),
   ev("media_release", "photo_report", False, ["Islamic State"], places=["Turkey"], opt=True)])

# ---- Syrian army controls 90% of Eastern Ghouta ----
D("SK-middleEast-501-20180323", "syrian-army-90pct-eastern-ghouta-harasta-2018-03-23", [
    org(*SYRGOV, "الجيش السوري", "قوات النظام"), loc("Eastern Ghouta", "East Ghouta", "الغوطة الشرقية", ll=(33.55, 36.42, 30)),
    loc("Damascus"), loc("Harasta", "حرستا", "مدينة حرستا", ll=(33.56, 36.37, 30)), org(*SOHR),
    org("Syrian opposition", "Syrian rebels", "الفصائل المعارضة", "فصائل المعارضة", "المقاتلين المعارضين", "المسلحين", "مقاتلي الفصائل المعارضة"),
    med("Syrian Arab Television", "Syrian TV", "التلفزيون السوري الرسمي", "التلفزيون السوري", "التلفزيون الرسمي"),
    loc("Idlib", "إدلب"), org("Faylaq al-Rahman", "Al-Rahman Legion", "فيلق الرحمن", "فصيل فيلق الرحمن"),
    loc("Douma", "دوما", "مدينة دوما", ll=(33.57, 36.4, 30)), org("Jaysh al-Islam", "Army of Islam", "جيش الإسلام", "\"جيش الإسلام\""),
    loc("Russia", "الروس", "الروسي", opt=True)],
  [ev("territorial_change", "control_share", True, ["Syrian government forces"], ["Syrian opposition"], places=["Eastern Ghouta"], date="2018-03-23", share_pct=90),
   ev("territorial_change", "capture", True, ["Syrian government forces"], ["Syrian opposition"], places=["Harasta"], date="2018-03-23"),
   ev("military_operation", "offensive", False, ["Syrian government forces"], ["Syrian opposition"], places=["Eastern Ghouta"], date="2018-02-18"),
   ev("military_operation", "siege", False, ["Syrian government forces"], [], places=["Eastern Ghouta"], opt=True)])

# ---- assassination of Aleppo political security chief ----
D("SK-middleEast-2060-20180531", "aleppo-political-security-chief-assassinated-2018-05-31", [
    org("Syrian opposition", "Syrian rebels", "فصائل من المعارضة السورية", "الفصائل", "المعارضة", "مقاتلي المعارضة"),
    org("Political Security Directorate", "فرع الأمن السياسي", "الأمن السياسي"), loc("Aleppo", "مدينة حلب"),
    per("Sumer Zeidan", "Somar Zaidan", "Sumer Zaidan", "سومر زيدان", "المقدم سومر زيدان", "زيدان"),
    loc("Aleppo–Khanasir road", "Aleppo-Khanasir road", "طريق حلب – خناصر", opt=True),
    loc("Khanasir", "خناصر", ll=(35.78, 37.5, 30), opt=True),
    org("Government of Syria", "Syrian government", "Syrian regime", "النظام السوري", "الحكومة")],
  [ev("attack", "assassination", True, ["Syrian opposition"], ["Sumer Zeidan", "Political Security Directorate"], places=["Aleppo–Khanasir road", "Aleppo"], claimed=True),
   ev("media_release", "statement", True, ["Syrian opposition"], date="2018-05-31", format="statement")])

# ---- Tarmiyah shooting ----
D("SK-middleEast-1379-20180501", "tarmiyah-gunmen-kill-civilians-2018-05-01", [
    IS(), org("Iraqi Army", "Iraqi army", "الجيش العراقي", "الجيش"), loc("Tarmiyah", "Al-Tarmiyah", "الطارمية", "بلدة الطارمية", ll=(33.67, 44.39, 30)),
    loc("Baghdad"), med("Reuters", "رويترز"), org("Iraqi security forces", "قوات الأمن", opt=True)],
  [ev("attack", "mass_shooting", True, ["Islamic State"], [], places=["Tarmiyah"], date="2018-05-01", tactics=["gunfire"]),
   ev("military_operation", "offensive", True, ["Iraqi security forces", "Iraqi Army"], [], places=["Tarmiyah"], date="2018-05-01", opt=True)],
  wires=["Reuters"])

# ---- Palmyra theatre execution video ----
D("snn-2015-07-21-8ddf9216ef", "isis-palmyra-theatre-execution-video-2015-07", [
    IS("تنظيم داعش المتطرف"), org(*SYRGOV, "القوات السورية النظامية", "جنود القوات السورية النظامية"),
    loc("Palmyra", "Tadmur", "تدمر", "مدينة تدمر", "«تدمر»", "“تدمر”", ll=(34.56, 38.27, 30)), loc("Syria", "سوريا"),
    org("UNESCO", "اليونيسكو"), loc("Roman Theatre at Palmyra", "مسرحها الروماني", "مسرح تدمر", opt=True),
    loc("Tadmur Prison", "Palmyra Prison", "سجن تدمر", opt=True), med("Al-Weeam", "صحيفة الوئام", "الوئام", opt=True)],
  [ev("media_release", "video", True, ["Islamic State"], format="video", duration_min=10),
   ev("execution", "other", True, ["Islamic State"], ["Syrian government forces"], places=["Palmyra"]),
   ev("territorial_change", "capture", False, ["Islamic State"], ["Syrian government forces"], places=["Palmyra"], date="2015-05-21"),
   ev("attack", "bombing", False, ["Islamic State"], [], places=["Palmyra"], opt=True)])

# ---- photo report: helmet-bomb execution in Yarmouk ----
D("SK-middleEast-1369-20180501", "isis-yarmouk-helmet-bomb-execution-photos-2018-05", [
    IS("تنظيم \"داعش\"", "\"داعش\"", "إرهابيو تنظيم \"داعش\""), loc("Yarmouk Camp", "Yarmouk", "مخيم اليرموك", ll=(33.47, 36.3, 30)),
    loc("Syria", "سوريا"), med("Daily Mail", "The Daily Mail", "ديلي ميل", "صحيفة ديلي ميل", "صحيفة \"ديلي ميل\"", "الصحيفة البريطانية", "الصحيفة"),
    org(*SYRGOV, "الجيش السوري"), loc("United Kingdom", "البريطانية", opt=True)],
  [ev("media_release", "photo_report", True, ["Islamic State"], format="photo_report"),
   ev("execution", "other", True, ["Islamic State"], ["Syrian government forces"], places=["Yarmouk Camp"], fatalities=1),
   ev("military_operation", "offensive", False, ["Syrian government forces"], ["Islamic State"], places=["Yarmouk Camp"])])

# ---- ISIS video of the Niger ambush ----
D("BB-internationalNews-102-20180305", "isis-niger-ambush-video-2018-03", [
    IS("تنظيم الدولة الإسلامية"), loc("Niger", "النيجر", ll=(17.6, 8.1, 700)), loc("United States", "الولايات المتحدة"),
    org("United States Armed Forces", "US military", "US soldiers", "جنود أمريكيين", "الجنود الأمريكيون", "قواتها"),
    plat("Telegram", "تلغرام", "تطبيق التراسل الفوري تلغرام"), per("Donald Trump", "Trump", "دونالد ترامب", "ترامب", "الرئيس"),
    org("Jama'at Nasr al-Islam wal Muslimin", "JNIM", "جماعة نصرة الإسلام والمسلمين", "جماعة نصرة الإسلام والمسلمين في الساحل"),
    per(*BAGHDADI), org(*AQ), per("La David Johnson", "David Johnson", "ديفيد جونسون", "جونسون"),
    per("Frederica Wilson", "فريدريكا ويلسون"), org("Democratic Party (United States)", "Democratic Party", "الحزب الديمقراطي"),
    org("United States Congress", "Congress", "الكونغرس", opt=True), med("BBC Monitoring", "قسم المتابعة الإعلامية في بي بي سي", opt=True),
    loc("Sahel", "الساحل", opt=True), loc("West Africa", "غربي أفريقيا", opt=True)],
  [ev("media_release", "video", True, ["Islamic State"], format="video", platform="Telegram"),
   ev("attack", "armed_assault", False, ["Islamic State"], ["United States Armed Forces"], places=["Niger"], fatalities=4),
   ev("media_release", "statement", False, ["Jama'at Nasr al-Islam wal Muslimin"], [], ["Jama'at Nasr al-Islam wal Muslimin"], opt=True)],
  outlet="بي بي سي")

# ---- bodies of Copts beheaded in Sirte returned ----
D("SK-middleEast-1668-20180514", "libya-returns-bodies-of-copts-2018-05-14", [
    loc("Libya", "ليبيا", "الليبية"), loc("Egypt", "مصر", "مصريا"), org("Coptic Christians", "Copts", "قبطيا", "الأقباط", "الأقباط العشرين"),
    IS("التنظيم الإرهابي"), loc("Sirte", "مدينة سرت الليبية", "مدينة سرت"), loc("Misrata", "Misurata", "مصراتة", "مدينة مصراتة", ll=(32.38, 15.09, 30)),
    loc("Ghana", "غانا", ll=(7.95, -1.02, 300)), loc("United States", "أميركية", opt=True),
    org("Libyan local forces", "قوات محلية", opt=True)],
  [ev("execution", "beheading", False, ["Islamic State"], ["Coptic Christians"], places=["Sirte"]),
   ev("media_release", "video", False, ["Islamic State"], format="video"),
   ev("territorial_change", "capture", False, ["Islamic State"], [], places=["Sirte"]),
   ev("territorial_change", "loss", False, ["Libyan local forces"], ["Islamic State"], places=["Sirte"]),
   ev("military_operation", "airstrike_campaign", False, ["United States"], ["Islamic State"], places=["Sirte"], opt=True)])

# ---- Aden field kitchen car bomb ----
D("BB-middleEast-187-20180313", "aden-field-kitchen-car-bomb-2018-03", [
    loc("Aden"), loc("Yemen", "اليمنية"), loc("United Arab Emirates", "دولة الإمارات", "إماراتية"),
    org("UAE-backed Yemeni forces", "Southern Yemeni forces", "القوات اليمنية", "القوات الأمنية", "القوات اليمنية الجنوبية"),
    med("Reuters", "رويترز", "وكالة رويترز للأنباء"), IS("تنظيم الدولة الإسلامية"), med(*AMAQ),
    org("Saudi-led coalition", "Arab coalition", "التحالف الذي تقوده السعودية", "التحالف"), loc("Saudi Arabia", "السعودية"),
    org("Aden Counter-Terrorism Forces", "Counter-Terrorism Unit", "وحدة لمكافحة الإرهاب"),
    org("Houthis", "Houthi movement", "Ansar Allah", "حركة الحوثيين", "الحوثيين"),
    per("Abdrabbuh Mansur Hadi", "Abd Rabbuh Mansur Hadi", "Hadi", "عبد ربه منصور هادي", "الرئيس هادي"),
    org("UAE forces in Yemen", "قوات إماراتية", opt=True), loc("Al-Dirayn", "الديرين", "منطقة الديرين", opt=True),
    org("Hadi loyalist forces", "القوات الموالية للرئيس هادي", opt=True)],
  [ev("attack", "car_bomb", True, ["Islamic State"], ["UAE-backed Yemeni forces"], places=["Aden"], fatalities=4, claimed=True, tactics=["car_bomb", "suicide_bomb"]),
   ev("media_release", "statement", True, ["Islamic State"], format="statement", outlet="Amaq News Agency"),
   ev("attack", "suicide", False, ["Islamic State"], ["Aden Counter-Terrorism Forces"], places=["Aden"], fatalities=14, claimed=True),
   ev("military_operation", "offensive", False, ["Saudi-led coalition"], ["Houthis"], places=["Yemen"]),
   ev("military_operation", "offensive", False, ["Houthis"], [], places=["Aden"], opt=True),
   ev("territorial_change", "capture", False, ["UAE-backed Yemeni forces"], ["Hadi loyalist forces"], places=["Aden"]),
   ev("military_operation", "clash", False, ["UAE-backed Yemeni forces", "Hadi loyalist forces"], [], places=["Aden"], opt=True)],
  wires=["Reuters"])

# ---- AQIM's Abu Daoud killed in US strike near Ubari ----
D("SK-middleEast-629-20180328", "aqim-abu-daoud-killed-us-strike-ubari-2018-03", [
    org(*AQ), per("Musa Abu Daoud", "Moussa Abou Daoud", "Abu Daoud", "موسى أبو داود", "أبو داود", "موسى داود", "موسى بورحلة"),
    loc("Libya", "ليبيا"), org("United States Armed Forces", "US forces", "القوات الأميركية", "قوات أميركية"),
    loc("Ubari", "Awbari", "أوباري", "منطقة أوباري", ll=(26.59, 12.78, 40)), loc("Tripoli"),
    org("United States Africa Command", "AFRICOM", "قيادة القوات الأميركية في أفريقيا"), loc("Tunisia", "تونس", "التونسية"), loc("Algeria"),
    org("al-Qaeda in the Islamic Maghreb", "AQIM", "القاعدة في بلاد المغرب الإسلامي", "\"القاعدة في بلاد المغرب الإسلامي\"", "التنظيم المتشدد"),
    org("Salafist Group for Preaching and Combat", "GSPC", "الجماعة السلفية للدعوة والقتال"), loc("United States", "الولايات المتحدة", "أميركية"),
    org("Counter Extremism Project", "مشروع مكافحة التطرف"), loc("Khenchela", "خنشلة", ll=(35.43, 7.14, 30)),
    loc("Mount Chambi", "Jebel Chaambi", "جبل الشعانبي", ll=(35.2, 8.67, 30)),
    org("Tunisian Armed Forces", "دورية عسكرية تونسية", opt=True), org("Algerian People's National Army", "الجنود", opt=True)],
  [ev("leadership_change", "killed", True, ["United States Armed Forces"], ["al-Qaeda in the Islamic Maghreb", "Musa Abu Daoud"],
      ["United States Africa Command"], ["Ubari"], "2018-03-24"),
   ev("attack", "airstrike", True, ["United States Armed Forces"], ["al-Qaeda in the Islamic Maghreb", "Musa Abu Daoud"],
      ["United States Africa Command"], ["Ubari"], "2018-03-24", fatalities=2, tactics=["airstrike"]),
   ev("leadership_change", "appointed", False, ["al-Qaeda in the Islamic Maghreb"], ["Musa Abu Daoud"]),
   ev("attack", "armed_assault", False, ["Musa Abu Daoud", "al-Qaeda in the Islamic Maghreb"], ["Algerian People's National Army"], places=["Khenchela"]),
   ev("attack", "armed_assault", False, ["Musa Abu Daoud", "al-Qaeda in the Islamic Maghreb"], ["Tunisian Armed Forces"], places=["Mount Chambi"], fatalities=9)])

# ---- Mullah Omar's death announced; ISIS courts the Taliban ----
D("snn-2015-07-31-f897199020", "mullah-omar-death-announced-2015-07-29", [
    IS("«داعش»", "تنظيم داعش المتطرف", "التنظيم المتشدد", "التنظيم الإرهابي"),
    org("Taliban", "Afghan Taliban", "حركة طالبان الأفغانية", "حركة طالبان", "طالبان", "الحركة", "التمرد"),
    per("Mullah Omar", "Mullah Mohammed Omar", "الملا محمد عمر", "الملا عمر"), loc("Afghanistan", "أفغانستان", "الأفغانية", "الأفغاني"),
    loc("Syria"), loc("Iraq"), org("National Directorate of Security", "Afghan intelligence", "أجهزة الاستخبارات الأفغانية", "السلطات الأفغانية"),
    loc("Pakistan", "باكستان", "الباكستاني"), per(*BAGHDADI, "(أبو بكر البغدادي)"),
    org("Islamic State – Khorasan Province", "ISIS-K", "Wilayat Khorasan", "فرعه في منطقة خراسان"),
    org(*AQ), loc("United States", "الولايات المتحدة"), per("Rahimullah Yusufzai", "رحمة الله يوسف زائي"),
    med("AFP", "Agence France-Presse", "وكالة «الصحافة الفرنسية»", "الصحافة الفرنسية"), loc("Kabul", "كابل", ll=(34.53, 69.17, 30)),
    loc("Nangarhar Province", "Nangarhar", "ننغرهار", "إقليم ننغرهار الأفغاني", ll=(34.3, 70.5, 80)),
    per("Wahid Muzhda", "Waheed Mozhdah", "وحيد مزهده"), loc("Khorasan", "خراسان", "منطقة خراسان", opt=True),
    org("Quraysh", "قريش", "قبيلة قريش العربية", opt=True), per("Muhammad", "النبي محمد", opt=True)],
  [ev("leadership_change", "killed", True, [], ["Taliban", "Mullah Omar"], ["National Directorate of Security"], ["Pakistan"], opt=True),
   ev("leadership_change", "appointed", False, ["Islamic State"], ["Islamic State – Khorasan Province"]),
   ev("media_release", "statement", False, ["Islamic State"], format="statement"),
   ev("media_release", "video", False, ["Islamic State"], places=["Nangarhar Province"], format="video"),
   ev("execution", "beheading", False, ["Islamic State"], [], places=["Nangarhar Province"]),
   ev("military_operation", "clash", False, ["Taliban", "Islamic State"], [], places=["Afghanistan"]),
   ev("military_operation", "airstrike_campaign", False, ["United States"], ["Islamic State"], places=["Afghanistan"])],
  wires=["AFP"])

# ---- Khalid ibn al-Walid Army captures Heet (Daraa) ----
D("BB-middleEast-723-20180712", "jkbw-captures-heet-daraa-2018-07", [
    org(*SOHR), IS("تنظيم الدولة الإسلامية"),
    org("Khalid ibn al-Walid Army", "Jaysh Khalid ibn al-Walid", "جيش خالد بن الوليد", "جماعة مبايعة لتنظيم الدولة الإسلامية", "جماعة موالية لتنظيم الدولة الإسلامية"),
    loc("Heet (Daraa)", "Hayt", "Heet", "حيط", "بلدة حيط", ll=(32.77, 35.93, 30)),
    loc("Daraa Governorate", "Daraa", "محافظة درعا", "درعا", ll=(32.75, 36.2, 60)),
    org("Syrian opposition", "Syrian rebels", "فصائل معارضة", "فصائل المعارضة", "مسلحي المعارضة", "المعارضة"),
    loc("Jordan", "الأردن", "الأردنية"), org(*SYRGOV, "القوات الحكومية", "القوات الحكومية السورية", "قوات النظام السوري", "القوات الموالية لنظام الرئيس السوري بشار الأسد", "الحكومية السورية"),
    loc("Russia", "روسيا", "الروسية"), loc("Golan Heights", "مرتفعات الجولان", "الجولان", ll=(33.0, 35.75, 40)), loc("Israel"),
    per("Rami Abdel Rahman", "Rami Abdulrahman", "رامي عبد الرحمن"), loc("Quneitra Governorate", "Quneitra", "محافظة القنيطرة", ll=(33.1, 35.85, 40)),
    per("Bashar al-Assad", "Assad", "بشار الأسد"), loc("Syria", "سوريا"), org("Government of Syria", "Syrian government", "الحكومة السورية", "الحكومة"),
    org("Ministry of Foreign Affairs (Syria)", "الخارجية السورية", opt=True)],
  [ev("territorial_change", "capture", True, ["Khalid ibn al-Walid Army"], ["Syrian opposition"], ["Rami Abdel Rahman"], ["Heet (Daraa)", "Daraa Governorate"]),
   ev("military_operation", "offensive", True, ["Khalid ibn al-Walid Army"], ["Syrian opposition"], places=["Heet (Daraa)"]),
   ev("attack", "airstrike", True, ["Russia", "Syrian government forces"], ["Khalid ibn al-Walid Army"], places=["Heet (Daraa)"]),
   ev("attack", "suicide", True, ["Khalid ibn al-Walid Army"], ["Syrian opposition"], places=["Heet (Daraa)"], opt=True),
   ev("territorial_change", "control_share", False, ["Syrian government forces"], [], places=["Daraa Governorate"], share_pct=80),
   ev("military_operation", "offensive", False, ["Syrian government forces", "Government of Syria"], ["Syrian opposition"], places=["Daraa Governorate"], date="2018-06-19"),
   ev("territorial_change", "control_share", False, ["Syrian government forces"], [], places=["Syria"], opt=True, share_pct=60)])

# ---- ISIS plot against Queen Elizabeth on VJ Day ----
D("snn-2015-08-10-a54d9c1807", "isis-plot-queen-elizabeth-vj-day-2015-08", [
    IS("تنظيم داعش الإرهابي", "«داعش»"), org("MI5", "Security Service", "جهاز الاستخبارات الداخلي البريطاني"),
    org("British intelligence", "جهاز المخابرات البريطانية", "الاستخبارات البريطانية"),
    per("Elizabeth II", "Queen Elizabeth II", "الملكة إليزابيث", "الملكة البريطانية", "ملكة بريطانيا", "الملكة"),
    loc("United Kingdom", "بريطانيا", "المملكة المتحدة", "بريطانيين", "بريطانية"), loc("Japan", "اليابان", ll=(36.2, 138.3, 800)),
    loc("London", "لندن", "العاصمة البريطانية لندن", ll=(51.507, -0.128, 30)),
    med("The Mail on Sunday", "Mail on Sunday", "ذي ميل أون صنداي", "«ذي ميل أون صنداي»"),
    org("Metropolitan Police Service", "Metropolitan Police", "Scotland Yard", "شرطة اسكوتلنديارد", "شرطة العاصمة", "الشرطة"),
    loc("Syria", "سوريا"), loc("Buckingham Palace", "قصر باكنغهام", opt=True), loc("Western world", "الغرب", opt=True)],
  [ev("threat", "threat", True, ["Islamic State"], ["Elizabeth II"], places=["London"]),
   ev("threat", "call_to_violence", False, ["Islamic State"], ["United Kingdom"]),
   ev("media_release", "statement", False, ["Islamic State"], opt=True)])

# ---- Zawahiri 9/11 anniversary video (trailing CNN teaser paragraphs are site boilerplate: not annotated) ----
D("CN-middleEast-1353-20180911", "zawahiri-911-anniversary-video-2018-09", [
    org(*AQ), per("Ayman al-Zawahiri", "Zawahiri", "أيمن الظواهري", "الظواهري", "زعيم القاعدة"),
    loc("United States", "الولايات المتحدة الأمريكية", "أمريكا", "واشنطن", "الأمريكية", "الأمريكي"),
    med("As-Sahab", "al-Sahab Media", "As-Sahab Media", "السحاب", "قناة \"السحاب\""),
    per("Donald Trump", "Trump", "دونالد ترامب", "الرئيس الأمريكي دونالد ترامب"), loc("Israel", "إسرائيل"),
    loc("Jerusalem", "القدس", ll=(31.78, 35.22, 30)), per("Peter Bergen", "بيتر بيرغن", "بيرغن"),
    per("Osama bin Laden", "bin Laden", "أسامة بن لادن", "بن لادن"), per("Hamza bin Laden", "حمزة بن لادن", "حمزة"),
    per("Paul Cruickshank", "بول كروكشانك", "كروكشانك"), org(*IS_BASE[:-1], "تنظيم داعش"),
    loc("Atlanta", "أتلانتا", ll=(33.75, -84.39, 40), opt=True), med("CNN", opt=True),
    loc("Western world", "الغرب", opt=True), loc("Arab world", "العالم العربي", opt=True),
    org("Muslims", "المسلمين", opt=True), org("Jews and Christians", "اليهود والمسيحيين", opt=True)],
  [ev("media_release", "video", True, ["al-Qaeda"], [], ["Ayman al-Zawahiri"], date="2018-09-11", format="video", duration_min=23, outlet="As-Sahab"),
   ev("threat", "call_to_violence", True, ["al-Qaeda"], ["United States"], ["Ayman al-Zawahiri"], date="2018-09-11"),
   ev("leadership_change", "killed", False, [], ["al-Qaeda", "Osama bin Laden"])],
  outlet="CNN")
