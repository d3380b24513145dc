"""Small pure parts of the server: bbox parsing, the basemap simplifier, the CSP, error messages."""

from __future__ import annotations

import json

import pytest
from fastapi import HTTPException

from sitrep.serve.api import content_security_policy, validation_message
from sitrep.serve.basemap import _simplify_geometry, basemap_json
from sitrep.serve.params import parse_bbox
from sitrep.serve.settings import ServeSettings


def test_parse_bbox_accepts_ranges_and_the_antimeridian():
    assert parse_bbox("40,33,42,35.5") == (40.0, 33.0, 42.0, 35.5)
    assert parse_bbox(" 170, -20, -170, -10 ") == (170.0, -20.0, -170.0, -10.0)
    assert parse_bbox(None) is None and parse_bbox("") is None


@pytest.mark.parametrize("value", ["1,2,3", "1,2,3,4,5", "a,1,2,3", "181,0,182,1", "0,-91,1,0", "0,10,1,5", "nan,nan,nan,nan"])
def test_parse_bbox_rejects_bad_boxes_with_422(value):
    with pytest.raises(HTTPException) as info:
        parse_bbox(value)
    assert info.value.status_code == 422 and "bbox" in info.value.detail


def test_simplify_rounds_drops_repeats_and_collapsed_rings():
    polygon = {"type": "Polygon", "coordinates": [[[0.001, 0.001], [0.002, 0.002], [1.0, 0.0], [1.0, 1.0], [0.001, 0.001]]]}
    assert _simplify_geometry(polygon) == {"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]}
    tiny = {"type": "Polygon", "coordinates": [[[0.001, 0.001], [0.002, 0.002], [0.003, 0.001], [0.001, 0.001]]]}
    assert _simplify_geometry(tiny) is None
    multi = {"type": "MultiPolygon", "coordinates": [tiny["coordinates"], polygon["coordinates"]]}
    assert _simplify_geometry(multi)["coordinates"] == [[[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]]
    assert _simplify_geometry({"type": "Point", "coordinates": [1, 2]}) is None


def test_basemap_is_one_feature_collection_of_countries():
    body, etag = basemap_json()
    data = json.loads(body)
    assert data["type"] == "FeatureCollection" and len(data["features"]) > 150
    iraq = next(f for f in data["features"] if f["properties"]["iso3"] == "IRQ")
    lons = [p[0] for ring in iraq["geometry"]["coordinates"] for p in ring]
    assert 38 < min(lons) < 40 and 48 < max(lons) < 49
    assert basemap_json() == (body, etag)  # cached


def test_csp_allows_only_the_configured_tile_host():
    offline = content_security_policy(ServeSettings(db_url="sqlite://", tile_url=None))
    assert "img-src 'self' data:;" in offline and "unsafe-inline" not in offline
    online = content_security_policy(ServeSettings(db_url="sqlite://", tile_url="https://{s}.tile.example.org/{z}/{x}/{y}.png"))
    assert "https://*.tile.example.org" in online and "script-src 'self';" in online
    assert "'unsafe-inline'" in content_security_policy(ServeSettings(db_url="sqlite://"), docs=True)


def test_validation_message_names_parameter_and_value():
    errors = [{"loc": ("query", "since"), "msg": "Input should be a valid date", "input": "2019-02-30", "type": "date_parsing"}]
    assert validation_message(errors) == "since: Input should be a valid date (got '2019-02-30')"
    missing = [{"loc": ("body", "text"), "msg": "Field required", "input": {}, "type": "missing"}]
    assert validation_message(missing) == "text: Field required"
