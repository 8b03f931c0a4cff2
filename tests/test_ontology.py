from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.ontology import acled_labels, plover_labels
from rasid.resources import Resources

ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments",
               "Protests", "Riots"}


def test_ontology_covers_every_contract_type_and_subtype(res: Resources, shared: Path) -> None:
    schema = json.loads((shared / "contract" / "extraction.schema.json").read_text(encoding="utf-8"))
    text = json.dumps(schema)
    types = res.rules["ontology"]["types"]
    for typ in ("media_release", "threat", "attack", "execution", "military_operation", "territorial_change",
                "arrest", "leadership_change"):
        assert typ in types and typ in text
    for typ, t in types.items():
        for sub in t["subtypes"]:
            event_type, sub_event_type = acled_labels(res, typ, sub)
            assert event_type in ACLED_TYPES and sub_event_type, (typ, sub)


@pytest.mark.parametrize("typ, sub, acled, plover", [
    ("attack", "car_bomb", ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("ASSAULT", "explosives")),
    ("attack", "airstrike", ("Explosions/Remote violence", "Air/drone strike"), ("ASSAULT", "aerial")),
    ("arrest", "arrest", ("Strategic developments", "Arrests"), ("COERCE", "arrest")),
    ("media_release", "video", ("Strategic developments", "Other"), (None, None)),
    ("threat", "call_to_violence", ("Strategic developments", "Other"), ("THREATEN", "force")),
])
def test_ontology_mappings(res: Resources, typ: str, sub: str, acled: tuple[str, str],
                           plover: tuple[str | None, str | None]) -> None:
    assert acled_labels(res, typ, sub) == acled
    assert plover_labels(res, typ, sub) == plover
