"""Feed items bounded by the HTML page's own boxes (`feedline.items`).

Seen on the dev corpus and the pool: card lists whose stamp follows the headline and the
teaser (cbsnews-1, ouestfrance-1's partner widget, theweek-1's rail), cards with a kicker
above the stamp and the headline below (lbc-1), and title / stamp / body posts (theweek-1's
main column, ntv-1). Pages below are invented.
"""
from __future__ import annotations

from datetime import datetime

import feedline
from feedline.read import render_html


def _entries(html: str, now: str = "2024-03-05T12:00"):
    timeline = feedline.extract(html.encode(), now=datetime.fromisoformat(now), tz="Europe/London")
    return sorted(timeline.entries, key=lambda e: e.position)


def _page(body: str) -> str:
    return f"<!doctype html><html><body>{body}</body></html>"


CARD = ('<article class="card item--{topic}"><h3 class="card__title">{title}</h3>'
        '<p class="card__dek">{dek}</p><div class="meta"><span class="date">{stamp}</span></div></article>')


def test_stamp_after_headline_and_teaser_closes_its_card():
    cards = [
        ("Bridge reopens after repairs", "Traffic flows again over the river crossing after weeks.", "11:05"),
        ("Council approves new budget", "The vote passed by a narrow margin late on Monday evening.", "10:40"),
        ("Storm warning for the coast", "Forecasters expect strong winds overnight along the shore.", "09:15"),
    ]
    html = _page("<h2>Latest</h2><section class='list'>"
                 + "".join(CARD.format(topic=i, title=t, dek=d, stamp=s) for i, (t, d, s) in enumerate(cards))
                 + "</section><footer><p>More in News</p></footer>")
    got = [(e.local_time.strftime("%H:%M"), e.headline) for e in _entries(html)]
    assert got == [(s, t) for t, _, s in cards]


def test_title_stamp_body_posts_keep_their_title_and_a_rail_repeat_is_one_item():
    posts = [("Minister resigns over leaked memo", "5:28 p.m.", "The minister stepped down on Friday, officials said."),
             ("Court blocks new zoning rules", "3:44 p.m.", "A judge halted the rules pending a full hearing.")]
    rail = "".join(f"<li class='rail__item'><a>{t}</a><p>{s}</p></li>" for t, s, _ in posts)
    main = "".join(f"<article class='post'><div class='kicker'>Politics</div><div>Edit</div><h2>{t}</h2>"
                   f"<p class='time'>{s}</p><p>{b}</p></article>" for t, s, b in posts)
    entries = _entries(_page(f"<ul class='rail'>{rail}</ul><main>{main}</main>"), now="2024-03-05T18:00")
    assert [(e.headline, e.text.splitlines()[-1]) for e in entries] == [(t, b) for t, _, b in posts]


def test_kicker_above_the_stamp_is_no_headline():
    cards = [("World", "Talks resume between the two delegations in Geneva today"),
             ("Sport", "Home side clinches the title with a late winner on Sunday")]
    html = _page("<div class='feed'>" + "".join(
        f"<div class='news'><div class='cat'>{k}</div><div><time>1{i}:00</time></div><h3>{t}</h3></div>"
        for i, (k, t) in enumerate(cards)) + "</div>")
    assert [e.text or e.headline for e in _entries(html)] == [t for _, t in cards]


def test_boxes_holding_part_of_each_item_are_left_to_the_layout():
    # <dt>pair</dt><dd>move (stamp)</dd>: text between every two boxes, so the boxes do
    # not bound the items; a flat live blog (a heading with its stamp, then paragraphs) too.
    pairs = "".join(f"<dt>PAIR{i}/USD</dt><dd>Trades below 1.{i}000<br>(0{i}:32 GMT)</dd>" for i in range(1, 4))
    entries = _entries(_page(f"<div><p>Currencies</p><dl>{pairs}</dl></div>"))
    assert [e.headline for e in entries] == [f"PAIR{i}/USD" for i in (1, 2, 3)]
    blog = "".join(f"<h5 class='h'>1{i}.05 Uhr: Headline number {i} of the blog</h5>"
                   f"<p>First paragraph of post {i}, long enough to be content.</p><p>Second paragraph {i}.</p>"
                   for i in (3, 2, 1))
    texts = [e.text for e in _entries(_page(f"<div class='blog'>{blog}</div>"))]
    assert all("First paragraph" in t for t in texts) and len(texts) == 3


def test_layout_spans_match_the_rendered_text():
    rendered = render_html(_page("<ul class='l'><li class='i'>one <b>1</b></li><li class='i'>two</li></ul><p>end</p>"))
    layout = rendered.layout
    assert layout is not None
    spans = {layout.shapes[b]: rendered.text[layout.starts[b]:layout.ends[b]].strip() for b in range(len(layout.starts))}
    assert spans["ul.l"] == "one 1\ntwo" and spans["p"] == "end"
    li = layout.innermost(rendered.text.index("two"))
    assert layout.shapes[li] == "li.i" and layout.shapes[layout.parents[li]] == "ul.l"


def test_comment_author_above_the_stamp_is_no_headline_and_credits_are_dropped():
    # Comment threads (newspaper-38, trafilatura-391 in the pool: author, stamp, comment) and
    # photo credits over cards ("Bildrechte:", "Name/Getty Images": fundus-52, theweek-1).
    comments = [("Ann Lee", "2 weeks ago", "I think the council got this one badly wrong, sadly."),
                ("Bob", "3 weeks ago", "Thanks for the clear explanation of the new rules.")]
    html = _page("<ol class='comments'>" + "".join(
        f"<li class='comment'><div class='author'>{a}</div><div class='when'>{s}</div><p>{c}</p></li>"
        for a, s, c in comments) + "</ol>")
    assert [(e.headline, e.text) for e in _entries(html)] == [(None, c) for _, _, c in comments]
    cards = [("Photo: Jane Doe/Reuters", "Harbour bridge reopens to traffic after repairs", "11:05"),
             ("Bildrechte: IMAGO / Name", "Council approves the new city budget at last", "10:40")]
    html = _page("<div class='list'>" + "".join(
        f"<div class='card'><div>{c}</div><h3>{t}</h3><div class='t'>{s}</div></div>" for c, t, s in cards) + "</div>")
    assert [e.headline or e.text for e in _entries(html)] == [t for _, t, _ in cards]


def test_a_reply_widget_and_the_author_before_the_stamp_are_not_the_comment():
    # "Ann on 11/08/2020 at 9:52 / Reply / comment" (trafilatura-355: "Antworten";
    # newspaper-38: "Reply"): the author and the widget are no content, and two short
    # replies of one author a minute apart stay two comments.
    comments = [("Ann Lee", "9:52", "So well written, all the best to you both!"),
                ("Bob Stone", "9:58", "Lovely pictures, thank you for sharing them."),
                ("Ann Lee", "10:05", "Thanks!"), ("Ann Lee", "10:06", "Thanks!")]
    html = _page("<ol class='comments'>" + "".join(
        f"<li class='comment'><div class='meta'>{a} on 11/08/2020 at {s}</div><div class='r'>Reply</div>"
        f"<p>{c}</p></li>" for a, s, c in comments) + "</ol>")
    assert [e.text for e in _entries(html, now="2020-08-11T12:00")] == [c for _, _, c in comments]


def test_a_byline_on_the_stamps_line_is_no_headline():
    # "Name on <stamp> said:" (blog.givewell.org), "Par Name, le <stamp>" (lopinion.fr),
    # "Name am <stamp> Permanenter Link" (hpd.de), "Name 29.07.2020 // 12:56" (golfpost.de),
    # initials (pewresearch.org): who wrote the comment, not its headline.
    comments = ["The figures in the second table do not add up at all.",
                "Thanks for the clear summary, it helped me a great deal."]
    forms = [("en", "{n} on 12 May 2019 at {t} said:", ["Ann Lee", "Bob Stone"]),
             ("fr", "Par {n}, le 12 mai 2019 à {t}", ["Jean Dupont", "Marie Curie"]),
             ("de", "{n} am 18. Oktober 2023 - {t} Permanenter Link", ["Anna Muster", "Bert Z"]),
             ("de", "{n} 29.07.2020 // {t}", ["Rolf Muster", "Frank Beispiel"])]
    for lang, form, names in forms:
        html = _page(f"<html lang='{lang}'><ol class='comments'>" + "".join(
            f"<li class='comment'><div class='meta'>{form.format(n=n, t=t)}</div><p>{c}</p></li>"
            for n, t, c in zip(names, ["09:05", "10:17"], comments)) + "</ol></html>")
        assert [(e.headline, e.text) for e in _entries(html, now="2023-10-20T12:00")] == \
            [(None, c) for c in comments], form


def test_a_headline_the_stamp_closes_on_its_line_stays_the_headline():
    cards = [("Markets slide as the oil price jumps again", "11:05"),
             ("Council approves the new city budget at last", "10:40")]
    html = _page("<ul class='list'>" + "".join(
        f"<li class='card'><div class='t'>{h} • {s}</div><p>The teaser of the story, in a sentence.</p></li>"
        for h, s in cards) + "</ul>")
    assert [e.headline for e in _entries(html)] == [h for h, _ in cards]


def test_a_label_leading_the_stamp_leaves_the_author_above_out():
    # "Name / February 20, 2019 at 3:42 pm | Reply / comment" (blisterreview.com), "Name /
    # 2 days ago at 07:52 am / comment" (macrumors.com), "Name / 18.10.2019, 00:38 Zitieren #"
    # (monsterdealz.de), seconds read apart (wiadomosci.dziennik.pl): the author is no content.
    comments = [("Ann Lee", "9:52 am", "So well written, all the best to you both!"),
                ("Bob", "9:58 am", "Lovely pictures, thank you for sharing them.")]
    for form in ("February 20, 2019 at {t} | Reply", "{t} Quote #"):
        html = _page("<ol class='comments'>" + "".join(
            f"<li class='comment'><div class='author'>{a}</div><div class='meta'>{form.format(t=s)}</div>"
            f"<p>{c}</p></li>" for a, s, c in comments) + "</ol>")
        assert [e.text for e in _entries(html, now="2019-02-20T12:00")] == [c for _, _, c in comments], form


def test_a_comment_header_boxed_apart_from_its_text_is_left_to_the_layout():
    """Threaded comments: a comment holding replies has only its header (name and date) as a box
    of its own, its text outside it; those headers, labels only, bound no item, while whole
    replies do (carnegieendowment.org; regards.fr, theoriginalcopy.de and thisisjanewayne.com
    thread their comments so too). The comments keep their text."""
    def comment(name: str, stamp: str, text: str, replies: str = "") -> str:
        return (f"<div class='comment'><div class='comment-meta'><b>{name}</b><span>{stamp}</span></div>"
                f"<div class='comment-content'><p>{text}</p></div>{replies}</div>")

    def reply(name: str, stamp: str, text: str) -> str:
        return f"<div class='comment-reply'><b>{name}</b><span>{stamp}</span><p>{text}</p></div>"

    thread = (comment("Claire", "March 4, 2024 4:14 pm", "How does this tax work in practice for trading partners?",
                      reply("Michael", "March 4, 2024 6:02 pm", "Until a bill is passed it is hard to say, but broadly.")
                      + reply("Claire", "March 4, 2024 7:39 pm", "Thanks for the reply, that makes the plan clearer."))
              + comment("Dan", "March 4, 2024 5:39 pm", "I question two points in the analysis of the flows.",
                        reply("Michael", "March 4, 2024 8:10 pm", "Both are fair points, and I will write more soon.")))
    entries = _entries(_page(f"<h2>Comments</h2><section>{thread}</section>"), now="2024-03-05T12:00")
    texts = {e.local_time.strftime("%H:%M"): (e.text or e.headline or "") for e in entries}
    assert "How does this tax work" in texts["16:14"]
    assert "I question two points" in texts["17:39"]
    assert "Until a bill is passed" in texts["18:02"]
