"""Markup claims: kept when they agree with the visible stamps, dropped when they lie."""
from __future__ import annotations

import json

import pytest

from feedline.model import DateBasis, DateStatus
from feedline.pipeline import extract


def html_page(items: list[tuple[str, str, str]], *, json_ld: object = None, head: str = "") -> bytes:
    """A live blog: one <article> per (visible stamp, datetime attribute or "", headline)."""
    ld = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>' if json_ld is not None else ""
    body = "".join(
        f"<article><p>{f'<time datetime={value!r}>{stamp}</time>' if value else stamp}</p>"
        f"<h2>{headline}</h2><p>Details of the story follow in a full sentence here.</p></article>"
        for stamp, value, headline in items)
    return f"<!doctype html><html><head>{head}{ld}</head><body><h1>Live</h1>{body}</body></html>".encode()


def dates(page: bytes, **kwargs: object) -> list[tuple[str, str | None, str | None]]:
    timeline = extract(page, **kwargs)  # type: ignore[arg-type]
    entries = sorted(timeline.entries, key=lambda e: e.position)
    return [(e.stamp.text, e.date.iso, e.datetime.isoformat() if e.datetime else None) for e in entries]


def test_utc_datetimes_beside_local_clocks_give_the_date_and_the_offset() -> None:
    page = html_page([("0:51", "2022-08-10T15:51:00Z", "Earthquake shakes the north of the island"),
                      ("23:36", "2022-08-10T14:36:00Z", "Minister outlines the new budget plans"),
                      ("21:02", "2022-08-10T12:02:00Z", "Court rules on the harbour dispute")])
    assert dates(page) == [("0:51", "2022-08-11", "2022-08-11T00:51:00+09:00"),
                           ("23:36", "2022-08-10", "2022-08-10T23:36:00+09:00"),
                           ("21:02", "2022-08-10", "2022-08-10T21:02:00+09:00")]


def test_a_local_time_suffixed_z_still_gives_the_date_but_no_offset() -> None:
    page = html_page([("16:56", "2023-11-02T16:56:00Z", "Hospital fuel runs out in the city"),
                      ("16:48", "2023-11-02T16:48:00Z", "Convoy waits at the crossing point")])
    rows = dates(page)
    assert [r[1] for r in rows] == ["2023-11-02", "2023-11-02"]
    assert all(r[2] is not None and "+" not in r[2] for r in rows)  # floating: the Z was not trusted


def test_every_update_carrying_the_page_time_is_ignored() -> None:
    items = [(f"12.{m:02d} BST", "", f"Update number {m} from the summit in the capital") for m in (50, 34, 24)]
    ld = {"@type": "LiveBlogPosting", "liveBlogUpdate": [
        {"headline": headline, "datePublished": "2023-05-15T11:50:54Z"} for _, _, headline in items]}
    assert {r[1] for r in dates(html_page(items, json_ld=ld))} == {None}


def test_json_ld_updates_that_match_no_visible_clock_date_nothing() -> None:
    items = [("10:01", "", "The squad trains in front of the home fans"),
             ("09:01", "", "Coach expects a tough semi-final on Wednesday")]
    ld = {"@graph": [{"@type": "LiveBlogPosting", "liveBlogUpdate": [
        {"headline": "The squad trains in front of the home fans", "datePublished": "2023-08-14T04:20:06Z"},
        {"headline": "Coach expects a tough semi-final on Wednesday", "datePublished": "2023-08-14T03:11:00Z"}]}]}
    assert {r[1] for r in dates(html_page(items, json_ld=ld))} == {None}


def test_json_ld_updates_that_agree_date_their_entries() -> None:
    items = [("10:01", "", "The squad trains in front of the home fans"),
             ("09:01", "", "Coach expects a tough semi-final on Wednesday")]
    ld = [{"@type": "LiveBlogPosting", "liveBlogUpdate": [
        {"headline": "The squad trains in front of the home fans", "datePublished": "2023-08-14T10:01:00+01:00"},
        {"headline": "Coach expects a tough semi-final on Wednesday", "datePublished": "2023-08-14T09:01:00+01:00"}]}]
    assert dates(html_page(items, json_ld=ld)) == [("10:01", "2023-08-14", "2023-08-14T10:01:00+01:00"),
                                                   ("09:01", "2023-08-14", "2023-08-14T09:01:00+01:00")]


def test_a_relative_stamp_takes_the_local_time_its_markup_writes() -> None:
    page = html_page([("21 mins ago", "2023-11-09T06:39:31-05:00", "Open house on the road closure"),
                      ("2 hours ago", "2023-11-09T05:05:00-05:00", "Budget unveiled for the county")])
    timeline = extract(page)
    by_stamp = {e.stamp.text: e for e in timeline.entries}
    assert by_stamp["21 mins ago"].local_time.strftime("%H:%M") == "06:39"
    assert by_stamp["21 mins ago"].date.status is DateStatus.INFERRED


RELATIVE_UTC = [("vor 28 Minuten", "2024-09-04T12:48:54Z", "Die Stadt plant neue Velowege am Seeufer"),
                ("vor 37 Minuten", "2024-09-04T12:39:53Z", "Der Gemeinderat lehnt das Budget knapp ab"),
                ("vor 2 Stunden", "2024-09-04T11:31:00Z", "Zugausfall zwischen Bern und Thun behoben"),
                ("vor 3 Stunden", "2024-09-04T06:00:00Z", "Eine Meldung mit einer Zeit, die nicht passt")]
BYLINE_TIME = '<meta property="article:published_time" content="2023-07-01T11:16:11+02:00">'


def relative_page(byline: str) -> bytes:
    page = html_page(RELATIVE_UTC, head=BYLINE_TIME).decode()
    return page.replace("<h1>Live</h1>", f"<h1>Live</h1>{byline}").encode()


def test_utc_claims_on_relative_stamps_that_agree_give_local_times_at_the_page_offset() -> None:
    """The claims plus their stamps' offsets agree on when the page was rendered (13:16 UTC);
    the byline's visible 11:16 against its 09:16 UTC, confirmed by the +02:00 the page writes,
    gives the page's clock. "vor 2 Stunden" was 1 h 46 min (rounded); the 06:00 claim is 7 hours
    back for a stamp of three, and is dropped: that entry is read back from the render moment."""
    page = relative_page('<p>Publiziert: <time datetime="2023-07-01T09:16:11Z">01.07.2023, 11:16</time></p>')
    by_stamp = {e.stamp.text: e for e in extract(page).entries}
    assert {k: e.local_time.strftime("%H:%M") if e.local_time else None for k, e in by_stamp.items()} == {
        "vor 28 Minuten": "14:48", "vor 37 Minuten": "14:39", "vor 2 Stunden": "13:31", "vor 3 Stunden": "12:16"}
    assert by_stamp["vor 3 Stunden"].date.basis is DateBasis.CAPTURE
    assert by_stamp["vor 28 Minuten"].date.iso == "2024-09-04"
    assert "at the page's UTC+2" in by_stamp["vor 28 Minuten"].date.evidence[0]


def test_utc_claims_on_relative_stamps_stay_undated_while_the_page_clock_is_unknown() -> None:
    page = relative_page("<p>Publiziert am 1. Juli</p>")
    assert all(e.local_time is None and e.date.local_date is None for e in extract(page).entries)


# Server-rendered relative stamps beside the `<time datetime>` they were computed from, the
# page's render moment their sums agree on: kdvr.com, whnt.com, kron4.com, kxan.com (minute
# stamps), rollingstone.com (hour stamps only) in the pool.
LIST_WITH_CLOCKS = [("12 mins ago", "2023-11-09T00:08:10-05:00", "Open house on the road closure"),
                    ("35 mins ago", "2023-11-08T23:45:30-05:00", "Budget unveiled for the county"),
                    ("11:20 PM", "", "Crews clear the crash on the interstate"),
                    ("9:05 PM", "", "School board delays the vote on the new calendar")]


def test_blind_mode_reads_the_capture_time_from_the_render_moment_the_page_shows() -> None:
    """Without a capture time, the two relative stamps and their markup agree the page was
    rendered at 00:20 on 9 November (UTC-5): the clock-only entries below are from the evening
    before, dated like a capture at that moment, and say so."""
    by_stamp = {e.stamp.text: e for e in extract(html_page(LIST_WITH_CLOCKS)).entries}
    assert {k: e.date.iso for k, e in by_stamp.items()} == {
        "12 mins ago": "2023-11-09", "35 mins ago": "2023-11-08", "11:20 PM": "2023-11-08", "9:05 PM": "2023-11-08"}
    evidence = " ".join(by_stamp["11:20 PM"].date.evidence)
    assert by_stamp["11:20 PM"].date.basis is DateBasis.CAPTURE
    assert "rendered at 2023-11-09 05:20 UTC" in evidence


def test_relative_stamps_whose_markup_disagrees_give_no_render_moment() -> None:
    items = [("12 mins ago", "2023-11-09T00:08:10-05:00", LIST_WITH_CLOCKS[0][2]),
             ("35 mins ago", "2023-11-08T21:45:30-05:00", LIST_WITH_CLOCKS[1][2])] + LIST_WITH_CLOCKS[2:]
    by_stamp = {e.stamp.text: e for e in extract(html_page(items)).entries}
    assert by_stamp["11:20 PM"].date.local_date is None and by_stamp["9:05 PM"].date.local_date is None


def test_a_render_moment_outside_the_capture_years_is_not_a_capture_time() -> None:
    items = [(stamp, value.replace("2023", "2290"), headline) for stamp, value, headline in LIST_WITH_CLOCKS]
    by_stamp = {e.stamp.text: e for e in extract(html_page(items)).entries}
    assert by_stamp["11:20 PM"].date.local_date is None


def test_hour_stamps_alone_narrow_the_render_moment_where_their_windows_overlap() -> None:
    """'N hours ago' is floored by some sites and rounded by others: each claim allows the
    render an hour and a half; these three share 05:21-06:11 (UTC-4), so '1 day ago' without
    markup is read back from about 05:46 (rollingstone.com prints such a list)."""
    items = [("6 HOURS AGO", "2024-04-24T23:11:39-04:00", "Court weighs the need for emergency care"),
             ("2 HOURS AGO", "2024-04-25T03:41:00-04:00", "Memoir passages cut from the British edition"),
             ("1 HOUR AGO", "2024-04-25T04:51:02-04:00", "Singer celebrates her birthday on stage"),
             ("1 DAY AGO", "", "The finale made it clear whose story it was")]
    by_stamp = {e.stamp.text: e for e in extract(html_page(items)).entries}
    day_ago = by_stamp["1 DAY AGO"]
    assert day_ago.date.iso == "2024-04-24" and day_ago.date.basis is DateBasis.CAPTURE
    assert "rendered at 2024-04-25 09:46 UTC" in " ".join(day_ago.date.evidence)


@pytest.mark.parametrize("now", [None, "capture"], ids=["blind", "capture"])
def test_page_dates_in_meta_help_place_the_year(now: str | None) -> None:
    from datetime import datetime

    head = '<meta property="article:published_time" content="2023-10-02T08:00:00+03:00">'
    page = html_page([("4:00 PM", "", "Army ready to send missiles, Bloomberg reported on Oct. 3"),
                      ("7:32 AM", "", "Analysts assess the front line in the east")], head=head)
    kwargs = {"now": datetime(2023, 10, 3, 16, 30)} if now else {}
    assert {r[1] for r in dates(page, **kwargs)} == {"2023-10-03"}


def test_updates_only_in_structured_data_are_entries_on_request() -> None:
    items = [("10:01", "", "The squad trains in front of the home fans"),
             ("09:01", "", "Coach expects a tough semi-final on Wednesday")]
    ld = {"@type": "LiveBlogPosting", "liveBlogUpdate": [
        {"headline": "The squad trains in front of the home fans", "datePublished": "2023-08-14T09:01:00Z"},
        {"headline": "Coach expects a tough semi-final on Wednesday", "datePublished": "2023-08-14T08:01:00Z"},
        {"headline": "An older update that scrolled off the page", "datePublished": "2023-08-13T20:15:00Z"}]}
    page = html_page(items, json_ld=ld)
    assert [e.visible for e in extract(page).entries] == [True, True]
    entries = sorted(extract(page, hidden=True).entries, key=lambda e: e.position)
    assert [e.visible for e in entries] == [True, True, False]
    hidden = entries[2]
    assert hidden.headline == "An older update that scrolled off the page"
    # the visible entry shows the page's clock is UTC+1, so the hidden one is placed on it
    assert (hidden.date.iso, hidden.local_time.strftime("%H:%M")) == ("2023-08-13", "21:15")
    assert "not visible on the page" in hidden.date.evidence[0]


def test_a_hidden_update_with_only_a_utc_time_stays_undated() -> None:
    ld = {"@type": "LiveBlogPosting", "liveBlogUpdate": [
        {"headline": "An update that no visible entry shows at all", "datePublished": "2023-08-13T20:15:00Z"}]}
    visible = [("10:01", "", "A visible entry with its own text"), ("09:30", "", "Another visible entry, older")]
    entries = extract(html_page(visible, json_ld=ld), hidden=True).entries
    hidden = [e for e in entries if not e.visible]
    assert len(hidden) == 1 and hidden[0].date.status is DateStatus.UNKNOWN and hidden[0].datetime is None


def test_a_modified_time_on_the_page_clock_dates_the_newest_entry_in_blind_mode() -> None:
    head = '<meta property="article:modified_time" content="2023-05-15T12:50:00+01:00">'
    page = html_page([("12.50 BST", "", "Leaders agree on new sanctions against the importers"),
                      ("12.34 BST", "", "The summit opens with a minute of silence")], head=head)
    assert {r[1] for r in dates(page)} == {"2023-05-15"}


def test_a_utc_modified_time_counts_only_once_the_page_offset_is_known() -> None:
    head = '<meta property="article:modified_time" content="2023-05-15T11:50:00Z">'
    items = [("12:50", "", "Leaders agree on new sanctions against the importers"),
             ("12:34", "", "The summit opens with a minute of silence")]
    assert {r[1] for r in dates(html_page(items, head=head))} == {None}  # 11:50Z: no clock on the page says 11:50


def test_a_modified_time_just_after_the_newest_entry_is_a_capture_time_hint() -> None:
    head = '<meta property="article:modified_time" content="2023-05-15T13:05:00+01:00">'
    page = html_page([("12.50 BST", "", "Leaders agree on new sanctions against the importers"),
                      ("12.34 BST", "", "The summit opens with a minute of silence")], head=head)
    timeline = extract(page)
    assert {e.date.iso for e in timeline.entries} == {"2023-05-15"}
    assert any("capture-time hint" in reason for e in timeline.entries for reason in e.date.evidence)


def test_a_published_time_bounds_the_year_of_teasers_from_the_days_before() -> None:
    head = '<meta property="article:published_time" content="2026-01-08T17:46:00+02:00">'
    items = [("8 января, 17:13", "", "Как работает рынок услуг в прифронтовых городах"),
             ("7 января, 18:21", "", "Как Украине удалось спасти отношения с Чехией")]
    assert [r[1] for r in dates(html_page(items, head=head))] == ["2026-01-08", "2026-01-07"]


# ── times in data attributes ─────────────────────────────────────────────────────────────
# Seen on the pool's pages: data-timestamp with Unix seconds (euronews.com, de.euronews.com)
# or ISO (nrk.no), data-time with ISO and a space (baon.hu, sonline.hu) or Unix seconds
# (twitter.com), data-utc-time (faktencheck.afp.com), data-datetime in milliseconds (nikkei.com).
def data_page(items: list[tuple[str, str, str, str]]) -> bytes:
    """A feed whose stamps carry their time in a data attribute: (stamp, attribute, value, headline)."""
    body = "".join(f'<li><span {name}="{value}">{stamp}</span><h3>{headline}</h3>'
                   "<p>Details of the story follow in a full sentence here.</p></li>"
                   for stamp, name, value, headline in items)
    return f"<!doctype html><html><body><h1>Latest</h1><ul>{body}</ul></body></html>".encode()


def test_unix_times_in_data_attributes_date_their_stamps() -> None:
    page = data_page([("00:51", "data-timestamp", "1660146660", "Earthquake shakes the north of the island"),
                      ("23:36", "data-timestamp", "1660142160", "Minister outlines the new budget plans"),
                      ("21:02", "data-timestamp", "1660132920000", "Court rules on the harbour dispute")])
    # 1660146660 is 2022-08-10 15:51 UTC: the visible 00:51 is nine hours ahead, the next day.
    assert dates(page) == [("00:51", "2022-08-11", "2022-08-11T00:51:00+09:00"),
                           ("23:36", "2022-08-10", "2022-08-10T23:36:00+09:00"),
                           ("21:02", "2022-08-10", "2022-08-10T21:02:00+09:00")]


def test_iso_times_in_data_attributes_date_their_stamps() -> None:
    page = data_page([("19:46", "data-time", "2020-08-18 19:46:24", "Parliament votes on the new law"),
                      ("18:10", "data-time", "2020-08-18 18:10:02", "Storm warning for the lake region")])
    assert [d for _, d, _ in dates(page)] == ["2020-08-18", "2020-08-18"]


def test_a_data_time_on_a_whole_item_or_an_unrelated_number_claims_nothing() -> None:
    body = ('<li data-timestamp="1660146660"><span>00:51</span><h3>Earthquake shakes the north of the island</h3>'
            "<p>Details of the story follow in a full sentence here.</p></li>"
            '<li><span data-time="0000000042">23:36</span><h3>Minister outlines the new budget plans</h3>'
            "<p>Details of the story follow in a full sentence here.</p></li>")
    page = f"<!doctype html><html><body><h1>Latest</h1><ul>{body}</ul></body></html>".encode()
    assert [d for _, d, _ in dates(page)] == [None, None]


@pytest.mark.parametrize("items", [
    # 24tv.ua: the clock and a day word in one <time> ("11:09, сьогодні")
    [("11:09, сьогодні", "2020-09-21 11:09", "Уряд ухвалив нову програму для шкіл"),
     ("10:17, сьогодні", "2020-09-21 10:17", "Над містом зранку стоїть густий смог")],
    # folha.uol.com.br: a date with an abbreviated month before the clock ("21.dez.2018 às 2h00")
    [("21.dez.2018 às 12h00", "2018-12-21 12:00:00", "Prefeitura anuncia novo plano para o centro"),
     ("21.dez.2018 às 2h00", "2018-12-21 02:00:00", "Governo prevê corte nas despesas do estado")],
    # scan.netsecurity.ne.jp: a year-first date and an English weekday before the clock
    [("2019.3.4 Mon 8:15", "2019-03-04T08:15:02+09:00", "外付けHDDを紛失した件について報告"),
     ("2019.2.28 Thu 8:10", "2019-02-28T08:10:08+09:00", "調査票を紛失した件について報告")],
])
def test_a_time_element_holding_more_than_the_stamp_still_dates_it(items: list[tuple[str, str, str]]) -> None:
    rows = dates(html_page(items))
    assert [r[1] for r in rows] == [value[:10] for _, value, _ in items]
