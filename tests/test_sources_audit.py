"""Forms found by the hand-labelled audit of pool entries (benchmarks/audit_sources.py,
issue 8): each row names its language, the form, and three or more pool sites
(../shared/pool) where it is printed; every example is invented. Rows that expect no source
guard the precision side: a name the README's rules would not list."""
from __future__ import annotations

import pytest

from feedline.sources import find_sources


def names(text: str, headline: str | None = None, lang: str | None = None) -> list[str]:
    return [s.name for s in find_sources(headline, text, lang)]


# (language, form, pool sites, headline, text, expected sources)
FORMS = [
    ("de", "comment signature, last line", "modepilot.de zugreiseblog.de papaganda.org",
     None, "Das freut mich sehr, danke!\nJana Muster sagt:", []),
    ("de", "comment signature as the headline", "frolleinherr.com modepilot.de zugreiseblog.de",
     "Jana Muster sagt:", "Wunderbar geschrieben.", []),
    ("en", "comment signature, user name", "tomshardware.com blogs.wsj.com blog.givewell.org",
     "janedoe42 said:", "I tried it and it works.", []),
    ("en", "comment signature with 'on' (a theme's empty date)", "blog.givewell.org",
     "Jane Doe (Acme) on   said", "Thanks for the question.", []),
    ("en", "comment signature, 'wrote:'", "blogs.wsj.com tomshardware.com blog.givewell.org",
     "John Roe Jr. wrote:", "I disagree with the premise.", []),
    ("es", "comment signature, 'dijo:'", "cubadebate.cu",
     "Juan Pérez dijo:", "De acuerdo con usted.", []),
    ("en", "a headline 'X says' with no colon is no signature", "(any)",
     "Acme Council says", "The war goes on, Acme Police said.", ["Acme Council", "Acme Police"]),
    ("en", "inside an entry, 'X said:' opens a quotation", "(dev corpus: guardian-1)",
     None, "Jane Doe visited the front.\nJane Doe said:\n\"We will hold.\"", ["Jane Doe"]),
    ("en", "'last week', 'last year' between subject and verb",
     "taipeitimes.com miamitodaynews.com philstar.com",
     None, "Acme Director Jane Doe last year said the plan failed.", ["Acme Director Jane Doe"]),
    ("en", "'this week' between subject and verb", "taipeitimes.com miamitodaynews.com philstar.com",
     None, "The results came out as Acme Corp this week said its drug works.", ["Acme Corp"]),
    ("en", "Title Case headline: the object after a second verb is no source",
     "thefederalistpapers.org breitbart.com deadline.com",
     "Jane Doe Makes Bold Claim, Accuses Acme and Bolt of Using Funds as Weapon", "x", []),
    ("en", "Title Case headline: an object followed by another clause",
     "thefederalistpapers.org breitbart.com deadline.com",
     "John Roe Kills Tax, Announces Federal Hiring Freeze, Restores Old Policy", "x", []),
    ("en", "Title Case headline: the inverted subject ends the headline", "time.com ndtv.com",
     "We Need More Dams to Stop Floods, Warns Climate Scientist Jane Doe", "x",
     ["Climate Scientist Jane Doe"]),
    ("en", "Title Case headline: 'Says X' at its end", "ndtv.com time.com",
     "Ease Lockdown, States Will Bring People Back, Says John Roe", "x", ["John Roe"]),
    ("pt", "inverted subject: a bare noun, 'do' and a name",
     "uol.com.br feedproxy.google.com correio24horas.com.br g1.globo.com",
     None, "'É horroroso o que o Acme está fazendo', diz comentarista da Acme TV",
     ["comentarista da Acme TV"]),
    ("pt", "inverted subject: a bare noun, 'da' and a name of two words",
     "uol.com.br feedproxy.google.com correio24horas.com.br g1.globo.com",
     None, "Acme já não corre risco de infectar terceiros, diz médico da Casa Branca", ["médico da Casa Branca"]),
    ("pt", "a bare noun alone after an inverted verb stays anonymous",
     "uol.com.br correio24horas.com.br g1.globo.com",
     None, "Goleiro deseja deixar o clube, diz jornal", []),
    ("es", "a subject before the verb keeps its object out",
     "hoy.com.do", None, "Acme asegura publicidad del Gobierno es una copia", ["Acme"]),
    ("en", "role noun 'doctor' qualified by a name", "whnt.com msn.com zimeye.net namibian.com.na rt.com",
     None, "Case rates keep rising, Acme doctor urges families to stay home", ["Acme doctor"]),
    ("en", "role noun 'doctors' with 'the' refers back", "msn.com zimeye.net",
     None, "The doctors warned that the ward is full.", []),
    ("it", "'via' after a lowercase word is a street", "ansa.it",
     None, "L'incidente è avvenuto in via Roma, vicino alla stazione.", []),
    ("it", "'al via' (starts) before a name", "ansa.it",
     None, "Spettacoli al via Acme Antica Festival", []),
    ("en", "'via' after a lowercase word is a channel",
     "threatpost.com brigitte.de littlethings.com forward.com theoriginalcopy.de correctiv.org",
     None, "It spreads further via SMS with links, and is sold via Acme.", []),
    ("en", "'via' after a report verb is an attribution", "(dev corpus forms)",
     None, "The story was first reported via Reuters.", ["Reuters"]),
    ("en", "'(via X)' is an attribution", "(dev corpus forms)",
     None, "The photo went viral (via Acme News).", ["Acme News"]),
    ("en", "section label 'Transcript:' is no speaker", "cbsnews.com",
     "Transcript: Acme expert Jane Doe on the talks", "x", []),
    ("en", "section label 'Article:' is no speaker", "news.yahoo.com",
     None, "Article: Jane Doe's letter to Acme", []),
    ("de", "section labels 'Fun Fact:', 'Rückfrage:' are no speakers", "modepilot.de golfpost.de",
     None, "Fun Fact: Vanille ist teuer.\nRückfrage: Sicher?", []),
    ("cs", "section label 'Komentář:' is no speaker", "seznamzpravy.cz",
     None, "Komentář: Acme si koupil klid", []),
    ("en", "two lowercase modifiers between a name and a role noun",
     "irishtimes.com californiaglobe.com financialpost.com",
     None, '"We work," US national security spokesperson John Doe told reporters.',
     ["US national security spokesperson John Doe"]),
    ("en", "a hyphenated place adjective and two modifiers before a role",
     "californiaglobe.com irishtimes.com financialpost.com",
     None, '"It is new," noted Acme-based product liability lawyer Jim Doe in an interview.',
     ["Acme-based product liability lawyer Jim Doe"]),
    ("en", "role noun 'analyst' after a modifier", "financialpost.com irishtimes.com californiaglobe.com",
     None, "Acme Bank senior analyst Jane Doe said rates will rise.", ["Acme Bank senior analyst Jane Doe"]),
    ("it", "a pandemic kicker is no speaker", "ansa.it uol.com.br g1.globo.com unn.com.ua",
     None, "Coronavirus: Acmeland, zero morti e 34 casi", []),
    ("fr", "'Urgent:' is a breaking-news label", "lapresse.tn (the class of the breaking-news labels)",
     None, "Urgent: Les fusils saisis à Acmeville", []),
    ("en", "a span word without 'last'/'this' is no day phrase", "(any)",
     None, "Every week said the same thing.", []),
    ("en", "a sentence ending in 'said:' is no signature", "(any)",
     None, "Acme police said: the road is closed.", ["Acme police"]),
]


@pytest.mark.parametrize("lang,form,sites,headline,text,expected", FORMS,
                         ids=[f"{r[0]}-{r[1]}" for r in FORMS])
def test_audit_forms(lang: str, form: str, sites: str, headline: str | None, text: str,
                     expected: list[str]) -> None:
    assert names(text, headline) == expected
