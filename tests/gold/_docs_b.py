from _lib import *
from _docs_a import D, AQ, SOHR, DOD, IS_BASE

# ---- Benghazi car bomb (triple) ----
LNA = ["Libyan National Army", "LNA", "Libyan army", "الجيش الليبي", "الجيش الوطني الليبي", "\"الجيش الوطني الليبي\"", "الجيش الوطني"]
HAFTAR = ["Khalifa Haftar", "Khalifa Hifter", "Haftar", "خليفة حفتر", "حفتر", "المشير خليفة حفتر", "المشير حفتر"]
D("SK-middleEast-1924-20180524", "benghazi-car-bomb-tibesti-hotel-2018-05-24", [
    loc("Benghazi"), org(*LNA), loc("Derna"), loc("Libya", "ليبيا"),
    med("Sky News Arabia", "سكاي نيوز عربية", opt=True), org("Terrorist groups in Derna", "الجماعات الإرهابية", opt=True)],
  [ev("attack", "car_bomb", True, [], [], places=["Benghazi"], tactics=["car_bomb"]),
   ev("military_operation", "offensive", False, ["Libyan National Army"], ["Terrorist groups in Derna"], places=["Derna"])],
  outlet="سكاي نيوز عربية")
D("CN-internationalNews-392-20180525", "benghazi-car-bomb-tibesti-hotel-2018-05-24", [
    loc("Benghazi"), loc("Libya", "ليبيا"), med("Libya News Agency", "LANA", "Libyan News Agency", "وكالة الأنباء الليبية"),
    org("Libyan police", "الشرطة", opt=True), loc("Dubai", opt=True), loc("United Arab Emirates", opt=True), med("CNN", opt=True)],
  [ev("attack", "car_bomb", True, [], [], places=["Benghazi"], date="2018-05-24", fatalities=7, injured=20, tactics=["car_bomb"])],
  outlet="CNN")
D("FR-internationalNews-1429-20180525", "benghazi-car-bomb-tibesti-hotel-2018-05-24", [
    loc("Benghazi"), loc("Libya", "ليبيا"), med("AFP", "Agence France-Presse", "وكالة الأنباء الفرنسية", "فرانس برس"),
    loc("Tibesti Hotel", "فندق تيبستي", ll=(32.115, 20.07, 5)), org(*LNA), per(*HAFTAR), loc("Derna", "درنة"),
    loc("Tripoli", "طرابلس"), per("Muammar Gaddafi", "Gaddafi", "معمر القذافي", "القذافي"),
    org("Government of National Accord", "GNA", "حكومة الوفاق الوطني"),
    org("Jihadist groups in Libya", "الجماعات الجهادية", "الإسلاميين", "إسلاميون وجهاديون", opt=True)],
  [ev("attack", "car_bomb", True, [], [], places=["Tibesti Hotel", "Benghazi"], date="2018-05-24", fatalities=7, injured=20, tactics=["car_bomb"]),
   ev("territorial_change", "capture", False, ["Libyan National Army"], ["Jihadist groups in Libya"], places=["Benghazi"]),
   ev("territorial_change", "capture", False, ["Jihadist groups in Libya"], [], places=["Benghazi"], opt=True),
   ev("military_operation", "offensive", False, ["Libyan National Army", "Khalifa Haftar"], ["Jihadist groups in Libya"], places=["Derna"], date="2018-05-07"),
   ev("attack", "bombing", False, [], ["Libyan National Army"], opt=True)],
  wires=["AFP"])

# ---- coalition 29 strikes: 3 Aug statement (pair) vs 9 Aug (hard negative) ----
def strikes(extra, isal=()):
    return [COAL("قوة المهام المشتركة", "قوة المهام المشتركة المجمعة", "قوة المهام", "التحالف الذي تقوده الولايات المتحدة"),
            loc("United States", "أمريكا", "الولايات المتحدة"), IS("تنظيم داعش الإرهابي", "الجماعة", *isal),
            loc("Iraq"), loc("Syria"), loc("Ramadi"), loc("Hawija"), loc("Al-Hasakah")] + extra
D("snn-2015-08-04-3da88ab1a2", "cjtf-oir-29-strikes-2015-08-03", strikes(
    [loc("Mosul"), loc("Tal Afar", "تلعفر", ll=(36.38, 42.45, 30)), med("Al-Weeam", "صحيفة الوئام", "الوئام", opt=True)], ["داعش"]),
  [ev("military_operation", "airstrike_campaign", True, ["International coalition against ISIS"], ["Islamic State"],
      places=["Iraq", "Syria", "Mosul", "Tal Afar", "Ramadi", "Hawija", "Al-Hasakah"]),
   ev("attack", "airstrike", True, ["International coalition against ISIS"], ["Islamic State"], places=["Iraq", "Syria"], opt=True)])
D("snn-2015-08-04-aab6d75cc3", "cjtf-oir-29-strikes-2015-08-03", strikes(
    [loc("Mosul"), loc("Tal Afar", "تلعفر", ll=(36.38, 42.45, 30))], ["تنظيم الدولة الإسلامية"]),
  [ev("military_operation", "airstrike_campaign", True, ["International coalition against ISIS"], ["Islamic State"],
      places=["Iraq", "Syria", "Mosul", "Tal Afar", "Ramadi", "Hawija", "Al-Hasakah"]),
   ev("attack", "airstrike", True, ["International coalition against ISIS"], ["Islamic State"], places=["Iraq", "Syria"], opt=True)])
D("snn-2015-08-10-d585b985a7", "cjtf-oir-29-strikes-2015-08-09", strikes(
    [loc("Makhmur", "مخمور", ll=(35.78, 43.58, 30)), loc("Baiji", "Bayji", "بيجي", ll=(34.93, 43.49, 30)),
     med("Al-Weeam", "صحيفة الوئام", "الوئام", opt=True)], ["تنظيم الدولة الاسلامية"]),
  [ev("military_operation", "airstrike_campaign", True, ["International coalition against ISIS", "United States"], ["Islamic State"],
      places=["Iraq", "Syria", "Makhmur", "Ramadi", "Baiji", "Al-Hasakah"], date="2015-08-09"),
   ev("attack", "airstrike", True, ["International coalition against ISIS"], ["Islamic State"], places=["Hawija"], date="2015-08-09", opt=True)])

# ---- Derna captured by LNA (pair) ----
RASLANUF = loc("Ras Lanuf", "راس لانوف", "رأس لانوف", ll=(30.5, 18.57, 30))
SIDER = loc("Es Sider", "Sidra", "Al-Sidra", "السدرة", ll=(30.63, 18.35, 30))
D("SK-middleEast-2645-20180628", "lna-captures-derna-2018-06-28", [
    org(*LNA, "قواتنا المسلحة"), per(*HAFTAR, "قائد الجيش الوطني الليبي", "القائد العسكري"), loc("Derna", "مدينة درنة"),
    org(*AQ, "تنظيم \"القاعدة\""), RASLANUF, SIDER, loc("Libya", "ليبيا"),
    loc("Al-Bilad (Derna)", "منطقة البلاد", opt=True), med("Sky News Arabia", "سكاي نيوز عربية", opt=True),
    org("Terrorist groups in Derna", "الجماعات الإرهابية", "المجموعات المتطرفة", opt=True)],
  [ev("territorial_change", "capture", True, ["Libyan National Army"], ["Terrorist groups in Derna"], ["Khalifa Haftar"], ["Derna"], "2018-06-28"),
   ev("military_operation", "offensive", False, ["Libyan National Army"], ["Terrorist groups in Derna", "al-Qaeda"], places=["Derna"]),
   ev("territorial_change", "capture", False, ["Libyan National Army"], [], ["Khalifa Haftar"], ["Ras Lanuf", "Es Sider"]),
   ev("military_operation", "offensive", False, ["Libyan National Army"], [], places=["Ras Lanuf", "Es Sider"], opt=True)],
  outlet="سكاي نيوز عربية")
D("BB-middleEast-678-20180629", "lna-captures-derna-2018-06-28", [
    per(*HAFTAR, "القائد العسكري الليبي"), org(*LNA), loc("Derna", "مدينة درنة"), org(*AQ),
    org(*IS_BASE, "تنظيم \"داعش\""), loc("Libya", "ليبيا", "الليبي"), loc("Egypt"), loc("Benghazi"),
    org("Ansar al-Sharia (Libya)", "Ansar al-Sharia", "أنصار الشريعة", "جماعة \"أنصار الشريعة\""),
    per("Sufian bin Qumu", "Abu Sufian bin Qumu", "سفيان بن قمو"), loc("Tobruk", "طبرق", ll=(32.08, 23.96, 30)),
    loc("Tripoli", "العاصمة طرابلس"), RASLANUF, SIDER,
    loc("Guantanamo Bay detention camp", "Guantanamo", "غوانتنامو", opt=True), loc("Africa", "أفريقيا", opt=True),
    org("House of Representatives (Libya)", "البرلمان الموجود في طبرق", opt=True),
    org("Islamist armed groups in Derna", "جماعات إسلامية مسلحة", "التنظيمات المسلحة", "جماعات متشددة", opt=True)],
  [ev("territorial_change", "capture", True, ["Libyan National Army"], ["Islamist armed groups in Derna"], ["Khalifa Haftar"], ["Derna"], "2018-06-28"),
   ev("military_operation", "offensive", False, ["Libyan National Army"], ["Islamist armed groups in Derna"], places=["Derna"]),
   ev("territorial_change", "capture", False, ["Ansar al-Sharia (Libya)"], [], places=["Derna"], opt=True),
   ev("territorial_change", "capture", False, ["Islamic State"], [], places=["Derna"], opt=True),
   ev("territorial_change", "capture", False, ["Libyan National Army"], [], ["Khalifa Haftar"], ["Ras Lanuf", "Es Sider"])])

# ---- Philippines arrests Fehmi Lassqued (pair) ----
def phil(extra):
    return [org("Philippine National Police", "PNP", "الشرطة الفلبينية", "#الشرطة_الفلبينية", "الشرطة"),
            org("Armed Forces of the Philippines", "Philippine army", "الجيش", opt=True),
            IS("داعش"), loc("Manila", "مانيلا", "#مانيلا", ll=(14.6, 120.98, 30)),
            per("Fehmi Lassqued", "Fehmi al-Aswad", "فهمي الأسود", "#فهمي_الأسود", "الأسود"),
            per("Anabel Monsera Salibada", "Anabella Monsera Salibada", "أنابيلا مونسيرا ساليبادا", "ساليبادا"),
            per("Ronald dela Rosa", "Ronald Dela Rosa", "Bato dela Rosa", "رونالد ديلا روزا", "ديلا روزا"),
            loc("Philippines", "الفلبين", "الفلبينية", ll=(12.9, 121.8, 800)), loc("Syria"), loc("Turkey", "التركية"),
            loc("Upi, Maguindanao", "Upi", "اوبي", "أوبي", ll=(7.01, 124.17, 30)),
            loc("Maguindanao", "ماغينداناو", "مقاطعة ماغينداناو", ll=(6.94, 124.42, 80)), loc("Iran"),
            loc("Kuala Lumpur", "كوالالمبور", ll=(3.14, 101.69, 30)), loc("Malaysia", "ماليزيا", ll=(4.2, 102.0, 600)),
            loc("Istanbul", "مدينة إسطنبول"), loc("Marawi", "ماراوي", "مدينة ماراوي", ll=(8.0, 124.29, 30)), loc("Iraq"),
            loc("Egypt", "مصري", "مصريا", opt=True), loc("Tunisia", "تونسي", "تونسيا", opt=True),
            loc("Southeast Asia", "جنوب شرق آسيا", opt=True),
            org("Bureau of Immigration (Philippines)", "سلطات الهجرة الفلبينية", opt=True),
            org("Government of the Philippines", "Philippine authorities", "السلطات الفلبينية", "السلطات", opt=True)] + extra
PEV = [ev("arrest", "arrest", True, ["Philippine National Police", "Armed Forces of the Philippines"],
          ["Fehmi Lassqued", "Anabel Monsera Salibada", "Islamic State"], ["Ronald dela Rosa"], ["Manila"]),
       ev("arrest", "seizure", True, ["Philippine National Police"], [], ["Ronald dela Rosa"], ["Manila"]),
       ev("military_operation", "siege", False, ["Islamic State"], [], places=["Marawi"]),
       ev("military_operation", "offensive", False, ["Armed Forces of the Philippines"], ["Islamic State"], places=["Marawi"], opt=True)]
D("AL-internationalNews-103-20180219", "philippines-arrests-egyptian-isis-leader-2018-02", phil([]), PEV)
D("SK-internationalNews-39-20180219", "philippines-arrests-egyptian-isis-leader-2018-02",
  phil([]), PEV)

# ---- Sinai IEDs: two different incidents (hard negatives) ----
NSINAI = loc("North Sinai Governorate", "North Sinai", "محافظة شمال سيناء", "شمال سيناء", ll=(30.9, 33.6, 100))
D("snn-2015-07-23-658751b01f", "sinai-rafah-ied-kills-officer-3-soldiers-2015-07", [
    org("Egyptian Army", "Egyptian Armed Forces", "الجيش المصري", "القوات المسلحة المصرية", "القوات المسلحة", "قوات الجيش"),
    loc("Rafah, Egypt", "Rafah", "رفح", "مدينة رفح", "مدينتي رفح", ll=(31.28, 34.24, 30)), NSINAI,
    per("Ahmed Samir", "Brig. Ahmed Samir", "العميد أحمد سمير", "أحمد سمير"),
    loc("Sinai Peninsula", "Sinai", "شبه جزيرة سيناء", "سيناء", ll=(29.5, 33.8, 200)),
    per("Mohamed Morsi", "Morsi", "محمد مرسي"),
    org("Islamic State – Sinai Province", "Sinai Province", "Wilayat Sinai", "Ansar Bait al-Maqdis", "Ansar Bayt al-Maqdis",
        "أنصار بيت المقدس", "«أنصار بيت المقدس»", "ولاية سيناء", "«ولاية سيناء»", "الجماعة"),
    org(*IS_BASE[:-1], "تنظيم داعش الإرهابي"),
    loc("Sheikh Zuweid", "Sheikh Zuwayed", "الشيخ زويد", "الشيح زويد", ll=(31.21, 34.11, 30)),
    org("Egyptian National Police", "Egyptian police", "الشرطة", opt=True), loc("Levant", "الشام", opt=True), loc("Iraq", "العراق", opt=True)],
  [ev("attack", "ied", True, [], ["Egyptian Army"], ["Ahmed Samir"], ["Rafah, Egypt", "North Sinai Governorate"], fatalities=4, injured=3, tactics=["ied"]),
   ev("military_operation", "offensive", True, ["Egyptian Army"], [], places=["Rafah, Egypt"], opt=True),
   ev("attack", "armed_assault", False, ["Islamic State – Sinai Province"], ["Egyptian Army"], places=["Rafah, Egypt", "Sheikh Zuweid"], date="2015-07-01", fatalities=17),
   ev("attack", "armed_assault", False, ["Islamic State – Sinai Province"], ["Egyptian Army", "Egyptian National Police"], places=["Sinai Peninsula"], opt=True)])
D("snn-2015-07-26-86b5323452", "north-sinai-arish-road-ied-csf-bus-2015-07-26", [
    org("Central Security Forces", "CSF", "الأمن المركزي", "قوات الأمن المركزي المصري", "الأمن المركزي المصري"),
    NSINAI, loc("Arish", "Al-Arish", "El Arish", "العريش", "طريق العريش الساحلي", ll=(31.13, 33.8, 30)),
    org("Egyptian security forces", "قوات الأمن", opt=True), loc("Egypt", "مصري", "المصري", opt=True)],
  [ev("attack", "ied", True, [], ["Central Security Forces"], places=["Arish", "North Sinai Governorate"], date="2015-07-26", injured=18, tactics=["ied"]),
   ev("military_operation", "offensive", True, ["Egyptian security forces"], [], places=["Arish"], date="2015-07-26", opt=True)])

# ---- Indonesia church bombings claimed via Amaq ----
D("CN-internationalNews-349-20180513", "isis-claims-surabaya-church-bombings-2018-05-13", [
    IS("تنظيم الدولة الإسلامية في العراق والشام", "\"داعش،\""), loc("Surabaya", "سورابايا", "منطقة سورابايا", ll=(-7.25, 112.75, 30)),
    loc("Indonesia", "إندونيسيا", ll=(-2.5, 118.0, 1500)), med("Amaq News Agency", "Amaq", "أعماق", "وكالة أعماق", "الجناح الإعلامي للتنظيم"),
    loc("Dubai", opt=True), loc("United Arab Emirates", opt=True), med("CNN", opt=True)],
  [ev("media_release", "statement", True, ["Islamic State"], date="2018-05-13", format="statement", outlet="Amaq News Agency"),
   ev("attack", "suicide", True, ["Islamic State"], [], places=["Surabaya"], fatalities=11, injured=41, claimed=True, tactics=["suicide_bomb"])],
  outlet="CNN")
