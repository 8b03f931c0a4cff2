from _lib import *

DOCS = []
def D(doc_id, story, entities, events, outlet=None, wires=()):
    DOCS.append({"doc_id": doc_id, "outlet": outlet, "wires": list(wires), "story": story,
                 "entities": entities, "events": events})

# ---- Saleh al-Sammad killed, Mashat appointed (triple) ----
SAMMAD = ["Saleh Ali al-Sammad", "Saleh al-Sammad", "Sammad", "صالح الصماد", "الصماد"]
MASHAT = ["Mahdi al-Mashat", "Mahdi Mohammed Hussein al-Mashat", "مهدي المشاط"]
SLC = ["Saudi-led coalition", "Arab coalition", "Coalition to Support Legitimacy in Yemen", "التحالف العربي",
       "التحالف العربي لدعم الشرعية في اليمن", "التحالف العربي لـ\"دعم الشرعية في اليمن\""]
SPC = ["Supreme Political Council", "المجلس السياسي الأعلى", "المجلس السياسي"]
HOUTHI = ["Houthis", "Houthi movement", "Ansar Allah", "الحوثيون", "الحوثيين", "الحوثي"]
D("CN-middleEast-705-20180423", "sammad-killed-mashat-appointed-2018-04", [
    org(*HOUTHI, "الجماعة"), per(*SAMMAD), org(*SPC), org(*SLC), med("Saba News Agency", "Saba", "SABA", "وكالة سبأ", "سبأ"),
    per(*MASHAT), loc("Yemen"), loc("Jazan", "Jizan", "جازان", "مدينة جازان", ll=(16.89, 42.55, 30)),
    loc("Saudi Arabia", "السعودية", "السعودي"), loc("United States", "الأمريكي", opt=True),
    org("Aggression forces", "قوى العدوان", "العدوان الأمريكي السعودي", opt=True),
    loc("Dubai", opt=True), loc("United Arab Emirates", opt=True), med("CNN", opt=True)],
  [ev("leadership_change", "killed", True, ["Saudi-led coalition"], ["Houthis", "Saleh Ali al-Sammad"], date="2018-04-19"),
   ev("attack", "airstrike", True, ["Saudi-led coalition"], ["Saleh Ali al-Sammad", "Houthis"], date="2018-04-19", tactics=["airstrike"]),
   ev("media_release", "statement", True, ["Houthis"], date="2018-04-23", format="statement", outlet="Saba News Agency"),
   ev("leadership_change", "appointed", True, ["Houthis", "Supreme Political Council"], ["Mahdi al-Mashat"], date="2018-04-23"),
   ev("threat", "threat", True, ["Houthis"], ["Saudi-led coalition"], date="2018-04-23"),
   ev("attack", "shelling", False, [], [], places=["Jazan"], date="2018-04-23", opt=True)],
  outlet="CNN")

D("SK-middleEast-1204-20180423", "sammad-killed-mashat-appointed-2018-04", [
    org(*HOUTHI, "ميليشيات الحوثي الإيرانية", "ميليشيات الحوثي الانقلابية", "ميليشيات الحوثي", "المتمردون"),
    per(*SAMMAD), org(*SPC, "المجلس السياسي"), org(*SLC), per(*MASHAT), loc("Yemen"),
    loc("Al Hudaydah", "Hodeidah", "Hudaydah", "الحديدة", ll=(14.8, 42.95, 40)),
    per("Abdrabbuh Mansur Hadi", "Abd Rabbuh Mansur Hadi", "Hadi", "عبد ربه منصور هادي", "الرئيس عبد ربه منصور هادي"),
    loc("Iran", "الإيرانية", opt=True)],
  [ev("leadership_change", "killed", True, ["Saudi-led coalition"], ["Houthis", "Saleh Ali al-Sammad"], places=["Al Hudaydah"], date="2018-04-19"),
   ev("attack", "airstrike", True, ["Saudi-led coalition"], ["Saleh Ali al-Sammad", "Houthis"], places=["Al Hudaydah"], date="2018-04-19", tactics=["airstrike"]),
   ev("leadership_change", "appointed", True, ["Supreme Political Council", "Houthis"], ["Mahdi al-Mashat"]),
   ev("media_release", "statement", True, ["Supreme Political Council", "Houthis"], opt=True, format="statement"),
   ev("military_operation", "airstrike_campaign", False, ["Saudi-led coalition"], ["Houthis"], places=["Yemen"]),
   ev("territorial_change", "capture", False, ["Houthis"], ["Abdrabbuh Mansur Hadi"], opt=True)])

D("SK-middleEast-1207-20180423", "sammad-killed-mashat-appointed-2018-04", [
    org(*HOUTHI, "ميليشيات الحوثي الإيرانية", "الانقلابيين", "المتمردون"), per(*SAMMAD), org(*SPC, "المجلس السياسي للانقلابيين"),
    org(*SLC), per(*MASHAT), loc("Yemen"), loc("Al Hudaydah", "Hodeidah", "Hudaydah", "الحديدة", ll=(14.8, 42.95, 40)),
    per("Abdrabbuh Mansur Hadi", "Abd Rabbuh Mansur Hadi", "Hadi", "عبد ربه منصور هادي", "الرئيس عبد ربه منصور هادي"),
    loc("Iran", "الإيرانية", opt=True)],
  [ev("leadership_change", "killed", True, ["Saudi-led coalition"], ["Houthis", "Saleh Ali al-Sammad"], places=["Al Hudaydah"]),
   ev("attack", "airstrike", True, ["Saudi-led coalition"], ["Saleh Ali al-Sammad", "Houthis"], places=["Al Hudaydah"], tactics=["airstrike"]),
   ev("leadership_change", "appointed", True, ["Supreme Political Council", "Houthis"], ["Mahdi al-Mashat"]),
   ev("media_release", "statement", True, ["Supreme Political Council", "Houthis"], opt=True, format="statement"),
   ev("territorial_change", "capture", False, ["Houthis"], ["Abdrabbuh Mansur Hadi"], date=None, opt=True)])

# ---- Nusra / Division 30 ----
NUSRA = ["Al-Nusra Front", "Jabhat al-Nusra", "Nusra Front", "al-Nusra", "جبهة النصرة", "«جبهة النصرة»", "النصرة", "«النصرة»"]
AQ = ["al-Qaeda", "Al-Qaeda", "Al Qaeda", "القاعدة", "«القاعدة»", "تنظيم القاعدة"]
DIV30 = ["Division 30", "30th Division", "Firqa 30", "الفرقة 30", "«الفرقة 30»", "الفرقة"]
SOHR = ["Syrian Observatory for Human Rights", "SOHR", "المرصد السوري لحقوق الانسان", "المرصد السوري لحقوق الإنسان", "المرصد"]
DOD = ["United States Department of Defense", "US Department of Defense", "Pentagon", "وزارة الدفاع الاميركية", "وزارة الدفاع الأمريكية", "وزارة الدفاع الأميركية"]
AZAZ = loc("Azaz", "A'zaz", "اعزاز", "أعزاز", "مدينة اعزاز", ll=(36.586, 37.046, 30))
D("snn-2015-08-02-37dbe51ad7", "nusra-division30-abduction-video-2015-08", [
    org(*NUSRA, "التنظيم", "المجموعة المتطرفة"), org(*AQ), loc("Syria", "الشمال السوري"), org(*DIV30), loc("Turkey"),
    org(*IS_BASE[:-1], "«داعش»", "تنظيم «داعش»"), AZAZ,
    loc("Aleppo Governorate", "Aleppo", "Northern Aleppo countryside", "ريف حلب الشمالي", "ريف حلب", "حلب", ll=(36.45, 37.1, 100)),
    org(*SOHR), org(*DOD), loc("United States", "أميركا", "الاميركيين", "الاميركي", "الاميركان"),
    plat("YouTube", "يوتيوب", "«يوتيوب»"), COAL("الائتلاف الدولي", "طيران الائتلاف الدولي"),
    org("Syrian Train and Equip Program", "البرنامج الاميركي لتدريب المعارضة المعتدلة", "البرنامج الاميركي للمعارضة المعتدلة", opt=True),
    org("Syrian opposition", "moderate opposition", "المعارضة المعتدلة", opt=True),
    loc("Western world", "the West", "الغرب", opt=True), loc("Levant", "al-Sham", "بلاد الشام", opt=True)],
  [ev("media_release", "video", True, ["Al-Nusra Front"], date="2015-08-01", format="video", platform="YouTube",
      title="جنود جبهة النصرة يبدأون عملية عسكرية تهدف لمنع تمدد الذراع الاميركي في الشمال السوري"),
   ev("attack", "armed_assault", True, ["Al-Nusra Front"], ["Division 30"], places=["Azaz", "Aleppo Governorate"], date="2015-07-29",
      kidnapping=True, claimed=True),
   ev("media_release", "statement", True, ["Al-Nusra Front"], opt=True, format="statement"),
   ev("attack", "armed_assault", False, ["Al-Nusra Front"], ["Division 30"], places=["Azaz"], date="2015-07-31", fatalities=25),
   ev("military_operation", "clash", False, ["Al-Nusra Front", "Division 30"], places=["Azaz"], date="2015-07-31", opt=True),
   ev("territorial_change", "control_share", False, ["Islamic State"], places=["Syria"], share_pct=50),
   ev("attack", "airstrike", False, ["International coalition against ISIS"], ["Al-Nusra Front"], opt=True)])

D("snn-2015-08-04-b81090ceb0", "nusra-division30-second-abduction-qah-2015-08", [
    org(*NUSRA, "تنظيم النصرة"), org(*AQ), org(*DIV30), org(*SOHR),
    per("Rami Abdel Rahman", "Rami Abdulrahman", "رامي عبد الرحمن", "عبد الرحمن", "مدير المرصد السوري لحقوق الانسان"),
    med("AFP", "Agence France-Presse", "وكالة الصحافة الفرنسية", "فرانس برس"),
    loc("Qah", "Qah camp", "قاح", "قرية قاح", ll=(36.22, 36.57, 30)), loc("Turkey"),
    per("Nadim al-Hassan", "Nadim al-Hasan", "نديم الحسن", "العقيد نديم الحسن"), AZAZ,
    loc("Aleppo Governorate", "Aleppo", "Northern Aleppo countryside", "ريف حلب الشمالي", "ريف حلب", "حلب", ll=(36.45, 37.1, 100)),
    org(*DOD), loc("Idlib Governorate", "Idlib", "محافظة ادلب", "ادلب", "إدلب", ll=(35.8, 36.6, 80)),
    loc("Syria", "سوريا"), org(*IS_BASE[:-1], "«داعش»", "تنظيم «داعش»"), COAL("الائتلاف الدولي"),
    loc("United States", "الاميركي", opt=True),
    org("Syrian opposition", "moderate opposition", "المعارضة السورية المعتدلة", opt=True),
    org("Syrian Train and Equip Program", "برنامج التدريب الاميركي", "البرنامج الاميركي", opt=True)],
  [ev("attack", "armed_assault", True, ["Al-Nusra Front"], ["Division 30"], places=["Qah"], kidnapping=True),
   ev("attack", "armed_assault", False, ["Al-Nusra Front"], ["Division 30", "Nadim al-Hassan"], places=["Azaz", "Aleppo Governorate"],
      date="2015-07-29", kidnapping=True),
   ev("attack", "armed_assault", False, ["Al-Nusra Front"], ["Division 30"], places=["Azaz"], date="2015-07-31"),
   ev("military_operation", "clash", False, ["Al-Nusra Front", "Division 30"], places=["Azaz"], date="2015-07-31", opt=True),
   ev("attack", "airstrike", False, ["International coalition against ISIS"], ["Al-Nusra Front"], date="2015-07-31"),
   ev("military_operation", "offensive", False, ["Al-Nusra Front"], ["Division 30"], places=["Idlib Governorate", "Aleppo Governorate"], opt=True)],
  wires=["AFP"])

# ---- Kuwait ISIS cell (pair) ----
def kuwait(extra_ents, wires=()):
    return [org("Kuwaiti security services", "Kuwaiti security forces", "الأجهزة الأمنية الكويتية"),
            IS("تنظيم (داعش) الإرهابي", "تنظيم \"داعش\" الإرهابي", "تنظيم (داعش)", "التنظيم الإرهابي"),
            org("Ministry of Interior (Kuwait)", "Kuwaiti Ministry of Interior", "وزارة الداخلية الكويتية", "الداخلية الكويتية", "الوزارة"),
            med("Kuwait News Agency", "KUNA", "كونا", "وكالة الأنباء الكويتية"),
            loc("Syria"), loc("Iraq"), loc("Kuwait", "الكويت", "كويتيي"),
            org("Public Prosecution (Kuwait)", "Kuwaiti Public Prosecution", "النيابة العامة", opt=True)] + extra_ents
KEV = [ev("arrest", "arrest", True, ["Kuwaiti security services"], ["Islamic State"], ["Ministry of Interior (Kuwait)"], ["Kuwait"]),
       ev("military_operation", "clash", False, ["Islamic State"], places=["Syria", "Iraq"], opt=True)]
D("snn-2015-07-31-b7e49b2acf", "kuwait-isis-cell-five-kuwaitis-2015-07-30", kuwait([]), KEV)
D("snn-2015-07-31-d2d6329d02", "kuwait-isis-cell-five-kuwaitis-2015-07-30",
  kuwait([med("Saudi Press Agency", "SPA", "واس")]), KEV, wires=["Saudi Press Agency"])

# ---- Tuz Khurmatu swimming pool (pair) ----
def tuz(extra=(), anbar=True):
    out = [loc("Tuz Khurmatu", "Tuz Khormato", "طوز خورماتو", "بلدة طوز خورماتو", ll=(34.888, 44.633, 30)),
            loc("Iraq", "العراق"), loc("Baghdad", "العاصمة العراقية بغداد"), IS("متشددي تنظيم داعش"),
            loc("Diyala Governorate", "Diyala", "محافظة ديالى", "ديالى", ll=(33.95, 45.0, 100)),
            loc("Al Anbar Governorate", "Anbar", "محافظة الأنبار", "محافظة الأنبار الغربية", "الأنبار", ll=(33.2, 42.0, 150)),
            per("Ali al-Husseini", "Ali al-Hussaini", "علي الحسيني"),
            org("Iraqi Turkmen", "Turkmen", "التركمانية", "الأقلية التركمانية", opt=True),
            org("Shia Muslims", "Shia", "شيعة", opt=True),
            org("Iraqi security forces", "قوات أمن", opt=True), org("Popular Mobilization Forces", "ميليشيات", opt=True),
            org("Iraqi Police", "الشرطة", opt=True)] + list(extra)
    if not anbar:
        out = [e for e in out if e["names"][0] not in ("Al Anbar Governorate", "Iraqi security forces", "Popular Mobilization Forces")]
    return out
TEV = [ev("attack", "suicide", True, [], [], places=["Tuz Khurmatu"], date="2015-07-25", fatalities=12, injured=45, tactics=["suicide_bomb"]),
       ev("attack", "suicide", True, [], [], places=["Tuz Khurmatu"], date="2015-07-25", opt=True, tactics=["suicide_bomb"]),
       ev("attack", "bombing", False, ["Islamic State"], places=["Baghdad"], opt=True),
       ev("attack", "bombing", False, ["Islamic State"], places=["Diyala Governorate"]),
       ev("military_operation", "offensive", False, ["Iraqi security forces", "Popular Mobilization Forces"], ["Islamic State"], places=["Al Anbar Governorate"], opt=True)]
D("snn-2015-07-25-70fa80ecec", "tuz-khurmatu-pool-suicide-attack-2015-07-25", tuz([med("Al-Weeam", "صحيفة الوئام", "الوئام", opt=True)]), TEV)
D("snn-2015-07-26-db73adf3ca", "tuz-khurmatu-pool-suicide-attack-2015-07-25", tuz(anbar=False), TEV[:-1])

# ---- Abu Khalil al-Sudani killed (pair) ----
SUDANI = per("Abu Khalil al-Sudani", "Abu Khalil al-Sudani", "ابو خليل السوداني", "أبو خليل السوداني", "السوداني")
PAKTIKA = loc("Paktika Province", "Paktika", "ولاية باكتيكا", "باكتيكا", "بكتيكا", "إقليم بكتيكا الأفغاني", ll=(32.5, 68.8, 80))
CARTER = per("Ashton Carter", "Ash Carter", "اشتون كارتر", "آشتون كارتر", "كارتر")
D("snn-2015-07-24-98ce9ef96c", "abu-khalil-sudani-killed-us-strike-paktika-2015-07", [
    org(*DOD, "الوزارة"), org(*AQ), loc("Afghanistan", "افغانية", "أفغانية"), SUDANI, PAKTIKA, CARTER, loc("Iraq"),
    loc("United States", "الاميركية", "اميركية"), per("Ayman al-Zawahiri", "Zawahiri", "أيمن الظواهري", "الظواهري"),
    per("John F. Campbell", "John Campbell", "الجنرال جون كامبل", "جون كامبل"), org("NATO", "North Atlantic Treaty Organization", "الحلف الاطلسي"),
    org("Afghan National Security Forces", "Afghan forces", "قوات افغانية", opt=True), org("Pakistan Armed Forces", "قوات باكستانية", opt=True),
    loc("Pakistan", "باكستانية", opt=True)],
  [ev("attack", "airstrike", True, ["United States"], ["al-Qaeda", "Abu Khalil al-Sudani"], ["United States Department of Defense"],
      ["Paktika Province", "Afghanistan"], "2015-07-11", fatalities=3, tactics=["airstrike"]),
   ev("leadership_change", "killed", True, ["United States"], ["al-Qaeda", "Abu Khalil al-Sudani"], ["United States Department of Defense"],
      ["Paktika Province", "Afghanistan"], "2015-07-11"),
   ev("attack", "armed_assault", False, ["al-Qaeda", "Abu Khalil al-Sudani"], ["Afghan National Security Forces", "NATO"], opt=True)])

D("snn-2015-07-25-a9ab442a3d", "abu-khalil-sudani-killed-us-strike-paktika-2015-07", [
    org("United States Armed Forces", "US military", "الجيش الأمريكي", "الجيش"), org(*AQ), loc("Afghanistan", "أفغانستان", "الأفغاني", "أفغانية"),
    SUDANI, PAKTIKA, loc("Barmal District", "Barmal", "برمال", "منطقة برمال", ll=(32.62, 69.2, 40)),
    loc("United States", "أمريكية", "الأمريكي"), CARTER, loc("Erbil", "Arbil", "أربيل", ll=(36.19, 44.01, 30)),
    loc("Kurdistan Region", "Iraqi Kurdistan", "كردستان العراق", ll=(36.4, 44.4, 150)),
    org("US-led coalition in Afghanistan", "Resolute Support Mission", "قوات التحالف الذي تقوده الولايات المتحدة في أفغانستان", opt=True),
    org("Afghan National Security Forces", "Afghan forces", "قوات أفغانية", opt=True), org("Pakistan Armed Forces", "قوات باكستانية", opt=True),
    loc("Pakistan", "باكستانية", opt=True)],
  [ev("attack", "airstrike", True, ["United States Armed Forces"], ["al-Qaeda", "Abu Khalil al-Sudani"], ["United States Armed Forces"],
      ["Barmal District", "Paktika Province"], "2015-07-11", fatalities=3, tactics=["airstrike"]),
   ev("leadership_change", "killed", True, ["United States Armed Forces"], ["al-Qaeda", "Abu Khalil al-Sudani"], [],
      ["Barmal District", "Paktika Province"], "2015-07-11"),
   ev("military_operation", "airstrike_campaign", False, ["United States Armed Forces"], [], places=["Afghanistan"], opt=True),
   ev("attack", "armed_assault", False, ["al-Qaeda", "Abu Khalil al-Sudani"], ["US-led coalition in Afghanistan", "Afghan National Security Forces"], opt=True)])
