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
]


@pytest.mark.parametrize(("lang", "form", "sites", "headline", "text", "expected"), FORMS,
                         ids=[f"{row[0]}-{row[1]}" for row in FORMS])
def test_recall_form(lang: str, form: str, sites: str, headline: str | None, text: str,
                     expected: list[str]) -> None:
    assert len(set(sites.split())) >= 3, "a rule rests on three pool sites"
    assert names(text, None, headline) == expected
    assert names(text, lang, headline) == expected
