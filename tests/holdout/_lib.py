"""Helpers used to write tests/gold/dev.jsonl by hand (annotation source, not system code)."""
IS_BASE = ["Islamic State", "ISIS", "ISIL", "IS", "Daesh", "داعش", "تنظيم داعش", "تنظيم الدولة الإسلامية",
           "الدولة الإسلامية", "الدولة الاسلامية", "تنظيم الدولة", "التنظيم"]
COAL_BASE = ["International coalition against ISIS", "US-led coalition", "Global Coalition to Defeat ISIS",
             "Combined Joint Task Force – Operation Inherent Resolve", "CJTF-OIR", "coalition",
             "international coalition", "التحالف الدولي", "التحالف"]
PLACES = {  # canonical: (aliases, lat, lon, tol)
    "Syria": (["سوريا", "سورية"], 35.0, 38.5, 400), "Iraq": (["العراق"], 33.0, 44.0, 500),
    "Libya": (["ليبيا"], 27.0, 17.0, 1000), "Yemen": (["اليمن"], 15.6, 47.6, 600),
    "Egypt": (["مصر"], 26.8, 30.8, 600), "Turkey": (["Türkiye", "تركيا"], 39.0, 35.2, 800),
    "United States": (["United States of America", "US", "USA", "الولايات المتحدة", "أمريكا", "أميركا"], 39.8, -98.6, 2500),
    "Saudi Arabia": (["السعودية", "المملكة العربية السعودية"], 24.0, 45.0, 1000),
    "Afghanistan": (["أفغانستان", "افغانستان"], 33.9, 67.7, 700), "Pakistan": (["باكستان"], 30.4, 69.3, 800),
    "Baghdad": (["بغداد"], 33.33, 44.39, 30), "Mosul": (["الموصل"], 36.34, 43.13, 30),
    "Ramadi": (["Al-Ramadi", "الرمادي"], 33.42, 43.3, 30), "Aleppo": (["Halab", "حلب"], 36.2, 37.16, 30),
    "Damascus": (["دمشق"], 33.51, 36.29, 30), "Idlib": (["إدلب", "ادلب"], 35.93, 36.63, 60),
    "Benghazi": (["بنغازي"], 32.12, 20.07, 30), "Derna": (["Darnah", "درنة", "مدينة درنة"], 32.76, 22.64, 30),
    "Tripoli": (["Tripoli, Libya", "طرابلس"], 32.89, 13.19, 30), "Sirte": (["Sirt", "سرت"], 31.2, 16.59, 30),
    "Aden": (["عدن", "مدينة عدن"], 12.78, 45.04, 30), "Istanbul": (["اسطنبول", "إسطنبول"], 41.01, 28.98, 30),
    "Russia": (["Russian Federation", "روسيا"], 61.5, 100.0, 2500), "Iran": (["إيران"], 32.0, 53.0, 1000),
    "Jordan": (["الأردن"], 31.2, 36.5, 200), "Israel": (["إسرائيل"], 31.4, 35.0, 150),
    "Tunisia": (["تونس"], 34.0, 9.5, 400), "Algeria": (["الجزائر"], 28.0, 2.6, 1000),
    "Kuwait": (["الكويت"], 29.3, 47.7, 100), "United Kingdom": (["UK", "Britain", "بريطانيا", "المملكة المتحدة"], 54.0, -2.5, 500),
    "Al-Hasakah": (["Hasakah", "الحسكة"], 36.5, 40.75, 60), "Hawija": (["Al-Hawija", "الحويجة"], 35.32, 43.77, 30),
    "Dubai": (["دبي"], 25.2, 55.27, 40), "United Arab Emirates": (["UAE", "الإمارات", "الإمارات العربية المتحدة"], 24.0, 54.0, 300),
}


def org(name, *al, opt=False):
    e = {"kind": "organization", "names": [name, *al]}
    if opt:
        e["optional"] = True
    return e


def per(name, *al, opt=False):
    e = {"kind": "person", "names": [name, *al]}
    if opt:
        e["optional"] = True
    return e


def med(name, *al, opt=False):
    e = {"kind": "media_outlet", "names": [name, *al]}
    if opt:
        e["optional"] = True
    return e


def plat(name, *al, opt=False):
    e = {"kind": "platform", "names": [name, *al]}
    if opt:
        e["optional"] = True
    return e


def pub(name, *al, opt=False):
    e = {"kind": "publication", "names": [name, *al]}
    if opt:
        e["optional"] = True
    return e


def loc(name, *al, ll=None, opt=False):
    """Location; coordinates from PLACES when known, or ll=(lat, lon, tol_km); ll=False for none."""
    base = PLACES.get(name)
    names = [name] + (base[0] if base else []) + [a for a in al if a not in (base[0] if base else [])]
    e = {"kind": "location", "names": names}
    if ll is None and base:
        ll = base[1:]
    if ll:
        e["lat"], e["lon"], e["tol_km"] = ll
    if opt:
        e["optional"] = True
    return e


def IS(*al):
    return org(*IS_BASE, *[a for a in al if a not in IS_BASE])


def COAL(*al):
    return org(*COAL_BASE, *[a for a in al if a not in COAL_BASE])


def ev(type_, subtype, core, actors=(), targets=(), speakers=(), places=(), date=None, opt=False, **attrs):
    e = {"type": type_, "subtype": subtype, "core": core, "actors": list(actors), "targets": list(targets),
         "speakers": list(speakers), "places": list(places), "date": date, "attributes": attrs}
    if opt:
        e["optional"] = True
    return e
