"""Sentence parts every article kind draws on: the event date as written, fields of cooperation,
figures, quotes and the clause grammar of article-specific details."""

from __future__ import annotations

import datetime as dt
import random

from tools.synth.article import Article, join_list
from tools.synth.countries import Country
from tools.synth.vocabulary import (
    ADJECTIVES,
    DETAIL_OBJECTS,
    DETAIL_OPENERS,
    DETAIL_PLACES,
    DETAIL_PURPOSES,
    DETAIL_SUBJECTS,
    DETAIL_VERBS,
    FIELDS,
    ISSUES,
    OBJECTS,
    TIMES_OF_DAY,
    VERBS_PROMOTE,
)

def event_date(rng: random.Random) -> dt.date:
    return dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))


def date_expression(rng: random.Random, article: Article, date: dt.date) -> str:
    separator = rng.choice(("-", "/"))
    day_month = f"{date.day}{separator}{date.month}"
    if rng.random() < 0.15:
        article.event_date_text = f"Ngày {day_month}"
    else:
        time_of_day = rng.choice(TIMES_OF_DAY)
        article.time_of_day = time_of_day
        article.event_date_text = time_of_day.capitalize() + rng.choice((" ", " ", " ngày ")) + day_month
    article.event_date = date.isoformat()
    return article.event_date_text


def fields(rng: random.Random, low: int = 2, high: int = 5) -> str:
    return join_list(rng.sample(FIELDS, rng.randint(low, high)))


def promote(rng: random.Random) -> str:
    return f"{rng.choice(VERBS_PROMOTE)} {rng.choice(OBJECTS)}"


def figures(rng: random.Random, country: Country) -> str:
    year = rng.randrange(2018, 2026)
    trade = f"{rng.randrange(1, 180)},{rng.randrange(10)}"
    growth = f"{rng.randrange(2, 40)},{rng.randrange(10)}"
    return rng.choice((
        f"kim ngạch thương mại song phương năm {year} đạt {trade} tỷ USD, tăng {growth}% so với năm trước",
        f"{country.name} hiện là nhà đầu tư lớn thứ {rng.randrange(2, 30)} tại Việt Nam với "
        f"{rng.randrange(40, 5000)} dự án, tổng vốn đăng ký hơn {rng.randrange(1, 80)} tỷ USD",
        f"trong {rng.randrange(5, 11)} tháng đầu năm {year}, thương mại hai chiều đạt {trade} tỷ USD",
        f"hiện có khoảng {rng.randrange(2, 400)}.000 người Việt Nam đang sinh sống, học tập và làm việc tại {country.name}",
        f"số lượt khách du lịch giữa hai nước năm {year} đạt hơn {rng.randrange(1, 50)}0.000 lượt",
    ))


def quote(rng: random.Random, article: Article, country: Country) -> str:
    text = rng.choice((
        f"{country.name} coi Việt Nam là đối tác quan trọng hàng đầu tại khu vực",
        f"Chúng tôi mong muốn cùng Việt Nam {promote(rng)} trong thời gian tới",
        f"Hai nước cần {promote(rng)}, vì lợi ích của nhân dân hai nước",
        "Quan hệ giữa hai nước chưa bao giờ tốt đẹp như hiện nay",
        f"Việt Nam luôn là người bạn tin cậy của {country.name}",
        f"Hợp tác trong lĩnh vực {rng.choice(FIELDS)} còn nhiều dư địa để phát triển",
        f"{rng.choice(ADJECTIVES).capitalize()}, chân thành và tin cậy",
    ))
    article.quotes.append(text)
    return text


def details(rng: random.Random, country: Country, count: int) -> str:
    """``count`` sentences from the clause grammar, specific to this article."""
    sentences = []
    for _ in range(count):
        year = rng.randrange(2018, 2026)
        slots = {"year": year, "year2": year + rng.randrange(2, 6), "month": rng.randrange(1, 13),
                 "c": country.name, "cap": country.capital, "n": rng.randrange(2, 500),
                 "f": rng.choice(FIELDS), "p": rng.choice(DETAIL_PLACES), "issue": rng.choice(ISSUES)}
        parts = [rng.choice(table).format(**slots) for table in
                 (DETAIL_OPENERS, DETAIL_SUBJECTS, DETAIL_VERBS, DETAIL_OBJECTS, DETAIL_PURPOSES)]
        sentences.append(f"{parts[0]}, {parts[1]} {parts[2]} {parts[3]}, {parts[4]}.")
    return " ".join(sentences)
