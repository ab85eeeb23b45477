/**
 * The 2020 guidance catalog, seeded verbatim from Công văn 1191/BHXH-TT (20/04/2020),
 * "Hướng dẫn công tác truyền thông năm 2020" (shared/seeds/000_821f2676707ecd9f.txt).
 *
 * Audiences (§I), themes (§II), forms (§III) carry the seed's text verbatim (only PDF line breaks inside
 * a sentence are joined; the seed's own typos are kept). Channels and product types are the ones named in
 * §III.3–5, §V and PRODUCT.md capability 5, with one-sentence descriptions tied to the clause that names them.
 * The array order is the seed's order; it becomes each item's sortOrder.
 */
import type { TGuidanceKind } from '@loa/contracts';

export interface GuidanceSeedItem {
  kind: TGuidanceKind;
  code: string;
  parentCode: string | null;
  group: string | null;
  nameVi: string;
  nameEn: string;
  textVi: string;
  textEn: string;
}

export const GUIDANCE_2020: {
  year: 2020;
  documentNo: '1191/BHXH-TT';
  title: string;
  issuedOn: '2020-04-20';
  items: GuidanceSeedItem[];
} = {
  year: 2020,
  documentNo: '1191/BHXH-TT',
  title: 'Hướng dẫn công tác truyền thông năm 2020',
  issuedOn: '2020-04-20',
  items: [
    // §I — audiences
    {
      kind: 'audience',
      code: 'I.1',
      parentCode: null,
      group: null,
      nameVi: 'Cơ quan, tổ chức lãnh đạo, chỉ đạo, phối hợp thực hiện chính sách BHXH, BHYT',
      nameEn: 'Bodies leading, directing and coordinating social and health insurance policy',
      textVi:
        'Các cơ quan, tổ chức có trách nhiệm lãnh đạo, chỉ đạo, phối hợp thực hiện chính sách BHXH, BHYT theo quy định của pháp luật.',
      textEn:
        'Agencies and organisations responsible for leading, directing and coordinating the implementation of social insurance and health insurance policies as prescribed by law.',
    },
    {
      kind: 'audience',
      code: 'I.2',
      parentCode: null,
      group: null,
      nameVi: 'Tổ chức, cá nhân tham gia BHXH, BHYT bắt buộc',
      nameEn: 'Organisations and individuals in compulsory social and health insurance',
      textVi: 'Các tổ chức, cá nhân có trách nhiệm tham gia BHXH, BHYT bắt buộc.',
      textEn:
        'Organisations and individuals obliged to participate in compulsory social insurance and health insurance.',
    },
    {
      kind: 'audience',
      code: 'I.3',
      parentCode: null,
      group: null,
      nameVi: 'Cơ sở khám chữa bệnh BHYT',
      nameEn: 'Health insurance medical facilities',
      textVi: 'Các cơ sở khám chữa bệnh BHYT.',
      textEn: 'Medical examination and treatment facilities under health insurance.',
    },
    {
      kind: 'audience',
      code: 'I.4',
      parentCode: null,
      group: null,
      nameVi: 'Cơ quan an sinh xã hội, tổ chức quốc tế, lao động nước ngoài, kiều bào',
      nameEn: 'Social security bodies, international organisations, foreign workers, overseas Vietnamese',
      textVi:
        'Các cơ quan an sinh xã hội, tổ chức quốc tế; người lao động nước ngoài tại Việt Nam và cộng đồng người Việt Nam ở nước ngoài.',
      textEn:
        'Social security agencies and international organisations; foreign workers in Vietnam and the Vietnamese community abroad.',
    },
    {
      kind: 'audience',
      code: 'I.5',
      parentCode: null,
      group: null,
      nameVi: 'Các tầng lớp Nhân dân, nhất là diện tham gia BHXH tự nguyện, BHYT hộ gia đình',
      nameEn:
        'The general public, especially those eligible for voluntary social insurance and household health insurance',
      textVi:
        'Các tầng lớp Nhân dân, đặc biệt chú trọng truyền thông người thuộc diện tham gia BHXH tự nguyện, BHYT hộ gia đình.',
      textEn:
        'All strata of the people, with particular emphasis on communicating with those eligible for voluntary social insurance and household health insurance.',
    },
    // §II.1 — regular themes (the seed prints "d)" twice; the second is đ)
    {
      kind: 'theme',
      code: 'II.1',
      parentCode: null,
      group: 'regular',
      nameVi: 'Nội dung truyền thông thường xuyên',
      nameEn: 'Regular communication content',
      textVi: 'Nội dung truyền thông thường xuyên',
      textEn: 'Regular communication content',
    },
    {
      kind: 'theme',
      code: 'II.1.a',
      parentCode: 'II.1',
      group: 'regular',
      nameVi: 'Chủ trương, đường lối của Đảng, pháp luật của Nhà nước về BHXH, BHYT',
      nameEn: "The Party's guidelines and the State's laws on social and health insurance",
      textVi:
        'Tiếp tục đẩy mạnh tuyên truyền các chủ trương, đường lối, chính sách của Đảng, pháp luật của Nhà nước về BHXH, BHYT, trọng tâm là Nghị quyết số 28-NQ/TW ngày 23/5/2018 của Ban chấp hành Trung ương về cải cách chính sách BHXH, Nghị quyết số 20-NQ/TW ngày 25/10/2017 của Ban Trung ương về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân trong tình hình mới, Nghị quyết số 21-NQ/TW ngày 22/11/2012 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với công tác BHXH, BHYT giai đoạn 2012-2020...',
      textEn:
        "Continue to step up communication of the Party's guidelines, lines and policies and the State's laws on social insurance and health insurance, focusing on Resolution No. 28-NQ/TW of 23/5/2018 of the Party Central Committee on reforming social insurance policy, Resolution No. 20-NQ/TW of 25/10/2017 of the Party Central Committee on strengthening the protection, care and improvement of people's health in the new situation, and Resolution No. 21-NQ/TW of 22/11/2012 of the Politburo on strengthening the Party's leadership over social insurance and health insurance work in the 2012–2020 period...",
    },
    {
      kind: 'theme',
      code: 'II.1.b',
      parentCode: 'II.1',
      group: 'regular',
      nameVi: 'Sự vào cuộc của hệ thống chính trị; hợp tác quốc tế về BHXH, BHYT, BHTN',
      nameEn: 'Engagement of the political system; international cooperation',
      textVi:
        'Tuyên truyền sự vào cuộc của cả hệ thống chính trị, tạo sự đồng thuận, thống nhất trong tổ chức thực hiện chính sách BHXH, BHYT, BHTN; tuyên truyền về vai trò, trách nhiệm của cấp ủy đảng, chính quyền các cấp trong lãnh đạo, chỉ đạo thực hiện BHXH, BHYT, BHTN; sự chủ động, tích cực của BHXH Việt Nam, BHXH các cấp trong việc phối hợp với các bộ, ban, ngành, đoàn thể thực hiện chính sách BHXH, BHYT; truyền thông kết quả hợp tác quốc tế về BHXH, BHYT, BHTN, kinh nghiệm quốc tế về BHXH, BHYT, BHTN...',
      textEn:
        'Communicate the engagement of the entire political system and build consensus and unity in implementing social insurance, health insurance and unemployment insurance policies; communicate the role and responsibility of Party committees and authorities at all levels in leading and directing the implementation of social insurance, health insurance and unemployment insurance; the proactive and active efforts of Vietnam Social Security and social insurance agencies at all levels in coordinating with ministries, departments, sectors and mass organisations to implement social insurance and health insurance policies; communicate the results of international cooperation on social insurance, health insurance and unemployment insurance, and international experience in social insurance, health insurance and unemployment insurance...',
    },
    {
      kind: 'theme',
      code: 'II.1.c',
      parentCode: 'II.1',
      group: 'regular',
      nameVi: 'Ý nghĩa, vai trò, lợi ích của chính sách BHXH, BHYT, BHTN',
      nameEn: 'Meaning, role and benefits of social, health and unemployment insurance',
      textVi:
        'Truyền thông về ý nghĩa, vai trò, lợi ích của chính sách BHXH, BHYT, BHTN đối với đảm bảo an sinh xã hội, ổn định đời sống Nhân dân nhằm tiếp tục củng cố, tạo niềm tin sâu rộng trong toàn xã hội về giá trị nhân văn, tính ưu việt trong chính sách BHXH, BHYT, BHTN của Đảng và Nhà nước.',
      textEn:
        "Communicate the meaning, role and benefits of social insurance, health insurance and unemployment insurance policies in ensuring social security and stabilising people's lives, so as to further consolidate and build broad trust across society in the humane values and superiority of the social insurance, health insurance and unemployment insurance policies of the Party and the State.",
    },
    {
      kind: 'theme',
      code: 'II.1.d',
      parentCode: 'II.1',
      group: 'regular',
      nameVi: 'Chi tiết từng chế độ, mức đóng, thủ tục tham gia và chính sách hỗ trợ',
      nameEn: 'Details of each benefit regime, contributions, procedures and state support',
      textVi:
        'Truyền thông nội dung cụ thể, chi tiết về từng chế độ BHXH, BHYT, BHTN: trách nhiệm, nghĩa vụ tham gia, quyền lợi được thụ hưởng; mức đóng, phương thức đóng, sự thuận tiện trong thủ tục tham gia BHXH, BHYT, BHTN; truyền thông về chính sách hỗ trợ, mức hỗ trợ kinh phí của Ngân sách Trung ương, Ngân sách địa phương đối với người người tham gia BHYT hộ gia đình, BHXH tự nguyện, bảo hiểm thất nghiệp.... Qua đó thấy được tính nhân văn của Đảng và Nhà nước ta trong đảm bảo an sinh cho người dân.',
      textEn:
        'Communicate specific, detailed content on each social insurance, health insurance and unemployment insurance regime: the responsibility and obligation to participate and the entitlements; contribution rates, payment methods and the convenience of the procedures for joining social insurance, health insurance and unemployment insurance; communicate the support policies and the levels of financial support from the central and local budgets for participants in household health insurance, voluntary social insurance and unemployment insurance.... This shows the humanity of our Party and State in ensuring social security for the people.',
    },
    {
      kind: 'theme',
      code: 'II.1.đ',
      parentCode: 'II.1',
      group: 'regular',
      nameVi: 'Điều 214–216 Bộ luật Hình sự, xử phạt vi phạm, ý thức chấp hành pháp luật',
      nameEn: 'Criminal Code Articles 214–216, administrative sanctions, legal compliance',
      textVi:
        'Truyền thông các quy định tại: Điều 214 Tội gian lận BHXH, BHTN; Điều 215 Tội gian lận BHYT, Điều 216 Tội trốn đóng BHXH, BHYT, BHTN cho người lao động của Bộ luật Hình sự; Nghị quyết số 05/2019/NQ-HĐTP ngày 15/8/2019 của Hội đồng thẩm phán Tòa án Nhân dân tối cao hướng dẫn áp dụng Điều 214, Điều 215, Điều 216 của Bộ luật Hình sự; Nghị định của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực BHXH, BHYT...\nTruyền thông về ý thức chấp hành pháp luật BHXH, BHYT, BHTN; kết quả thanh tra, kiểm tra, xử lý vi phạm, kết quả xét xử của tòa án các cấp về các tội về BHXH, BHYT.',
      textEn:
        "Communicate the provisions of: Article 214 on the offence of social insurance and unemployment insurance fraud; Article 215 on the offence of health insurance fraud; and Article 216 on the offence of evading social insurance, health insurance and unemployment insurance contributions for employees, of the Criminal Code; Resolution No. 05/2019/NQ-HĐTP of 15/8/2019 of the Council of Judges of the Supreme People's Court guiding the application of Articles 214, 215 and 216 of the Criminal Code; the Government's decree on administrative sanctions for violations in the field of social insurance and health insurance...\nCommunicate on awareness of compliance with the law on social insurance, health insurance and unemployment insurance; the results of inspections, examinations and the handling of violations, and the verdicts of courts at all levels in criminal cases concerning social insurance and health insurance.",
    },
    {
      kind: 'theme',
      code: 'II.1.e',
      parentCode: 'II.1',
      group: 'regular',
      nameVi: 'Ứng dụng CNTT, cải cách thủ tục hành chính, dịch vụ công trực tuyến',
      nameEn: 'IT application, administrative reform and online public services',
      textVi:
        'Truyền thông kết quả ứng dụng công nghệ thông tin, cải cách thủ tục hành chính, liên thông dữ liệu với các Bộ, ngành, các dịch vụ công trực tuyến, dịch vụ tiện ích phục vụ, hỗ trợ người tham gia, thụ hưởng BHXH, BHYT, BHTN.',
      textEn:
        'Communicate the results of applying information technology, reforming administrative procedures, connecting data with ministries and sectors, online public services, and convenience services that serve and support participants and beneficiaries of social insurance, health insurance and unemployment insurance.',
    },
    {
      kind: 'theme',
      code: 'II.1.g',
      parentCode: 'II.1',
      group: 'regular',
      nameVi: 'Gương người tốt việc tốt, tập thể, cá nhân tiêu biểu, sáng kiến hay',
      nameEn: 'Good people and good deeds, outstanding collectives and individuals, initiatives',
      textVi:
        'Gióng người tốt việc tốt, các tập thể, cá nhân tiêu biểu, xuất sắc trong thực hiện chính sách BHXH, BHYT; các sáng kiến hay, hữu ích, sự sáng tạo trong thực hiện nhiệm vụ.',
      textEn:
        'Hold up examples of good people and good deeds, and of exemplary, outstanding collectives and individuals in implementing social insurance and health insurance policies; good and useful initiatives and creativity in performing tasks.',
    },
    {
      kind: 'theme',
      code: 'II.1.h',
      parentCode: 'II.1',
      group: 'regular',
      nameVi: 'Cảnh báo, xử lý thông tin xấu, độc, sai sự thật; tố giác vi phạm',
      nameEn: 'Countering harmful and false information; reporting violations',
      textVi:
        'Tiếp tục cảnh báo, xử lý kịp thời các thông tin xấu, độc, tin sai sự thật về BHXH, BHYT, BHTN; đồng thời chủ động phản ánh, tố giác các hành vi vi phạm pháp luật về BHXH, BHYT, BHTN.',
      textEn:
        'Continue to warn about and promptly handle harmful, toxic and false information about social insurance, health insurance and unemployment insurance; at the same time, proactively expose and report violations of the law on social insurance, health insurance and unemployment insurance.',
    },
    // §II.2 — peak themes
    {
      kind: 'theme',
      code: 'II.2',
      parentCode: null,
      group: 'peak',
      nameVi: 'Nội dung truyền thông cao điểm',
      nameEn: 'Peak communication content',
      textVi: 'Nội dung truyền thông cao điểm',
      textEn: 'Peak communication content',
    },
    {
      kind: 'theme',
      code: 'II.2.a',
      parentCode: 'II.2',
      group: 'peak',
      nameVi: 'Phát triển người tham gia BHXH tự nguyện, BHYT hộ gia đình',
      nameEn: 'Growing voluntary social insurance and household health insurance participation',
      textVi:
        'Truyền thông phát triển đối tượng tham gia BHXH tự nguyện, BHYT hộ gia đình; tập trung tuyên truyền, vận động có trọng điểm hướng vào nhóm có thu nhập ổn định, hộ gia đình kinh doanh cá thể; lao động trong các làng nghề, hộ gia đình làm nông nghiệp, trang trại thuộc các lĩnh vực trồng trọt, chăn nuôi, chế biến, dịch vụ, hội viên nông dân sản xuất kinh doanh giỏi...',
      textEn:
        "Communicate to expand participation in voluntary social insurance and household health insurance; focus targeted communication and mobilisation on groups with stable incomes and individual household businesses; workers in craft villages, farming households and farms in crop cultivation, livestock, processing and services, and members of the Farmers' Association who excel in production and business...",
    },
    {
      kind: 'theme',
      code: 'II.2.b',
      parentCode: 'II.2',
      group: 'peak',
      nameVi: 'Thành tựu 25 năm thực hiện chính sách BHXH, BHYT',
      nameEn: 'Achievements of 25 years of social and health insurance policy',
      textVi: 'Truyền thông về những thành tựu, kết quả đạt được trong 25 năm thực hiện chính sách BHXH, BHYT.',
      textEn:
        'Communicate the achievements and results of 25 years of implementing social insurance and health insurance policies.',
    },
    {
      kind: 'theme',
      code: 'II.2.c',
      parentCode: 'II.2',
      group: 'peak',
      nameVi: 'Phòng chống dịch Covid-19 (Công văn số 1007/BHXH-TT)',
      nameEn: 'COVID-19 prevention and control (Official Letter No. 1007/BHXH-TT)',
      textVi:
        'Truyền thông thực hiện phòng chống dịch Covid-19 theo Công văn số 1007/BHXH-TT ngày 27/3/2020 của BHXH Việt Nam. Tiếp tục đẩy mạnh truyền thông các nội dung sau:\n- Ý nghĩa, giá trị nhân văn của chính sách BHXH, BHYT trong bối cảnh dịch bệnh Covid-19 đang tác động trực tiếp đến đời sống xã hội.\n- Nội dung các chính sách, quyền lợi người tham gia BHXH, BHYT được hưởng, các dịch vụ được trợ giúp, hỗ trợ trong bối cảnh dịch Covid-19 theo Chỉ thị của Thủ tướng Chính phủ, văn bản hướng dẫn của BHXH Việt Nam đã ban hành (chi tiết tại Phụ lục đính kèm) và các văn bản được ban hành tiếp theo (nếu có).\n- Kết quả thực hiện các giải pháp, sự nỗ lực cố gắng của toàn ngành BHXH trong thực hiện Chỉ thị của Thủ tướng Chính phủ và cấp có thẩm quyền về phòng chống dịch Covid-19; những đánh giá, ghi nhận của tổ chức, cá nhân về kết quả thực hiện, nỗ lực của Ngành.\n- Truyền thông về ý nghĩa, giá trị trước mắt và lâu dài của các chế độ BHXH, BHYT, BHTN nhất là chế độ hưu trí, tử tuất để người lao động không lựa chọn hưởng BHXH một lần.\n- Tiếp tục truyền thông cảnh báo các hành vi vi phạm về BHXH, BHYT, BHTN, nhất là các hành vi thu gom, mua bán sổ BHXH, lập các trang web mạo danh cơ quan BHXH để trục lợi...',
      textEn:
        "Communicate on COVID-19 prevention and control in accordance with Official Letter No. 1007/BHXH-TT of 27/3/2020 of Vietnam Social Security. Continue to step up communication of the following:\n- The meaning and humane value of social insurance and health insurance policies while the COVID-19 epidemic is directly affecting social life.\n- The policies, the entitlements of social insurance and health insurance participants, and the assistance and support services available during the COVID-19 epidemic under the Prime Minister's Directive and the guidance already issued by Vietnam Social Security (details in the attached Appendix), and any documents issued subsequently.\n- The results of the measures taken and the efforts of the whole social insurance sector in implementing the directives of the Prime Minister and competent authorities on COVID-19 prevention and control; assessments and recognition by organisations and individuals of the sector's results and efforts.\n- Communicate the immediate and long-term meaning and value of the social insurance, health insurance and unemployment insurance regimes, especially the pension and survivorship regimes, so that workers do not choose to withdraw their social insurance as a lump sum.\n- Continue communicating warnings about violations concerning social insurance, health insurance and unemployment insurance, especially the collection and trading of social insurance books and the setting up of websites impersonating the social insurance agency for profit...",
    },
    // §III — forms
    {
      kind: 'form',
      code: 'III.1',
      parentCode: null,
      group: null,
      nameVi: 'Truyền thông qua báo cáo kết quả thực hiện chính sách BHXH, BHYT, BHTN',
      nameEn:
        'Communication through reports on the results of implementing social, health and unemployment insurance policies',
      textVi:
        'Thường xuyên báo cáo cấp uỷ Đảng, chính quyền các cấp về kết quả thực hiện chính sách để tranh thủ sự lãnh đạo, chỉ đạo của các cấp, các ngành trong tổ chức thực hiện chính sách BHXH, BHYT, BHTN.',
      textEn:
        'Regularly report to Party committees and authorities at all levels on the results of policy implementation in order to secure the leadership and direction of all levels and sectors in implementing social insurance, health insurance and unemployment insurance policies.',
    },
    {
      kind: 'form',
      code: 'III.2',
      parentCode: null,
      group: null,
      nameVi: 'Truyền thông trực tiếp',
      nameEn: 'Direct communication',
      textVi:
        'Truyền thông trực tiếp đến người tham gia BHXH, BHYT, BHTN thông qua các hình thức: Tổ chức hội nghị tư vấn, đối thoại trực tiếp; chia thành nhóm nhỏ đến từng gia đình, khu dân cư, cơ sở kinh doanh, địa điểm công cộng để tuyên truyền, vận động, thuyết phục người dân tham gia BHXH tự nguyện, BHYT hộ gia đình.',
      textEn:
        'Direct communication to participants in social insurance, health insurance and unemployment insurance through: consultation conferences and direct dialogues; splitting into small groups that visit individual households, residential areas, business establishments and public places to inform, mobilise and persuade people to join voluntary social insurance and household health insurance.',
    },
    {
      kind: 'form',
      code: 'III.3',
      parentCode: null,
      group: null,
      nameVi: 'Truyền thông trên các phương tiện thông tin đại chúng',
      nameEn: 'Communication through the mass media',
      textVi:
        'Phối hợp với các cơ quan thông tấn, báo chí để sản xuất, đăng tải các tin bài, chuyên trang, chuyên mục, phóng sự, talk show, game show, phim ngắn, tiểu phẩm truyền thanh...để truyền thông về BHXH, BHYT, BHTN nhằm định hướng dư luận, tạo sự đồng thuận xã hội trong thực hiện chính sách; chú trọng truyền thông qua hệ thống truyền thanh cơ sở.',
      textEn:
        'Coordinate with news agencies and the press to produce and publish news items and articles, special pages, columns, reportages, talk shows, game shows, short films and radio sketches... to communicate about social insurance, health insurance and unemployment insurance, so as to guide public opinion and build social consensus in implementing the policies; give emphasis to communication through the grassroots loudspeaker radio system.',
    },
    {
      kind: 'form',
      code: 'III.4',
      parentCode: null,
      group: null,
      nameVi: 'Truyền thông trên mạng xã hội',
      nameEn: 'Communication on social media',
      textVi:
        'Thực hiện truyền thông trên mạng xã hội theo chiến dịch, đăng tải các tin, bài, phóng sự, phim ngắn, video, clip, viral clip, motion graphic, infographic ... nhằm lan tỏa nội dung, ý nghĩa, lợi ích của các chế độ BHXH, BHYT, BHTN; đăng tải, chia sẻ những câu chuyện hay, xúc động, gương người tốt, việc tốt nhằm lan tỏa giá trị nhân văn của chính sách BHXH, BHYT, BHTN trong cộng đồng mạng; khuyến khích công chức, viên chức sử dụng tài khoản mạng xã hội cá nhân tuyên truyền về BHXH, BHYT, BHTN.',
      textEn:
        'Carry out campaign-based communication on social media, posting news items, articles, reportages, short films, videos, clips, viral clips, motion graphics, infographics... to spread the content, meaning and benefits of the social insurance, health insurance and unemployment insurance regimes; post and share good, moving stories and examples of good people and good deeds to spread the humane values of social insurance, health insurance and unemployment insurance policies in the online community; encourage civil servants and public employees to use their personal social media accounts to communicate about social insurance, health insurance and unemployment insurance.',
    },
    {
      kind: 'form',
      code: 'III.5',
      parentCode: null,
      group: null,
      nameVi: 'Tiếp tục duy trì các hình thức truyền thông khác',
      nameEn: 'Continue to maintain other forms of communication',
      textVi:
        'Truyền thông qua mạng điện thoại di động, qua hệ thống dịch vụ tư vấn, hỗ trợ, giải đáp chính sách BHXH, BHYT, BHTN, qua các sản phẩm, tài liệu truyền thông, các phương tiện trung bày, pano, áp phích, bảng hiệu....\nLưu ý: Căn cứ diễn biến tình hình dịch Covid-19 và thực tiễn tại địa phương, BHXH tỉnh, thành phố trực thuộc Trung ương (BHXH tỉnh) lựa chọn các hình thức truyền thông phù hợp, đảm bảo thiết thực, hiệu quả, đúng quy định về phòng chống dịch Covid-19. Hình thức truyền thông trực tiếp chỉ được thực hiện khi cấp có thẩm quyền công bố hết dịch Covid-19, đồng thời khi thực hiện phải tuân thủ các quy định, hướng dẫn của cấp có thẩm quyền.',
      textEn:
        'Communication via mobile telephone networks; via the consultation, support and enquiry service system for social insurance, health insurance and unemployment insurance policies; and via communication products and materials, display media, panels, posters and signboards....\nNote: Based on developments of the COVID-19 epidemic and local circumstances, the social insurance agencies of provinces and centrally-run cities (provincial social insurance) select suitable forms of communication that are practical, effective and compliant with COVID-19 prevention and control regulations. Direct communication may be carried out only after the competent authority has declared the COVID-19 epidemic over, and must then comply with the regulations and guidance of the competent authorities.',
    },
    // The "Lưu ý" printed after §III.5: direct communication only once the epidemic is declared over
    {
      kind: 'form',
      code: 'III.LUU_Y',
      parentCode: 'III.2',
      group: 'note',
      nameVi: 'Lưu ý về truyền thông trực tiếp',
      nameEn: 'Note on direct communication',
      textVi:
        'Căn cứ diễn biến tình hình dịch Covid-19 và thực tiễn tại địa phương, BHXH tỉnh, thành phố trực thuộc Trung ương (BHXH tỉnh) lựa chọn các hình thức truyền thông phù hợp, đảm bảo thiết thực, hiệu quả, đúng quy định về phòng chống dịch Covid-19. Hình thức truyền thông trực tiếp chỉ được thực hiện khi cấp có thẩm quyền công bố hết dịch Covid-19, đồng thời khi thực hiện phải tuân thủ các quy định, hướng dẫn của cấp có thẩm quyền.',
      textEn:
        'Based on developments of the COVID-19 epidemic and local circumstances, the social insurance agencies of provinces and centrally-run cities (provincial social insurance) select suitable forms of communication that are practical, effective and compliant with COVID-19 prevention and control regulations. Direct communication may be carried out only after the competent authority has declared the COVID-19 epidemic over, and must then comply with the regulations and guidance of the competent authorities.',
    },
    {
      kind: 'form',
      code: 'III.6',
      parentCode: null,
      group: null,
      nameVi: 'Truyền thông theo chiến dịch',
      nameEn: 'Campaign-based communication',
      textVi:
        'Căn cứ tình hình thực tiễn, BHXH Việt Nam có văn bản hướng dẫn riêng về truyền thông theo chiến dịch, lẽ ra quân vận động phát triển đối tượng tham gia BHXH tự nguyện, BHYT hộ gia đình.',
      textEn:
        'Depending on the actual situation, Vietnam Social Security will issue separate guidance on campaign-based communication and on launch ceremonies to mobilise participation in voluntary social insurance and household health insurance.',
    },
    // Channels, in the order the seed names them (§III.1–5, then §V.1.b, §V.1.c/V.2)
    {
      kind: 'channel',
      code: 'report',
      parentCode: 'III.1',
      group: 'report',
      nameVi: 'Báo cáo cấp ủy, chính quyền',
      nameEn: 'Reports to Party committees and authorities',
      textVi:
        'Thường xuyên báo cáo cấp uỷ Đảng, chính quyền các cấp về kết quả thực hiện chính sách BHXH, BHYT, BHTN (mục III.1).',
      textEn:
        'Regular reports to Party committees and authorities at all levels on the results of implementing social, health and unemployment insurance policies (section III.1).',
    },
    {
      kind: 'channel',
      code: 'direct',
      parentCode: 'III.2',
      group: 'direct',
      nameVi: 'Truyền thông trực tiếp',
      nameEn: 'Direct communication',
      textVi:
        'Truyền thông trực tiếp đến người tham gia BHXH, BHYT, BHTN qua hội nghị tư vấn, đối thoại trực tiếp và nhóm nhỏ đến từng gia đình, khu dân cư, cơ sở kinh doanh, địa điểm công cộng (mục III.2).',
      textEn:
        'Direct communication to social, health and unemployment insurance participants through consultation conferences, direct dialogues and small groups visiting households, residential areas, business establishments and public places (section III.2).',
    },
    {
      kind: 'channel',
      code: 'press',
      parentCode: 'III.3',
      group: 'mass_media',
      nameVi: 'Báo in, báo điện tử',
      nameEn: 'Print and online press',
      textVi:
        'Phối hợp với các cơ quan thông tấn, báo chí để sản xuất, đăng tải các tin bài, chuyên trang, chuyên mục, phóng sự về BHXH, BHYT, BHTN (mục III.3).',
      textEn:
        'Coordination with news agencies and the press to produce and publish news items, articles, special pages, columns and reportages on social, health and unemployment insurance (section III.3).',
    },
    {
      kind: 'channel',
      code: 'tv',
      parentCode: 'III.3',
      group: 'mass_media',
      nameVi: 'Truyền hình',
      nameEn: 'Television',
      textVi:
        'Truyền hình là phương tiện thông tin đại chúng phát sóng phóng sự, talk show, game show, phim ngắn về BHXH, BHYT, BHTN (mục III.3).',
      textEn:
        'Television as a mass medium broadcasting reportages, talk shows, game shows and short films on social, health and unemployment insurance (section III.3).',
    },
    {
      kind: 'channel',
      code: 'radio',
      parentCode: 'III.3',
      group: 'mass_media',
      nameVi: 'Phát thanh',
      nameEn: 'Radio',
      textVi:
        'Phát thanh là phương tiện thông tin đại chúng phát sóng tin bài, chuyên mục, tiểu phẩm truyền thanh về BHXH, BHYT, BHTN (mục III.3).',
      textEn:
        'Radio as a mass medium broadcasting news items, programmes and radio sketches on social, health and unemployment insurance (section III.3).',
    },
    {
      kind: 'channel',
      code: 'grassroots_radio',
      parentCode: 'III.3',
      group: 'mass_media',
      nameVi: 'Hệ thống truyền thanh cơ sở',
      nameEn: 'Grassroots loudspeaker radio system',
      textVi: 'Chú trọng truyền thông qua hệ thống truyền thanh cơ sở ở xã, phường, thị trấn (mục III.3).',
      textEn:
        'Emphasis on communication through the grassroots loudspeaker radio system of communes, wards and townships (section III.3).',
    },
    {
      kind: 'channel',
      code: 'facebook',
      parentCode: 'III.4',
      group: 'social',
      nameVi: 'Facebook',
      nameEn: 'Facebook',
      textVi:
        'Trang Facebook của cơ quan BHXH để thực hiện truyền thông trên mạng xã hội theo chiến dịch, đăng tải các tin, bài, video, clip, infographic (mục III.4).',
      textEn:
        'The Facebook pages of the social insurance agency, used for campaign-based social media communication with news items, articles, videos, clips and infographics (section III.4).',
    },
    {
      kind: 'channel',
      code: 'zalo',
      parentCode: 'III.4',
      group: 'social',
      nameVi: 'Zalo',
      nameEn: 'Zalo',
      textVi:
        'Tài khoản Zalo chính thức của cơ quan BHXH để đăng tải, chia sẻ các tin, bài, infographic về BHXH, BHYT, BHTN trên mạng xã hội (mục III.4).',
      textEn:
        'The official Zalo accounts of the social insurance agency, used to post and share news items, articles and infographics on social, health and unemployment insurance (section III.4).',
    },
    {
      kind: 'channel',
      code: 'youtube',
      parentCode: 'III.4',
      group: 'social',
      nameVi: 'YouTube',
      nameEn: 'YouTube',
      textVi:
        'Kênh YouTube của cơ quan BHXH để đăng tải phóng sự, phim ngắn, video, clip, motion graphic về BHXH, BHYT, BHTN (mục III.4).',
      textEn:
        'The YouTube channels of the social insurance agency, used to publish reportages, short films, videos, clips and motion graphics on social, health and unemployment insurance (section III.4).',
    },
    {
      kind: 'channel',
      code: 'tiktok',
      parentCode: 'III.4',
      group: 'social',
      nameVi: 'TikTok',
      nameEn: 'TikTok',
      textVi:
        'Kênh TikTok của cơ quan BHXH để đăng tải video, clip, viral clip nhằm lan tỏa nội dung, ý nghĩa, lợi ích của các chế độ BHXH, BHYT, BHTN (mục III.4).',
      textEn:
        'The TikTok channels of the social insurance agency, used to publish videos, clips and viral clips that spread the content, meaning and benefits of social, health and unemployment insurance (section III.4).',
    },
    {
      kind: 'channel',
      code: 'staff_social',
      parentCode: 'III.4',
      group: 'social',
      nameVi: 'Tài khoản mạng xã hội cá nhân của công chức, viên chức',
      nameEn: 'Personal social media accounts of civil servants and public employees',
      textVi:
        'Khuyến khích công chức, viên chức sử dụng tài khoản mạng xã hội cá nhân tuyên truyền về BHXH, BHYT, BHTN (mục III.4).',
      textEn:
        'Civil servants and public employees are encouraged to use their personal social media accounts to communicate about social, health and unemployment insurance (section III.4).',
    },
    {
      kind: 'channel',
      code: 'mobile_network',
      parentCode: 'III.5',
      group: 'other',
      nameVi: 'Mạng điện thoại di động (SMS)',
      nameEn: 'Mobile telephone network (SMS)',
      textVi: 'Truyền thông qua mạng điện thoại di động, như tin nhắn SMS gửi người tham gia BHXH, BHYT (mục III.5).',
      textEn:
        'Communication via mobile telephone networks, such as SMS text messages to social and health insurance participants (section III.5).',
    },
    {
      kind: 'channel',
      code: 'hotline',
      parentCode: 'III.5',
      group: 'other',
      nameVi: 'Hệ thống dịch vụ tư vấn, hỗ trợ, giải đáp',
      nameEn: 'Consultation, support and enquiry service (hotline)',
      textVi: 'Truyền thông qua hệ thống dịch vụ tư vấn, hỗ trợ, giải đáp chính sách BHXH, BHYT, BHTN (mục III.5).',
      textEn:
        'Communication via the consultation, support and enquiry service system for social, health and unemployment insurance policies (section III.5).',
    },
    {
      kind: 'channel',
      code: 'display',
      parentCode: 'III.5',
      group: 'other',
      nameVi: 'Phương tiện trưng bày (pano, áp phích, bảng hiệu)',
      nameEn: 'Display media (panels, posters, signboards)',
      textVi: 'Truyền thông qua các phương tiện trưng bày như pano, áp phích, bảng hiệu (mục III.5).',
      textEn: 'Communication via display media such as panels, posters and signboards (section III.5).',
    },
    {
      kind: 'channel',
      code: 'mobile_vehicle',
      parentCode: 'III.5',
      group: 'other',
      nameVi: 'Phương tiện lưu động',
      nameEn: 'Mobile communication vehicles',
      textVi:
        'Truyền thông trên phương tiện lưu động do Trung tâm Truyền thông phối hợp với các đơn vị thực hiện (mục V.1.b).',
      textEn:
        'Communication on mobile vehicles, carried out by the Communication Center in coordination with other units (section V.1.b).',
    },
    {
      kind: 'channel',
      code: 'portal',
      parentCode: 'III.3',
      group: 'mass_media',
      nameVi: 'Cổng/Trang thông tin điện tử',
      nameEn: 'Web portals and websites',
      textVi:
        'Cổng Thông tin điện tử BHXH Việt Nam và Cổng/Trang thông tin điện tử của BHXH tỉnh đăng tải tin, bài, chuyên trang, chuyên mục, địa chỉ và số điện thoại đại lý thu BHXH, BHYT (mục V.1.c, V.2).',
      textEn:
        'The Vietnam Social Security web portal and the provincial social insurance portals and websites, publishing news items, articles, special pages, columns and the addresses and phone numbers of social and health insurance collection agents (sections V.1.c and V.2).',
    },
    // Product types (§III.3–5, §V.1.b, PRODUCT.md capability 5)
    {
      kind: 'product_type',
      code: 'news',
      parentCode: 'III.3',
      group: 'press',
      nameVi: 'Tin',
      nameEn: 'News item',
      textVi:
        'Tin về BHXH, BHYT, BHTN do các cơ quan thông tấn, báo chí và Báo BHXH, Tạp chí BHXH, Cổng Thông tin điện tử sản xuất, đăng tải (mục III.3, V.1.c).',
      textEn:
        'News items on social, health and unemployment insurance produced and published by news agencies and the press and by the Social Insurance Newspaper, Social Insurance Review and web portal (sections III.3 and V.1.c).',
    },
    {
      kind: 'product_type',
      code: 'article',
      parentCode: 'III.3',
      group: 'press',
      nameVi: 'Bài viết',
      nameEn: 'Article',
      textVi:
        'Bài viết về BHXH, BHYT, BHTN đăng tải trên báo chí, Cổng/Trang thông tin điện tử và mạng xã hội (mục III.3, III.4).',
      textEn:
        'Articles on social, health and unemployment insurance published in the press, on web portals and on social media (sections III.3 and III.4).',
    },
    {
      kind: 'product_type',
      code: 'special_page',
      parentCode: 'III.3',
      group: 'press',
      nameVi: 'Chuyên trang',
      nameEn: 'Special page',
      textVi:
        'Chuyên trang về BHXH, BHYT, BHTN xây dựng cùng các cơ quan báo chí và trên Báo BHXH, Tạp chí BHXH, Cổng Thông tin điện tử (mục III.3, V.1.c).',
      textEn:
        'Special pages on social, health and unemployment insurance built with the press and in the Social Insurance Newspaper, Social Insurance Review and web portal (sections III.3 and V.1.c).',
    },
    {
      kind: 'product_type',
      code: 'column',
      parentCode: 'III.3',
      group: 'press',
      nameVi: 'Chuyên mục',
      nameEn: 'Column',
      textVi:
        'Chuyên mục định kỳ về BHXH, BHYT, BHTN trên báo chí, phát thanh, truyền hình và Cổng/Trang thông tin điện tử (mục III.3, V.1.c).',
      textEn:
        'Regular columns and programme segments on social, health and unemployment insurance in the press, on radio and television and on web portals (sections III.3 and V.1.c).',
    },
    {
      kind: 'product_type',
      code: 'reportage',
      parentCode: 'III.3',
      group: 'press',
      nameVi: 'Phóng sự',
      nameEn: 'Reportage',
      textVi: 'Phóng sự báo chí, truyền hình về BHXH, BHYT, BHTN, đăng tải cả trên mạng xã hội (mục III.3, III.4).',
      textEn:
        'Press and television reportages on social, health and unemployment insurance, also published on social media (sections III.3 and III.4).',
    },
    {
      kind: 'product_type',
      code: 'talk_show',
      parentCode: 'III.3',
      group: 'av',
      nameVi: 'Talk show',
      nameEn: 'Talk show',
      textVi: 'Chương trình talk show trên truyền hình, phát thanh về BHXH, BHYT, BHTN (mục III.3).',
      textEn: 'Television and radio talk shows on social, health and unemployment insurance (section III.3).',
    },
    {
      kind: 'product_type',
      code: 'game_show',
      parentCode: 'III.3',
      group: 'av',
      nameVi: 'Game show',
      nameEn: 'Game show',
      textVi: 'Chương trình game show lồng ghép kiến thức về BHXH, BHYT, BHTN (mục III.3).',
      textEn: 'Game shows that build knowledge of social, health and unemployment insurance into play (section III.3).',
    },
    {
      kind: 'product_type',
      code: 'short_film',
      parentCode: 'III.3',
      group: 'av',
      nameVi: 'Phim ngắn',
      nameEn: 'Short film',
      textVi: 'Phim ngắn về BHXH, BHYT, BHTN phát trên truyền hình và đăng tải trên mạng xã hội (mục III.3, III.4).',
      textEn:
        'Short films on social, health and unemployment insurance broadcast on television and posted on social media (sections III.3 and III.4).',
    },
    {
      kind: 'product_type',
      code: 'radio_sketch',
      parentCode: 'III.3',
      group: 'av',
      nameVi: 'Tiểu phẩm truyền thanh',
      nameEn: 'Radio sketch',
      textVi:
        'Tiểu phẩm truyền thanh về BHXH, BHYT, BHTN phát trên sóng phát thanh và hệ thống truyền thanh cơ sở (mục III.3).',
      textEn:
        'Radio sketches on social, health and unemployment insurance aired on radio and on the grassroots loudspeaker radio system (section III.3).',
    },
    {
      kind: 'product_type',
      code: 'video',
      parentCode: 'III.4',
      group: 'av',
      nameVi: 'Video',
      nameEn: 'Video',
      textVi:
        'Video đăng tải trên mạng xã hội nhằm lan tỏa nội dung, ý nghĩa, lợi ích của các chế độ BHXH, BHYT, BHTN (mục III.4).',
      textEn:
        'Videos posted on social media to spread the content, meaning and benefits of social, health and unemployment insurance (section III.4).',
    },
    {
      kind: 'product_type',
      code: 'clip',
      parentCode: 'III.4',
      group: 'av',
      nameVi: 'Clip',
      nameEn: 'Clip',
      textVi: 'Clip ngắn đăng tải, chia sẻ trên mạng xã hội về BHXH, BHYT, BHTN (mục III.4).',
      textEn:
        'Short clips on social, health and unemployment insurance posted and shared on social media (section III.4).',
    },
    {
      kind: 'product_type',
      code: 'viral_clip',
      parentCode: 'III.4',
      group: 'social',
      nameVi: 'Viral clip',
      nameEn: 'Viral clip',
      textVi:
        'Viral clip được thiết kế để lan tỏa nhanh trên mạng xã hội trong truyền thông theo chiến dịch (mục III.4).',
      textEn: 'Viral clips designed to spread quickly on social media in campaign-based communication (section III.4).',
    },
    {
      kind: 'product_type',
      code: 'motion_graphic',
      parentCode: 'III.4',
      group: 'social',
      nameVi: 'Motion graphic',
      nameEn: 'Motion graphic',
      textVi:
        'Motion graphic (đồ họa chuyển động) giải thích chính sách BHXH, BHYT, BHTN trên mạng xã hội (mục III.4).',
      textEn:
        'Motion graphics (animated graphics) explaining social, health and unemployment insurance policies on social media (section III.4).',
    },
    {
      kind: 'product_type',
      code: 'infographic',
      parentCode: 'III.4',
      group: 'social',
      nameVi: 'Infographic',
      nameEn: 'Infographic',
      textVi:
        'Infographic (đồ họa thông tin) trình bày trực quan chính sách BHXH, BHYT, BHTN trên mạng xã hội (mục III.4).',
      textEn:
        'Infographics presenting social, health and unemployment insurance policies visually on social media (section III.4).',
    },
    {
      kind: 'product_type',
      code: 'document',
      parentCode: 'III.5',
      group: 'print',
      nameVi: 'Tài liệu truyền thông',
      nameEn: 'Communication material',
      textVi:
        'Sản phẩm, tài liệu truyền thông về chính sách BHXH, BHYT, BHTN, được đơn vị chuyên môn thẩm định nội dung thuộc lĩnh vực phụ trách (mục III.5, V.1.a).',
      textEn:
        'Communication products and materials on social, health and unemployment insurance policies, whose content is appraised by the unit responsible for the field (sections III.5 and V.1.a).',
    },
    {
      kind: 'product_type',
      code: 'publication',
      parentCode: 'III.5',
      group: 'print',
      nameVi: 'Ấn phẩm',
      nameEn: 'Publication',
      textVi: 'Ấn phẩm truyền thông do Trung tâm Truyền thông phối hợp với các đơn vị biên soạn, thiết kế (mục V.1.b).',
      textEn:
        'Communication publications compiled and designed by the Communication Center in coordination with other units (section V.1.b).',
    },
    {
      kind: 'product_type',
      code: 'leaflet',
      parentCode: 'III.5',
      group: 'print',
      nameVi: 'Tờ gấp',
      nameEn: 'Leaflet',
      textVi: 'Tờ gấp giới thiệu chính sách BHXH, BHYT, BHTN, thuộc các sản phẩm, tài liệu truyền thông (mục III.5).',
      textEn:
        'Folded leaflets introducing social, health and unemployment insurance policies, as communication products and materials (section III.5).',
    },
    {
      kind: 'product_type',
      code: 'panel',
      parentCode: 'III.5',
      group: 'print',
      nameVi: 'Pano',
      nameEn: 'Panel',
      textVi: 'Pano tuyên truyền về BHXH, BHYT, BHTN đặt tại nơi công cộng (mục III.5).',
      textEn:
        'Large outdoor panels (billboards) on social, health and unemployment insurance placed in public places (section III.5).',
    },
    {
      kind: 'product_type',
      code: 'poster',
      parentCode: 'III.5',
      group: 'print',
      nameVi: 'Áp phích',
      nameEn: 'Poster',
      textVi: 'Áp phích tuyên truyền về BHXH, BHYT, BHTN (mục III.5).',
      textEn: 'Posters promoting social, health and unemployment insurance (section III.5).',
    },
    {
      kind: 'product_type',
      code: 'signboard',
      parentCode: 'III.5',
      group: 'print',
      nameVi: 'Bảng hiệu',
      nameEn: 'Signboard',
      textVi: 'Bảng hiệu tuyên truyền về BHXH, BHYT, BHTN (mục III.5).',
      textEn: 'Signboards promoting social, health and unemployment insurance (section III.5).',
    },
  ],
};
