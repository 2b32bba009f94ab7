"""Headline and verb forms of sources read from pages no rule was written for (../shared/pool):
each case names, in a comment, three pool sites or more that print the form. Every example
is invented in the shape of what those sites print."""
from __future__ import annotations

import pytest

from feedline.sources import find_sources


def names(text: str, lang: str | None = None) -> list[str]:
    return [s.name for s in find_sources(None, text, lang)]


@pytest.mark.parametrize(("text", "expected"), [
    # A kicker sentence, then "Speaker: …" (lanacion.com.ar, wiadomosci.dziennik.pl,
    # wpolityce.pl, wiadomosci.gazeta.pl, lagazzettadelmezzogiorno.it)
    ('Nueva tensión en el gobierno. Pérez: "No voy a renunciar nunca"', ["Pérez"]),
    ("Spór o budżet trwa w najlepsze. Prezes Nowak: Zlecę kontrolę w sądzie", ["Prezes Nowak"]),
    ("Acmelandia resta in zona gialla. L'Acme: rischio resta alto per tutti", ["L'Acme"]),
    # a title's abbreviation ends no sentence: the name opening the headline speaks
    ("Prof. Jan Nowak: Zaskoczył mnie bardzo dobry wynik", ["Jan Nowak"]),
])
def test_speaker_after_a_kicker(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    # a name before the full stop speaks itself: no sentence, no kicker (panarmenian.net)
    "Amnesty International. Acmeland: more than 100 protesters believed to be killed",
    # a photo credit (sport.aktualne.cz, elheraldo.hn, losandes.com.ar, minuto30.com)
    "Acme po vítězství ve Villa Parku. Foto: Reuters",
    "Fotos: así se preparan las elefantas para viajar a Brasil",
])
def test_no_speaker_after_a_name_or_before_a_photo_credit(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # "Section: Speaker: …": the first label is a kicker (seattlepi.com, mz-web.de,
    # panarmenian.net, akhbarelyom.com)
    ("The Latest: Acme University: No fans at sports events this season", ["Acme University"]),
    ("Acme TV: Amnesty International: в Иране больше ста человек погибли",
     ["Amnesty International"]),
    # a first label that is no speaker leaves the second alone (knowtechie.com,
    # finanzmarktwelt.de, news.yahoo.com)
    ("Review: A Plague Tale: Innocence – rats, so many rats", []),
    ("Nicht verpassen: Acme: Konkurrent mit trübem Ausblick, aber viel Hoffnung", []),
])
def test_second_headline_label(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an English tag over a statement in another script is a topic (jagran.com,
    # amarujala.com, prachatai.com)
    ("Acme Govt Formation: जानिए कौन हैं रेणु देवी जो बनीं डिप्टी सीएम", []),
    ("Facebook Page: ประชาไท acme.com", []),
    # but Cyrillic headlines quote Latin names (panarmenian.net, aif.ru, footballua)
    ("Amnesty International: в Иране больше ста человек погибли в ходе протестов",
     ["Amnesty International"]),
])
def test_latin_tag_over_another_script(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # plural present forms after a plural subject (lestimes.com, cbsnews.com,
    # dailymail.co.uk, phys.org, sott.net)
    ("Experts warn on impact of rising prices", ["Experts"]),
    ("Acme Corp and Beta Inc announce merger plans", ["Acme Corp", "Beta Inc"]),
    ("Acmelanders dismiss threats, vow to fight on", ["Acmelanders"]),
    # not the forms that are nouns too, nor an imperative (voanews.com, gulflive.com,
    # sportsnet.ca)
    ("Jane Doe's claim of criminal immunity goes to court", []),
    ("Claim Your Business", []),
    ("Please confirm the information below before signing up.", []),
    # an infinitive after a modal or in a question, capitalised in a Title Cased headline
    # (tnr.com); a name that opens with "Will" is still one
    ("Acme Will Announce New Phone Next Week", []),
    ("The Party Will Admit It", []),
    ("Why Experts Warn Against Acmecoin", []),
    ("Will Doe and Jana Roe Deny Reports", ["Will Doe", "Jana Roe"]),
])
def test_english_plural_report_verbs(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an "-ly" adverb between the subject and its verb (9news.com.au,
    # timesofindia.indiatimes.com, zimeye.net, sott.net, nymag.com)
    ("Jane Doe has repeatedly denied the claims.", ["Jane Doe"]),
    ("Acme Corp publicly announced the deal on Monday.", ["Acme Corp"]),
    ("Acmeland has officially reported its first case.", ["Acmeland"]),
    ("She initially said no to the offer.", []),
    # not before a headline's present form, nor a relative clause's object
    ("Acme gently warns Beta against intervention", []),
    ("Jane Doe, whose golfing Acme frequently criticized, played 333 rounds.", []),
])
def test_adverb_between_subject_and_verb(text: str, expected: list[str]) -> None:
    assert names(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a noun with no article after a comma and an inverted verb, ending the headline
    # (uol.com.br, g1.globo.com, correio24horas.com.br)
    ("Goleiro do Acme deseja deixar o clube, diz jornal", ["jornal"]),
    ("Acme é investigado por outros crimes, afirma promotor", ["promotor"]),
    ("Acme pode deixar a Juventus, diz jornal espanhol.", ["jornal espanhol"]),
    # a clause, a pronoun or a day after the verb is no source
    ("El secretario, señaló que", []),
    ("It works, says he", []),
])
def test_bare_noun_after_an_inverted_verb(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a role noun, its lowercase genitive or adjective, then the name, after an inverted verb
    # (tass.ru, kommersant.ru, seznamzpravy.cz, wirtualnemedia.pl)
    ("Об этом заявил министр транспорта Иван Петров.", "ru", ["министр транспорта Иван Петров"]),
    ("Об этом заявил министр иностранных дел Акмеландии Иван Петров.", "ru",
     ["министр иностранных дел Акмеландии Иван Петров"]),
    ("Бюджет готовий, повідомив міністр фінансів Іван Петренко.", "uk", ["міністр фінансів Іван Петренко"]),
    ("Rozpočet je hotový, řekl ministr financí Jan Novák.", "cs", ["ministr financí Jan Novák"]),
    ('"Drogi są otwarte" - poinformowała rzeczniczka prasowa Anna Nowak.', "pl",
     ["rzeczniczka prasowa Anna Nowak"]),
    # a preposition ends the role noun: what follows is no part of a name
    ("Об этом заявил министр в интервью Acme.", "ru", []),
    ("Об этом заявил министр через Telegram.", "ru", []),
])
def test_slavic_role_complement_after_the_verb(text: str, lang: str, expected: list[str]) -> None:
    assert names(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "as" and any report verb: the speaker follows, never the capitalised "as" (unn.com.ua,
    # mk.ru, radiokielce.pl, dwutygodnik.com, publica.pl)
    ("Как заявил вице-спикер парламента Иван Петров, закон принят.", "ru",
     ["вице-спикер парламента Иван Петров"]),
    ("Как сказал Петров, об этом никто не знал.", "ru", ["Петров"]),
    ("Як заявив речник Повітряних сил Іван Петренко, ракети збито.", "uk",
     ["речник Повітряних сил Іван Петренко"]),
    ("Jak powiedział Jan Kowalski, drogi są otwarte.", "pl", ["Jan Kowalski"]),
    ("Dziś, jak twierdzi Nowak, wszystko się zmieniło.", "pl", ["Nowak"]),
    # no name after the verb: no source, not "Jak"
    ("Jak podkreśliła, porozumienie stanowi podstawę.", "pl", []),
    # the same in the Romance languages, whose subject follows the verb ("como han dicho":
    # laprensafl.com), not the capitalised "Como"
    ("Como informó el Ministerio de Salud, hubo 20 casos.", "es", ["el Ministerio de Salud"]),
    ("Conforme informou o Ministério da Saúde, houve 20 casos.", "pt", ["o Ministério da Saúde"]),
    ("Come ha spiegato il ministro Mario Rossi, la strada è chiusa.", "it", ["il ministro Mario Rossi"]),
    ("Comme l'a indiqué le ministre Jean Dupont, la route est fermée.", "fr", ["le ministre Jean Dupont"]),
    ("Como dice el refrán, no hay mal que por bien no venga.", "es", []),
])
def test_as_and_a_report_verb(text: str, lang: str, expected: list[str]) -> None:
    assert names(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "según" and a report verb, then who reported (eldiario.es, ladiaria.com.uy,
    # cubadebate.cu, lainformacion.com, cnet.com/es)
    ("Los ataques continúan, según informa Acme Press.", ["Acme Press"]),
    ("Según informó la DGSA, se constató la aparición.", ["la DGSA"]),
    ("Según han informado fuentes del Ministerio de Sanidad, hay 20 heridos.",
     ["fuentes del Ministerio de Sanidad"]),
    ("Según explicó en un comunicado Acme Lite, ahora está disponible.", ["Acme Lite"]),
    ("Según confirmó ayer el presidente del Gobierno, el plan sigue.", ["el presidente del Gobierno"]),
])
def test_segun_and_a_report_verb(text: str, expected: list[str]) -> None:
    assert names(text, "es") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # an adjective in "-al" after the head (gazetadopovo.com.br, elsoldesanjuandelrio.com.mx,
    # 24horas.cl, cooperativa.cl, elheraldo.hn, losandes.com.ar, pagina12.com.ar)
    ("El gobierno federal informó que hubo 20 casos.", "es", ["El gobierno federal"]),
    ("O governo federal informou que houve 20 casos.", "pt", ["O governo federal"]),
    ("Las autoridades locales informaron que hubo 20 casos.", "es", ["Las autoridades locales"]),
    # a demonym in "-í" (eldiario.es) or that the endings miss (lainformacion.com,
    # pagina12.com.ar, ilgiornale.it)
    ("Según las fuerzas israelíes, hubo 20 muertos.", "es", ["las fuerzas israelíes"]),
    ("El ejército ruso aseguró que hubo 20 muertos.", "es", ["El ejército ruso"]),
    ("L'esercito ucraino afferma che tre droni sono stati abbattuti.", "it", ["L'esercito ucraino"]),
    # an adverb in "-í" is none: "así lo confirmó" names no one here
    ("El gobierno así lo confirmó.", "es", []),
])
def test_romance_adjective_after_the_head(text: str, lang: str, expected: list[str]) -> None:
    assert names(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a German speech verb, then "der" or "dem" and an outlet: whom it was said to
    # (kleinezeitung.at, mz-web.de, mopo.de, techfieber.de)
    ("Jan Meier, Leiter der Heime, sagte der Acmer Zeitung, dass es einen Plan gibt.",
     ["Jan Meier", "Leiter der Heime", "Acmer Zeitung"]),
    ("Pressesprecher Jan Meier sagte der MZ, die Maschine sei fertig.", ["Pressesprecher Jan Meier", "MZ"]),
    ("Jan Meier sagte dem Sender Acme TV, die Lage sei ernst.", ["Jan Meier", "Sender Acme TV"]),
    # after a person's name or a genitive already, "der" and an outlet are no genitive
    ("Das sagte Minister Jan Meier der Deutschen Presse-Agentur.", ["Minister Jan Meier", "Deutschen Presse-Agentur"]),
    ("Niemand wurde verletzt, sagte ein Sprecher der Polizei der Deutschen Presse-Agentur.",
     ["ein Sprecher der Polizei", "Deutschen Presse-Agentur"]),
    # a role's genitive stays, and a nominative speaker is no outlet
    ("Das sagte ein Sprecher der Deutschen Presse-Agentur.", ["ein Sprecher der Deutschen Presse-Agentur"]),
    ("Das sagte der Sprecher der Feuerwehr.", ["der Sprecher der Feuerwehr"]),
    ("Jan Meier sagte der Polizei, er habe nichts gesehen.", ["Jan Meier"]),
])
def test_german_dative_outlet(text: str, expected: list[str]) -> None:
    assert names(text, "de") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "according to" a report noun and its owner, with or without an article: the owner
    # (20minutes.fr, cubadebate.cu, elnuevoherald.com, lainformacion.com, elpais.com)
    ("Il fera froid, selon les informations de Météo-Acme ce jeudi.", "fr", ["Météo-Acme"]),
    ("Según información del Consejo Electoral Nacional, ya fue celebrada.", "es",
     ["Consejo Electoral Nacional"]),
    ("La tasa bajó, según cifras del Acme Council.", "es", ["Acme Council"]),
    ("According to information from the ministry, 20 were killed.", "en", ["the ministry"]),
])
def test_report_noun_and_its_owner(text: str, lang: str, expected: list[str]) -> None:
    assert names(text, lang) == expected
