"""Blind mode: the page's render moment from evidence beside its relative stamps, other than
`<time datetime>` (test_claims.py has those): items' times in the page's embedded JSON."""
from __future__ import annotations

import json

from feedline.blobs import item_times, json_scripts
from feedline.htmltree import parse_html
from feedline.model import DateBasis, StampKind
from feedline.pipeline import extract

# A "More" list rendered on the server, its stamps computed at 15:52 UTC on 1 August 2024.
ITEMS = [("10 mins ago", "Interest rates cut to five per cent by the bank", "2024-08-01T15:42:10Z"),
         ("21 mins ago", "How quickly are prices rising in the country?", "2024-08-01T15:31:24Z"),
         ("3 hrs ago", "When will mortgage rates finally come down?", "2024-08-01T12:33:51Z"),
         ("5 hrs ago", "First-time buyers spending more of their pay", "2024-08-01T11:16:34Z")]


def epoch_ms(iso: str) -> int:
    from datetime import datetime

    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000)


def list_page(script: str, items: list[tuple[str, str, str]] = ITEMS) -> bytes:
    cards = "".join(f"<li><a href='/news/{n}'><h2>{headline}</h2><p>A short summary of the story, in one sentence.</p>"
                    f"<span>{stamp}</span></a></li>" for n, (stamp, headline, _) in enumerate(items))
    return (f"<!doctype html><html lang='en'><head><title>Explainer</title></head><body><h1>What the office does</h1>"
            f"<p>An explainer without stamps of its own, long enough to be the article body here.</p>"
            f"<section><h2>More</h2><ul>{cards}</ul></section>{script}</body></html>").encode()


def state_script(items: list[tuple[str, str, str]] = ITEMS, *, key: str = "lastUpdated") -> str:
    """The page's state as a JSON script: each card's title, its times one object down
    (bbc.co.uk's "metadata": {"lastUpdated": epoch ms}), one unrelated older field."""
    cards = [{"title": headline, "href": f"/news/{n}", "metadata": {key: epoch_ms(iso), "firstUpdated": 1295026445000}}
             for n, (_, headline, iso) in enumerate(items)]
    return f'<script id="__STATE__" type="application/json">{json.dumps({"page": {"onward": cards}})}</script>'


def relative_entries(page: bytes, **kwargs: object) -> list:
    timeline = extract(page, **kwargs)  # type: ignore[arg-type]
    return [e for e in sorted(timeline.entries, key=lambda e: e.position) if e.stamp.kind is StampKind.RELATIVE]


def test_item_times_in_the_pages_json_give_the_render_moment() -> None:
    """Each card's time plus its stamp is 15:52 (to the minute for the minute stamps; the hour
    stamps' windows hold it): relative stamps are read back from that moment on the given
    zone's clock (BST), and say so."""
    entries = relative_entries(list_page(state_script()), tz="Europe/London")
    assert [e.local_time.strftime("%H:%M") if e.local_time else None for e in entries] == \
        ["16:42", "16:31", "13:52", "11:52"]
    assert {e.date.iso for e in entries} == {"2024-08-01"}
    assert entries[0].date.basis is DateBasis.CAPTURE
    assert "rendered at 2024-08-01 15:52 UTC" in " ".join(entries[0].date.evidence)


def test_without_the_json_the_relative_stamps_stay_untimed() -> None:
    entries = relative_entries(list_page(""), tz="Europe/London")
    assert entries and all(e.local_time is None for e in entries)


def test_item_times_that_disagree_give_no_render_moment() -> None:
    """The two minute stamps' sums lie an hour apart: no moment, nothing read back."""
    items = [ITEMS[0], (ITEMS[1][0], ITEMS[1][1], "2024-08-01T14:31:24Z"), *ITEMS[2:]]
    entries = relative_entries(list_page(state_script(items)), tz="Europe/London")
    assert all(e.local_time is None for e in entries)


def test_one_story_under_two_titles_is_one_claim() -> None:
    """Two cards carrying one and the same time are not independent: one claim is no moment."""
    items = [("1h ago", "Family leaves the city to buy a house for little", "2026-07-04T15:00:00Z"),
             ("1h ago", "Family leaves New York to buy a cheap Italian house", "2026-07-04T15:00:00Z")]
    assert all(e.local_time is None for e in relative_entries(list_page(state_script(items)), tz="UTC"))


def test_time_fields_that_disagree_with_each_other_give_no_moment() -> None:
    """Two fields each agree within themselves but on moments an hour apart: abstain."""
    cards = [{"title": headline, "created": iso, "updated": iso.replace("T15:", "T16:").replace("T12:", "T13:")
              .replace("T11:", "T12:")} for _, headline, iso in ITEMS]
    script = f"<script>window.__STATE__ = {json.dumps(cards)};</script>"
    assert all(e.local_time is None for e in relative_entries(list_page(script), tz="Europe/London"))


# The shapes the pool's pages write their lists in: dw.com (an Apollo state, "contentDate"),
# g1.globo.com (the state passed to a call: {"content": {"title": …}, "created": …}),
# berliner-zeitung.de ("createdAt" / "updatedAt"; only "updatedAt" agrees with the stamps).
def test_an_item_titled_inside_with_its_times_beside_the_title() -> None:
    cards = [{"content": {"title": headline, "section": "World"}, "created": iso, "type": "materia"}
             for _, headline, iso in ITEMS]
    script = f'<script>(function(a){{render(a)}})({json.dumps({"items": cards})}, {{lazy:false}})</script>'
    entries = relative_entries(list_page(script), tz="Europe/London")
    assert entries[0].local_time is not None and entries[0].local_time.strftime("%H:%M") == "16:42"


def test_a_field_that_disagrees_is_set_aside_when_another_agrees() -> None:
    """"createdAt" of the second card is hours off (the stamp shows the update): its claims
    find no moment, "updatedAt" does, and gives it."""
    cards = [{"headlines": {"basic": headline}, "createdAt": "2024-08-01T09:00:00Z" if n == 1 else iso,
              "updatedAt": iso} for n, (_, headline, iso) in enumerate(ITEMS)]
    script = f'<script type="application/json">{json.dumps(cards)}</script>'
    entries = relative_entries(list_page(script), tz="Europe/London")
    assert [e.local_time.strftime("%H:%M") if e.local_time else None for e in entries][:2] == ["16:42", "16:31"]


def test_blind_mode_without_a_known_clock_keeps_the_moment_out_of_the_dates() -> None:
    """UTC item times and no clock the page shows: the moment is an instant on no known clock,
    and blind mode does not guess the zone (test_claims.py: a firm one is needed)."""
    assert all(e.local_time is None for e in relative_entries(list_page(state_script())))


def test_item_times_reads_json_scripts_and_skips_what_is_not_json() -> None:
    source = ("<script>var x = {a: 1}; function f(){ return 1700000000; }</script>"
              "<script type='text/template'>{\"title\": \"Never read from a template\", \"date\": 1700000000}</script>"
              "<script>window.s = {\"items\": [{\"name\": \"A story with a long enough name\", "
              "\"publishedAt\": 1714487917, \"id\": 1714487917, \"views\": \"1714487917\", "
              "\"when\": \"2024-04-30T14:38:37+02:00\", \"naive\": \"2024-04-30T14:38:37\", "
              "\"date_gmt\": \"2024-04-30 12:38:37\"}]};</script>")
    found = list(item_times(json_scripts(parse_html(source).tree)))
    assert [(f.field, f.value) for f in found] == [("publishedAt", "2024-04-30T14:38:37Z"),
                                                    ("when", "2024-04-30T14:38:37+02:00"),
                                                    ("date_gmt", "2024-04-30T12:38:37Z")]
    assert {f.headline for f in found} == {"A story with a long enough name"}


def test_item_times_survive_hostile_scripts() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    source = (f'<script type="application/json">{deep}</script>'
              f'<script>x = {{"title": "{"x" * 20}", "date": "2024-04-30T14:38:37Z", "n": {"9" * 5000}}}</script>')
    assert list(item_times(json_scripts(parse_html(source).tree))) == []


def test_item_times_written_on_the_pages_clock_need_no_zone() -> None:
    """Times written with the page's own offset (+02:00) agree with their stamps: each such
    entry takes its time as written, the offset is the page's clock (firm), and a card the
    JSON does not list is read back from the render moment on it."""
    local = [(stamp, headline, iso.replace("Z", "+02:00").replace("T15:", "T17:").replace("T12:", "T14:")
              .replace("T11:", "T13:")) for stamp, headline, iso in ITEMS]
    cards = [{"title": headline, "published": iso} for _, headline, iso in local]
    script = f'<script type="application/json">{json.dumps({"list": cards})}</script>'
    extra = ("7 hrs ago", "A story the page's data does not list at all", "")
    entries = relative_entries(list_page(script, ITEMS + [extra]))
    assert [e.local_time.strftime("%H:%M") if e.local_time else None for e in entries] == \
        ["17:42", "17:31", "14:33", "13:16", "10:52"]
    assert entries[-1].date.basis is DateBasis.CAPTURE and entries[-1].date.iso == "2024-08-01"


def marks_page(items: list[tuple[str, str, str]]) -> bytes:
    """A list whose stamps carry their `<time datetime>` (the claims of test_claims.py)."""
    cards = "".join(f"<article><p><time datetime='{value}'>{stamp}</time></p><h2>{headline}</h2>"
                    f"<p>Details of the story follow in a full sentence here.</p></article>"
                    for stamp, value, headline in items)
    return f"<!doctype html><html><body><h1>Latest</h1>{cards}</body></html>".encode()


HOURS = [("2 hours ago", "2023-11-09T05:31:28-05:00", "Crews clear the crash on the interstate"),
         ("2 hours ago", "2023-11-09T05:21:45-05:00", "School board delays the vote on the calendar"),
         ("15 hours ago", "2023-11-08T16:02:16-05:00", "County unveils the budget for next year"),
         ("20 hours ago", "2023-11-08T11:10:25-05:00", "Open house on the planned road closure")]


def test_a_lone_minute_stamp_inside_the_hour_windows_pins_the_render_moment() -> None:
    """The hour stamps' windows share 12:01-13:02 UTC (wivb.com prints such a list); '38 mins
    ago' of 06:24:36 (UTC-5) says 12:02:36, inside it: that is the moment (not the middle of
    the stretch, 12:32), and '1 day ago' without markup is read back from it."""
    items = [("38 mins ago", "2023-11-09T06:24:36-05:00", "Firefighters rescue a dog from the river")] + HOURS + \
        [("1 day ago", "", "A story without markup of its own, older")]
    entries = {e.headline: e for e in extract(marks_page(items)).entries}
    older = entries["A story without markup of its own, older"]
    assert (older.date.iso, older.local_time.strftime("%H:%M")) == ("2023-11-08", "07:02")
    assert "rendered at 2023-11-09 12:02 UTC" in " ".join(older.date.evidence)


def test_a_lone_minute_stamp_outside_the_hour_windows_gives_no_moment() -> None:
    """'38 mins ago' two hours before what the hour stamps allow: the claims disagree, and the
    page keeps no render moment (its other relative stamps stay untimed)."""
    items = [("38 mins ago", "2023-11-09T04:24:36-05:00", "Firefighters rescue a dog from the river")] + HOURS + \
        [("1 day ago", "", "A story without markup of its own, older")]
    entries = {e.headline: e for e in extract(marks_page(items)).entries}
    assert entries["A story without markup of its own, older"].local_time is None


def test_item_times_stop_at_their_bounds(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Many small objects passed to calls: the walk stops after MAX_NODES values (the decoding
    with it); at most MAX_ITEM_TIMES item times come back."""
    from feedline import blobs

    calls = "<script>" + ";".join(
        f'f({{"title": "Headline number {n:06d} of the list", "date": {1714487917 + n}}})' for n in range(3000)) + "</script>"
    assert len(list(item_times(json_scripts(parse_html(calls).tree)))) == blobs.MAX_ITEM_TIMES
    monkeypatch.setattr(blobs, "MAX_NODES", 40)
    assert len(list(item_times(json_scripts(parse_html(calls).tree)))) == 40
