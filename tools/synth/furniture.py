"""What a page carries around the body: headline, date stamp, outlet tag, photo captions with
credits, byline and site chrome. ``headline_pool`` holds earlier headlines, for the chrome's
related-article links."""

from __future__ import annotations

import datetime as dt
import random

from tools.synth.article import Article
from tools.synth.people import GIVEN_NAMES, MIDDLE_NAMES, PHOTOGRAPHER_NAMES, SURNAMES
from tools.synth.vocabulary import CHROME_LINES, OUTLET_TAGS, WEEKDAYS

def header(rng: random.Random, article: Article, date: dt.date) -> None:
    published = date + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
    style = rng.random()
    if style < 0.25:
        # glued to the first line, as the crawler that adds it writes it
        article.published_date = published.isoformat()
        article.lines[0] = f" date {published.isoformat()} {article.lines[0]}"
    elif style < 0.5:
        article.published_date = published.isoformat()
        hour, minute = rng.randrange(6, 23), rng.randrange(60)
        stamp = rng.choice((
            f"{WEEKDAYS[published.weekday()]}, {published:%d/%m/%Y} - {hour:02d}:{minute:02d}",
            f"{published:%d/%m/%Y} {hour:02d}:{minute:02d} GMT+7",
            f"Cập nhật: {hour:02d}:{minute:02d} ngày {published:%d/%m/%Y}",
        ))
        article.lines.insert(0, stamp)


def caption(rng: random.Random, article: Article, description: str) -> str:
    photographer = rng.choice(PHOTOGRAPHER_NAMES)
    credit = rng.choice(("TTXVN", f"{photographer} – TTXVN", f"{photographer}/TTXVN",
                         f"VGP/{photographer}", "BNG", photographer))
    article.captions.append(description)
    article.photo_credits.append(credit)
    if "TTXVN" in credit:
        article.sources.append("TTXVN")
    elif credit.startswith("VGP"):
        article.sources.append("VGP")
    return rng.choice((f"{description} Ảnh: {credit}", f"{description} (Ảnh: {credit})"))


def byline(rng: random.Random, article: Article) -> str | None:
    style = rng.random()
    if style < 0.3:
        name = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN_NAMES)}"
        article.author = name.upper()
        return article.author
    if style < 0.5:
        article.author = f"{rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"
        article.sources.append("TTXVN")
        return f"{article.author}/TTXVN"
    if style < 0.65:
        article.sources.extend(["TTXVN", "Vietnam+"])
        return "(TTXVN/Vietnam+)"
    if style < 0.75:
        article.author = rng.choice(("B.T.V", "P.V", "H.A", "N.H", "T.L"))
        article.sources.append("VGP")
        return f"{article.author} (Theo VGP)"
    return None


def related_headline(rng: random.Random, headline_pool: list[str]) -> str:
    return rng.choice(headline_pool) if headline_pool else "Tăng cường hợp tác song phương"


def chrome(rng: random.Random, headline_pool: list[str], count: int) -> list[str]:
    lines = rng.sample(CHROME_LINES, count)
    if rng.random() < 0.5:
        lines.insert(rng.randrange(len(lines) + 1), f"[{related_headline(rng, headline_pool)}]")
    return lines


def decorate(rng: random.Random, headline_pool: list[str], article: Article, date: dt.date) -> None:
    """Headline, header, sapo, captions, byline and chrome around the body paragraphs."""
    if article.title and rng.random() < 0.35:
        article.title = None
    if article.title:
        headline_pool.append(article.title)
    if rng.random() < 0.25:
        tag = rng.choice(OUTLET_TAGS)
        article.lines.insert(0, f"{tag} - {article.lines[0]}")
        del article.lines[1]
    for _ in range(rng.choice((0, 1, 1, 2))):
        position = rng.randrange(1, len(article.lines) + 1)
        people = list(article.people)
        subject = rng.choice(people) if people else "Đại biểu"
        description = rng.choice((
            f"{subject} phát biểu.", "Quang cảnh buổi làm việc.", "Toàn cảnh hội nghị.",
            f"{subject} và các đại biểu chụp ảnh chung.", f"Quang cảnh buổi {rng.choice(('tiếp', 'hội đàm', 'hội kiến'))}.",
            f"{subject} tại buổi {rng.choice(('tiếp', 'làm việc', 'hội đàm'))}.",
        ))
        article.lines.insert(position, caption(rng, article, description))
    signature = byline(rng, article)
    if signature:
        article.lines.append(signature)
    if rng.random() < 0.3:
        article.lines.extend(chrome(rng, headline_pool, rng.randint(1, 3)))
    header(rng, article, date)
    if article.title:
        article.lines.insert(0, article.title)
    article.sources = list(dict.fromkeys(article.sources))
