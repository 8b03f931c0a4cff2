"""Event stage: one table per behaviour, on short Arabic sentences, with the bundled knowledge base."""
from __future__ import annotations

import pytest

import rasid
from rasid.model import Event, Extraction
from rasid.resources import Resources


def _events(res: Resources, text: str, title: str = "خبر", published: str | None = None) -> list[Event]:
    x: Extraction = rasid.extract(text, title=title, published=published, res=res)
    return list(x.events)


def _names(res: Resources, ids: tuple[str, ...]) -> set[str]:
    return {res.entries[i].name_en if i in res.entries else i for i in ids}


@pytest.mark.parametrize("text, typ, subtype", [
    ("نشر تنظيم داعش تسجيلا صوتيا للمتحدث باسمه أبي الحسن المهاجر.", "media_release", "audio"),
    ("بث تنظيم الدولة الإسلامية شريطا مصورا يظهر عناصره في الرقة.", "media_release", "video"),
    ("نشر تنظيم داعش العدد الثاني عشر من مجلة رومية.", "media_release", "magazine"),
    ("تبنى تنظيم داعش في بيان الهجوم على حاجز للجيش.", "media_release", "statement"),
    ("توعد تنظيم داعش قوات سوريا الديمقراطية بهجمات جديدة.", "threat", "threat"),
    ("دعا تنظيم الدولة الإسلامية أنصاره إلى الثأر من الأكراد.", "threat", "call_to_violence"),
    ("قتل خمسة أشخاص في تفجير سيارة مفخخة في القحطانية.", "attack", "car_bomb"),
    ("فجر انتحاري نفسه وسط تجمع في بغداد.", "attack", "suicide"),
    ("فجر مسلحون عبوة في سوق المدينة فجر اليوم ما أدى إلى مقتل ثلاثة.", "attack", "bombing"),
    ("سقطت قذائف هاون على حي سكني في دمشق.", "attack", "shelling"),
    ("وفجر المهاجمون قنابلهم على متن ثلاثة قطارات للمترو.", "attack", "bombing"),
    ("كما اختطف مسلحون 15 شخصا في نقطة تفتيش وهمية وسط بغداد.", "attack", "armed_assault"),
    ("أفادت تقارير بتعرض المرجع الشيعي علي السيستاني لمحاولة اغتيال في النجف.", "attack", "assassination"),
    ("ووقع الهجوم فجر أمس على الطريق بين القصر الرئاسي ومطار مقديشو.", "attack", "armed_assault"),
    ("رفضت الجبهة اتفاق الهدنة واحتجزت 68 رهينة من الأجانب.", "attack", "armed_assault"),
    ("وقد قتل شخصان وأصيب خمسة في انفجار سيارة مفخخة بالقرب من محكمة مدينة الصدر.", "attack", "car_bomb"),
    ("وكانت قسد قد أطلقت عملية عسكرية بهدف السيطرة على مدينة الرقة.", "military_operation", "offensive"),
    ("وفي الديوانية قتل أحد عناصر الشرطة بنيران مسلحين مجهولين.", "attack", "armed_assault"),
    ("أطلقت طائرة استطلاع بدون طيار صاروخا على مجموعة من المسلحين شرق غزة.", "attack", "airstrike"),
    ("شهدت كركوك سلسلة تفجيرات لسيارات ملغومة أسفرت عن مقتل أربعة أشخاص.", "attack", "car_bomb"),
    ("فجر الانتحاري نفسه وسط الحشد في بغداد.", "attack", "suicide"),
    ("انفجرت عبوة ناسفة بدورية للجيش العراقي في ديالى.", "attack", "ied"),
    ("شنت طائرات التحالف الدولي غارة على مواقع داعش في الموصل.", "attack", "airstrike"),
    ("اغتال مسلحون مجهولون قياديا في درعا.", "attack", "assassination"),
    ("أعدم تنظيم داعش رميا بالرصاص ناشطين في الرقة.", "execution", "shooting"),
    ("ذبح تنظيم داعش رهينة في مقطع مصور.", "execution", "beheading"),
    ("فرضت قوات سوريا الديمقراطية حصارا على الباغوز.", "military_operation", "siege"),
    ("اندلعت اشتباكات عنيفة بين قوات النظام وتنظيم داعش في دير الزور.", "military_operation", "clash"),
    ("سيطرت قوات سوريا الديمقراطية على بلدة هجين.", "territorial_change", "capture"),
    ("اعتقلت قوات الأمن العراقية قياديا في داعش في كركوك.", "arrest", "arrest"),
    ("تقدمت القوات العراقية في أحياء الموصل القديمة.", "military_operation", "offensive"),
    ("وخطفت جبهة النصرة ثمانية عناصر من الفرقة 30 قرب مدينة اعزاز.", "attack", "armed_assault"),
    ("وهاجموا حاجزا للجيش قرب مدينة العريش.", "attack", "armed_assault"),
    ("ضبطت الأجهزة الأمنية أسلحة وذخائر في مخبأ للتنظيم.", "arrest", "seizure"),
    ("أعلن الجيش العراقي مقتل القيادي في داعش أبو محمد العدناني.", "leadership_change", "killed"),
    ("وقالت اللجنة إن القوات الخاصة اشتبكت مع مجموعة من المسلحين قرب الشيشان.", "military_operation", "clash"),
    ("وأعلن بيان للمجلس السياسي تعيين مهدي المشاط خلفا للصماد.", "leadership_change", "appointed"),
    ("وأعلن التلفزيون الرسمي أن مدينة حرستا باتت خالية من مقاتلي الفصائل المعارضة.", "territorial_change", "capture"),
    ("واختطفت جماعة مسلحة ثلاثة صحفيين في ريف إدلب.", "attack", "armed_assault"),
    ("ودهست شاحنة حشدا من المارة في مدينة نيس ما أدى إلى مقتل 84 شخصا.", "attack", "armed_assault"),
    ("وتحدث الداعشي في الفيديو، داعيا المسلمين الأوروبيين لشن هجمات في بلادهم.", "threat", "call_to_violence"),
    ("أوقفت السلطات رجلا في مداهمة لشقة في مانيلا، حيث عثرت أيضا على أسلحة وذخائر.", "arrest", "seizure"),
])
def test_events_each_type_is_found(res: Resources, text: str, typ: str, subtype: str) -> None:
    found = {(e.type, e.subtype) for e in _events(res, text)}
    assert (typ, subtype) in found, found


@pytest.mark.parametrize("text, typ", [
    ("لم يعلن أي تنظيم مسؤوليته عن الهجوم.", "media_release"),
    ("نفت الوزارة اعتقال أي شخص.", "arrest"),
    ("يواجه المتهمون عقوبة الإعدام.", "execution"),
    ("صادق البرلمان على قانون يتضمن حكم الإعدام.", "execution"),
    ("ضبطت متفجرات كانت معدة لتفجير السدود.", "attack"),
    ("أثار القانون مخاوف من تهديد الديمقراطية.", "threat"),
    ("قال القائد إن هجوم الرقة سيكون حريقا.", "attack"),
    ("تقود الولايات المتحدة عملية عسكرية لاستعادة مدينة الرقة.", "territorial_change"),
    ("أرسل تنظيم داعش عناصره إلى المدينة لاستهداف الجنود.", "attack"),
    ("أعلن التنظيم في بيان بثته وكالته الدعائية أعماق مسؤوليته عن الهجوم.", "threat"),
    ("وقال المتحدث إن أكثر من 80% من هجمات داعش نفذت بعبوات ناسفة وسيارات مفخخة.", "attack"),
    ("تقلصت مساحة سيطرته بعدما كان يسيطر على مساحات واسعة في سوريا.", "territorial_change"),
    ("لا يزال التنظيم يسيطر على جيب صغير في البادية.", "territorial_change"),
    ("بث التنظيم شريط فيديو بعنوان «جنود جبهة النصرة يبدأون عملية عسكرية».", "military_operation"),
    ("وأوضحت أن المتطرفين يهدفون إلى تفجير مقر الشرطة في وسط لندن.", "attack"),
    ("وزعت مواقع تابعة لتنظيم داعش تعليمات حول كيفية شن هجمات على المملكة المتحدة.", "attack"),
    ("أوقفت الشرطة رجلا من تنظيم داعش وعثرت في شقته على مواد لصنع قنبلة.", "attack"),
    ("نحن نعمل منذ الثامنة صباحا حتى الثالثة فجرا في مقر الشرطة.", "attack"),
    ("وتمتلك إيران طائرات صغيرة تستخدم لأغراض التجسس وكناقل للصواريخ.", "attack"),
    ("تزامنت هذه النشأة مع بزوغ فجر النهضة المصرية والدعوة إلى تحرير الاقتصاد.", "attack"),
    ("استمر المشهد على هذا النحو حتى الفجر والدم يغطي وجه المسلح.", "attack"),
    ("تحدث تقرير عن مناورات للتدريب على توجيه ضربة جوية محتملة لإيران.", "attack"),
    ("وتمتلك إيران طائرات بلا طيار تستخدم لأغراض التجسس.", "attack"),
    ("وقال المتحدث إن التنظيم سيشن هجوما واسعا على المدينة.", "military_operation"),
    ("تحول تنظيم داعش إلى تكتيكات يائسة لوقف تقدم التحالف.", "military_operation"),
    ("أعلن الطرفان وقف إطلاق النار في المدينة.", "attack"),
    ("وبذلك يهدد هذا التنظيم الأمن والاستقرار في منطقة الشرق الأوسط.", "threat"),
    ("كاميرون: بريطانيا مستعدة لقصف المتشددين في ليبيا وسوريا.", "attack"),
    ("قالت بريطانيا إن شن هجوم أمر مرجح بقوة.", "military_operation"),
    ("ويعتمد الطلاب على المنح التي تقدمها الجامعات في الخارج.", "military_operation"),
    ("أطلقت الحكومة جهودا جبارة لدحر الإرهاب في اليمن.", "territorial_change"),
    ("دعمت الطائرات القوات لتستعيد الشرعية مدينة المكلا.", "territorial_change"),
    ("قال ناشطون في حملة \"الرقة تذبح بصمت\" إن مقاتلي داعش انتشروا في المدينة.", "execution"),
    ("انضم في شبابه إلى \"الجماعة السلفية للدعوة والقتال\" في الجزائر.", "threat"),
    ("وتواصل الحكومة السورية ضغطا عسكريا مصحوبا بجهود تفاوضية لاستعادة السيطرة على المحافظة.", "territorial_change"),
    ("وتتأهب القوات لهجوم يستهدف استعادة مدينة الرمادي.", "territorial_change"),
    ("وأوضحت أن المتطرفين يهدفون إلى تفجير قنبلة في وسط لندن.", "attack"),
    ("واللواتي صدرت بحق بعضهن أحكام تتراوح بين المؤبد والإعدام.", "execution"),
    ("وأكد أن داعش سيواصل العمل بغض النظر عن الهزيمة.", "territorial_change"),
    ("ونادرا ما يشتبك الجيش السوري مع قوات حماية الشعب.", "military_operation"),
    ("قال المتحدث إن الجنديين كانا في مهمة سرية تستهدف قياديا في تنظيم داعش.", "attack"),
    ("وأشاد بدور القوات المسلحة في دحر الإرهاب واستعادة الأمن في سيناء.", "territorial_change"),
])
def test_events_negated_hypothetical_or_legal_are_not_events(res: Resources, text: str, typ: str) -> None:
    assert typ not in {e.type for e in _events(res, text)}


def test_events_release_roles_and_attributes(res: Resources) -> None:
    text = ("وناشد المتحدث باسم تنظيم الدولة الإسلامية أبي الحسن المهاجر، في تسجيل صوتي نشرته حسابات جهادية "
            "على تطبيق تلغرام، عناصره بالقول اثأروا.")
    release = next(e for e in _events(res, text) if e.type == "media_release")
    assert release.subtype == "audio"
    assert "Islamic State" in _names(res, release.actors)
    assert _names(res, release.speakers) == {"Abu al-Hasan al-Muhajir"}
    assert release.attributes["platform"] == "Telegram"
    assert release.evidence and release.summary.startswith("Islamic State released an audio")


@pytest.mark.parametrize("text, key, value", [
    ("نشر تنظيم داعش العدد الثاني عشر من مجلة رومية الناطقة باللغة الانكليزية.", "issue", 12),
    ("نشر تنظيم داعش العدد الثاني عشر من مجلة رومية الناطقة باللغة الانكليزية.", "language", "en"),
    ("بث تنظيم داعش شريطا مصورا مدته حوالى عشر دقائق.", "duration_min", 10),
    ("أصدر تنظيم داعش إصدارا مرئيا تحت عنوان “صناع الملاحم 7”.", "title", "صناع الملاحم 7"),
    ("نشر تنظيم داعش مجلة جديدة من 46 صفحة.", "pages", 46),
])
def test_events_release_attributes(res: Resources, text: str, key: str, value: object) -> None:
    release = next(e for e in _events(res, text) if e.type == "media_release")
    assert release.attributes.get(key) == value


@pytest.mark.parametrize("text, key, value", [
    ("قتل خمسة أشخاص بينهم ثلاثة أطفال في تفجير سيارة مفخخة في القحطانية.", "fatalities", 5),
    ("قتل 12 شخصا وأصيب 40 آخرون في تفجير انتحاري ببغداد.", "injured", 40),
    ("تبنى تنظيم داعش تفجير سيارة مفخخة في القحطانية أسفر عن مقتل خمسة.", "claimed", True),
])
def test_events_casualties_and_claims(res: Resources, text: str, key: str, value: object) -> None:
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert attack.attributes.get(key) == value


def test_events_vague_counts_stay_ranges(res: Resources) -> None:
    attack = next(e for e in _events(res, "قتل عشرات المدنيين في تفجير سيارة مفخخة في إدلب.") if e.type == "attack")
    assert attack.attributes.get("fatalities") is None
    assert attack.attributes.get("fatalities_range") == [20, 99]


def test_events_threat_tactics_are_not_attacks(res: Resources) -> None:
    events = _events(res, "دعا تنظيم الدولة الإسلامية عناصره إلى الثأر من قوات سوريا الديمقراطية بالمفخخات والعبوات "
                          "الناسفة والقناصة.")
    threat = next(e for e in events if e.type == "threat")
    assert set(threat.attributes["tactics"]) >= {"car_bomb", "ied", "sniper"}
    assert not [e for e in events if e.type == "attack"]


def test_events_core_versus_background(res: Resources) -> None:
    text = ("نشر تنظيم داعش شريطا مصورا جديدا على تلغرام.\n"
            "ويظهر في الشريط عناصر التنظيم في البادية.\n"
            "وأضاف التقرير أن التنظيم ما زال ينشط في المنطقة.\n"
            "ويعود آخر هجوم تبناه التنظيم إلى 7 آب حين قتل خمسة أشخاص في تفجير سيارة مفخخة في القحطانية.")
    events = _events(res, text, title="داعش ينشر شريطا مصورا")
    assert any(e.type == "media_release" and e.core for e in events)
    attack = next(e for e in events if e.type == "attack")
    assert not attack.core
    assert attack.date is not None and attack.date.start == "--08-07"


def test_events_dates_resolve_against_published(res: Resources) -> None:
    events = _events(res, "توعد تنظيم داعش أمس الأحد التحالف الدولي بهجمات.", published="2019-09-16")
    threat = next(e for e in events if e.type == "threat")
    assert threat.date is not None and threat.date.start == "2019-09-15"


def test_events_government_statement_is_not_a_release(res: Resources) -> None:
    events = _events(res, "وقالت وزارة الداخلية العراقية في بيان إن قواتها اعتقلت خمسة من عناصر داعش.")
    assert "media_release" not in {e.type for e in events}
    assert "arrest" in {e.type for e in events}


def test_events_state_actor_for_arrest_and_group_target(res: Resources) -> None:
    arrest = next(e for e in _events(res, "اعتقلت قوات الأمن العراقية عناصر من تنظيم داعش في كركوك.")
                  if e.type == "arrest")
    assert "Islamic State" in _names(res, arrest.targets)
    assert "Islamic State" not in _names(res, arrest.actors)


def test_events_martyrdom_operation_in_a_claim_is_a_suicide_attack(res: Resources) -> None:
    text = ('تبنى تنظيم داعش الهجمات على الكنائس. وذكر البيان أن "ثلاث عمليات استشهادية قتلت 11 شخصا على الأقل '
            'وجرحت 41 آخرين".')
    attacks = [e for e in _events(res, text) if e.type == "attack"]
    assert [e.subtype for e in attacks] == ["suicide"]
    assert attacks[0].attributes.get("fatalities") == 11 and attacks[0].attributes.get("injured") == 41


def test_events_these_attacks_point_back(res: Resources) -> None:
    text = "قتل خمسة جنود في تفجير سيارة مفخخة في العريش. ولم تعلن أي جهة مسؤوليتها عن هذا التفجير."
    assert len([e for e in _events(res, text) if e.type == "attack"]) == 1


def test_events_soldiers_killed_by_a_bomb_are_its_targets(res: Resources) -> None:
    attack = next(e for e in _events(res, "قتل ثلاثة من الجيش العراقي في انفجار عبوة ناسفة في ديالى.")
                  if e.type == "attack")
    assert attack.subtype == "ied"
    assert "Iraqi Army" not in _names(res, attack.actors)


def test_events_a_commander_brings_his_force_in(res: Resources) -> None:
    events = _events(res, "أعلن خليفة حفتر سيطرته على مدينة درنة بالكامل.", published="2018-06-28")
    capture = next(e for e in events if e.type == "territorial_change")
    assert "Libyan National Army" in _names(res, capture.actors)


@pytest.mark.parametrize("text, place, kept", [
    ("قتل خمسة أشخاص في تفجير سيارة مفخخة في مدينة مارع قرب الحدود مع تركيا.", "Turkey", False),
    ("هاجم تنظيم داعش حي القدم المجاور لمخيم اليرموك.", "al-Yarmūk", False),
    ("قتل خمسة أشخاص في تفجير سيارة مفخخة في مدينة مارع وفي تركيا.", "Turkey", True),
    ("هاجم تنظيم داعش حي القدم ومخيم اليرموك.", "al-Yarmūk", True),
])
def test_events_place_that_locates_another_is_not_a_place(res: Resources, text: str, place: str, kept: bool) -> None:
    places = set().union(*(_names(res, e.places) for e in _events(res, text)))
    assert (place in places) == kept, places


@pytest.mark.parametrize("text, name, role", [
    ("ويقول المرصد إن قوات النظام السوري تسيطر على أكثر من 80 في المئة من محافظة درعا.", "Syrian government forces",
     "actors"),
    ("وقال المرصد إن الجيش العراقي اعتقل قياديا في داعش في كركوك.", "Iraqi Army", "actors"),
    ("قال الجيش العراقي إن خمسة مسلحين قتلوا في غارة جوية في الموصل.", "Iraqi Army", "speakers"),
])
def test_events_subject_after_said_that_is_not_the_source(res: Resources, text: str, name: str, role: str) -> None:
    found = {r: set().union(*(_names(res, getattr(e, r)) for e in _events(res, text))) for r in ("actors", "speakers")}
    assert name in found[role], found
    assert all(name not in v for r, v in found.items() if r != role), found


@pytest.mark.parametrize("text, place, is_target", [
    ("توعد تنظيم القاعدة بشن هجمات على الولايات المتحدة.", "United States", True),
    ("توعد تنظيم داعش التحالف بحرب شاقة في الرقة.", "Ar Raqqah", False),
    ("توعد تنظيم داعش بهجمات تبدأ من المملكة المتحدة.", "United Kingdom", False),
])
def test_events_threatened_place_is_a_target(res: Resources, text: str, place: str, is_target: bool) -> None:
    threat = next(e for e in _events(res, text) if e.type == "threat")
    assert place in _names(res, threat.places)
    assert (place in _names(res, threat.targets)) == is_target, threat.targets


@pytest.mark.parametrize("text, name, role", [
    ("قتل عشرة من عناصر الجيش العراقي وخمسة من مقاتلي تنظيم داعش في الهجوم على قرية قرب كركوك.", "Iraqi Army",
     "targets"),
    ("أعدم الجيش العراقي 12 مدانا بالإرهاب في بغداد.", "Iraqi Army", "actors"),
])
def test_events_forces_named_with_an_attacking_group_are_its_victims(res: Resources, text: str, name: str,
                                                                      role: str) -> None:
    ev = next(e for e in _events(res, text) if e.type in ("attack", "execution"))
    assert name in _names(res, getattr(ev, role)), ev


@pytest.mark.parametrize("text, typ, name, role", [
    ("أوقفت السلطات رجلا يعتقد أنه كان قياديا في تنظيم داعش على الحدود، في مداهمة استهدفت شقة في مانيلا.",
     "arrest", "Islamic State", "targets"),
    ("شن تنظيم داعش عملية عسكرية جديدة ضد مقاتلين من المعارضة السورية المسلحة، شمال مدينة حلب، وسيطر على أراض.",
     "military_operation", "Islamic State", "actors"),
    ("شن تنظيم داعش عملية عسكرية جديدة ضد مقاتلين من المعارضة السورية المسلحة، شمال مدينة حلب، وسيطر على أراض.",
     "military_operation", "Syrian opposition", "targets"),
    ("شنت قوات سوريا الديمقراطية عملية عسكرية ضد تنظيم داعش في دير الزور.", "military_operation",
     "Syrian Democratic Forces", "actors"),
    ("شنت قوات سوريا الديمقراطية عملية عسكرية ضد تنظيم داعش في دير الزور.", "military_operation",
     "Islamic State", "targets"),
])
def test_events_party_goes_to_the_trigger_of_its_clause(res: Resources, text: str, typ: str, name: str,
                                                         role: str) -> None:
    ev = next(e for e in _events(res, text) if e.type == typ)
    assert name in _names(res, getattr(ev, role)), ev


@pytest.mark.parametrize("text, name, role", [
    ("أعدم أكثر من ألفي عراقي بمحافظة نينوى على أيدي متشددي تنظيم داعش.", "Islamic State", "actors"),
    ("خطف ستة أشخاص على يد تنظيم داعش قرب كركوك.", "Islamic State", "actors"),
    ("قصف الجيش العراقي مواقع على أطراف كركوك ضد تنظيم داعش.", "Islamic State", "targets"),
])
def test_events_party_after_by_the_hand_of_is_the_doer(res: Resources, text: str, name: str, role: str) -> None:
    ev = next(e for e in _events(res, text) if e.type in ("attack", "execution"))
    assert name in _names(res, getattr(ev, role)), ev
    other = "targets" if role == "actors" else "actors"
    assert name not in _names(res, getattr(ev, other)), ev


def test_events_a_town_restates_its_country(res: Resources) -> None:
    text = ("قتل القيادي صالح الصماد في غارة للتحالف العربي في اليمن. "
            "وأكدت الجماعة مقتل الصماد في غارة للتحالف العربي يوم الخميس على الحديدة.")
    strikes = [e for e in _events(res, text, published="2018-04-23") if e.subtype == "airstrike"]
    assert len(strikes) == 1, strikes
    assert _names(res, strikes[0].places) == {"Al Ḩudaydah"}  # the town says more than the country


def test_events_airstrikes_in_different_provinces_stay_apart(res: Resources) -> None:
    text = ("شنت طائرات التحالف غارة على مواقع داعش في الموصل. "
            "وفي سياق آخر شنت طائرات التحالف غارة على مواقع داعش في الرقة.")
    assert len([e for e in _events(res, text) if e.subtype == "airstrike"]) == 2


def test_events_an_airstrike_without_a_doer_hits_the_group_nearby(res: Resources) -> None:
    text = "أكد مسؤولون مقتل قيادي كبير في تنظيم القاعدة. وذكر الجيش أن غارة جوية في أفغانستان قتلت القيادي."
    strike = next(e for e in _events(res, text) if e.subtype == "airstrike")
    assert "al-Qaeda" not in _names(res, strike.actors), strike
    assert "al-Qaeda" in _names(res, strike.targets), strike


@pytest.mark.parametrize("text, typ", [
    ("وأكدت قيادة العمليات مقتل سبعة إرهابيين وتفكيك 15 عبوة ناسفة في المنطقة.", "attack"),
    ("عثرت القوات على 8 جثث مفخخة بأحزمة ناسفة في المنطقة.", "attack"),
    ("وتصل العقوبات في القانون الجديد إلى الإعدام.", "execution"),
    ("هدد التنظيم بإعدام الأسرى إذا لم تطلق الحكومة سراح المعتقلات.", "arrest"),
    ("نشر عنصر من داعش فيديو يدعو إلى اغتيال رئيس الحركة راشد الغنوشي.", "leadership_change"),
])
def test_events_defused_bombs_penalties_and_calls_are_not_events(res: Resources, text: str, typ: str) -> None:
    assert typ not in {e.type for e in _events(res, text)}


def test_events_the_attack_claimed_later_is_the_attack_already_read(res: Resources) -> None:
    text = ("هاجم رجل مسلح بسكين المارة مساء السبت في باريس. "
            "وتبنى تنظيم داعش ليل السبت الأحد الهجوم الذي أسفر عن قتيل وأربعة جرحى.")
    attacks = [e for e in _events(res, text, published="2018-05-13") if e.type == "attack"]
    assert len(attacks) == 1, attacks
    assert attacks[0].attributes.get("fatalities") == 1 and "Islamic State" in _names(res, attacks[0].actors)


def test_events_a_series_of_bombings_is_not_the_attack_before(res: Resources) -> None:
    text = ("قتل 12 شخصا عندما هاجم انتحاريان حمام سباحة في طوزخورماتو. "
            "ونفذ التنظيم في الآونة الأخيرة سلسلة من التفجيرات في بغداد ومحافظة ديالى.")
    assert len([e for e in _events(res, text) if e.type == "attack"]) == 2


def test_events_execution_by_a_general_verb_restates_the_specific_one(res: Resources) -> None:
    text = "أعدم تنظيم داعش ناشطين في الرقة. وأظهر الفيديو ذبح الناشطين بالسكين في ساحة عامة."
    assert [e.subtype for e in _events(res, text) if e.type == "execution"] == ["beheading"]


def test_events_what_the_reported_video_shows_is_news(res: Resources) -> None:
    text = ("أصدر تنظيم داعش إصدارا مرئيا جديدا بعنوان صناع الملاحم. "
            "وقال مراقبون إن الإصدار جاء بعد أسابيع من تراجع نشاط التنظيم في البادية. "
            "وأضافوا أن التنظيم ما زال قادرا على الحركة في مناطق عدة. "
            "ويعتقد أن التنظيم خسر معظم مقاتليه في المعارك الأخيرة. "
            "وأظهرت مقاطع الفيديو مشاهد قطع رؤوس أسرى من قوات النظام على أيدي عناصر التنظيم.")
    executions = [e for e in _events(res, text) if e.type == "execution"]
    assert executions and executions[0].core, executions


@pytest.mark.parametrize("text, typ, name", [
    ("قتل القيادي الحوثي البارز صالح الصماد في غارة جوية للتحالف العربي على الحديدة.", "attack", "Houthis"),
    ("هدد التنظيم بإعدام الرهائن إذا لم تطلق الحكومة المصرية سراح المعتقلات.", "threat", "Government of Egypt"),
    ("نشر عنصر فيديو يدعو إلى اغتيال الرئيس الباجي قائد السبسي ورئيس حركة النهضة راشد الغنوشي.", "threat",
     "Rached Ghannouchi"),
])
def test_events_victims_group_demand_addressee_and_listed_names_are_targets(res: Resources, text: str, typ: str,
                                                                              name: str) -> None:
    ev = next(e for e in _events(res, text) if e.type == typ)
    assert name in _names(res, ev.targets), (ev, _names(res, ev.targets))


def test_events_the_commander_who_announces_an_airstrike_is_not_its_target(res: Resources) -> None:
    text = ("أعلن قائد عمليات الأنبار اللواء الركن قاسم المحمدي مقتل عناصر من داعش في غارة شنها طيران "
            "التحالف الدولي في الرمادي.")
    strike = next(e for e in _events(res, text) if e.subtype == "airstrike")
    assert not {"Anbar Operations Command", "Qasim al-Muhammadi"} & _names(res, strike.targets), strike


def test_events_the_strike_that_killed_a_leader_gives_its_doer(res: Resources) -> None:
    text = "قتل القيادي البارز في تنظيم القاعدة موسى أبو داود في غارة للقوات الأميركية في ليبيا مطلع الأسبوع."
    killed = next(e for e in _events(res, text) if e.type == "leadership_change")
    assert "United States Armed Forces" in _names(res, killed.actors), killed


def test_events_a_force_reporting_its_own_airstrike_did_it(res: Resources) -> None:
    text = "قال الجيش الأمريكي أمس الجمعة إن غارة جوية أمريكية في أفغانستان قتلت قياديا بتنظيم القاعدة."
    strike = next(e for e in _events(res, text, published="2015-07-25") if e.subtype == "airstrike")
    assert "United States Armed Forces" in _names(res, strike.actors), strike


def test_events_the_capital_a_town_is_measured_from_is_not_the_scene(res: Resources) -> None:
    text = ("قتل 12 شخصا في هجوم انتحاري في بلدة طوز خورماتو التي تبعد نحو 175 كيلومترا إلى الشمال من "
            "العاصمة العراقية بغداد.")
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert _names(res, attack.places) == {"Ţūz Khūrmātū"}, _names(res, attack.places)


@pytest.mark.parametrize("text, is_release", [
    (("قال الجيش الأمريكي إن غارة قتلت قياديا في القاعدة. وذكر أن الغارة وقعت في يوليو. "
      "وقال في بيان إن القيادي كان مسؤولا عن العمليات الانتحارية للقاعدة."), False),
    ("وجاء في بيان لقيادة القوات الأميركية في أفريقيا أن أبو داود كان يدرب مجندي تنظيم القاعدة.", False),
    ("وأعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم عبر وكالة أعماق التابعة له.", True),
    ("وأضاف بيان تنظيم داعش أن البغدادي إمام هذا الزمان.", True),
])
def test_events_who_issued_the_statement(res: Resources, text: str, is_release: bool) -> None:
    found = any(e.type == "media_release" and e.subtype == "statement" for e in _events(res, text))
    assert found is is_release


def test_events_a_statement_issued_is_not_a_seizure(res: Resources) -> None:
    text = "كشف مكتب الأمم المتحدة في بيان صادر الثلاثاء عدد النازحين في مدينة إدلب."
    assert "arrest" not in {e.type for e in _events(res, text)}


@pytest.mark.parametrize("text, typ", [
    ("وكان التحالف قد رصد مبلغ 20 مليون دولار لمن يدلي بمعلومات تؤدي إلى القبض على الصماد.", "arrest"),
    ("عدد الظواهري نقاطا في محاولة لتشجيع أتباعه على شن هجمات أخرى على واشنطن.", "attack"),
    ("تسابق الشرطة الزمن لإحباط مؤامرة الاغتيال التي دبرت من سوريا.", "attack"),
    ("كشفت الاستخبارات خطة لاغتيال الملكة خلال الاحتفالات.", "attack"),
])
def test_events_plans_purposes_and_rewards_are_not_events(res: Resources, text: str, typ: str) -> None:
    assert typ not in {e.type for e in _events(res, text)}


@pytest.mark.parametrize("text, typ", [
    ("تعرضت دورية للجيش لتفجير عبوة ناسفة في ديالى.", "attack"),
    ("وأوضحت الوزارة أن العملية أدت الى مقتل القيادي في تنظيم القاعدة أبو خليل السوداني.", "leadership_change"),
])
def test_events_undergone_or_resulting_events_stay(res: Resources, text: str, typ: str) -> None:
    assert typ in {e.type for e in _events(res, text)}


@pytest.mark.parametrize("text, typ", [
    ("وقال المتحدث إن أكثر من 80% من هجمات داعش ضد قسد وقعت في ريف دير الزور.", "attack"),
    ("ورغم اقتراب سقوط آخر معقل من معاقل داعش في سوريا، يتوقع مسؤولون أن يظل تهديد التنظيم قائما.",
     "territorial_change"),
])
def test_events_statistics_and_approaching_falls_are_not_events(res: Resources, text: str, typ: str) -> None:
    assert typ not in {e.type for e in _events(res, text)}


def test_events_a_control_share_survives_the_statistics_rule(res: Resources) -> None:
    text = "قال المتحدث إن قوات سوريا الديمقراطية تسيطر الآن على 45% من مدينة الرقة."
    assert "control_share" in {e.subtype for e in _events(res, text)}


def test_events_a_kidnapping_of_fighters_is_no_offensive(res: Resources) -> None:
    text = "ويظهر الشريط إعدامات لأشخاص قدموا على أنهم مقاتلون بالوحدات الكردية خطفهم التنظيم."
    assert "military_operation" not in {e.type for e in _events(res, text)}


@pytest.mark.parametrize("second", [
    "وقتل حينها 14 ضابطا حين اقتحم مسلحون عددا من المباني في المدينة.",
    "وقال قائد محلي إن هجوم التنظيم على المدينة هو الأسوأ منذ أشهر.",
])
def test_events_back_then_and_construct_state_point_back(res: Resources, second: str) -> None:
    text = "قاد آدم تاغيلوف هجوما لتنظيم داعش على مبان حكومية في غروزني في ديسمبر 2014. " + second
    assert len([e for e in _events(res, text) if e.type == "attack"]) == 1


def test_events_a_place_given_to_the_neighbouring_trigger_serves_an_event_without_one(res: Resources) -> None:
    text = ("وأعلن سقوط الخلافة التي أعلنها تنظيم داعش، وذلك بعد طرده من آخر معقل له في بلدة الباغوز "
            "شرقي دير الزور، إثر هجوم شنته قوات قسد مدعوم من التحالف الدولي.")
    loss = next(e for e in _events(res, text) if e.type == "territorial_change")
    assert _names(res, loss.places) == {"Baghuz"}, loss


def test_events_the_name_right_after_a_threat_verb_is_its_target(res: Resources) -> None:
    ev = next(e for e in _events(res, "داعش يتوعد خليفة حفتر وأعضاء مجلس النواب الليبي بالذبح والقتل.") if e.type == "threat")
    assert "Khalifa Haftar" in _names(res, ev.targets) and "Khalifa Haftar" not in _names(res, ev.speakers), ev


@pytest.mark.parametrize("text, typ, name", [
    ("مقتل قائد ميداني بارز من ميليشيات حزب الله في هجوم لتنظيم داعش.", "leadership_change", "Hezbollah"),
    ("أعلنت فصائل من المعارضة السورية اغتيال رئيس فرع الأمن السياسي في مدينة حلب.", "attack",
     "Political Security Directorate"),
])
def test_events_the_leaders_organisation_is_hit_not_the_doer(res: Resources, text: str, typ: str, name: str) -> None:
    ev = next(e for e in _events(res, text) if e.type == typ)
    assert name in _names(res, ev.targets) and name not in _names(res, ev.actors), ev


def test_events_the_claim_of_the_news_attack_is_news(res: Resources) -> None:
    text = ("أطلق مسلحون النار على استعراض عسكري في مدينة الأهواز، ما أسفر عن مقتل 29 شخصا. "
            "وتعهد الرئيس الإيراني برد ساحق على الهجوم. "
            "ودعت الحكومة إلى الهدوء وأغلقت المدارس في المدينة. "
            "وتحيي إيران ذكرى بدء الحرب مع العراق في هذا اليوم كل عام. "
            "كما أعلن تنظيم الدولة الإسلامية في بيان بثه على وكالة أعماق مسؤوليته عن الهجوم.")
    claims = [e for e in _events(res, text, published="2018-09-22") if e.type == "media_release"]
    assert claims and claims[0].core, claims


def test_events_the_attackers_opening_fire_is_a_detail_of_the_attack(res: Resources) -> None:
    text = ("أطلق مسلحون النار على استعراض عسكري في مدينة الأهواز، ما أسفر عن مقتل 29 شخصا. "
            "وأفادت تقارير أن المهاجمين أطلقوا النار من متنزه قريب، وكانوا يرتدون ملابس عسكرية.")
    assert len([e for e in _events(res, text, published="2018-09-22") if e.type == "attack"]) == 1


def test_events_shooting_the_captives_is_their_execution(res: Resources) -> None:
    text = "وقامت مجموعة من داعش بإطلاق النار على الناشطين، وأعدموهما في الزي البرتقالي."
    assert {e.type for e in _events(res, text)} == {"execution"}


@pytest.mark.parametrize("text", ["أعدموهما رميا بالرصاص في الساحة العامة بالرقة.", "ذبحوهم أمام الكاميرا في الرقة."])
def test_events_verbs_carry_plural_and_object_suffixes(res: Resources, text: str) -> None:
    assert "execution" in {e.type for e in _events(res, "قال ناشطون إن عناصر تنظيم داعش " + text)}


def test_events_an_attack_without_a_doer_takes_the_group_its_sentence_names(res: Resources) -> None:
    text = "قتل خمسة جنود في كمين قرب الحدود، بحسب بيان نشرته وكالة أعماق التابعة لتنظيم داعش."
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert "Islamic State" in _names(res, attack.actors), attack


def test_events_the_offensive_named_again_is_the_same_offensive(res: Resources) -> None:
    text = ("تستمر قوات سوريا الديمقراطية بهجومها على آخر معاقل تنظيم داعش في الباغوز. "
            "وقال المتحدث باسم التحالف إن الهجوم البري لقوات سوريا الديمقراطية كان فعالا للغاية.")
    assert len([e for e in _events(res, text) if e.type == "military_operation"]) == 1


def test_events_the_besieged_group_is_the_target_of_the_siege(res: Resources) -> None:
    x = rasid.extract("تستمر قوات سوريا الديمقراطية بهجومها على آخر منطقة في سوريا.",
                      title="داعش رغم محاصرتها في الباغوز تعلن انتصارها عبر تسجيل صوتي", res=res)
    siege = next(e for e in x.events if e.subtype == "siege")
    assert "Islamic State" in _names(res, siege.targets) and "Islamic State" not in _names(res, siege.actors)


@pytest.mark.parametrize("text", [
    "وكان التحالف العربي قد كثف مؤخرا غاراته على قيادات ميليشيات الحوثي.",
    "زادت الولايات المتحدة الغارات التي تشنها الطائرات بلا طيار على قادة داعش في أفغانستان.",
])
def test_events_stepping_up_strikes_is_no_single_strike(res: Resources, text: str) -> None:
    assert "attack" not in {e.type for e in _events(res, text)}


def test_events_undated_news_happened_on_the_publication_day_marked_inferred(res: Resources) -> None:
    ev = next(e for e in _events(res, "أطلق مسلحون النار على استعراض عسكري في مدينة الأهواز فقتلوا 29 شخصا.",
                                  published="2018-09-22") if e.type == "attack")
    assert ev.date is not None and ev.date.start == "2018-09-22" and ev.date.is_inferred, ev.date
    undated = next(e for e in _events(res, "أطلق مسلحون النار على استعراض عسكري في مدينة الأهواز فقتلوا 29 شخصا.")
                   if e.type == "attack")
    assert undated.date is None  # no publication day, no invented date


def test_events_news_of_yesterday_further_down_is_core(res: Resources) -> None:
    text = ("أعلنت قيادة العمليات المشتركة استعادة السيطرة على منطقة الكرمة بالكامل. "
            "وقالت إن القوات فككت عشرات العبوات الناسفة في المنطقة. "
            "وأضافت أن عمليات التفتيش مستمرة في القرى المجاورة. "
            "وأشارت إلى أن الأهالي بدأوا بالعودة إلى منازلهم. "
            "إلى ذلك أعلن قائد عمليات الأنبار أمس مقتل عناصر من داعش في غارة شنها طيران التحالف الدولي.")
    strike = next(e for e in _events(res, text, published="2015-08-09") if e.subtype == "airstrike")
    assert strike.core, strike


def test_events_an_attack_of_an_earlier_day_is_background_though_the_title_names_attacks(res: Resources) -> None:
    text = ("نشرت جبهة النصرة شريط فيديو يؤكد قيامها هذا الأسبوع بخطف مقاتلين من الفرقة 30. "
            "وخطفت جبهة النصرة ثمانية عناصر من الفرقة 30 مساء الأربعاء قرب مدينة اعزاز. "
            "وقال أحد المختطفين أمام الكاميرا إنه تدرب في تركيا. "
            "وأضاف أنه تلقى بندقية ومبلغا من المال. "
            "وقالت الفرقة إن عناصرها لم يشاركوا في أي قتال. "
            "وهاجمت جبهة النصرة الجمعة مقرا للفرقة 30 في المنطقة نفسها ما أسفر عن مقتل خمسة مقاتلين.")
    attacks = [e for e in _events(res, text, title="النصرة تبث فيديو يظهر خطف مقاتلين", published="2015-08-03")
               if e.type == "attack"]
    friday = next(e for e in attacks if e.date and e.date.start == "2015-07-31")
    assert not friday.core and any(a.core for a in attacks), attacks


@pytest.mark.parametrize("text, parent_too", [
    ("شنت جبهة النصرة هجوما مسلحا على مقر لفصيل معارض في ريف حلب أسفر عن مقتل خمسة مقاتلين.", False),
    (("شنت جبهة النصرة، فرع تنظيم القاعدة في سوريا، هجوما مسلحا على مقر لفصيل معارض في ريف حلب أسفر عن "
      "مقتل خمسة مقاتلين."), True),
])
def test_events_a_branch_acts_for_its_parent_only_when_the_parent_is_named(res: Resources, text: str,
                                                                             parent_too: bool) -> None:
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert ("al-Qaeda" in _names(res, attack.actors)) is parent_too, attack


@pytest.mark.parametrize("text, place, is_place", [
    ("قالت قوة المهام إن الولايات المتحدة وحلفاءها نفذوا 29 ضربة جوية ضد تنظيم داعش في العراق.", "United States",
     False),
    ("قالت قوة المهام إن الولايات المتحدة وحلفاءها نفذوا 29 ضربة جوية ضد تنظيم داعش في العراق.", "Iraq", True),
])
def test_events_a_country_is_the_scene_only_after_a_locative(res: Resources, text: str, place: str,
                                                              is_place: bool) -> None:
    strike = next(e for e in _events(res, text) if e.subtype == "airstrike_campaign")
    assert (place in _names(res, strike.places)) is is_place, strike


def test_events_a_headline_country_is_its_scene(res: Resources) -> None:
    x = rasid.extract("تمكنت القوات الأمنية من توقيف عنصر إرهابي في العاصمة.", title="تونس: اعتقال داعشي حرض على القتل",
                      res=res)
    arrest = next(e for e in x.events if e.type == "arrest")
    assert "Tunisia" in _names(res, arrest.places), arrest


def test_events_the_news_claim_marks_the_news_attack_claimed_and_gunfire_is_a_tactic(res: Resources) -> None:
    text = ("أطلق مسلحون النار على استعراض عسكري في مدينة الأهواز فقتلوا 29 شخصا. "
            "وتعهد الرئيس برد ساحق. ودعت الحكومة إلى الهدوء. وأغلقت المدارس في المدينة. "
            "وأعلن تنظيم الدولة الإسلامية في بيان بثه على وكالة أعماق مسؤوليته عن الهجوم.")
    attack = next(e for e in _events(res, text, published="2018-09-22") if e.type == "attack")
    assert attack.attributes.get("claimed") is True and "gunfire" in attack.attributes.get("tactics", []), attack


@pytest.mark.parametrize("text, count", [
    ("العراق يعدم 12 مدانا بالإرهاب تنفيذا لأوامر رئيس الوزراء.", 12),
    ("هدد التنظيم بإعدام الأسرى خلال 3 أيام. وأعدم التنظيم 8 رهائن في كركوك.", 8),
])
def test_events_the_count_after_an_execution_is_of_the_executed(res: Resources, text: str, count: int) -> None:
    executions = [e for e in _events(res, text) if e.type == "execution"]
    assert any(e.attributes.get("fatalities") == count for e in executions), executions


def test_events_a_titled_announcer_is_the_source_not_the_doer(res: Resources) -> None:
    text = "أعلن قائد الجيش الوطني الليبي المشير خليفة حفتر، مساء الخميس، تحرير مدينة درنة بالكامل."
    capture = next(e for e in _events(res, text) if e.type == "territorial_change")
    assert "Khalifa Haftar" in _names(res, capture.speakers), capture


def test_events_whom_a_threat_points_at_is_its_target(res: Resources) -> None:
    text = "وقد هدد القائد بإعطاء درس قاس لأعداء الله مشيراً لمليشيا قسد المدعومة من قبل الولايات المتحدة."
    threat = next(e for e in _events(res, text) if e.type == "threat")
    assert "Syrian Democratic Forces" in _names(res, threat.targets), threat


def test_events_the_subject_inside_a_verb_phrase_is_the_actor(res: Resources) -> None:
    arrest = next(e for e in _events(res, "ألقى داعش القبض على شخصين في مدينة الرقة.") if e.type == "arrest")
    assert "Islamic State" in _names(res, arrest.actors) and "Islamic State" not in _names(res, arrest.targets)


def test_events_a_monitor_that_reports_is_no_party(res: Resources) -> None:
    text = "وقال المرصد السوري لحقوق الإنسان إن تنظيم داعش سيطر على قرية أم حوش بعد اشتباكات مع فصائل المعارضة."
    events = _events(res, text)
    assert events and all("rasid:org:syrian-observatory-for-human-rights" not in e.actors + e.targets + e.speakers
                          for e in events), events


@pytest.mark.parametrize("text", [
    "بيروت - دعا تنظيم الدولة الإسلامية عناصره إلى الثأر من قوات سوريا الديمقراطية في الباغوز.",
    ("مع قرب انتهاء المعركة، التنظيم يدعو إلى الانتقام.\n"
     "بيروت - دعا تنظيم الدولة الإسلامية عناصره إلى الثأر من قوات سوريا الديمقراطية في الباغوز."),
])
def test_events_a_dateline_is_no_scene_even_under_a_lede(res: Resources, text: str) -> None:
    call = next(e for e in _events(res, text) if e.subtype == "call_to_violence")
    assert "Beirut" not in _names(res, call.places), call


def test_events_a_contrasting_clause_does_not_make_the_event_background(res: Resources) -> None:
    text = ("نشرت وكالة أعماق التابعة لتنظيم داعش مقطعا مصورا لمنفذ الهجوم يبايع فيه التنظيم. "
            "وبث المقطع المصور دون تاريخ، لكن المطر كان يتساقط بشدة خلف الرجل.")
    videos = [e for e in _events(res, text) if e.subtype == "video"]
    assert len(videos) == 1 and len(videos[0].evidence) == 2, videos


def test_events_the_attack_a_call_answers_did_happen(res: Resources) -> None:
    text = ("حض المهاجر أنصار التنظيم في نيوزيلندا على الثأر والانتقام بعد الهجوم المسلح الذي شنه أسترالي "
            "على مسجدين في مدينة كرايست تشيرش الجمعة وقتل خلاله خمسين مصليا.")
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert "Christchurch" in _names(res, attack.places) and not attack.core, attack


@pytest.mark.parametrize("text, subtype", [
    ("نفذ التحالف الدولي 29 ضربة جوية ضد تنظيم داعش في العراق وسوريا.", "airstrike_campaign"),
    ("وكان التحالف العربي قد كثف مؤخرا غاراته على قيادات ميليشيات الحوثي.", "airstrike_campaign"),
    ("قتل الصماد إثر استهدافه بثلاث غارات جوية في محافظة الحديدة.", "airstrike"),
    ("تلقى المستشفى 65 مصابا جراء ضربات جوية في محافظة حجة.", "airstrike"),
])
def test_events_many_strikes_are_a_campaign(res: Resources, text: str, subtype: str) -> None:
    subtypes = {e.subtype for e in _events(res, text)}
    assert subtype in subtypes and ({"airstrike", "airstrike_campaign"} - {subtype}).isdisjoint(subtypes), subtypes


def test_events_a_campaign_is_flown_against_the_group(res: Resources) -> None:
    text = "نفذ التحالف الدولي 29 ضربة جوية تستهدف تنظيم داعش في العراق وسوريا."
    events = _events(res, text)
    campaign = next(e for e in events if e.subtype == "airstrike_campaign")
    assert "Islamic State" in _names(res, campaign.targets) and "Islamic State" not in _names(res, campaign.actors)
    assert not any(e.type == "attack" for e in events), events


def test_events_whose_spokesman_speaks_is_no_party(res: Resources) -> None:
    text = "وأعلن المتحدث باسم التحالف الدولي في العراق وسوريا يوم الخميس أن قسد تسيطر الآن على 45% من الرقة."
    share = next(e for e in _events(res, text) if e.type == "territorial_change")
    names = _names(res, share.actors + share.targets + share.speakers)
    assert "Syrian Democratic Forces" in names and "International coalition against ISIS" not in names, share


def test_events_a_named_spokesman_is_the_source(res: Resources) -> None:
    text = "وقال المتحدث باسم التحالف الدولي ريان ديلون إن قوات سوريا الديمقراطية تسيطر الآن على 45% من الرقة."
    share = next(e for e in _events(res, text) if e.type == "territorial_change")
    spokesman = [p for p in share.speakers if "ryan" in p]
    assert spokesman and not any("ryan" in a for a in share.actors), share


def test_events_who_attacked_took_the_ground(res: Resources) -> None:
    text = "أعلن سقوط الخلافة بعد طرد التنظيم من آخر معقل له في بلدة الباغوز، إثر هجوم شنته قوات سوريا الديمقراطية."
    loss = next(e for e in _events(res, text) if e.type == "territorial_change")
    assert "Syrian Democratic Forces" in _names(res, loss.actors), loss


def test_events_a_past_described_in_a_later_clause_does_not_make_the_news_background(res: Resources) -> None:
    text = ("أعلن رئيس الشرطة الفلبينية، الاثنين، أن السلطات أوقفت رجلا مصريا يعتقد أنه كان قياديا سابقا في "
            "تنظيم داعش، في مداهمة استهدفت شقة سكنية في مانيلا.")
    arrest = next(e for e in _events(res, text, published="2018-02-19") if e.type == "arrest")
    assert arrest.core, arrest


def test_events_what_an_added_item_recalls_is_not_said_of_the_first(res: Resources) -> None:
    text = ("اعتقلت قوات الأمن العراقية خلية من تنظيم داعش في مدينة الموصل، بالإضافة إلى ضبط أسلحة استخدمت في "
            "تفجيرات العام الماضي.")
    events = _events(res, text, published="2018-02-19")
    arrest = next(e for e in events if e.subtype == "arrest")
    bombing = next(e for e in events if e.type == "attack")
    assert arrest.core and not bombing.core, events


@pytest.mark.parametrize("text, videos", [
    ("ونشرت وكالة أعماق التابعة لتنظيم داعش فيديو يهدد فيه التنظيم بإعدام ستة أسرى. "
     "ولكن العبادي قال إن تشريح الجثث أوضح أنهم كانوا قد قتلوا بالفعل عندما بث التنظيم الفيديو.", 1),
    ("عثرت قوات الأمن العراقية، الأربعاء، على 8 جثث بينهم 6 أشخاص خطفوا على يد داعش، ظهروا في فيديو للتنظيم "
     "الأسبوع الماضي. "
     "ونشرت وكالة أعماق التابعة لتنظيم داعش السبت الماضي فيديو يهدد فيه التنظيم بإعدام ستة أشخاص.", 1),
    ("بث تنظيم داعش شريطا مصورا جديدا على تطبيق تلغرام. "
     "ويعود آخر تسجيل بثه التنظيم إلى 29 نيسان/أبريل، وقد جاء بث الفيديو بعد أسبوع من اعتداءات سريلانكا.", 2),
])
def test_events_a_recording_named_again_is_the_same_release(res: Resources, text: str, videos: int) -> None:
    found = [e for e in _events(res, text, published="2018-06-27") if e.subtype == "video"]
    assert len(found) == videos, found
    if videos == 1:
        assert len(found[0].evidence) == 2 and not found[0].speakers, found


def test_events_a_campaign_gathers_the_strikes_counted_after_it(res: Resources) -> None:
    text = ("قال التحالف الدولي إنه نفذ 29 ضربة جوية ضد تنظيم داعش في العراق وسوريا. "
            "ففي العراق نفذ 21 ضربة أصابت مناطق بالقرب من الموصل وتلعفر. "
            "وأفاد البيان أن ثماني ضربات استهدفت التنظيم بالقرب من الحسكة.")
    campaigns = [e for e in _events(res, text) if e.subtype == "airstrike_campaign"]
    assert len(campaigns) == 1, campaigns
    places = _names(res, campaigns[0].places)
    assert {"Iraq", "Syria", "Mosul", "Al Ḩasakah"} <= places and "Iraq" not in _names(res, campaigns[0].actors), campaigns


def test_events_the_same_area_is_the_place_told_just_before(res: Resources) -> None:
    text = ("وخطفت جبهة النصرة ثمانية عناصر من الفرقة 30 مساء الأربعاء قرب مدينة اعزاز في ريف حلب الشمالي. "
            "وهاجمت جبهة النصرة الجمعة مقرا للفرقة 30 في المنطقة نفسها ما أسفر عن مقتل خمسة مقاتلين.")
    attacks = [e for e in _events(res, text, published="2015-08-03") if e.type == "attack"]
    friday = next(e for e in attacks if e.evidence[0][0] > 50)
    assert _names(res, friday.places) == {"I‘zāz"}, attacks


def test_events_a_long_list_of_targets_goes_past_the_window_and_titles_stay_titles(res: Resources) -> None:
    text = ("نشر عنصر داعشي فيديو على شبكات التواصل الاجتماعي يدعو الى اغتيال كل من الرئيس التونسي الباجي قائد "
            "السبسي ورئيس حركة النهضة راشد الغنوشي والناطق الرسمي باسم الجبهة الشعبية حمة الهمامي والناطق "
            "الرسمي السابق باسم وزارة الداخلية العقيد محمد علي العروي.")
    call = next(e for e in _events(res, text) if e.subtype == "call_to_violence")
    persons = [t for t in call.targets if t.startswith("rasid:person:")]
    assert len(persons) == 4 and len(call.targets) == 4, call.targets


def test_events_the_speaker_of_a_video_makes_the_threat_it_shows(res: Resources) -> None:
    text = ("توعد تنظيم داعش في ليبيا مجلس النواب الليبي بعمليات ذبح وقتل قريبة. "
            "ونشرت مواقع تابعة لداعش تسجيلا مصورا ظهر فيه أحد مقاتلي التنظيم وهو يتوعد مجلس النواب الليبي. "
            "وظهر في التسجيل المرئي، الذي حمل عنوان رسائل سرت، أبو يحيى التونسي الذي دعا إلى قتال مجلس النواب.")
    events = _events(res, text)
    video = next(e for e in events if e.subtype == "video")
    threat = next(e for e in events if e.subtype == "threat")
    assert video.speakers and set(video.speakers) <= set(threat.speakers), events


def test_events_a_campaign_spans_the_days_its_reports_name(res: Resources) -> None:
    text = ("قالت قوة المهام إن الولايات المتحدة وحلفاءها نفذوا 29 ضربة جوية يوم الأحد استهدفت تنظيم داعش في العراق. "
            "وفي العراق نفذت 21 ضربة جوية بالقرب من الرمادي وفقا للبيان العسكري الذي أذيع اليوم الاثنين.")
    campaigns = [e for e in _events(res, text, published="2015-08-10") if e.subtype == "airstrike_campaign"]
    assert len(campaigns) == 1 and campaigns[0].date and campaigns[0].date.start == "2015-08-09", campaigns


def test_events_the_raid_of_an_arrest_is_no_offensive(res: Resources) -> None:
    text = ("أوقفت السلطات الفلبينية رجلا مصريا يعتقد أنه كان قياديا في تنظيم داعش، في مداهمة استهدفت شقة سكنية "
            "في مانيلا.")
    types = {e.type for e in _events(res, text)}
    assert "arrest" in types and "military_operation" not in types, types


@pytest.mark.parametrize("text, found", [
    ('وقال العميد نجم عبد الله ان «سيارة مفخخة انفجرت وسط سوق شعبية في تلعفر، ما اسفر عن مقتل ستة مدنيين».', True),
    ('وقال المتحدث باسم تنظيم داعش: «المعركة بيننا وبينهم قد أوقد نارها ولن تتوقف حتى نهاجم روما».', False),
])
def test_events_a_source_quoted_on_the_toll_reports_the_attack(res: Resources, text: str, found: bool) -> None:
    assert any(e.type == "attack" for e in _events(res, text)) is found


@pytest.mark.parametrize("text, actor, target", [
    ("وهددت جماعة الحوثي التحالف العربي بأنه لن يذوق طعم الأمان منذ اليوم.", "Houthis", "Saudi-led coalition"),
    ("الحوثيون يتوعدون التحالف العربي برد قاس على مقتل الصماد.", "Houthis", "Saudi-led coalition"),
    ("نشر تنظيم داعش مجلته متوعداً دول التحالف بمعركة شرسة في الرقة.", "Islamic State",
     "International coalition against ISIS"),
])
def test_events_who_threatens_is_the_subject_of_the_threat_verb(res: Resources, text: str, actor: str,
                                                                 target: str) -> None:
    threat = next(e for e in _events(res, text) if e.type == "threat")
    assert actor in _names(res, threat.actors) and target in _names(res, threat.targets), threat


def test_events_where_someone_comes_from_is_no_scene(res: Resources) -> None:
    text = "اعتقلت قوات الأمن عنصرا من تنظيم داعش أصيل مدينة المهدية في مدينة سوسة."
    arrest = next(e for e in _events(res, text) if e.type == "arrest")
    places = _names(res, arrest.places)
    assert "Sousse" in places and not any("Mahdia" in p for p in places), places


def test_events_an_armed_group_struck_from_the_air_is_the_target(res: Resources) -> None:
    text = "قتل 86 من ميليشيات الحوثي في غارات لمقاتلات التحالف العربي على الساحل الغربي."
    strike = next(e for e in _events(res, text) if e.subtype in ("airstrike", "airstrike_campaign"))
    assert "Houthis" in _names(res, strike.targets) and "Houthis" not in _names(res, strike.actors), strike


def test_events_a_group_that_fires_rockets_is_the_actor(res: Resources) -> None:
    text = "أطلق عناصر تنظيم داعش عشرات الصواريخ على قضاء مخمور ما أسفر عن مقتل 18 من قوات البيشمركة."
    shelling = next(e for e in _events(res, text) if e.subtype == "shelling")
    assert "Islamic State" in _names(res, shelling.actors), shelling


@pytest.mark.parametrize("text", [
    "وقالت الشرطة في بيان إن قوات الأمن أحبطت هجوما كبيرا على المعسكر.",
    "ولا يعني حسم المعركة انتهاء خطر التنظيم في ظل تبنيه اعتداءات حول العالم.",
])
def test_events_a_foiled_or_worldwide_attack_is_no_attack(res: Resources, text: str) -> None:
    assert not [e for e in _events(res, text) if e.type in ("attack", "military_operation")]


def test_events_what_a_group_refuses_to_declare_is_no_event(res: Resources) -> None:
    text = "فيما ما زالت بقايا داعش في المنطقة ترفض إعلان الهزيمة."
    assert not [e for e in _events(res, text) if e.type == "territorial_change"]


def test_events_the_dead_of_a_force_are_its_targets_not_its_doers(res: Resources) -> None:
    text = "وأفادت مصادر طبية بمقتل ثلاثة من رجال الأمن وامرأة وطفلين في هجوم على سوق في عدن."
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert "Yemeni security forces" in _names(res, attack.targets) and not attack.actors, attack


def test_events_a_doer_marked_before_the_trigger_did_another_deed(res: Resources) -> None:
    text = ("وتبنى تنظيم داعش الهجوم بسكين في باريس. "
            "وقتل المهاجم على أيدي رجال الشرطة الذين وصلوا إلى مكان الهجوم.")
    attacks = [e for e in _events(res, text, title="هجوم باريس") if e.type in ("attack", "military_operation")]
    assert all(e.type == "attack" for e in attacks), attacks
    assert not any("police" in n.lower() for e in attacks for n in _names(res, e.actors)), attacks


def test_events_an_armed_attack_does_not_restate_an_airstrike(res: Resources) -> None:
    text = ("وتدك هذه القوات الجيب المحاصر بينما تستهدفه طائرات التحالف بالضربات الجوية. "
            "من جهة أخرى، حض المهاجر أنصار التنظيم في نيوزيلندا على الثأر بعد الهجوم المسلح الذي شنه أسترالي "
            "على مسجدين في مدينة كرايست تشيرش الجمعة وقتل خلاله خمسين مصليا، في مجزرة تعد الأسوأ في تاريخ البلد.")
    attacks = [e for e in _events(res, text) if e.type == "attack"]
    christchurch = [e for e in attacks if "Christchurch" in _names(res, e.places)]
    assert len(christchurch) == 1 and christchurch[0].subtype == "mass_shooting", attacks
    assert christchurch[0].attributes.get("fatalities") == 50 and "airstrike" not in christchurch[0].attributes.get(
        "tactics", []), christchurch


def test_events_a_force_named_aside_is_no_party(res: Resources) -> None:
    text = ("قتل 12 شخصا على الأقل أمس عندما هاجم انتحاريان حمام سباحة مزدحما في طوز خورماتو في العراق، حسبما "
            "قال مسؤول محلي ومصادر في الشرطة. وفجر انتحاري آخر شحنة ناسفة عند المدخل فيما كانت سيارات الشرطة "
            "والإسعاف تنقل القتلى.")
    attacks = [e for e in _events(res, text, published="2015-07-25") if e.type == "attack"]
    assert attacks and not any("Iraqi Police" in _names(res, e.speakers + e.targets + e.actors) for e in attacks)


def test_events_the_day_of_the_saying_is_not_the_day_of_the_strike(res: Resources) -> None:
    text = "قال الجيش الأمريكي أمس الجمعة إن غارة جوية أمريكية في أفغانستان قتلت قياديا ميدانيا كبيرا بتنظيم القاعدة."
    strike = next(e for e in _events(res, text, published="2015-07-25") if e.type == "attack")
    assert strike.date is None or strike.date.is_inferred, strike.date


def test_events_a_former_office_or_a_past_habit_far_from_the_trigger_recalls_nothing(res: Resources) -> None:
    text = ("تمكنت القوات الأمنية التونسية من القبض على عنصر داعشي نشر فيديو يدعو إلى اغتيال الناطق الرسمي السابق "
            "باسم وزارة الداخلية، وكان ينتمي لأنصار الشريعة.")
    threat = next(e for e in _events(res, text, published="2015-07-26") if e.type == "threat")
    assert threat.core, threat


@pytest.mark.parametrize("text", [
    "وقال في بيان إن السوداني كان المسؤول عن العمليات الانتحارية للقاعدة.",
])
def test_events_whom_a_role_makes_responsible_did_nothing_here(res: Resources, text: str) -> None:
    assert not [e for e in _events(res, text) if e.type == "attack"]


def test_events_casualties_across_a_pronoun_preposition(res: Resources) -> None:
    text = "وقع الهجوم المسلح على مسجدين في كرايست تشيرش وقتل خلاله خمسين مصليا."
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert attack.attributes.get("fatalities") == 50, attack.attributes


def test_events_the_strike_named_again_with_its_day_is_the_news_strike(res: Resources) -> None:
    text = ("قتل القيادي البارز في تنظيم القاعدة موسى أبو داود في غارة للقوات الأميركية في ليبيا مطلع الأسبوع. "
            "وشن التنظيم هجمات ضد قوات الأمن في تونس والجزائر. "
            "وكانت قوات أميركية قد شنت الغارة في منطقة أوباري السبت الماضي.")
    strikes = [e for e in _events(res, text, published="2018-03-28") if e.subtype == "airstrike"]
    assert len(strikes) == 1 and strikes[0].core and strikes[0].date.start == "2018-03-24", strikes


def test_events_two_past_events_recalled_apart_stay_two(res: Resources) -> None:
    text = ("أعدم العراق 12 مدانا بالإرهاب صباح الجمعة. "
            "وكان العبادي أمر بتنفيذ الإعدام ردا على إعدام تنظيم الدولة ثمانية رهائن في بغداد الأربعاء. "
            "وأعدم العراق ما لا يقل عن 111 مدانا عام 2014.")
    executions = [e for e in _events(res, text, published="2018-06-29") if e.type == "execution"]
    assert len(executions) == 3, executions


def test_events_a_verb_before_its_subject_is_not_a_definite_noun(res: Resources) -> None:
    from rasid.stages.event_context import build_context
    from rasid.stages.events import find_triggers
    from rasid.stages.entities import find_entities
    from rasid.stages.normalize import normalize
    from rasid.model import CleanDoc

    doc = normalize(CleanDoc(doc_id="d", title="", text="وأعدم العراق 111 مدانا. إعدام التنظيم للرهائن."))
    mentions, _ = find_entities(doc, res)
    definite = {c.is_definite for c in find_triggers(build_context(doc, mentions, res)) if c.type == "execution"}
    assert definite == {False, True}, definite


def test_events_a_suicide_car_bomb_told_twice_is_one_attack(res: Resources) -> None:
    text = ("قتل أربعة أشخاص في انفجار سيارة مفخخة في مطبخ ميداني في عدن. "
            "وأصيب آخرون في الانفجار الذي سببته سيارة محملة بالمتفجرات يقودها انتحاري في منطقة الديرين في عدن.")
    attacks = [e for e in _events(res, text, published="2018-03-13") if e.type == "attack"]
    assert len(attacks) == 1 and attacks[0].subtype == "car_bomb", attacks


def test_events_the_owner_of_what_was_hit_is_the_target(res: Resources) -> None:
    text = "قتل أربعة أشخاص في انفجار سيارة مفخخة استهدف مطبخا ميدانيا تابعا لقوات سوريا الديمقراطية في الرقة."
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert "Syrian Democratic Forces" in _names(res, attack.targets), attack


def test_events_the_group_named_by_its_head_noun_threatens(res: Resources) -> None:
    text = ("أعلنت جماعة الحوثي مقتل صالح الصماد في غارة للتحالف العربي. "
            "وهددت الجماعة التحالف العربي بأنه لن يذوق طعم الأمان.")
    threat = next(e for e in _events(res, text) if e.type == "threat")
    assert "Houthis" in _names(res, threat.actors), threat


def test_events_who_threatens_right_after_the_verb_speaks(res: Resources) -> None:
    text = "ظهر زعيم التنظيم أبو بكر البغدادي في تسجيل. وتوعد حينها البغدادي بأن مقاتلي التنظيم سيأخذون بثأرهم."
    threat = next(e for e in _events(res, text) if e.type == "threat")
    assert "Abu Bakr al-Baghdadi" in _names(res, threat.speakers) and not threat.targets, threat


def test_events_a_claim_in_a_relative_clause_is_no_release(res: Resources) -> None:
    text = "وقد جاء بث الفيديو بعد نحو أسبوع من اعتداءات سريلانكا التي تبناها تنظيم داعش."
    assert not [e for e in _events(res, text) if e.subtype == "statement"]


def test_events_the_offensive_a_change_of_ground_follows_is_told_as_the_change(res: Resources) -> None:
    text = "أعلن سقوط الخلافة بعد طرد التنظيم من آخر معقل له في بلدة الباغوز، إثر هجوم شنته قوات سوريا الديمقراطية."
    events = _events(res, text)
    assert [e.type for e in events if e.type in ("territorial_change", "military_operation")] == ["territorial_change"]


def test_events_a_city_a_distance_away_only_locates_the_scene(res: Resources) -> None:
    text = "شنت قوات أميركية غارة في منطقة أوباري، على بعد نحو ألف كلم جنوبي طرابلس، على عناصر من تنظيم القاعدة."
    strike = next(e for e in _events(res, text) if e.type == "attack")
    assert "Tripoli" not in " ".join(_names(res, strike.places)), strike


def test_events_the_party_a_relative_clause_follows_does_its_verb(res: Resources) -> None:
    text = ("دعا تنظيم الدولة الإسلامية عناصره إلى الثأر من قوات سوريا الديمقراطية التي باتت تحاصر مقاتليه "
            "في بلدة الباغوز.")
    siege = next(e for e in _events(res, text) if e.subtype == "siege")
    assert _names(res, siege.actors) == {"Syrian Democratic Forces"} and "Islamic State" in _names(res, siege.targets)


def test_events_a_sentence_opening_on_a_verb_goes_on_with_the_subject_before(res: Resources) -> None:
    text = ("وتخوض قوات سوريا الديمقراطية معارك ضد التنظيم في شرق سوريا. "
            "وباتت تحاصره في جيب صغير في بلدة الباغوز.")
    siege = next(e for e in _events(res, text) if e.subtype == "siege")
    assert "Syrian Democratic Forces" in _names(res, siege.actors), siege


def test_events_the_force_hostages_belong_to_is_hit_by_what_is_told_of_them(res: Resources) -> None:
    text = ("أعدم تنظيم الدولة ثمانية رهائن عثر على جثثهم قرب بغداد. "
            "ومن بين الرهائن ستة ظهروا في فيديو لتنظيم الدولة. "
            "وزعم تنظيم الدولة أنهم ينتمون إلى قوات الحشد الشعبي.")
    killed = next(e for e in _events(res, text, published="2018-06-29") if e.type == "execution")
    assert "Popular Mobilization Forces" in _names(res, killed.targets), killed


def test_events_a_headline_blast_in_a_region_restates_the_one_in_its_town(res: Resources) -> None:
    title = "مقتل ضابط و3 جنود بالجيش المصري في انفجار عبوة ناسفة بسيناء"
    text = "قتل ضابط و3 جنود بالجيش المصري في انفجار عبوة ناسفة في مدينة رفح بشمال سيناء."
    blasts = [e for e in _events(res, text, title=title) if e.type == "attack"]
    assert len(blasts) == 1, blasts
    assert "Sinai Peninsula" not in _names(res, blasts[0].places)  # the town says more than the region


def test_events_a_village_the_gazetteer_lacks_may_lie_in_the_country_named_before(res: Resources) -> None:
    title = "غارة جوية أمريكية تقتل قياديا في القاعدة في أفغانستان"
    text = "وذكر الجيش أن الغارة استهدفت القيادي في منطقة برمل بولاية باكتيكا يوم 11 يوليو."
    strikes = [e for e in _events(res, text, title=title, published="2015-07-25") if e.subtype == "airstrike"]
    assert len(strikes) == 1, strikes


def test_events_a_unit_restates_the_body_it_belongs_to(res: Resources) -> None:
    title = "«النصرة» تخطف خمسة مقاتلين جدد من المعارضة السورية"
    text = "خطفت جبهة النصرة خمسة مقاتلين من الفرقة 30 في ريف حلب."
    assert len([e for e in _events(res, text, title=title) if e.type == "attack"]) == 1


def test_events_a_headline_event_the_body_only_recalls_is_that_event(res: Resources) -> None:
    title = "ليبيا تعيد جثث 20 قبطيا مصريا ذبحهم داعش"
    text = ("أعادت السلطات الليبية جثث الأقباط إلى مصر. "
            "وكان تسجيل فيديو للواقعة أظهر قطع رؤوس الأقباط العشرين على شاطئ في فبراير 2015.")
    killings = [e for e in _events(res, text, title=title, published="2018-05-14") if e.type == "execution"]
    assert len(killings) == 1 and not killings[0].core, killings


def test_events_a_headline_event_is_not_joined_to_another_doers_past_one(res: Resources) -> None:
    title = "العراق يعدم 12 مدانا بالإرهاب"
    text = ("نفذت السلطات العراقية حكم الإعدام بحق 12 مدانا. "
            "وكان تنظيم داعش قد أعدم ثمانية من عناصر الأمن العراقي الشهر الماضي.")
    killings = [e for e in _events(res, text, title=title, published="2018-06-29") if e.type == "execution"]
    assert len(killings) == 2, killings


def test_events_a_past_month_of_a_later_clause_does_not_date_the_news_back(res: Resources) -> None:
    text = "هدد الفرع المصري لتنظيم داعش أمس الأربعاء بإعدام كرواتي خطف في القاهرة الشهر الماضي."
    threat = next(e for e in _events(res, text, published="2015-08-06") if e.type == "threat")
    assert threat.core and threat.date is not None and threat.date.start == "2015-08-05", threat


def test_events_a_day_in_what_a_release_says_is_not_its_own(res: Resources) -> None:
    text = "ونشر تنظيم داعش أمس الأحد بيانا أكد فيه أن عناصره قتلوا جنديا في هجوم الخميس."
    release = next(e for e in _events(res, text, published="2018-04-23") if e.type == "media_release")
    assert release.date is not None and release.date.start == "2018-04-22", release


def test_events_an_appointment_is_made_by_the_movement_and_names_no_predecessor(res: Resources) -> None:
    text = "وأعلن بيان للمجلس السياسي الأعلى تعيين مهدي المشاط خلفا للصماد."
    appointed = next(e for e in _events(res, text, published="2018-04-23") if e.subtype == "appointed")
    assert _names(res, appointed.targets) == {"Mahdi al-Mashat"}, appointed
    assert {"Supreme Political Council", "Houthis"} <= _names(res, appointed.actors), appointed


def test_events_a_leader_killed_brings_his_movement_in_as_target(res: Resources) -> None:
    text = "أعلن الحوثيون مقتل رئيس المجلس السياسي الأعلى صالح الصماد في غارة للتحالف العربي."
    killed = next(e for e in _events(res, text, published="2018-04-23") if e.subtype == "killed")
    assert {"Saleh Ali al-Sammad", "Houthis"} <= _names(res, killed.targets), killed


@pytest.mark.parametrize("text, subtype, summary", [
    ("وأعلن بيان للمجلس السياسي الأعلى تعيين مهدي المشاط خلفا للصماد.", "appointed",
     "Supreme Political Council and Houthis appointed Mahdi al-Mashat"),
    ("أعلن الحوثيون مقتل رئيس المجلس السياسي الأعلى صالح الصماد في غارة للتحالف العربي.", "killed",
     ": leader killed by Saudi-led coalition"),
])
def test_events_leadership_summaries_read_as_english(res: Resources, text: str, subtype: str, summary: str) -> None:
    event = next(e for e in _events(res, text) if e.subtype == subtype)
    assert summary in event.summary and "rasid:" not in event.summary, event.summary


def test_events_the_next_sentences_toll_belongs_to_its_own_attack(res: Resources) -> None:
    text = ("كما نظم هجوما على ثكنات عسكرية في خنشلة بالجزائر، أدى إلى إصابة عدد من الجنود. "
            "وفي يوليو 2013، نظم هجوما على دورية عسكرية تونسية في جبل الشعانبي، مما أدى إلى مقتل 9 جنود.")
    attacks = [e for e in _events(res, text, published="2018-03-28") if e.type == "attack"]
    assert [e.attributes.get("fatalities") for e in attacks] == [None, 9], attacks


def test_events_the_group_a_man_is_appointed_to_lead_appoints_him(res: Resources) -> None:
    text = "وعام 2012، تم تعيين أبو داود قائدا للمنطقة الجنوبية للقاعدة في بلاد المغرب الإسلامي."
    appointed = next(e for e in _events(res, text) if e.subtype == "appointed")
    assert "al-Qaeda in the Islamic Maghreb" in _names(res, appointed.actors), appointed


def test_events_the_arrest_of_the_news_attackers_is_news_too(res: Resources) -> None:
    text = ("هاجم مسلحون عرضا عسكريا في مدينة الأهواز صباح السبت ما أدى إلى مقتل 25 شخصا. "
            "وأعلن تنظيم داعش مسؤوليته عن الهجوم. وأدان الرئيس الهجوم. وقال مسؤولون إن التحقيق مستمر. "
            "وأضافوا أن الضحايا بينهم أطفال. وقتلت القوات الأمنية ثلاثة من المهاجمين وتمكنت من اعتقال الرابع.")
    arrest = next(e for e in _events(res, text, published="2018-09-22") if e.type == "arrest")
    assert arrest.core, arrest


@pytest.mark.parametrize("text, subtype", [
    ("وجاء القانون بعد هجوم وقع الشهر الماضي على منتجع ساحلي في مدينة سوسة أدى إلى مقتل 38 سائحا.", "mass_shooting"),
    ("شن مسلحون هجوما على ثكنة في سيناء أدى إلى مقتل 17 جنديا.", "armed_assault"),
])
def test_events_many_unarmed_dead_make_a_mass_shooting(res: Resources, text: str, subtype: str) -> None:
    attack = next(e for e in _events(res, text, published="2015-07-26") if e.type == "attack")
    assert attack.subtype == subtype, attack


def test_events_detainees_said_to_be_police_make_the_police_the_target(res: Resources) -> None:
    text = ("ونشرت وكالة أعماق فيديو يهدد فيه عناصر من تنظيم داعش بإعدام 6 معتقلين. "
            "ويشير الفيديو إلى أن المعتقلين هم من أفراد الشرطة العراقية وقوات الحشد الشعبي.")
    threat = next(e for e in _events(res, text) if e.type == "threat")
    assert {"Iraqi Police", "Popular Mobilization Forces"} <= _names(res, threat.targets), threat


def test_events_a_relative_clause_further_on_is_done_by_its_antecedent_alone(res: Resources) -> None:
    text = ("ويأتي هذا في ظل تراجع نشاط التنظيم في البادية الخاضعة لسيطرة قوات النظام السوري أو في مناطق سيطرة "
            "قوات سوريا الديمقراطية، التي تمكنت بالتعاون مع التحالف الدولي من اعتقال عدد كبير من عناصره.")
    arrest = next(e for e in _events(res, text) if e.type == "arrest")
    assert "Syrian government forces" not in _names(res, arrest.actors), arrest
    assert "Syrian Democratic Forces" in _names(res, arrest.actors), arrest


@pytest.mark.parametrize("text, doer", [
    ("وحض المهاجر أنصار التنظيم على الثأر بعد الهجوم المسلح الذي شنه أسترالي على مسجدين في مدينة كرايست تشيرش.",
     None),
    ("قتل خمسة أشخاص في هجوم نفذه مسلحون على حاجز في العريش. وتبنى تنظيم داعش الهجوم في بيان.", "Islamic State"),
])
def test_events_a_doer_named_apart_is_no_group_of_the_sentences(res: Resources, text: str, doer: str | None) -> None:
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert (doer in _names(res, attack.actors)) if doer else "Islamic State" not in _names(res, attack.actors), attack


def test_events_a_noun_with_a_pronoun_spells_its_ta_marbuta_open(res: Resources) -> None:
    text = "كما استخف تنظيم داعش من هزيمته الأخيرة في الموصل، التي كانت تعد معقلا رئيسيا للتنظيم."
    loss = next(e for e in _events(res, text) if e.type == "territorial_change")
    assert loss.subtype == "loss" and "Mosul" in _names(res, loss.places), loss


def test_events_since_an_event_is_a_time_anchor_not_news(res: Resources) -> None:
    text = "توعد تنظيم داعش التحالف في شريط مصور هو الثاني منذ هزيمته ميدانيا في آذار الماضي."
    loss = next(e for e in _events(res, text, published="2019-08-12") if e.type == "territorial_change")
    assert not loss.core, loss


def test_events_a_quoted_restatement_dates_the_event_but_is_none(res: Resources) -> None:
    text = ("تستمر قوات سوريا الديمقراطية بهجومها على آخر منطقة يسيطر عليها تنظيم داعش في سوريا. "
            "وكان المتحدث باسم التحالف قد صرح يوم الإثنين 18 آذار/ مارس 2019 إن: “الهجوم البري لقوات سوريا "
            "الديموقراطية كان فعالاً للغاية”.")
    operations = [e for e in _events(res, text) if e.type == "military_operation"]
    assert len(operations) == 1 and operations[0].date is not None, operations
    assert operations[0].date.start == "2019-03-18" and len(operations[0].evidence) == 2, operations


def test_events_adoption_is_no_claim(res: Resources) -> None:
    text = ("فرت فتاة سويدية من منزل والديها بالتبني إلى سوريا. "
            "واهتزت تونس بعد هجوم نفذه عنصر مسلح على فندق في سوسة في 26 يونيو مخلفا 38 قتيلا.")
    attack = next(e for e in _events(res, text, published="2015-08-10") if e.type == "attack")
    assert not attack.attributes.get("claimed"), attack


@pytest.mark.parametrize("text, role, name", [
    ("وجاء ذلك ردا على هجوم سروج الدامي على تجمع لنشطاء أكراد الذي نسب إلى تنظيم داعش.", "actors", "Islamic State"),
    ("قتلت الحركة في إسطنبول رجلا بالرصاص في هجوم مسلح وأكدت انتماءه لتنظيم داعش.", "targets", "Islamic State"),
])
def test_events_attributed_to_is_the_doer_belonging_to_is_the_victim(res: Resources, text: str, role: str,
                                                                      name: str) -> None:
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert name in _names(res, getattr(attack, role)), attack


def test_events_a_town_restates_the_district_named_after_it(res: Resources) -> None:
    title = "مقتل جنديين أمريكي وبريطاني بانفجار عبوة ناسفة في منبج"
    text = "قتل جنديان أمريكي وبريطاني في انفجار عبوة ناسفة في منطقة منبج بسوريا."
    assert len([e for e in _events(res, text, title=title) if e.type == "attack"]) == 1


def test_events_where_it_was_said_is_not_the_scene(res: Resources) -> None:
    text = "وأعلن داود أوغلو أن داعش يقف وراء الاعتداء. وقال في مؤتمر صحافي في أنقرة، إن التفجير ناجم عن اعتداء انتحاري."
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert "Ankara" not in _names(res, attack.places), attack


def test_events_a_definite_trigger_later_in_the_sentence_restates_the_attack(res: Resources) -> None:
    text = ("وسقط عشرات القتلى جراء الهجوم الذي نفذ في سوق شعبية في بعقوبة، وكان تنظيم داعش أعلن في بيان "
            "المسؤولية عن التفجير.")
    assert len([e for e in _events(res, text) if e.type == "attack"]) == 1


def test_events_a_minister_announcing_an_arrest_is_its_source(res: Resources) -> None:
    text = "أعلن وزير الداخلية العراقي محمد سالم الغبان اليوم اعتقال المتورطين بالتفجير الذي استهدف ناحية بني سعد."
    arrest = next(e for e in _events(res, text) if e.type == "arrest")
    assert arrest.speakers and not arrest.targets, arrest


def test_events_the_relative_clause_after_the_trigger_names_its_doers(res: Resources) -> None:
    text = "لا توجد إشارات على رد بعد الغارات التي نفذتها الولايات المتحدة وبريطانيا وفرنسا فجر السبت."
    strike = next(e for e in _events(res, text) if e.type == "attack")
    assert {"United Kingdom", "France"} <= _names(res, strike.actors), strike


@pytest.mark.parametrize("text, doers", [
    ("غارة أميركية تقتل قياديا كبيرا في تنظيم القاعدة بأفغانستان.", {"United States"}),
    ("وقتل خمسة مدنيين في الغارات الإسرائيلية على ريف دمشق.", {"Israel"}),
    ("سيطر مسلحو جيش خالد بن الوليد على حيط رغم الضربات الجوية الروسية والحكومية السورية ضدهم.",
     {"Russia", "Syrian government forces"}),
    ("وشنت مقاتلات عراقية غارات على مواقع داعش في سوريا.", {"Iraq"}),
    ("وقصفت المدفعية التركية قرى كردية في شمال العراق.", {"Turkey"}),
    ("قتل خمسة عناصر من حزب الله جراء ضربات جوية نفذتها طائرات إسرائيلية في ريف دمشق.", {"Israel"}),
    ("قال الجيش الأمريكي إن غارة جوية أمريكية في أفغانستان قتلت قياديا في القاعدة.", {"United States Armed Forces"}),
])
def test_events_a_nisba_on_the_strike_names_the_state_that_struck(res: Resources, text: str, doers: set[str]) -> None:
    strike = next(e for e in _events(res, text) if e.type == "attack")
    assert _names(res, strike.actors) == doers, strike


def test_events_a_nisba_elsewhere_names_no_doer(res: Resources) -> None:
    text = "وقتل جندي أمريكي في هجوم انتحاري استهدف دورية في شمال سوريا."
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert "United States" not in _names(res, attack.actors), attack


@pytest.mark.parametrize("text", [
    "قصفت طائرات التحالف مواقع للتنظيم في الرقة أمس.",
    "وقصف الطيران الحربي بلدة خان شيخون.",
    "وكانت مقاتلات تركية قصفت مواقع لحزب العمال الكردستاني.",
])
def test_events_bombardment_from_aircraft_is_an_airstrike(res: Resources, text: str) -> None:
    subtypes = {e.subtype for e in _events(res, text) if e.type == "attack"}
    assert subtypes == {"airstrike"}, subtypes


def test_events_bombardment_by_guns_stays_shelling(res: Resources) -> None:
    subtypes = {e.subtype for e in _events(res, "قصفت قوات النظام بالمدفعية بلدة كفرنبل.") if e.type == "attack"}
    assert subtypes == {"shelling"}, subtypes


@pytest.mark.parametrize("text", [
    "ومن شأن هذا الاتفاق أن يتيح شن هجمات على مواقع داعش.",  # what something would allow
    "وتواصل القوات حملتها الرامية إلى القضاء على داعش في سيناء.",  # a purpose
    "وأعرب الرئيس عن رغبته في انسحاب القوات الأمريكية من سوريا.",  # a wish
    "وتقدمت القوات للسيطرة على مدينة درنة.",  # a purpose: no capture yet
    "ومن النادر وقوع هجمات في وسط المدينة.",  # a rarity asserts no attack
])
def test_events_what_would_be_wished_or_aimed_at_is_no_event(res: Resources, text: str) -> None:
    assert not [e for e in _events(res, text) if e.type in ("attack", "territorial_change")]


@pytest.mark.parametrize("text", [
    "ويشن التنظيم هجمات بين الفينة والأخرى على مواقع الجيش في المنطقة.",
    "ودأب التنظيم على شن هجمات على مواقع الجيش في ريف دير الزور.",
])
def test_events_a_habit_is_background(res: Resources, text: str) -> None:
    attacks = [e for e in _events(res, text, published="2018-06-01") if e.type == "attack"]
    assert attacks and not any(e.core for e in attacks), attacks


@pytest.mark.parametrize("text", [
    "ويأتي هذا الاتفاق بعد يومين من تكثيف النظام السوري غاراته على دوما.",
    "وجاء الهجوم بعد تهديدات أطلقها التنظيم ضد أهالي الحي.",
    "وجدد الجيش غاراته على غزة السبت غداة اشتباكات عنيفة على الحدود.",
])
def test_events_what_the_news_came_after_is_background(res: Resources, text: str) -> None:
    earlier = [e for e in _events(res, text, published="2018-04-08")
               if e.type in ("military_operation", "threat") and e.subtype != "offensive"]
    assert earlier and not any(e.core for e in earlier), earlier


def test_events_what_came_after_the_news_leaves_it_news(res: Resources) -> None:
    text = "قتل خمسة جنود في هجوم انتحاري بعد يومين من وصولهم إلى القاعدة العسكرية."
    attack = next(e for e in _events(res, text, published="2018-04-08") if e.type == "attack")
    assert attack.core, attack


@pytest.mark.parametrize("text", [
    "اعتقل تنظيم داعش عشرات الشبان في مدينة الرقة بتهمة التعامل مع التحالف.",
    "داعش يعتقل كل من ينشر أخبار التنظيم في الرقة.",
    "وألقى داعش القبض على شخصين في مدينة الرقة.",
])
def test_events_a_group_that_arrests_is_the_arrester(res: Resources, text: str) -> None:
    arrest = next(e for e in _events(res, text) if e.type == "arrest")
    assert _names(res, arrest.actors) == {"Islamic State"} and not arrest.targets, arrest


def test_events_a_group_whose_members_are_arrested_is_the_target(res: Resources) -> None:
    text = "اعتقلت قوات الأمن العراقية خمسة عناصر من داعش في الموصل."
    arrest = next(e for e in _events(res, text) if e.type == "arrest")
    assert "Islamic State" in _names(res, arrest.targets) and "Islamic State" not in _names(res, arrest.actors)


@pytest.mark.parametrize("text, bystander", [
    ("وأوردت اللجنة الدولية للصليب الأحمر أن الغارة أسفرت عن مقتل 29 طفلا في صعدة.",
     "International Committee of the Red Cross"),  # who reports it
    ("ودان مجلس الأمن الدولي الهجوم الإرهابي على المسجد في العريش.", "United Nations Security Council"),
    ("دعا مجلس الأمن الدولي إلى إبقاء ميناء الحديدة مفتوحا رغم ما يدور في المدينة من قصف ومعارك.",
     "United Nations Security Council"),
])
def test_events_who_reports_condemns_or_appeals_took_no_part(res: Resources, text: str, bystander: str) -> None:
    attack = next(e for e in _events(res, text) if e.type == "attack")
    assert bystander not in _names(res, attack.actors + attack.targets), attack


def test_events_a_condemning_verb_is_no_town(res: Resources) -> None:
    x = rasid.extract("ودان مجلس الأمن الدولي الهجوم الإرهابي على المسجد في العريش.", title="خبر", res=res)
    assert "Waddān" not in {e.name_en for e in x.entities}


@pytest.mark.parametrize("text", [
    "وسمعت أصوات إطلاق نار احتفالا بالاتفاق في دمشق.",  # celebratory gunfire
    "وتمكنت الفرق الهندسية من نزع الألغام وتفجير سبع عبوات ناسفة زرعها التنظيم.",  # demining
    "وقامت فرق الهندسة بتفجير عبوة ناسفة عثر عليها قرب الطريق.",  # a controlled detonation
    "إذ تهدد المجاعة ملايين اليمنيين.",  # a danger, not a threat
    "العمل الإرهابي الذي يهدد الملاحة في باب المندب.",
])
def test_events_no_attack_or_threat_in_what_only_sounds_like_one(res: Resources, text: str) -> None:
    assert not [e for e in _events(res, text) if e.type in ("attack", "threat")]


@pytest.mark.parametrize("text, captor", [
    ("وسقط القيادي في قبضة الجيش الوطني الليبي في درنة.", "Libyan National Army"),
    ("وقع ثلاثة جنود في الأسر.", None),
])
def test_events_falling_into_hands_or_captivity_is_an_arrest(res: Resources, text: str, captor: str | None) -> None:
    arrest = next(e for e in _events(res, text) if e.type == "arrest")
    assert captor is None or captor in _names(res, arrest.actors), arrest


def test_events_a_family_is_no_captivity(res: Resources) -> None:
    text = "وسقط قتلى وجرحى من أسرة مواطن يمني في انفجار لغم أرضي."
    assert not [e for e in _events(res, text) if e.type == "arrest"]


@pytest.mark.parametrize("text, away", [
    ("قتل 54 عنصرا من ميليشيات الحوثي الموالية لإيران في غارات للتحالف على التحيتا.", "Iran"),  # loyalty
    ("واعتقلت الشرطة ثلاثة من العائدين من سوريا في تونس.", "Syria"),  # where they came from
    ("وأعلن الجيش التركي في بيان نشره في أنقرة مقتل جنديين في هجوم في ماردين.", "Ankara"),  # where it was said
])
def test_events_a_place_of_loyalty_origin_or_statement_is_no_scene(res: Resources, text: str, away: str) -> None:
    event = next(e for e in _events(res, text) if e.type in ("attack", "arrest", "military_operation"))
    assert away not in _names(res, event.places) and event.places, event


def test_events_the_next_sentence_gives_the_toll_only_when_it_speaks_of_the_event(res: Resources) -> None:
    told = "فجر انتحاري نفسه قرب حاجز للشرطة في بغداد. وأسفر الهجوم عن مقتل سبعة أشخاص."
    other = "فجر انتحاري نفسه قرب حاجز للشرطة في بغداد. وذكرت مصادر أن 17 شخصا قتلوا منذ بداية الشهر في العراق."
    assert next(e for e in _events(res, told) if e.type == "attack").attributes.get("fatalities") == 7
    assert next(e for e in _events(res, other) if e.type == "attack").attributes.get("fatalities") is None


@pytest.mark.parametrize("text", [
    "أعدم التنظيم الرهينة الذي خطفه في 25 تموز الماضي قرب السويداء.",
    "قتل جنود في هجوم شنه التنظيم في 12 آذار/مارس على حاجز قرب الرقة.",
])
def test_events_a_day_of_the_month_is_no_toll(res: Resources, text: str) -> None:
    event = next(e for e in _events(res, text) if e.type in ("attack", "execution"))
    assert event.attributes.get("fatalities") not in (25, 12), event.attributes


@pytest.mark.parametrize("text, dead", [
    ("لقي 13 عنصرا من الحوثيين مصرعهم في غارات للتحالف العربي على صعدة.", 13),
    ("استشهاد 3 جنود في هجوم إرهابي بالعريش.", 3),
    ("وألقى الطيران 40 برميلا متفجرا على داريا في غارات أمس.", None),  # ألقى is not لقي
])
def test_events_tolls_told_as_meeting_death_or_martyrdom(res: Resources, text: str, dead: int | None) -> None:
    attack = next(e for e in _events(res, text) if e.type in ("attack", "military_operation"))
    assert attack.attributes.get("fatalities") == dead, attack.attributes


@pytest.mark.parametrize("text, typ", [
    ("هاجم الحوثيون مواقع الجيش في تعز فجر اليوم.", "military_operation"),  # "مواقع" is "موقع" in the plural
    ("اجتاح مسلحو داعش بلدة القريتين في ريف حمص.", "territorial_change"),
])
def test_events_assaults_on_positions_and_incursions(res: Resources, text: str, typ: str) -> None:
    assert typ in {e.type for e in _events(res, text)}
