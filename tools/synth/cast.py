"""The people of an article: generated names with the titles the article attaches to them."""

from __future__ import annotations

import random

from tools.synth.article import Article, Person
from tools.synth.countries import Country
from tools.synth.people import (
    FOREIGN_NAMES,
    FOREIGN_ROLES,
    GIVEN_NAMES,
    MIDDLE_NAMES,
    MILITARY_RANKS,
    PARTY_RANKS,
    SURNAMES,
    VN_ROLES,
)

def vietnamese_name(rng: random.Random) -> str:
    middle = rng.sample(MIDDLE_NAMES, rng.choice((1, 1, 1, 2)))
    return " ".join([rng.choice(SURNAMES), *middle, rng.choice(GIVEN_NAMES)])


def foreign_name(rng: random.Random, country: Country) -> str:
    given, family = FOREIGN_NAMES[country.names]
    if country.names == "sinitic":
        return rng.choice(family) + " " + " ".join(rng.sample(given, rng.choice((1, 2))))
    return f"{rng.choice(given)} {rng.choice(family)}"


def vietnamese_official(rng: random.Random, article: Article, role: tuple | None = None) -> Person:
    title, organization, military = role or rng.choice(VN_ROLES)
    titles = []
    if military and rng.random() < 0.7:
        titles.append(rng.choice(MILITARY_RANKS))
    if rng.random() < 0.45:
        rank, rank_org = rng.choice(PARTY_RANKS)
        titles.append(rank)
        article.add_organization(rank_org)
    titles.append(title)
    article.add_organization(organization)
    return Person(vietnamese_name(rng), titles, title.split(" Bộ ")[0].split(" Ban ")[0])


def foreign_official(rng: random.Random, article: Article, country: Country, ambassador: bool = False,
                    role: tuple | None = None) -> Person:
    roles = [role for role in FOREIGN_ROLES if (role[2] == "Đại sứ") == ambassador]
    title, organization, short_title = role or rng.choice(roles)
    article.add_organization(organization.format(c=country.name) if organization else None)
    article.add_country(country.name)
    return Person(foreign_name(rng, country), [title.format(c=country.name)], short_title)
