"""Cue forms added from a survey of unseen pages (../shared/pool): each row names its
language, the verb or phrase, and three pool sites where the form is printed as an
attribution (a verb's other persons and tenses share its row). Every example is invented."""
from __future__ import annotations

import pytest

from feedline.sources import find_sources


def names(text: str, lang: str | None) -> list[str]:
    return [s.name for s in find_sources(None, text, lang)]


# (language, form, pool sites, invented text, expected sources)
CUE_FORMS = [
    ("en", "explains", "theportugalnews.com dailymail.co.uk mirror.co.uk",
     '"It works," explains Jane Doe of Acme Gardens.', ["Jane Doe of Acme Gardens"]),
    ("en", "notes", "techcrunch.com kxan.com zerohedge.com",
     "The issue, as Acme Research notes, is the price.", ["Acme Research"]),
    ("en", "acknowledges", "theglobeandmail.com thestar.com chicagotribune.com",
     "Still, the Acme administration acknowledges its plan failed.", ["the Acme administration"]),
    ("en", "pointed out", "businessinsider.com salon.com marginalrevolution.com",
     "As Jane Doe pointed out in a post, the rule is new.", ["Jane Doe"]),
    ("en", "points out", "blog.parsely.com citylab.com barrons.com",
     "Acme Bank analyst John Roe points out two risks.", ["Acme Bank analyst John Roe"]),
    ("en", "dismisses", "namibian.com.na cbsnews.com theparadigmng.com",
     "Jane Doe dismisses health rumors", ["Jane Doe"]),
    ("en", "calls for", "lestimes.com irishtimes.com talkingpointsmemo.com",
     "Acme Union calls for a pay rise", ["Acme Union"]),
    ("en", "demands", "foxnews.com news.yahoo.com abc7ny.com",
     "Acme Council demands answers over closures", ["Acme Council"]),
    ("en", "testified", "digg.com hosted.ap.org snopes.com",
     "Acme Corp executive Jane Doe testified that the files were lost.",
     ["Acme Corp executive Jane Doe"]),
    ("en", "suggests", "fool.com inquisitr.com prospectmagazine.co.uk marginalrevolution.com",
     "Acme Research suggests that the market will double.", ["Acme Research"]),
    ("en", "suggested (not a passive: 'Books suggested by …')",
     "pawszilla.com polygraph.info theguardian.com uproxx.com",
     "Jane Doe suggested that the rules should change. Books suggested by Acme Club sell well.",
     ["Jane Doe"]),
    ("de", "reflexive speech tag after a quotation: freut sich / erinnert sich",
     "n-tv.de nnz-online.de erzbistum-koeln.de lbv.de",
     '„Das ist ein großer Erfolg“, freut sich Bürgermeisterin Jana Muster. "Wir waren jung", '
     "erinnert sich Max Muster.", ["Bürgermeisterin Jana Muster", "Max Muster"]),
    ("de", "unterstrich", "tageszeitung.it tichyseinblick.de wochenblatt.com",
     "Jana Muster unterstrich die Bedeutung des Projekts.", ["Jana Muster"]),
    ("de", "mitteilte", "br.de morgenpost.de mdr.de",
     "Die Halle bleibt zu, wie die Stadtverwaltung Acmestadt mitteilte.",
     ["die Stadtverwaltung Acmestadt"]),
    ("de", "beschreibt", "derstandard.at n-tv.de rp-online.de",
     '"Er ist immer unterwegs", beschreibt Jana Muster.', ["Jana Muster"]),
    ("de", "verwies", "aerztezeitung.de finanzmarktwelt.de utopia.de",
     "Das Acme-Institut verwies auf neue Zahlen.", ["Das Acme-Institut"]),
    ("de", "meint", "derstandard.at wort.lu tageblatt.lu",
     "Das sei nichts Neues, meint Russlandexperte Max Muster.", ["Russlandexperte Max Muster"]),
    ("de", "ergänzt", "zeit.de gamestar.de n-tv.de",
     '"Wir sind bereit", ergänzt Jana Muster.', ["Jana Muster"]),
    ("de", "erläuterte", "biathlonworld.com techfieber.de nwx.new-work.se",
     '"Das ist neu", erläuterte Max Muster.', ["Max Muster"]),
    ("de", "schildert", "n-tv.de vogue.de laola1.at",
     "Die Arbeit sei hart, wie Trainer Max Muster schildert.", ["Trainer Max Muster"]),
    ("de", "erzählt", "freitag.de krautreporter.de mdr.de",
     '"Es war schön", erzählt Jana Muster.', ["Jana Muster"]),
    ("de", "kommentierte", "wunderweib.de ingenieur.de proplanta.de",
     "Jana Muster kommentierte den Beitrag knapp.", ["Jana Muster"]),
    ("de", "heißt es aus / in der Mitteilung", "derstandard.at nnz-online.de spox.com",
     'Die Anlage sei ein "Sprung", hieß es aus dem Rathaus Acmestadt.',
     ["dem Rathaus Acmestadt"]),
    ("de", "Swiss spelling: ss for ß (hiess es aus, gemäss)", "srf.ch infosperber.ch anchor.ch",
     "Er sei getötet worden, hiess es aus libanesischen Sicherheitsquellen.",
     ["libanesischen Sicherheitsquellen"]),
    ("es", "añadir (añadió)", "eldiario.es soychile.cl cubadebate.cu",
     '"Seguimos", añadió la ministra Ana Pérez.', ["la ministra Ana Pérez"]),
    ("es", "agregar (agregó)", "elsoldemazatlan.com.mx cubadebate.cu elcaribe.com.do",
     "El alcalde Juan Ruiz agregó que el plan sigue.", ["El alcalde Juan Ruiz"]),
    ("es", "comentar (comentó)", "cubadebate.cu infobae.com ladiaria.com.uy",
     '"Es un avance", comentó Ana Pérez.', ["Ana Pérez"]),
    ("es", "manifestar (manifestó)", "ultimahora.es elpais.com.uy infobae.com",
     "Durante la audiencia, Luis Acme manifestó que no sabía.", ["Luis Acme"]),
    ("es", "detallar (detalló)", "diariolahuella.com laestrella.com.pa latercera.com",
     "Ana Pérez detalló que las obras terminan en mayo.", ["Ana Pérez"]),
    ("es", "puntualizar (puntualizó)", "elpais.com.uy laestrella.com.pa latercera.com",
     "Juan Ruiz puntualizó que no habrá cambios.", ["Juan Ruiz"]),
    ("es", "resaltar (resaltó)", "cubadebate.cu elnacional.com elnuevodia.com",
     "Acmeplast resaltó la importancia del acuerdo.", ["Acmeplast"]),
    ("es", "enfatizar (enfatizó)", "cubadebate.cu ladiaria.com.uy laestrella.com.pa",
     '"No cederemos", enfatizó Juan Ruiz.', ["Juan Ruiz"]),
    ("es", "mencionar (mencionó)", "elsoldesanjuandelrio.com.mx elpais.cr ladiaria.com.uy",
     "Ana Pérez mencionó que hay dos zonas.", ["Ana Pérez"]),
    ("es", "recordar (recordó)", "eldiario.es elsoldemazatlan.com.mx larazon.pe",
     "Ana Pérez recordó una anécdota.", ["Ana Pérez"]),
    ("es", "referir (refirió)", "elsoldesanjuandelrio.com.mx juventudrebelde.cu publimetro.cl",
     "Juan Ruiz refirió que el hospital está lleno.", ["Juan Ruiz"]),
    ("es", "contar (contó)", "clarin.com elcaribe.com.do hoy.com.do",
     '"Fue duro", contó Ana Pérez.', ["Ana Pérez"]),
    ("es", "precisar (precisó)", "bohemia.cu elsiglo.com.pa juventudrebelde.cu",
     "La Dirección de Tránsito precisó que son 17 casos.", ["La Dirección de Tránsito"]),
    ("fr", "rappeler (rappelle)", "ici.radio-canada.ca courrierinternational.com sciencesetavenir.fr",
     "Le risque est réel, rappelle Marie Dupont.", ["Marie Dupont"]),
    ("fr", "relever (relève)", "lexpress.fr laviedesidees.fr lopinion.fr",
     "Le rapport est flou, relève Jean Martin.", ["Jean Martin"]),
    ("fr", "ajouter (ajoute)", "blogs.mediapart.fr bondyblog.fr laviedesidees.fr",
     "Tout est prêt, ajoute Marie Dupont.", ["Marie Dupont"]),
    ("it", "commentare (commenta)", "corriere.it ilgiornale.it ilmattino.it",
     "È una svolta - commenta Mario Rossi.", ["Mario Rossi"]),
    ("pt", "reforçar (reforçou)", "uol.com.br correiobraziliense.com.br gazetadopovo.com.br",
     "João Silva reforçou que o Congresso pode votar.", ["João Silva"]),
    ("pt", "falar (fala, falou)", "otempo.com.br economia.ig.com.br uol.com.br",
     "João Silva fala sobre o retorno dos treinos", ["João Silva"]),
    ("de", "dokumentiert", "amnesty.de n-tv.de de.globalvoices.org",
     "Ein neuer Acme-Bericht dokumentiert zahlreiche Verstöße", ["Ein neuer Acme-Bericht"]),
    ("pl", "podkreśla", "wsieciprawdy.pl klubjagiellonski.pl dwutygodnik.com",
     "To ważne – podkreśla Jan Kowalski.", ["Jan Kowalski"]),
    ("pl", "dodaje", "wiadomosci.wp.pl portalspozywczy.pl publica.pl",
     "Obroty wzrosły – dodaje Anna Nowak.", ["Anna Nowak"]),
    ("pl", "przekonuje", "wiadomosci.wp.pl klubjagiellonski.pl dwutygodnik.com",
     "Posłanka Anna Nowak przekonuje, że to konieczne.", ["Posłanka Anna Nowak"]),
    ("pl", "pisze", "polityka.pl dwutygodnik.com wiadomosci.gazeta.pl",
     "Jan Kowalski pisze o geście solidarności.", ["Jan Kowalski"]),
    ("id", "kata / ujar / ungkap (after a quote)", "mediaindonesia.com money.kompas.com health.detik.com",
     '"Kami siap," ujar Budi Santoso saat acara.', ["Budi Santoso"]),
    ("id", "dikutip dari", "mediaindonesia.com money.kompas.com health.detik.com",
     '"Kami siap," kata Budi dikutip dari Acme TV, Kamis.', ["Budi", "Acme TV"]),
    ("zh", "X表示， / X指出， / X透露，", "politics.people.com.cn cna.com.tw china.chinadaily.com.cn",
     "东方航天联合创始人张三表示，火箭将发射。", ["东方航天联合创始人张三"]),
]


@pytest.mark.parametrize(("lang", "form", "sites", "text", "expected"), CUE_FORMS,
                         ids=[f"{row[0]}-{row[1]}" for row in CUE_FORMS])
def test_surveyed_cue_form(lang: str, form: str, sites: str, text: str,
                           expected: list[str]) -> None:
    assert len(set(sites.split())) >= 3, "a cue rests on three pool sites"
    assert names(text, lang) == expected
    assert names(text, None) == expected  # with every language's cues


@pytest.mark.parametrize(("text", "expected"), [
    # "for" of "calls for" is a connector: it does not end a name as a cue word would
    ('A spokesperson for Acme Police said: "We are ready."', ["A spokesperson for Acme Police"]),
    ("Acme Party for the People leader Jane Doe urged calm.",
     ["Acme Party for the People leader Jane Doe"]),
    # a German clause word or pronominal adverb opening the sentence is no part of the name
    ("Wie der Verband mitteilte, bleibt die Halle zu.", ["der Verband"]),
    ("Darauf verweist auch die Direktorin.", []),  # not "Darauf"
    # after an opening adverb the German verb comes second and its subject third
    # (proplanta.de, zugreiseblog.de, automobilwoche.de)
    ("Gleichzeitig bestätigte die Acme Bahn dem Blog, dass es neue Züge gibt.",
     ["die Acme Bahn"]),
    ("Außerdem betonte die Acme-Leiterin, dass es gut sei.", ["die Acme-Leiterin"]),
    # an article and a name's last word, later in the entry, refer back to it
    ("Jane Doe said the plan works. Later, Doe said it failed.", ["Jane Doe", "Doe"]),
    ("Israels Armee teilte mit, es sei ruhig. Später meldete die Armee, es gebe Angriffe.",
     ["Israels Armee"]),
    ("The Acme Ministry said 5 died. The ministry said more would follow.",
     ["The Acme Ministry"]),
])
def test_names_around_surveyed_cues(text: str, expected: list[str]) -> None:
    assert names(text, None) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Fossilien erzählen uns viel über das Leben.", "de"),  # no "-en" forms: a plural subject
    ("Beitrag kommentieren", "de"),  # an infinitive: a button
    ("Usted precisa una cuenta para comentar.", "es"),  # "precisa": "needs"
    ("他在记者会上表示，没有问题。", "zh"),  # a pronoun and a place: no name
    ("报道指出，公司已经申请。", "zh"),  # "the report pointed out": refers back
    ("Ada tiga kata baru dalam kamus ini.", "id"),  # "kata": a word
    ("Die Acme-Gruppe äusserte sich zunächst nicht.", "de"),  # declined to comment
    ("A fala do presidente foi longa.", "pt"),  # "fala": a speech, a noun after an article
    ("Die Zahlen werden rückwirkend dokumentiert.", "de"),  # a passive
    ("Die früheste dokumentierte Erwähnung.", "de"),  # an adjective
])
def test_surveyed_forms_where_they_attribute_nothing(text: str, lang: str) -> None:
    assert names(text, lang) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a German "-en" form ending a short line or menu item is a link's label, an infinitive
    # (kath.net, peta.de, lbv.de, taz.de, tagesanzeiger.ch, heise.de, srf.ch)
    ("Artikel drucken\nTippfehler melden", []),
    ("Druckansicht | Artikel versenden | Inhaltlichen Fehler melden", []),
    ("Vertrag mit Werbung kündigen", []),
    ("Acme-Experten warnen vor der Hitze", ["Acme-Experten"]),  # a verb with more after it
    ("Die Acme-Bauern klagen", ["Die Acme-Bauern"]),  # an article opens a plural subject
])
def test_german_infinitive_labels_are_no_cues(text: str, expected: list[str]) -> None:
    assert names(text, None) == expected



@pytest.mark.parametrize(("headline", "text", "lang", "expected"), [
    # A determiner spelt in capitals is an acronym: "UN" is the United Nations, not the
    # Romance article "un" (dailymaverick.co.za, kulu-media.com, gma.yahoo.com,
    # irishtimes.com in ../shared/pool)
    (None, "The UN said on Monday that the road was closed.", "en", ["The UN"]),
    (None, "According to the UN, the road was closed.", "en", ["the UN"]),
    ("UN Warns Flu Outbreak in Acmeland Is Spreading Fast", "", "en", ["UN"]),
    ("Acme Floods Close Roads in Betaland, UN Says", "", "en", ["UN"]),
    # in lowercase or capitalised it stays an article
    (None, "Un porte-parole a déclaré que la route était fermée.", "fr", []),
])
def test_capitalised_determiner_is_an_acronym(headline: str | None, text: str, lang: str,
                                              expected: list[str]) -> None:
    assert [s.name for s in find_sources(headline, text, lang)] == expected
