"""One writer per article kind (``ARTICLE_KINDS``), and ``write_article``, which draws the kind,
the country and the date, runs the kind's writer and dresses the result as a page."""

from __future__ import annotations

import datetime as dt
import random

from tools.synth.article import Article, join_list
from tools.synth.cast import foreign_official, vietnamese_official
from tools.synth.countries import COUNTRIES, Country
from tools.synth.furniture import decorate
from tools.synth.paragraphs import attendees, background, body, issues, proposals
from tools.synth.people import FOREIGN_ROLES, VN_ROLES
from tools.synth.phrases import date_expression, details, event_date, fields, figures, promote, quote
from tools.synth.vocabulary import DOC_REFS, FORUMS, HANOI_VENUES, OBJECTS

def lead(rng: random.Random, article: Article, date: dt.date, venue: str, action: str) -> str:
    when = date_expression(rng, article, date)
    article.location = venue
    return f"{when}, tại {venue}, {action}"


def reception(rng: random.Random, article: Article, country: Country, date: dt.date) -> None:
    host = vietnamese_official(rng, article)
    guest = foreign_official(rng, article, country, ambassador=rng.random() < 0.6)
    purpose = rng.choice(("đến chào xã giao", "đến chào từ biệt nhân dịp kết thúc nhiệm kỳ công tác",
                          "đang có chuyến thăm và làm việc tại Việt Nam", "đến trình bản sao Thư ủy nhiệm"))
    action = (f"{', '.join(host.titles)} {article.mention(host)} đã tiếp "
              f"{guest.titles[0]} {article.mention(guest)} {purpose}.")
    article.lines.append(lead(rng, article, date, rng.choice(HANOI_VENUES), action))
    article.title = f"{host.short_title} {host.name} tiếp {guest.titles[0]}"
    body(rng, article, host, guest, country, "buổi tiếp")


def talks(rng: random.Random, article: Article, country: Country, date: dt.date) -> None:
    host = vietnamese_official(rng, article, rng.choice(VN_ROLES[:8]))
    guest = foreign_official(rng, article, country)
    end = date + dt.timedelta(days=rng.randrange(1, 4))
    action = (f"ngay sau lễ đón chính thức, {', '.join(host.titles)} {article.mention(host)} đã hội đàm với "
              f"{guest.titles[0]} {article.mention(guest)} nhân dịp {guest.short_title} thăm chính thức "
              f"Việt Nam từ ngày {date.day}-{end.day}/{date.month}.")
    article.lines.append(lead(rng, article, date, rng.choice(HANOI_VENUES[:3]), action))
    article.title = rng.choice((f"Việt Nam – {country.name} tăng cường hợp tác {fields(rng, 1, 2)}",
                                f"{host.short_title} {host.name} hội đàm với {guest.titles[0]}"))
    body(rng, article, host, guest, country, "hội đàm")
    if rng.random() < 0.6:
        article.lines.append(f"Sau hội đàm, hai bên đã chứng kiến lễ ký kết {rng.randrange(2, 15)} văn kiện "
                             f"hợp tác trong các lĩnh vực {fields(rng)}.")


def phone(rng: random.Random, article: Article, country: Country, date: dt.date) -> None:
    host = vietnamese_official(rng, article, rng.choice(VN_ROLES[:8]))
    guest = foreign_official(rng, article, country)
    when = date_expression(rng, article, date)
    article.lines.append(f"{when}, {', '.join(host.titles)} {article.mention(host)} đã "
                         f"{rng.choice(('điện đàm', 'có cuộc điện đàm', 'hội đàm trực tuyến'))} với "
                         f"{guest.titles[0]} {article.mention(guest)}.")
    article.title = f"{host.short_title} {host.name} điện đàm với {guest.titles[0]}"
    body(rng, article, host, guest, country, "cuộc điện đàm")


def visit(rng: random.Random, article: Article, country: Country, date: dt.date) -> None:
    host = vietnamese_official(rng, article, rng.choice(VN_ROLES[:9]))
    guest = foreign_official(rng, article, country)
    when = date_expression(rng, article, date)
    article.location = f"thủ đô {country.capital}"
    article.lines.append(
        f"Trong khuôn khổ chuyến thăm chính thức {country.name}, {when.lower() if when[0] != 'N' else when} "
        f"(giờ địa phương), tại {article.location}, {', '.join(host.titles)} {article.mention(host)} "
        f"đã {rng.choice(('hội kiến', 'hội đàm với', 'gặp'))} {guest.titles[0]} {article.mention(guest)}.")
    article.title = f"{host.short_title} {host.name} thăm chính thức {country.name}"
    body(rng, article, host, guest, country, "cuộc gặp")


def delegation(rng: random.Random, article: Article, country: Country, date: dt.date) -> None:
    host = vietnamese_official(rng, article)
    guest = foreign_official(rng, article, country)
    action = (f"{', '.join(host.titles)} {article.mention(host)} đã tiếp Đoàn đại biểu {country.name} "
              f"do {guest.titles[0]} {article.mention(guest)} dẫn đầu đang thăm và làm việc tại Việt Nam.")
    article.lines.append(lead(rng, article, date, rng.choice(HANOI_VENUES), action))
    article.title = f"Tăng cường {rng.choice(OBJECTS)} Việt Nam – {country.name}"
    body(rng, article, host, guest, country, "buổi tiếp")


def working(rng: random.Random, article: Article, country: Country, date: dt.date) -> None:
    host = vietnamese_official(rng, article, rng.choice(VN_ROLES[2:4]))
    minister = vietnamese_official(rng, article, rng.choice(VN_ROLES[6:20]))
    organization = article.organizations[-1]
    action = (f"{', '.join(host.titles)} {article.mention(host)} đã có buổi làm việc với {organization} "
              f"về triển khai công tác đối ngoại năm {date.year}.")
    article.lines.append(lead(rng, article, date, rng.choice(HANOI_VENUES), action))
    article.title = f"{host.short_title} {host.name} làm việc với {organization}"
    article.lines.append(
        f"Báo cáo tại buổi làm việc, {', '.join(minister.titles)} {article.mention(minister)} cho biết "
        f"năm qua, {organization} đã {rng.choice(('chủ động', 'tích cực', 'kịp thời'))} tham mưu, triển khai "
        f"đồng bộ các nhiệm vụ, trong đó {figures(rng, country)}.")
    article.lines.append(proposals(rng, host))
    article.lines.append(
        f"{host.short_title} {host.name} yêu cầu {organization} {promote(rng)}, chú trọng {fields(rng, 2, 3)}; "
        f"bám sát {rng.choice(DOC_REFS)}, phát huy vai trò tiên phong của đối ngoại.")
    article.lines.insert(rng.randrange(2, len(article.lines) + 1), details(rng, country, rng.randint(2, 4)))
    if rng.random() < 0.5:
        article.lines.append(attendees(rng, article, "buổi làm việc"))
    if rng.random() < 0.5:
        article.lines.append(issues(rng))


def conference(rng: random.Random, article: Article, country: Country, date: dt.date) -> None:
    host = vietnamese_official(rng, article)
    guest = foreign_official(rng, article, country)
    theme = f"{fields(rng, 1, 1).capitalize()} – động lực {rng.choice(('tăng trưởng', 'hợp tác', 'phát triển bền vững'))}"
    article.quotes.append(theme)
    action = (f"{rng.choice(('Bộ Ngoại giao', 'Ủy ban Đối ngoại của Quốc hội', 'Liên hiệp các tổ chức hữu nghị Việt Nam'))} "
              f"phối hợp với Đại sứ quán {country.name} tổ chức {rng.choice(('Hội thảo', 'Diễn đàn', 'Hội nghị'))} "
              f"với chủ đề “{theme}”.")
    article.lines.append(lead(rng, article, date, rng.choice(HANOI_VENUES[4:]), action))
    article.title = f"{rng.choice(('Hội thảo', 'Diễn đàn'))} “{theme}”"
    article.lines.append(f"Phát biểu khai mạc, {', '.join(host.titles)} {article.mention(host)} nhấn mạnh "
                         f"{figures(rng, country)}; đề nghị các bên {promote(rng)}.")
    article.lines.append(f"{guest.titles[0]} {article.mention(guest)} {rng.choice(('cho rằng', 'nhận định', 'chia sẻ'))} "
                         f"“{quote(rng, article, country)}”.")
    article.lines.append(proposals(rng, guest))
    article.lines.append(details(rng, country, rng.randint(2, 4)))
    article.lines.append(f"Tại {rng.choice(('hội thảo', 'diễn đàn'))}, các đại biểu đã thảo luận về {fields(rng)}, "
                         f"đồng thời đề xuất nhiều giải pháp nhằm {promote(rng)}.")


def congratulation(rng: random.Random, article: Article, country: Country, date: dt.date) -> None:
    senders = [vietnamese_official(rng, article, role) for role in rng.sample(VN_ROLES[:6], rng.randint(1, 3))]
    receivers = [foreign_official(rng, article, country, role=role)
                 for role in rng.sample(FOREIGN_ROLES[:8], rng.randint(1, 2))]
    day, month, founded = country.national_day
    occasion = rng.random()
    if occasion < 0.4:
        date = dt.date(date.year, month, min(day, 28))
        reason = (f"Nhân dịp kỷ niệm {date.year - founded} năm Quốc khánh {country.name} "
                  f"({day}/{month}/{founded} – {day}/{month}/{date.year})")
        article.title = f"Điện mừng kỷ niệm {date.year - founded} năm Quốc khánh {country.name}"
    elif occasion < 0.7:
        reason = (f"Nhân dịp kỷ niệm {date.year - country.relation_year} năm thiết lập quan hệ ngoại giao "
                  f"Việt Nam – {country.name} ({date.day}/{date.month}/{country.relation_year} – "
                  f"{date.day}/{date.month}/{date.year})")
        article.title = f"Kỷ niệm {date.year - country.relation_year} năm quan hệ Việt Nam – {country.name}"
    else:
        elected = receivers[0]
        reason = (f"Nhân dịp {elected.name} {rng.choice(('được bầu làm', 'tái đắc cử', 'nhậm chức'))} "
                  f"{elected.titles[0]}")
        article.title = f"Điện mừng {elected.titles[0]} {elected.name}"
    article.event_date_text = f"{date.day}/{date.month}/{date.year}"
    article.event_date = date.isoformat()
    article.lines.append(
        f"{reason}, {join_list([f'{s.titles[-1]} {article.mention(s)}' for s in senders])} "
        f"đã {rng.choice(('gửi điện mừng', 'gửi thư chúc mừng', 'gửi điện chúc mừng'))} tới "
        f"{join_list([f'{r.titles[0]} {article.mention(r)}' for r in receivers])}.")
    wish = rng.choice(("hòa bình, ổn định và thịnh vượng", "phát triển nhanh và bền vững",
                       "đạt được nhiều thành tựu to lớn hơn nữa", "ngày càng phồn vinh"))
    article.lines.append(
        f"Trong {rng.choice(('điện mừng', 'thư chúc mừng', 'thông điệp'))}, {senders[0].titles[-1]} "
        f"{senders[0].name} {rng.choice(('bày tỏ vui mừng trước', 'đánh giá cao', 'chúc mừng'))} "
        f"những thành tựu mà nhân dân {country.name} đạt được trong {fields(rng, 2, 3)}; "
        f"chúc {country.name} {wish}; khẳng định Việt Nam {rng.choice(('luôn trân trọng', 'mong muốn cùng ' + country.name, 'sẵn sàng'))} "
        f"{promote(rng)}.")
    if rng.random() < 0.6:
        minister = vietnamese_official(rng, article, VN_ROLES[6])
        counterpart = foreign_official(rng, article, country, role=FOREIGN_ROLES[3])
        article.lines.append(f"Cùng ngày, {minister.titles[-1]} {article.mention(minister)} đã gửi điện mừng tới "
                             f"{counterpart.titles[0]} {article.mention(counterpart)}.")
    if rng.random() < 0.7:
        article.lines.append(background(rng, country))
    article.lines.append(details(rng, country, rng.randint(1, 3)))
    if rng.random() < 0.6:
        article.lines.append(f"Hai nước {rng.choice(('thường xuyên', 'tích cực', 'chặt chẽ'))} phối hợp, ủng hộ lẫn nhau tại "
                             f"{join_list(rng.sample(FORUMS, 2))}; {figures(rng, country)}.")


# The order is part of the corpus: ``write_article`` draws a kind from it.
KIND_WRITERS = {
    "reception": reception,
    "talks": talks,
    "phone": phone,
    "working": working,
    "conference": conference,
    "congratulation": congratulation,
    "visit": visit,
    "delegation": delegation,
}
ARTICLE_KINDS = tuple(KIND_WRITERS)


def write_article(rng: random.Random, headline_pool: list[str], kind: str | None = None) -> Article:
    """One article of ``kind`` (random if None), dressed as a page; its headline joins ``headline_pool``."""
    article = Article()
    kind = kind or rng.choice(ARTICLE_KINDS + ("reception",))  # courtesy calls are the commonest
    country = rng.choice(COUNTRIES)
    date = event_date(rng)
    article.add_country("Việt Nam")
    article.add_country(country.name)
    KIND_WRITERS[kind](rng, article, country, date)
    decorate(rng, headline_pool, article, dt.date.fromisoformat(article.event_date))
    return article
