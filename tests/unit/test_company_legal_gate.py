"""_company reads the legal-form patterns only for a surface ending in 公司: none of them matches
any other surface."""

from __future__ import annotations

import pytest

from loaders.extract.entities.companies import _GROUP_REGISTERED, _LEGAL_SUFFIX, _ORG_TAIL

SURFACES = [
    "甲乙科技股份有限公司",
    "星河市甲乙集团有限公司",
    "甲乙集团股份有限公司",
    "甲乙有限责任公司",
    "甲乙（集团）",
    "甲乙集团",
    "甲乙股份",
    "甲乙有限公司分部",
    "甲乙公司",
    "",
]


@pytest.mark.parametrize("surface", SURFACES)
def test_legal_patterns_need_the_firm_word_at_the_end(surface: str) -> None:
    legal = surface.endswith("公司")
    assert legal or not _ORG_TAIL.search(surface)
    assert legal or not _GROUP_REGISTERED.search(surface)
    assert _ORG_TAIL.sub("", surface) == surface or legal


def test_every_legal_form_ends_with_the_firm_word() -> None:
    assert all(form.endswith("公司") for form in _LEGAL_SUFFIX.split("|"))
