"""Story stage: near-duplicates, cross-outlet links, conflicts that keep stories apart, stable ids,
cross-document dates, the Story record, and the incremental store path."""
from __future__ import annotations

import pytest

from rasid.model import CleanDoc, DateValue, Event, Extraction
from rasid.resources import Resources
from rasid.stages.stories import assign_stories, build_story, story_rules
from rasid.stages.story_features import jaccard_estimate, link_score, minhash, story_features, tokens
from rasid.store.sqlite import SQLiteStore
from rasid.store.stories import assign_story, features_from_json, features_to_json, story_members

RES = Resources.load()
RULES = story_rules(RES)

SPEECH = ("بث تنظيم داعش تسجيلا صوتيا للمتحدث باسمه أبو الحسن المهاجر دعا فيه أنصاره إلى شن هجمات "
          "على قوات سوريا الديمقراطية في الباغوز وقال إن التنظيم صامد رغم الحصار المفروض عليه منذ أسابيع")
OTHER = ("أعلنت وزارة الداخلية الكويتية ضبط شبكة إرهابية من خمسة مواطنين تنتمي إلى تنظيم داعش وقالت إن "
         "أفرادها كانوا يجمعون الأموال ويروجون لفكر التنظيم عبر شبكات التواصل الاجتماعي")


def doc(doc_id: str, title: str, text: str, published: str | None = "2019-03-19", events: tuple[Event, ...] = (),
        outlet: str | None = None, wires: tuple[str, ...] = ()) -> Extraction:
    return Extraction(CleanDoc(doc_id, title, text, outlet=outlet, wires=wires, published=published), (), events,
                      content_hash=f"h-{doc_id}")


def release(speaker: str, day: str | None = None, weekday: str | None = None, **attrs: object) -> Event:
    d = DateValue(day, day, "day", day) if day else (DateValue(weekday, weekday, "weekday", "الإثنين")
                                                     if weekday else None)
    return Event("media_release", "audio", True, actors=("wd:Q2429253",), speakers=(speaker,), date=d,
                 attributes=dict(attrs))


def attack(place: str, day: str, fatalities: int | None = None) -> Event:
    attrs = {"fatalities": fatalities} if fatalities is not None else {}
    return Event("attack", "car_bomb", True, places=(place,), date=DateValue(day, day, "day", day), attributes=attrs)


@pytest.mark.parametrize("text, expected", [
    ("وبالتنظيم الإرهابي", ["تنظيم", "ارهابي"]),
    ("«داعش»", ["داعش"]),
    ("الإثنين", ["اثنين"]),
])
def test_stories_tokens_fold_and_strip_the_article(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_stories_minhash_is_stable_and_estimates_overlap() -> None:
    words = tokens(SPEECH)
    assert minhash(words) == minhash(list(words))
    assert jaccard_estimate(minhash(words), minhash(words[:-2])) > 0.7
    assert jaccard_estimate(minhash(words), minhash(tokens(OTHER))) < 0.2


def test_stories_near_duplicate_reposts_share_a_story() -> None:
    a = doc("a", "داعش يبث تسجيلا صوتيا للمهاجر", SPEECH, outlet="بلدي نيوز")
    b = doc("b", "تسجيل صوتي جديد للمهاجر", SPEECH + " المصدر: وكالات", outlet="الأيام السورية")
    c = doc("c", "الكويت تضبط شبكة لداعش", OTHER)
    out = assign_stories([a, b, c], RES)
    assert out[0].story_id == out[1].story_id != out[2].story_id


def test_stories_same_release_across_outlets_links_on_speaker() -> None:
    a = doc("a", "المهاجر يدعو لغزوة الثأر", "قال المهاجر في تسجيل صوتي بثته مؤسسة الفرقان إن الباغوز صامدة",
            events=(release("rasid:person:abu-al-hasan-al-muhajir"),))
    b = doc("b", "داعش تعلن انتصارها عبر تسجيل صوتي", "بث التنظيم تسجيلا صوتيا للمتحدث يعلن فيه صمود الباغوز",
            events=(release("rasid:person:abu-al-hasan-al-muhajir"),))
    out = assign_stories([a, b], RES)
    assert out[0].story_id == out[1].story_id


def test_stories_attacks_on_different_days_stay_apart() -> None:
    text = "انفجرت سيارة مفخخة وسط بنغازي قرب فندق تيبستي ما أسفر عن سقوط قتلى وجرحى بين المدنيين"
    a = doc("a", "انفجار سيارة مفخخة في بنغازي", text, "2018-05-24", (attack("gn:88319", "2018-05-24"),))
    b = doc("b", "انفجار سيارة مفخخة في بنغازي", text + " مرة أخرى", "2018-05-26", (attack("gn:88319", "2018-05-26"),))
    fa, fb = story_features(a, RULES), story_features(b, RULES)
    assert jaccard_estimate(fa.minhash, fb.minhash) < 0.8 or link_score(fa, fb).score >= 1
    assert link_score(fa, fb).veto or jaccard_estimate(fa.minhash, fb.minhash) >= 0.8


def test_stories_published_far_apart_never_link_without_duplicate_text() -> None:
    a = doc("a", "التحالف ينفذ 29 غارة على داعش", "نفذ التحالف الدولي 29 غارة على مواقع داعش في العراق وسوريا",
            "2015-08-04")
    b = doc("b", "التحالف ينفذ 29 ضربة ضد داعش", "شن التحالف 29 ضربة جوية ضد أهداف التنظيم في الحسكة والرمادي",
            "2015-08-10")
    out = assign_stories([a, b], RES)
    assert out[0].story_id != out[1].story_id


def test_stories_ids_are_stable_and_named_after_the_first_report() -> None:
    a = doc("a", "داعش يبث تسجيلا صوتيا للمهاجر", SPEECH, "2019-03-18")
    b = doc("b", "تسجيل صوتي جديد للمهاجر", SPEECH, "2019-03-19")
    one = assign_stories([a, b], RES)
    two = assign_stories([b, a], RES)
    assert one[0].story_id == one[1].story_id == two[0].story_id
    assert assign_stories([a], RES)[0].story_id == one[0].story_id


def test_stories_known_ids_are_kept() -> None:
    a = doc("a", "داعش يبث تسجيلا صوتيا للمهاجر", SPEECH)
    assert assign_stories([a], RES, known={"h-a": "story:old"})[0].story_id == "story:old"


def test_stories_weekday_is_dated_from_another_outlet() -> None:
    a = doc("a", "كلمة صوتية للمهاجر", SPEECH, None, (release("rasid:person:m", day="2019-03-18"),))
    b = doc("b", "تسجيل صوتي للمهاجر", SPEECH + " أمس", None, (release("rasid:person:m", weekday="monday"),))
    out = assign_stories([a, b], RES)
    assert out[0].story_id == out[1].story_id
    d = out[1].events[0].date
    assert d is not None and (d.start, d.precision, d.text) == ("2019-03-18", "day", "الإثنين")


def test_stories_record_keeps_conflicting_tolls_with_sources_and_counts_wire_copies_once() -> None:
    text = "انفجرت سيارة مفخخة وسط بنغازي قرب فندق تيبستي ما أسفر عن سقوط قتلى وجرحى بين المدنيين"
    xs = [doc("a", "7 قتلى في بنغازي", text, "2018-05-24", (attack("gn:1", "2018-05-24", 7),), "CNN", ("AFP",)),
          doc("b", "7 قتلى في بنغازي", text, "2018-05-24", (attack("gn:1", "2018-05-24", 7),), "France 24", ("AFP",)),
          doc("c", "قتلى بانفجار في بنغازي", "قال مصدر طبي إن عدد القتلى بلغ تسعة", "2018-05-25",
              (attack("gn:1", "2018-05-24", 9),), "سكاي نيوز عربية")]
    s = build_story("story:x", xs, RES)
    fat = s.field("fatalities")
    assert fat is not None and fat.has_conflict and fat.range == (7, 9)
    assert {c.value: c.sources for c in fat.claims} == {7: ("a", "b"), 9: ("c",)}
    assert (s.first_reported, s.last_reported, s.n_documents, s.n_independent) == ("2018-05-24", "2018-05-25", 3, 2)
    assert s.type == "attack" and s.field("places:gn:1") is not None


def test_stories_claim_joins_the_attack_it_claims() -> None:
    text = "انفجرت سيارة مفخخة وسط بنغازي قرب فندق تيبستي ما أسفر عن سقوط قتلى وجرحى بين المدنيين"
    claim = Event("media_release", "statement", True, actors=("wd:Q2429253",), places=("gn:1",),
                  date=DateValue("2018-05-24", "2018-05-24", "day", "الخميس"))
    a = doc("a", "انفجار سيارة مفخخة في بنغازي", text, "2018-05-24", (attack("gn:1", "2018-05-24"),))
    b = doc("b", "داعش يتبنى تفجير بنغازي", "تبنى تنظيم داعش في بيان تفجير السيارة المفخخة وسط بنغازي قرب فندق تيبستي",
            "2018-05-25", (claim, replace_claimed(attack("gn:1", "2018-05-24"))))
    out = assign_stories([a, b], RES)
    assert out[0].story_id == out[1].story_id
    assert build_story(out[0].story_id, out, RES).linked_claims == ("b",)


def replace_claimed(e: Event) -> Event:
    return Event(e.type, e.subtype, e.core, e.actors, e.targets, e.speakers, e.places, e.date,
                 {**e.attributes, "claimed": True})


def test_stories_features_round_trip_through_json() -> None:
    f = story_features(doc("a", "كلمة صوتية", SPEECH, events=(release("rasid:person:m", day="2019-03-18"),)), RULES)
    assert features_from_json(features_to_json(f)) == f


def test_stories_incremental_insert_joins_the_stored_story() -> None:
    conn = SQLiteStore(":memory:").connection
    a = doc("a", "داعش يبث تسجيلا صوتيا للمهاجر", SPEECH)
    b = doc("b", "تسجيل صوتي جديد للمهاجر", SPEECH + " المصدر: وكالات")
    c = doc("c", "الكويت تضبط شبكة لداعش", OTHER)
    sa = assign_story(conn, a, RULES)
    assert assign_story(conn, b, RULES) == sa
    assert assign_story(conn, c, RULES) != sa
    assert assign_story(conn, a, RULES) == sa  # idempotent
    assert story_members(conn, sa) == ["h-a", "h-b"]
    assert sa == assign_stories([a, b], RES)[0].story_id  # the batch stage names it the same way


def test_issue5_seed_pair_is_one_story() -> None:
    from pathlib import Path

    from rasid import api

    seeds = Path("/work/shared/seeds")
    if not seeds.exists():
        pytest.skip("shared seeds not available")
    out = {x.clean.doc_id: x.story_id for x in api.extract_files([seeds])}
    assert out["002_8a825199df394cb4"] == out["003_bdff9d237a57b083"]
    assert len(set(out.values())) == 4


def _sig(doc_id: str, lead: dict[str, float], title: dict[str, float]):  # type: ignore[no-untyped-def]
    from rasid.stages.story_features import TITLE_MARK, StoryFeatures
    terms = tuple(lead.items()) + tuple((TITLE_MARK + t, v) for t, v in title.items())
    return StoryFeatures(doc_id, minhash([doc_id]), terms, (), 737000)


@pytest.mark.parametrize("title_b, linked", [
    ({"سجن": 0.6, "9": 0.8}, True),  # the same headline words: the paraphrased lead is enough
    ({"روبل": 0.6, "شابات": 0.8}, False),  # other headline: the lead alone is below the bar
])
def test_stories_agreeing_headlines_lower_the_lead_bar(title_b: dict[str, float], linked: bool) -> None:
    a = _sig("a", {"سجن": 0.6, "داعش": 0.8}, {"سجن": 0.6, "9": 0.8})
    b = _sig("b", {"سجن": 0.6, "عسكري": 0.8}, title_b)  # lead cosine 0.36 < 0.45 (no event agreement)
    assert (link_score(a, b).score >= 1.0) is linked
    assert a.term_keys() == ["سجن", "داعش"]  # headline terms are not blocking keys
    assert features_from_json(features_to_json(a)).terms == a.terms  # and survive the store


def test_stories_a_town_and_its_country_agree_on_where() -> None:
    from rasid.model import Entity
    from rasid.stages.story_features import event_key

    strike = attack("gn:2210247", "2018-05-02")  # Tripoli, Libya
    key = event_key(strike, {"gn:2210247": "LY"})
    assert "cc:LY" in key.places and "gn:2210247" in key.places
    x = Extraction(CleanDoc("t", "", "نص"), (Entity("gn:2210247", "location", "Tripoli", "طرابلس", (), (), country="LY"),),
                   (strike,), content_hash="h-t")
    assert "cc:LY" in story_features(x, RULES).events[0].places
