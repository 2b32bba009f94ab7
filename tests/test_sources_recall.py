"""Name boundaries and cue forms added for recall on pages no rule was written for (issue 8).

Each row names its language, the form, and three pool sites (../shared/pool) where the form
is printed in an attribution; the examples are invented. The entry's language is not given
(as `feedline extract` calls the pass) unless the row says so, so that the language guess
from the entry's own function words is part of what is tested.
"""
from __future__ import annotations

import pytest

from feedline.sources import find_sources


def names(text: str, lang: str | None = None, headline: str | None = None) -> list[str]:
    return [s.name for s in find_sources(headline, text, lang)]


# (language, form, pool sites, headline, text, expected sources)
FORMS = [
    ("es", "plural adjective after the noun", "elespectador.com elpais.com elsiglo.com.pa",
     "Docentes venezolanos exigen mejores salarios",
     "Los docentes son tendencia en las redes sociales por sus reclamos.",
     ["Docentes venezolanos"]),
    ("es", "plural adjective after 'según'", "elespectador.com elpais.com elsiglo.com.pa",
     None, "No se han mostrado reacios, según fuentes diplomáticas.",
     ["fuentes diplomáticas"]),
    ("en", "head 'in' place, before the verb", "npr.org eastbaytimes.com monroenews.com",
     None, "The Health Ministry in Acmeland said 12 people were hurt.",
     ["The Health Ministry in Acmeland"]),
    ("en", "role noun 'in' place, before the verb", "technologyreview.com monroenews.com npr.org",
     None, "The lamps last a year, researchers in Acmeland say.", ["researchers in Acmeland"]),
    ("en", "name 'from' body, before or after the verb", "realestate.com.au mirror.co.uk globalnews.ca",
     None, "Agent Jane Doe from Acme Property said there was no problem.",
     ["Agent Jane Doe from Acme Property"]),
    ("en", "name 'from' body, after the verb", "mirror.co.uk realestate.com.au globalnews.ca",
     None, '"It helps," explains John Roe from Acme Gardeners.', ["John Roe from Acme Gardeners"]),
]


@pytest.mark.parametrize(("lang", "form", "sites", "headline", "text", "expected"), FORMS,
                         ids=[f"{row[0]}-{row[1]}" for row in FORMS])
def test_recall_form(lang: str, form: str, sites: str, headline: str | None, text: str,
                     expected: list[str]) -> None:
    assert len(set(sites.split())) >= 3, "a rule rests on three pool sites"
    assert names(text, None, headline) == expected
    assert names(text, lang, headline) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('"We are ready," said Jane Doe in Acmeville.', ["Jane Doe"]),  # where she spoke
    ("Two people died in Acmeville, officials said.", []),  # a comma: no subject
    ("Jane Doe from Acme said in Acmeville that the plan works.", ["Jane Doe from Acme"]),
])
def test_place_links_stay_in_their_subject(text: str, expected: list[str]) -> None:
    assert names(text) == expected
