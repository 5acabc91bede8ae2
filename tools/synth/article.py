"""An article being written: its lines and the entities its text contains (the ground truth)."""

from __future__ import annotations

from dataclasses import dataclass, field

@dataclass


class Person:
    name: str
    titles: list[str]  # every title the article attaches, as written
    short_title: str  # how later sentences refer to the person


@dataclass


class Article:
    """One generated article and the entities its text contains."""

    lines: list[str] = field(default_factory=list)
    title: str | None = None
    published_date: str | None = None
    event_date_text: str | None = None
    event_date: str | None = None
    time_of_day: str | None = None
    location: str | None = None
    people: dict[str, list[str]] = field(default_factory=dict)
    organizations: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    author: str | None = None
    photo_credits: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)

    def mention(self, person: Person) -> str:
        self.people.setdefault(person.name, [])
        for title in person.titles:
            if title not in self.people[person.name]:
                self.people[person.name].append(title)
        return person.name

    def add_organization(self, name: str | None) -> None:
        if name and name not in self.organizations:
            self.organizations.append(name)

    def add_country(self, name: str) -> None:
        if name not in self.countries:
            self.countries.append(name)

    @property
    def text(self) -> str:
        return "\n\n".join(self.lines)


def join_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]
