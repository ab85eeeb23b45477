// Hand-written articles for the ingest tests: a small labelled set to train a model on (the tests do not depend on
// the shipped model), and the stories the tests ingest. Written in the register of the Vietnamese press.
import type { LabelledArticle } from './classifier-model.js';

const core = (unit: LabelledArticle['label']['unit'], sentiment: 'negative' | 'neutral' | 'positive' = 'neutral') => ({
  relevance: 'core' as const,
  sentiment,
  flags: [],
  unit,
});
const unrelated = { relevance: 'unrelated' as const, sentiment: 'na' as const, flags: [], unit: 'none' as const };

export const TRAINING_FIXTURES: LabelledArticle[] = [
  {
    article: {
      title: 'Nhiều doanh nghiệp nợ đóng bảo hiểm xã hội kéo dài',
      lead: 'BHXH tỉnh cho biết hàng trăm doanh nghiệp chậm đóng BHXH cho người lao động.',
      body: 'Tình trạng nợ đóng, trốn đóng bảo hiểm xã hội ảnh hưởng quyền lợi người lao động.\nCơ quan BHXH đã lập đoàn thanh tra.',
    },
    label: { ...core('thu', 'negative'), flags: ['evasion_debt'] },
  },
  {
    article: {
      title: 'Tăng lương hưu từ tháng 7 cho người hưởng chế độ',
      lead: 'Người hưởng lương hưu, trợ cấp bảo hiểm xã hội được điều chỉnh tăng.',
      body: 'Mức điều chỉnh lương hưu áp dụng cho người nghỉ hưu trước năm 1995.\nBHXH Việt Nam hướng dẫn chi trả.',
    },
    label: { ...core('csxh', 'positive'), flags: ['policy_change'] },
  },
  {
    article: {
      title: 'Bệnh viện chậm thanh toán chi phí khám chữa bệnh bảo hiểm y tế',
      lead: 'Người bệnh có thẻ BHYT phản ánh phải tự mua thuốc.',
      body: 'Quỹ bảo hiểm y tế thanh toán chi phí khám chữa bệnh theo quy định.\nBHXH tỉnh làm việc với bệnh viện.',
    },
    label: { ...core('cshyt', 'negative'), flags: ['service_complaint'] },
  },
  {
    article: {
      title: 'Cấp thẻ bảo hiểm y tế cho học sinh đầu năm học',
      lead: 'BHXH huyện phối hợp nhà trường cấp thẻ BHYT cho học sinh.',
      body: 'Việc cấp sổ BHXH, thẻ BHYT được thực hiện nhanh chóng qua ứng dụng VssID.',
    },
    label: { ...core('sothe'), flags: ['enrolment'] },
  },
  {
    article: {
      title: 'Rút bảo hiểm xã hội một lần tăng mạnh',
      lead: 'Số người hưởng BHXH một lần tăng trong năm.',
      body: 'Người lao động rút bảo hiểm xã hội một lần sẽ mất quyền lợi lương hưu.\nCơ quan BHXH khuyến cáo.',
    },
    label: { ...core('csxh', 'negative'), flags: ['lump_sum'] },
  },
  {
    article: {
      title: 'Phát hiện trục lợi quỹ bảo hiểm y tế tại phòng khám',
      lead: 'Thanh tra phát hiện phòng khám lập hồ sơ khống để trục lợi quỹ BHYT.',
      body: 'Hành vi gian lận, trục lợi quỹ bảo hiểm y tế bị xử lý nghiêm.',
    },
    label: { ...core('thanhtra', 'negative'), flags: ['fraud'] },
  },
  {
    article: {
      title: 'Doanh nghiệp du lịch phục hồi sau dịch',
      lead: 'Lượng khách quốc tế tăng mạnh, doanh nghiệp tuyển thêm lao động.',
      body: 'Công ty cho biết sẽ ký hợp đồng với người lao động và đóng bảo hiểm xã hội đầy đủ.\nDoanh thu tăng gấp đôi.',
    },
    label: { relevance: 'peripheral', sentiment: 'positive', flags: [], unit: 'thu' },
  },
  {
    article: {
      title: 'Cách ứng phó khi bị nổ lốp trong lúc lái xe',
      lead: 'Tài xế phải bình tĩnh, giữ thẳng vô-lăng.',
      body: 'Nổ lốp là tình huống nguy hiểm thường gặp.',
    },
    label: unrelated,
  },
  {
    article: {
      title: 'Giá vàng hôm nay tăng nhẹ',
      lead: 'Giá vàng trong nước tăng theo thế giới.',
      body: 'Các doanh nghiệp kinh doanh vàng điều chỉnh giá.',
    },
    label: unrelated,
  },
  {
    article: {
      title: 'Đội tuyển bóng đá thắng trận giao hữu',
      lead: 'Huấn luyện viên hài lòng với lối chơi.',
      body: 'Trận đấu diễn ra trên sân Mỹ Đình trước hàng vạn khán giả. Một cầu thủ được bảo hiểm chấn thương.',
    },
    label: unrelated,
  },
];

/** A story the press syndicates: the first outlet's text, and a copy with a new opening line and a cut ending. */
export const SYNDICATED_STORY = {
  title: 'Hà Nội: hơn 2.000 doanh nghiệp nợ đóng bảo hiểm xã hội',
  lead: 'Theo BHXH thành phố Hà Nội, hơn 2.000 doanh nghiệp đang nợ đóng bảo hiểm xã hội, bảo hiểm y tế với tổng số tiền trên 1.000 tỷ đồng.',
  body: [
    'Tình trạng chậm đóng, nợ đóng BHXH kéo dài ảnh hưởng trực tiếp đến quyền lợi của hàng chục nghìn người lao động, nhất là khi họ nghỉ việc, ốm đau hay sinh con.',
    'BHXH thành phố đã phối hợp với Sở Lao động, Thanh tra thành phố thành lập các đoàn kiểm tra liên ngành tại những đơn vị nợ lớn, kéo dài.',
    'Những doanh nghiệp cố tình trốn đóng sẽ bị công khai danh tính trên các phương tiện thông tin đại chúng và có thể bị xử lý hình sự theo quy định của Bộ luật Hình sự.',
    'Người lao động có thể tra cứu quá trình đóng BHXH của mình trên ứng dụng VssID để kịp thời phát hiện việc doanh nghiệp không đóng hoặc đóng không đầy đủ.',
  ].join('\n'),
};

export const SYNDICATED_COPY = {
  title: 'Hơn 2.000 doanh nghiệp ở Hà Nội nợ BHXH',
  lead: SYNDICATED_STORY.lead,
  body: SYNDICATED_STORY.body.split('\n').slice(0, 3).join('\n'),
};

export const UNRELATED_STORY = {
  title: 'Mùa hoa ban nở trắng núi rừng Tây Bắc',
  lead: 'Những ngày này, hoa ban nở rộ khắp các bản làng vùng cao.',
  body: 'Du khách đổ về Điện Biên, Sơn La để ngắm hoa ban và tham gia lễ hội truyền thống của đồng bào Thái.',
};

/** A scam: a look-alike of the agency's portal and a number presented as the agency's hotline. */
export const SCAM_STORY = {
  title: 'Cảnh báo trang web giả mạo cơ quan BHXH',
  lead: 'Người dân nhận tin nhắn đề nghị truy cập baohiemxahoi-gov.vn để cập nhật thông tin VssID.',
  body: 'Đối tượng tự xưng là cán bộ BHXH, gọi từ số tổng đài BHXH 0912 345 678 và yêu cầu cung cấp mã OTP.',
};
