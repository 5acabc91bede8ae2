"""Word lists of the independent corpus (tools/independent_corpus.py).

Written for this generator alone: general domestic news (provinces, infrastructure, health,
farming, weather), not the foreign-affairs register of ``tools.synth``. Open oa/oe/uy rhymes
are written with the new tone placement (hòa, thủy, khỏe); ``OLD_TONE_STYLE`` gives their old
spelling, which a copy may switch to.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    """Entries separated by commas (an entry may be several syllables)."""
    return tuple(entry.strip() for entry in text.split(",") if entry.strip())


NOUNS = _words("""
chính quyền, thành phố, người dân, doanh nghiệp, kinh tế, xã hội, giáo dục, y tế, nông nghiệp,
công nghiệp, du lịch, giao thông, môi trường, thị trường, ngân hàng, bệnh viện, trường học,
học sinh, sinh viên, giáo viên, bác sĩ, công nhân, nông dân, cán bộ, địa phương, dự án,
công trình, cây cầu, bến cảng, sân bay, nhà máy, khu công nghiệp, hợp tác xã, chương trình,
kế hoạch, chính sách, nghị quyết, quy định, hội nghị, cuộc họp, báo cáo, số liệu, kết quả,
mục tiêu, nhiệm vụ, giải pháp, vấn đề, thách thức, cơ hội, tiềm năng, nguồn vốn, ngân sách,
sản xuất, xuất khẩu, hàng hóa, sản phẩm, dịch vụ, lao động, việc làm, thu nhập, đời sống,
văn hóa, thể thao, khoa học, công nghệ, nước sạch, lúa gạo, cà phê, hạt điều, thủy sản, rừng,
vùng biển, dòng sông, mùa mưa, mùa khô, thời tiết, cơn bão, lũ lụt, hạn hán, dịch bệnh,
an ninh, trật tự, hòa giải, quan hệ, đối tác, khách hàng, du khách, lễ hội, di tích, bảo tàng,
thư viện, gia đình, trẻ em, người cao tuổi, phụ nữ, thanh niên, cộng đồng, tòa nhà,
khu dân cư, phiên chợ, siêu thị, giá cả, lãi suất, tín dụng, thuế, hồ sơ, thủ tục, hành chính,
chuyển đổi số, hạ tầng, quy hoạch, đất đai, nhà ở, tai nạn, phương tiện, xe buýt, tàu hỏa,
đường sắt, cao tốc, khí hậu, năng lượng, điện mặt trời, điện gió, thủy lợi, đê điều, sức khỏe,
hội thảo, cuộc thi, giải thưởng, nghệ nhân, làng nghề, trang trại, vườn cây, ao cá, cánh đồng,
kênh mương, trạm bơm, ống nước, lưới điện, mạng lưới, thiết bị, máy móc, phần mềm, dữ liệu,
hệ thống, trung tâm, ủy ban, sở ngành, phòng ban, đoàn kiểm tra, tổ công tác, lực lượng,
đơn vị, bộ phận, chuyên gia, nhà đầu tư, người lao động, bệnh nhân, học viên, hộ nghèo,
khu tái định cư, mặt bằng, tuyến đường, nút giao, vỉa hè, công viên, bãi biển, hồ chứa,
giống lúa, vụ mùa, phân bón, thức ăn chăn nuôi, đàn gia súc, trái cây, rau màu, kho lạnh
""")

VERBS = _words("""
tổ chức, triển khai, thực hiện, đẩy mạnh, nâng cao, tăng cường, hỗ trợ, phát triển, xây dựng,
kiểm tra, giám sát, đánh giá, đề xuất, yêu cầu, chỉ đạo, phối hợp, khắc phục, giải quyết,
cải thiện, mở rộng, thu hút, tiếp nhận, cung cấp, bảo đảm, bảo vệ, khởi công, hoàn thành,
ghi nhận, tiếp thu, điều chỉnh, bổ sung, rà soát, xử lý, ngăn chặn, phòng chống, ứng phó,
di dời, sơ tán, cứu trợ, đào tạo, tuyển dụng, giảm, tăng, đạt, vượt, chiếm, góp phần,
thúc đẩy, hướng dẫn, tuyên truyền, vận động, khuyến khích, lựa chọn, quyết định, phê duyệt,
ban hành, áp dụng, sửa chữa, nạo vét, gia cố, lắp đặt, vận hành, bàn giao, tiếp cận,
chăm sóc, thu hoạch, tiêu thụ, quảng bá, kết nối, đồng hành, chia sẻ, lắng nghe, tháo gỡ,
hoàn thiện, duy trì, khôi phục, sắp xếp, tinh gọn, số hóa, hòa mạng, khỏe lại, thống kê
""")

ADJECTIVES = _words("""
mới, lớn, nhỏ, quan trọng, cần thiết, hiệu quả, bền vững, nhanh chóng, kịp thời, đồng bộ,
toàn diện, cụ thể, rõ ràng, tích cực, chủ động, nghiêm túc, an toàn, thuận lợi, khó khăn,
đáng kể, mạnh mẽ, ổn định, cao, thấp, đầy đủ, chặt chẽ, sâu rộng, thiết thực, hài hòa,
minh bạch, công khai, lâu dài, trước mắt, cấp bách, phù hợp, xanh, sạch, hiện đại, truyền thống
""")

CONNECTORS = _words("""
Ngoài ra, Bên cạnh đó, Đồng thời, Trong khi đó, Tuy nhiên, Vì vậy, Theo đó, Cũng theo ông,
Trước đó, Sau đó, Hiện nay, Thời gian tới, Trong năm nay, Cùng ngày, Theo kế hoạch, Nhờ vậy
""")

PREPOSITIONS = _words("tại, ở, trên địa bàn, cho, cùng với, bên cạnh, thuộc, gần")
AUXILIARIES = _words("đã, đang, sẽ, tiếp tục, cần, phải, chưa, vẫn, đều, cũng")
QUANTIFIERS = _words("các, những, nhiều, một số, hàng trăm, toàn bộ, mỗi")
LINKS = _words("của, và, cùng, với, cho, về")

PLACES = _words("""
Hà Nội, Hải Phòng, Đà Nẵng, Cần Thơ, Huế, Nghệ An, Thanh Hóa, Quảng Ninh, Lào Cai, Điện Biên,
Sơn La, Hà Giang, Cao Bằng, Lạng Sơn, Thái Nguyên, Bắc Ninh, Nam Định, Ninh Bình, Hà Tĩnh,
Quảng Bình, Quảng Trị, Quảng Nam, Quảng Ngãi, Bình Định, Phú Yên, Khánh Hòa, Gia Lai,
Kon Tum, Lâm Đồng, Bình Dương, Đồng Nai, Long An, Tiền Giang, Bến Tre, Vĩnh Long, An Giang,
Kiên Giang, Cà Mau, Sóc Trăng, Bạc Liêu, Tây Ninh, Phú Thọ, Yên Bái, Tuyên Quang, Hòa Bình
""")
SURNAMES = _words("Nguyễn, Trần, Lê, Phạm, Hoàng, Phan, Vũ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý, Đinh, Trịnh, Mai, Tạ")
MIDDLE_NAMES = _words("Văn, Thị, Minh, Thanh, Quốc, Đức, Hữu, Hoài, Xuân, Thu, Ngọc, Công, Đình, Trọng, Bá, Khắc")
GIVEN_NAMES = _words("""
Hùng, Dũng, Sơn, Trung, Quang, Lâm, Giang, Thành, Hải, Long, Nam, Phong, Tuấn, Lan, Hương,
Mai, Thảo, Vinh, Khánh, Hòa, Thắng, Toàn, Tâm, Nghĩa, Cường, Huy, Đạt, Bình, Thủy, Yến, Trang
""")
TITLES = _words("ông, bà, anh, chị, Chủ tịch UBND, Giám đốc Sở, Phó Chủ tịch, Trưởng phòng, Bí thư")
UNITS = _words("người, hộ, ha, tấn, km, công trình, doanh nghiệp, lượt khách, học sinh, căn hộ")
MONEY = _words("triệu đồng, tỷ đồng, nghìn tỷ đồng")

# Stock sentences many unrelated articles share (agency boilerplate): they put the same shingles
# into thousands of documents, which is what dedup's max_bucket_size exists for.
STOCK_SENTENCES = _words("""
Theo phóng viên ghi nhận tại hiện trường vào chiều cùng ngày tình hình cơ bản đã ổn định,
Thông tin chi tiết sẽ được chúng tôi tiếp tục cập nhật trong các bản tin tiếp theo,
Người dân có nhu cầu tìm hiểu thêm có thể liên hệ trực tiếp bộ phận một cửa để được hướng dẫn,
Đây là một trong những nhiệm vụ trọng tâm được địa phương ưu tiên triển khai trong năm nay
""")

# New → old tone placement of the open oa/oe/uy rhymes in the lists above (and their capitals).
OLD_TONE_STYLE = {
    new: old
    for pair in "hòa:hoà tòa:toà thủy:thuỷ khỏe:khoẻ hóa:hoá Hòa:Hoà Hóa:Hoá Thủy:Thuỷ Tòa:Toà".split()
    for new, old in [pair.split(":")]
}

ENGLISH_WORDS = tuple("""
the city council said on monday that new roads and bridges would be built across the province
before the rainy season while farmers reported higher prices for rice and coffee this year as
exports grew and officials promised more support for schools hospitals and small businesses in
rural districts where many families still depend on fishing and seasonal work to make a living
""".split())
