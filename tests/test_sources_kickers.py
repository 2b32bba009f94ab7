"""Headline forms that a kicker, a title's subtitle or an addressee took for a speaker, and
a Chinese headline's speaker, found on pages no rule was written for (../shared/pool, read
against labels made apart from the code). Each test names three pool sites that print the
form; the examples are invented."""
from __future__ import annotations

from feedline.sources import find_sources


def names(headline: str, text: str = "") -> list[str]:
    return [s.name for s in find_sources(headline, text, None)]


def test_a_title_cased_rest_makes_the_colon_a_subtitle() -> None:
    """'Zero Deaths: What Is Behind …', 'Acme Doe: Only Guest To Attend …' (sputniknews.com,
    dailycaller.com, westernjournalism.com; in German dw.com, br.de, presseportal.de): the
    rest of the headline Title Cased and quoting no one, the words before the colon are a
    kicker or whom the story is about. A quote, a sentence-case statement or a name ending
    in a role still speaks."""
    cases = {
        "Quiet Roads: What Is Behind Acmeland's Falling Death Toll?": [],
        "Jane Doe: Only Former Mayor Committed To Attending The Gala": [],
        "Wetterwarnung: Starke Gewitter Über Dem Acmetal Erwartet": [],
        "Ex-Acme Commissioner: If The Raid Fails, Next Step Is Unclear": ["Ex-Acme Commissioner"],
        "Jane Doe: 'We Will Never Give Up On This City'": ["Jane Doe"],
        "Jane Doe: the city will not give up on its harbour": ["Jane Doe"],
    }
    assert {h: names(h) for h in cases} == cases


def test_told_form_names_the_addressee_as_no_source() -> None:
    """'Netanyahu to Gantz: …', 'Israel to Egypt: …', 'Obispo … a Luis …: «…»' (jpost.com,
    newsfeed.time.com, hoy.com.do): after "to" a person or a country is whom the speaker
    addresses; only an outlet (a known one, one with a media noun, an acronym, a title with
    "The") is a source too."""
    cases = {
        "Jane Doe to John Roe: let's form a government together": ["Jane Doe"],
        "Acmeland to Betaland: sorry for the border incident": ["Acmeland"],
        "Jane Doe to Acme News: we will win the vote": ["Jane Doe", "Acme News"],
        "Jane Doe to ACME: we will win the vote": ["Jane Doe", "ACME"],
        "Mario Rossi a Radio Acme: non mi dimetto": ["Mario Rossi", "Radio Acme"],
    }
    assert {h: names(h) for h in cases} == cases


def test_english_article_a_is_no_romance_to() -> None:
    """'Inside a Rebellion: This Is What …', '… Faces a New Threat: Semantics', 'Have a
    Brake: 10 …' (thenation.com, citylab.com, bike-magazin.de): before a Title Cased rest
    the "a" is an English (or German) article, not the Romance "to" of "Rossi a Radio Acme"."""
    cases = {
        "Inside a Dock Strike: This Is What Solidarity Looks Like": [],
        "Acme Rail Line Faces a New Hurdle: Zoning": [],
        "Maria Rossi a Radio Beta: «Andiamo avanti»": ["Maria Rossi", "Radio Beta"],
    }
    assert {h: names(h) for h in cases} == cases


def test_chinese_headline_speaker_after_a_space() -> None:
    """'某事延期　王小明：…' (upmedia.mg, money.udn.com, cna.com.tw): a clause, a space
    (full-width or not), a name of two to four Han characters and a full-width colon before
    what they said; not a label ("版權所有："), nor one opening the line."""
    cases = {
        "球季延後至五月　王大明：例行賽一定打完": ["王大明"],
        "蛋價續漲 農業處：不會缺貨": ["農業處"],
        "網站資訊　版權所有：某某公司": [],
        "作者：王大明": [],
    }
    assert {h: names("", h) for h in cases} == cases


def test_english_on_topic_needs_a_quote_and_an_english_entry() -> None:
    """'Name on topic: 'quote'' (latino.foxnews.com, pamelaandersonfoundation.org,
    edition.cnn.com, popsugar.com) speaks; 'Blood on the sand: …', 'Race on your résumé:
    …' (latino.foxnews.com, marketplace.org) quote no one and are kickers. In Finnish "on" is
    "is": an entry read as Finnish takes no English "on"."""
    assert names("Jane Doe on the harbour plan: “It will not work”") == ["Jane Doe"]
    assert names("Blood on the beach: Acme swimmer hurt by shark") == []
    assert names("Jana Virtanen on raskaana: ”Olemme onnellisia”",
                 "Uutinen kertoo, että se on totta ja myös hyvä asia.") == []


def test_headline_suffix_needs_a_statement_before_its_dash() -> None:
    """'Forums - Regeln', 'Jane D. -Acmeland' (wolfsrebellen-netz.forumieren.com, aclu.org's
    comments), 'Acme Stadium - Acmetown, OH', 'Acme Leap - Made in Germany' (dawgsbynature.com,
    dw.com): a short title or label and its section, place or
    subtitle after a dash, no statement said by anyone. As for a closing speaker, the
    suffix needs `MIN_TRAIL_STATEMENT` words before it."""
    assert names("Forums - Regeln", "Wir pflegen hier ein freundliches Miteinander.") == []
    assert names("Jane D. -Acmeland", "Great article, I agree with all of it.") == []
    assert names("Death toll rises to 40 - Health Ministry") == ["Health Ministry"]
    assert names("Ten hurt in blast – reports") == ["reports"]


def test_german_label_speaks_only_over_speech() -> None:
    """'Kirche: Staatsleistungen vor dem Aus?', 'Verbraucher: Inflation schwächt sich ab',
    'Warnstufe Gelb: Es hagelt …' (dw.com, stern.de, mallorcazeitung.es; also br.de,
    gamestar.de): German capitalises every noun, so a label over a German statement that
    opens with a capital is a topic's kicker, unless the statement is quoted or in the first
    person; an acronym or a label ending in a role noun still speaks. Other languages keep
    the bare form."""
    cases = {
        "Acmestadt: Neue Brücke wird im Mai für den Verkehr freigegeben": [],
        "Verbraucher: Preise für Butter steigen weiter an": [],
        "Kirche: Einnahmen vor dem Aus?": [],
        "Sturmwarnung Rot: Es regnet auf Acmeland und die Flüsse steigen": [],
        'Friedensforscher: "Der Krieg wird noch lange dauern"': ["Friedensforscher"],
        "Jana Muster: Wir werden nicht aufgeben und für die Brücke kämpfen": ["Jana Muster"],
        "SPD: Neue Züge sollen ab Mai auf der Strecke fahren": ["SPD"],
        "Regierung: Neue Züge fahren ab Mai auf der Strecke": ["Regierung"],
        "Jana Muster: Acmeland is not ready for the vote": ["Jana Muster"],
    }
    assert {h: names(h) for h in cases} == cases
