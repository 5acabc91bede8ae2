"""The body paragraphs of a meeting between a Vietnamese host and a foreign guest (welcome,
relations, background, economy, proposals, reply, issues, attendees, closing) and ``body``, which
picks and orders them."""

from __future__ import annotations

import random

from tools.synth.article import Article, Person, join_list
from tools.synth.cast import vietnamese_official
from tools.synth.countries import Country
from tools.synth.phrases import details, fields, figures, promote, quote
from tools.synth.vocabulary import ADJECTIVES, AGREEMENTS, DOC_REFS, FIELDS, FORUMS, ISSUES, VERBS_PROMOTE

def welcome(rng: random.Random, host: Person, guest: Person, country: Country, event_noun: str) -> str:
    return rng.choice((
        f"{host.short_title} {host.name} nhiệt liệt chào mừng {guest.short_title} {guest.name}; "
        f"đánh giá cao những đóng góp {rng.choice(ADJECTIVES)} của {guest.short_title} đối với "
        f"quan hệ Việt Nam – {country.name} thời gian qua.",
        f"Tại {event_noun}, {host.short_title} {host.name} khẳng định Việt Nam luôn coi trọng "
        f"{country.relation} với {country.name}, coi {country.name} là đối tác {rng.choice(('quan trọng', 'ưu tiên', 'hàng đầu'))} "
        f"trong chính sách đối ngoại của mình.",
        f"{host.short_title} {host.name} bày tỏ vui mừng được gặp {guest.short_title} {guest.name}, "
        f"nhấn mạnh quan hệ {country.relation} giữa hai nước đang phát triển {rng.choice(ADJECTIVES)}, "
        f"{rng.choice(ADJECTIVES)} trên nhiều lĩnh vực.",
        f"Mở đầu {event_noun}, {host.short_title} {host.name} chúc mừng {guest.short_title} {guest.name} "
        f"{rng.choice(('nhận nhiệm vụ mới', 'hoàn thành tốt nhiệm kỳ công tác', 'có chuyến thăm thành công'))}, "
        f"đánh giá cao vai trò của {guest.short_title} trong thúc đẩy hợp tác {fields(rng, 1, 2)}.",
    ))


def relations(rng: random.Random, host: Person, country: Country) -> str:
    opening = rng.choice((
        "Điểm lại những kết quả hợp tác thời gian qua,",
        "Đánh giá cao kết quả hợp tác giữa hai nước,",
        "Thông tin về tình hình hợp tác song phương,",
        "Chia sẻ về những thành tựu đạt được,",
    ))
    return (f"{opening} {host.short_title} {host.name} cho biết {figures(rng, country)}; "
            f"{rng.choice(('đồng thời', 'bên cạnh đó', 'ngoài ra'))}, {figures(rng, country)}.")


def background(rng: random.Random, country: Country) -> str:
    since = rng.randrange(country.relation_year + 10, 2025)
    return (f"Việt Nam và {country.name} thiết lập quan hệ ngoại giao năm {country.relation_year}"
            f"{rng.choice(('', f' và nâng cấp quan hệ năm {since}'))}. "
            f"{rng.choice(('Thời gian qua', 'Trong những năm gần đây', 'Sau hơn ' + str(2025 - country.relation_year) + ' năm'))}, "
            f"{country.relation} giữa hai nước {rng.choice(('không ngừng được củng cố', 'phát triển mạnh mẽ', 'ngày càng đi vào chiều sâu'))}; "
            f"hai bên duy trì {rng.randrange(3, 12)} cơ chế đối thoại, tham vấn, trong đó có "
            f"{rng.choice(('Đối thoại Chiến lược', 'Tham khảo chính trị cấp Thứ trưởng Ngoại giao', 'Ủy ban liên Chính phủ', 'Đối thoại Chính sách Quốc phòng'))}; "
            f"hợp tác trong các lĩnh vực {fields(rng, 2, 4)} đạt nhiều kết quả {rng.choice(ADJECTIVES)}.")


def economy(rng: random.Random, host: Person, country: Country) -> str:
    sectors = rng.sample(FIELDS, 3)
    return (f"Về hợp tác kinh tế, {host.short_title} {host.name} đề nghị {country.name} "
            f"{rng.choice(('tạo điều kiện thuận lợi', 'tiếp tục mở cửa thị trường', 'sớm hoàn tất thủ tục'))} "
            f"cho hàng hóa Việt Nam, nhất là các mặt hàng {rng.choice(('nông sản', 'thủy sản', 'dệt may', 'điện tử', 'trái cây'))}; "
            f"khuyến khích doanh nghiệp {country.name} đầu tư vào {sectors[0]}, {sectors[1]} và {sectors[2]}; "
            f"{rng.choice(VERBS_PROMOTE)} hợp tác {rng.choice(('tài chính', 'phát triển', 'kỹ thuật'))} thông qua "
            f"{rng.choice(('nguồn vốn ODA', 'các dự án hạ tầng quy mô lớn', 'các chương trình hỗ trợ kỹ thuật', 'các quỹ đầu tư'))}, "
            f"góp phần đưa quan hệ kinh tế tương xứng với {rng.choice(('tiềm năng', 'quan hệ chính trị tốt đẹp', 'khuôn khổ quan hệ'))} giữa hai nước.")


def proposals(rng: random.Random, speaker: Person) -> str:
    verb = rng.choice(("đề nghị", "đề xuất", "mong muốn", "nhất trí"))
    return (f"{speaker.short_title} {speaker.name} {verb} hai bên tiếp tục {promote(rng)}; "
            f"{rng.choice(VERBS_PROMOTE)} hợp tác trong các lĩnh vực {fields(rng)}; "
            f"{rng.choice(('phối hợp', 'tạo điều kiện', 'khuyến khích doanh nghiệp'))} "
            f"{rng.choice(('triển khai hiệu quả', 'sớm hoàn tất', 'tận dụng tốt'))} "
            f"{rng.choice(AGREEMENTS)}.")


def guest_reply(rng: random.Random, article: Article, guest: Person, host: Person, country: Country) -> str:
    reply = (f"Về phần mình, {guest.short_title} {guest.name} cảm ơn {host.short_title} {host.name} "
             f"đã dành thời gian tiếp, {rng.choice(('khẳng định', 'nhấn mạnh', 'cho biết'))} "
             f"{country.name} {rng.choice(('coi trọng', 'mong muốn tăng cường', 'đánh giá cao'))} "
             f"quan hệ với Việt Nam và sẽ {promote(rng)}.")
    if rng.random() < 0.6:
        reply += f" “{quote(rng, article, country)}”, {guest.short_title} {guest.name} nói."
    return reply


def issues(rng: random.Random) -> str:
    return (f"Hai bên cũng trao đổi về {rng.choice(ISSUES)}; nhất trí tiếp tục phối hợp chặt chẽ, "
            f"ủng hộ lẫn nhau tại {join_list(rng.sample(FORUMS, rng.randint(1, 3)))}"
            + rng.choice((
                "; khẳng định tầm quan trọng của việc giải quyết tranh chấp bằng biện pháp hòa bình, "
                "trên cơ sở luật pháp quốc tế, trong đó có Công ước Liên hợp quốc về Luật Biển năm 1982 (UNCLOS).",
                ".",
                " và các diễn đàn đa phương khác.",
            )))


def attendees(rng: random.Random, article: Article, event_noun: str) -> str:
    people = [vietnamese_official(rng, article) for _ in range(rng.randint(1, 3))]
    listed = [f"{', '.join(p.titles)} {article.mention(p)}" for p in people]
    return f"Tham dự {event_noun} có {'; '.join(listed)}."


def closing(rng: random.Random, host: Person, guest: Person, country: Country) -> str:
    return rng.choice((
        f"Nhân dịp này, {host.short_title} {host.name} gửi lời thăm hỏi trân trọng tới lãnh đạo "
        f"{country.name} và mời {rng.choice(('lãnh đạo', 'Thủ tướng', 'Tổng thống'))} {country.name} "
        f"sớm thăm Việt Nam; {guest.short_title} {guest.name} vui vẻ nhận lời chuyển lời mời.",
        f"{host.short_title} {host.name} tin tưởng rằng với {rng.choice(('tình cảm', 'tâm huyết', 'kinh nghiệm'))} "
        f"của mình, {guest.short_title} {guest.name} sẽ tiếp tục là cầu nối quan trọng, góp phần "
        f"{promote(rng)} giữa hai nước.",
        f"Năm {rng.randrange(2019, 2026)} đánh dấu {rng.randrange(30, 76)} năm thiết lập quan hệ ngoại giao "
        f"Việt Nam – {country.name} ({country.relation_year}), là dịp để hai bên nhìn lại chặng đường hợp tác "
        f"và {promote(rng)}.",
        f"Hai bên nhất trí giao các bộ, ngành liên quan sớm cụ thể hóa các thỏa thuận đạt được, "
        f"{rng.choice(('phấn đấu', 'hướng tới', 'nỗ lực'))} đưa kim ngạch thương mại song phương "
        f"lên {rng.randrange(5, 200)} tỷ USD trong thời gian tới.",
    ))


def body(rng: random.Random, article: Article, host: Person, guest: Person, country: Country,
         event_noun: str) -> None:
    middle = [welcome(rng, host, guest, country, event_noun), relations(rng, host, country),
              proposals(rng, host), guest_reply(rng, article, guest, host, country)]
    if rng.random() < 0.6:
        middle.insert(3, economy(rng, host, country))
    if rng.random() < 0.6:
        middle.insert(1, background(rng, country))
    if rng.random() < 0.5:
        middle.append(proposals(rng, guest))
    if rng.random() < 0.6:
        middle.append(issues(rng))
    if rng.random() < 0.5:
        middle.insert(rng.randrange(len(middle) + 1), attendees(rng, article, event_noun))
    if rng.random() < 0.3:
        middle.insert(2, f"{host.short_title} {host.name} nhấn mạnh, thực hiện {rng.choice(DOC_REFS)}, "
                         f"Việt Nam kiên định đường lối đối ngoại độc lập, tự chủ, hòa bình, hợp tác và phát triển, "
                         f"đa phương hóa, đa dạng hóa quan hệ.")
    keep = rng.randint(max(3, len(middle) - 1), len(middle))
    middle = middle[:keep]
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(1, len(middle) + 1)
        middle.insert(position, details(rng, country, rng.randint(1, 3)))
    article.lines.extend(middle)
    article.lines.append(closing(rng, host, guest, country))
