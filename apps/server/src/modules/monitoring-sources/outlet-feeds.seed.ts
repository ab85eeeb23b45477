// The RSS feeds of major Vietnamese outlets, as the outlets publish them on their RSS pages (issue 12 §1). They are
// seeded DISABLED: an administrator checks each address (outlets move their feeds) and enables the ones to follow.
// Matched by seed_key at every start: a key never seeded before is added (so later versions can add outlets), a key
// seeded once is never re-created (a feed an administrator deleted stays deleted) nor overwritten.

export interface OutletFeedSeed {
  key: string;
  name: string;
  url: string;
}

export const OUTLET_FEEDS: readonly OutletFeedSeed[] = [
  { key: 'vnexpress-moi-nhat', name: 'VnExpress — Tin mới nhất', url: 'https://vnexpress.net/rss/tin-moi-nhat.rss' },
  { key: 'vnexpress-thoi-su', name: 'VnExpress — Thời sự', url: 'https://vnexpress.net/rss/thoi-su.rss' },
  { key: 'vnexpress-suc-khoe', name: 'VnExpress — Sức khỏe', url: 'https://vnexpress.net/rss/suc-khoe.rss' },
  { key: 'tuoitre-moi-nhat', name: 'Tuổi Trẻ — Tin mới nhất', url: 'https://tuoitre.vn/rss/tin-moi-nhat.rss' },
  { key: 'thanhnien-trang-chu', name: 'Thanh Niên — Trang chủ', url: 'https://thanhnien.vn/rss/home.rss' },
  { key: 'dantri-trang-chu', name: 'Dân trí — Trang chủ', url: 'https://dantri.com.vn/rss/home.rss' },
  { key: 'dantri-suc-khoe', name: 'Dân trí — Sức khỏe', url: 'https://dantri.com.vn/rss/suc-khoe.rss' },
  { key: 'laodong-trang-chu', name: 'Lao Động — Trang chủ', url: 'https://laodong.vn/rss/home.rss' },
  { key: 'nld-trang-chu', name: 'Người Lao Động — Trang chủ', url: 'https://nld.com.vn/rss/home.rss' },
  { key: 'vietnamplus-tin-moi', name: 'VietnamPlus — Tin mới', url: 'https://www.vietnamplus.vn/rss/news.rss' },
  { key: 'nhandan-trang-chu', name: 'Nhân Dân — Trang chủ', url: 'https://nhandan.vn/rss/home.rss' },
  { key: 'baochinhphu-trang-chu', name: 'Báo Chính phủ — Trang chủ', url: 'https://baochinhphu.vn/rss/home.rss' },
  { key: 'suckhoedoisong', name: 'Sức khỏe & Đời sống — Trang chủ', url: 'https://suckhoedoisong.vn/rss/home.rss' },
  { key: 'vov-trang-chu', name: 'VOV — Trang chủ', url: 'https://vov.vn/rss/home.rss' },
  { key: 'vtv-trang-chu', name: 'VTV — Trang chủ', url: 'https://vtv.vn/trang-chu.rss' },
  { key: 'tienphong-trang-chu', name: 'Tiền Phong — Trang chủ', url: 'https://tienphong.vn/rss/home.rss' },
  { key: 'plo-trang-chu', name: 'Pháp luật TP.HCM — Trang chủ', url: 'https://plo.vn/rss/home.rss' },
  { key: 'vietnamnet-moi-nhat', name: 'Vietnamnet — Tin mới nhất', url: 'https://vietnamnet.vn/rss/tin-moi-nhat.rss' },
  { key: 'znews-trang-chu', name: 'Znews — Trang chủ', url: 'https://znews.vn/rss/home.rss' },
  { key: 'baodautu-trang-chu', name: 'Báo Đầu tư — Trang chủ', url: 'https://baodautu.vn/rss/home.rss' },
  { key: 'kinhtedothi-trang-chu', name: 'Kinh tế & Đô thị — Trang chủ', url: 'https://kinhtedothi.vn/rss/home.rss' },
  { key: 'hanoimoi-trang-chu', name: 'Hà Nội Mới — Trang chủ', url: 'https://hanoimoi.vn/rss/home.rss' },
  { key: 'sggp-trang-chu', name: 'Sài Gòn Giải Phóng — Trang chủ', url: 'https://www.sggp.org.vn/rss/home.rss' },
  { key: 'cand-trang-chu', name: 'Công an nhân dân — Trang chủ', url: 'https://cand.com.vn/rss/home.rss' },
  { key: 'qdnd-trang-chu', name: 'Quân đội nhân dân — Trang chủ', url: 'https://www.qdnd.vn/rss/cate/trang-chu.rss' },
  { key: 'tapchibhxh', name: 'Tạp chí Bảo hiểm xã hội', url: 'https://tapchibaohiemxahoi.gov.vn/rss/home.rss' },
  {
    key: 'baotintuc-moi-nhat',
    name: 'Báo Tin tức (TTXVN) — Tin mới nhất',
    url: 'https://baotintuc.vn/tin-moi-nhat.rss',
  },
  { key: 'daibieunhandan', name: 'Đại biểu Nhân dân — Trang chủ', url: 'https://daibieunhandan.vn/rss/home.rss' },
];

/** Why the seeded feeds start disabled (shown beside each until an administrator enables it). */
export const SEED_DISABLED_REASON =
  'Nguồn có sẵn, chưa kiểm tra: quản trị viên kiểm tra địa chỉ RSS rồi bật / ' +
  'Preset feed, not checked yet: an administrator checks the RSS address and enables it';
