"""Patterns more than one module reads Vietnamese news with, one copy each (issue 15).

Where two stages mean different things by one word (a "domain" is a whole outlet name for the
extractor, a name's ending for the cleaner), each meaning has its own name here: merging them
would change what the pipeline finds. Tests: tests/test_patterns.py.
"""

from __future__ import annotations

import re

# --- outlets and credits ------------------------------------------------------------------------

# A credit that is an outlet's domain, whole: "Baohatinh.vn", "VOV.VN", "vietnamplus.vn".
DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)$", re.IGNORECASE)
# A text that ends as a domain does ("Chinhphu.vn", "Báo Điện tử Dân trí - dantri.com.vn"):
# the cleaner's test for a site's own name, which also knows ".info".
DOMAIN_ENDING = re.compile(r"\.(?:vn|com|net|org|info)$", re.IGNORECASE)

# Between the parts of a credit the extractor splits: "Thống Nhất – TTXVN", "VGP/Nhật Bắc",
# "Quang Hòa và Thành Chung". A dash splits with or without spaces ("Mạnh Hùng–TTXVN"), a
# hyphen only between spaces ("VOV-Tây Bắc" is one outlet).
CREDIT_SEPARATORS = re.compile(r"\s*(?:/|–|—|\s-\s|,|;|\bvà\b)\s*")
# Between the parts of a photo credit the cleaner looks for outlets in: "&" splits too, a dash
# only between spaces, "và" never.
PHOTO_CREDIT_SEPARATORS = re.compile(r"\s*[/,;&]\s*|\s+[-–—]\s+")

# An outlet credit opening the lead, the outlet in group 1: "(Baohatinh.vn) - ", "TTO - ".
LEAD_CREDIT = re.compile(r"^\s*\(?([^()\n]{2,40}?)\)?\s*[-–.]\s")
# The same credit as the event reader skips it to find where the lead's own sentence starts:
# a parenthesised tag or one word of letters, dots and "+", then a dash or a period.
LEAD_CREDIT_TAG = re.compile(r"^\s*(?:\([^()]{2,40}\)|[\w.+]{2,20})\s*[-–.]\s+")

# The cleaner's outlet tag in front of the lead, which it moves to the source credits:
# "(Dân trí) - ", "TTO - ", "VOV.VN - ", "TGVN. " (group "paren" or "bare"); a bare tag starts
# with a capital and the lead must go on after it.
OUTLET_PREFIX = re.compile(
    r"^(?:\((?P<paren>[^()]{2,40})\)|(?P<bare>[A-ZĐ][\wĐđ.+&]{1,24}))\s*(?:[-–—]+|\.(?=\s))\s+(?=\S)"
)

# --- people -------------------------------------------------------------------------------------

# A person's name as the warehouse checks it: capitalized syllables (Vietnamese or foreign),
# optionally hyphenated, at most six: "Tô Lâm", "Jaishankar", "Cho Tae-yul".
PERSON_NAME = re.compile(r"^[A-ZĐ\u00C0-\u1EF9][^\s,;:()]*(?: [A-ZĐ\u00C0-\u1EF9][^\s,;:()]*){0,5}$")
# Title words that never belong in a name ("Bộ trưởng Bùi Thanh Sơn" read as one name).
TITLE_WORD = re.compile(
    r"(?i)\b(?:bộ trưởng|thủ tướng|chủ tịch|bí thư|ủy viên|uỷ viên|đại sứ|giám đốc|thứ trưởng|đại tướng)\b"
)

# --- dates --------------------------------------------------------------------------------------

# A day written in full: "15/12/2021", "2-9-1945", "30.4.1975" (day, month and year groups).
FULL_DATE = re.compile(
    r"(?<![\d/.-])(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>(?:19|20)\d{2})(?![\d/])"
)
# An event date as the extractor stores it: a day, a month-day without its year, or a month.
EVENT_DATE_VALUE = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|--\d{2}-\d{2}|\d{4}-\d{2})$")
