"""Entity mentions in one article: gazetteer matches plus patterns over characters and tokens.

A `Mention` is a span of the normalized text with a label and a canonical name. The gazetteer
(through the pipeline's entity ruler) finds known places, platforms, companies and agencies;
patterns find what no list can hold: registered company names, local agencies with their city
prefix, policy titles, named projects, parks, factories, centres and platforms, and people next
to a title. One module per kind of entity; `merge` combines them.

Names are resolved as they are found: quotes and 《》 dropped, a bare 市/省 prefix replaced by the
article's own city or province, abbreviations expanded, short city names given their suffix.

    from loaders.extract.entities import find_mentions
    found = find_mentions(doc, title)          # doc from loaders.extract.nlp.get_nlp()
    found.mentions, found.home_city, found.home_province
"""

from loaders.extract.entities.base import (
    Context,
    Mention,
    TokenIndex,
    fold,
    strip_quotes,
)
from loaders.extract.entities.home import home_place
from loaders.extract.entities.lexicon import (
    COMPOUND_SURNAMES,
    STOP_TOKENS,
    SURNAMES,
    TITLE_ALT,
    TITLES,
)
from loaders.extract.entities.merge import Found, find_mentions

__all__ = [
    "COMPOUND_SURNAMES",
    "STOP_TOKENS",
    "SURNAMES",
    "TITLES",
    "TITLE_ALT",
    "Context",
    "Found",
    "Mention",
    "TokenIndex",
    "find_mentions",
    "fold",
    "home_place",
    "strip_quotes",
]
