// A small local news site on 127.0.0.1 for the monitoring journey: an RSS feed and its article pages, Vietnamese
// text written for the journey (one item about trading social-insurance books, the kind officers must catch).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NewsSiteArticle {
  slug: string;
  title: string;
  lead: string;
  paragraphs: string[];
}

export const BOOK_TRADING: NewsSiteArticle = {
  slug: 'thu-mua-so-bhxh-tren-mang',
  title: 'Cảnh báo tình trạng thu mua sổ BHXH giá cao trên mạng xã hội',
  lead: 'Nhiều tài khoản rao thu mua, cầm cố sổ bảo hiểm xã hội của người lao động nghỉ việc với giá cao.',
  paragraphs: [
    'Thời gian gần đây, trên các hội nhóm mạng xã hội xuất hiện nhiều bài đăng thu mua sổ BHXH, nhận cầm sổ bảo hiểm xã hội và làm hộ thủ tục hưởng BHXH một lần để hưởng chênh lệch.',
    'Cơ quan BHXH khuyến cáo người lao động không bán, không cầm cố sổ BHXH; việc giao sổ cho người khác có thể bị chiếm đoạt quyền lợi, lộ lọt thông tin cá nhân.',
    'Người lao động cần giải quyết chế độ hãy liên hệ trực tiếp cơ quan BHXH nơi cư trú hoặc thực hiện trên Cổng Dịch vụ công quốc gia.',
  ],
};

export const PENSION: NewsSiteArticle = {
  slug: 'dieu-chinh-luong-huu',
  title: 'Điều chỉnh lương hưu, trợ cấp BHXH từ ngày 1/7',
  lead: 'Người đang hưởng lương hưu, trợ cấp BHXH hằng tháng được tăng thêm theo nghị định mới của Chính phủ.',
  paragraphs: [
    'Theo nghị định, mức lương hưu và trợ cấp BHXH hằng tháng được điều chỉnh tăng từ ngày 1/7 đối với các đối tượng đang hưởng.',
    'Cơ quan BHXH các tỉnh đã chủ động rà soát danh sách, chuẩn bị chi trả kịp thời cho người hưởng qua tài khoản cá nhân và tại điểm chi trả.',
  ],
};

export const SCAM: NewsSiteArticle = {
  slug: 'mao-danh-can-bo-bhxh-lua-dao',
  title: 'Mạo danh cán bộ BHXH gọi điện lừa đảo chiếm đoạt tiền của người dân',
  lead: 'Đối tượng tự xưng là cán bộ cơ quan bảo hiểm xã hội, yêu cầu người dân cài ứng dụng giả mạo để cập nhật thông tin hưởng chế độ.',
  paragraphs: [
    'Nhiều người dân phản ánh nhận được cuộc gọi của đối tượng mạo danh cán bộ BHXH, thông báo hồ sơ hưởng BHXH một lần bị lỗi và đề nghị cài ứng dụng VssID giả mạo qua đường link lạ.',
    'Sau khi cài đặt, tài khoản ngân hàng của người dân bị chiếm đoạt tiền. Cơ quan BHXH khẳng định không gọi điện yêu cầu cài đặt ứng dụng hay chuyển tiền; đề nghị người dân cảnh giác với thủ đoạn lừa đảo.',
    'Người dân cần tra cứu thông tin trên ứng dụng VssID chính thức hoặc liên hệ tổng đài 1900 9068 của BHXH Việt Nam.',
  ],
};

export const LUMP_SUM_SERVICE: NewsSiteArticle = {
  slug: 'dich-vu-rut-bhxh-mot-lan',
  title: 'Dịch vụ làm hộ hồ sơ rút BHXH một lần thu phí cao, người lao động mất trắng',
  lead: 'Nhiều người lao động nộp sổ và tiền đặt cọc cho các đối tượng nhận làm nhanh hồ sơ hưởng BHXH một lần rồi bị chiếm đoạt.',
  paragraphs: [
    'Các đối tượng quảng cáo trên mạng xã hội dịch vụ rút BHXH một lần nhanh, thu phí từ 20 đến 30% số tiền được hưởng, yêu cầu người lao động giao sổ bảo hiểm xã hội và căn cước.',
    'Sau khi nhận tiền cọc, nhiều đối tượng cắt liên lạc. Cơ quan BHXH khuyến cáo người lao động tự thực hiện thủ tục trên Cổng Dịch vụ công hoặc tại cơ quan BHXH, không mất phí.',
  ],
};

export const CHIP_ID_CARD: NewsSiteArticle = {
  slug: 'can-cuoc-thay-the-bhyt',
  title: 'Người dân dùng căn cước gắn chip thay thẻ BHYT khi đi khám chữa bệnh',
  lead: 'BHXH Việt Nam cho biết hầu hết cơ sở khám chữa bệnh trên cả nước đã tra cứu được thông tin thẻ BHYT bằng căn cước.',
  paragraphs: [
    'Người tham gia BHYT chỉ cần xuất trình căn cước gắn chip hoặc ứng dụng VNeID khi đến khám chữa bệnh, không cần mang theo thẻ BHYT giấy.',
    'Cơ quan BHXH đề nghị các cơ sở y tế bảo đảm hạ tầng, thiết bị đọc căn cước để rút ngắn thời gian làm thủ tục cho người bệnh.',
  ],
};

export const VOLUNTARY: NewsSiteArticle = {
  slug: 'phat-trien-bhxh-tu-nguyen',
  title: 'BHXH Việt Nam đẩy mạnh phát triển người tham gia BHXH tự nguyện',
  lead: 'Ngành BHXH triển khai nhiều giải pháp mở rộng diện bao phủ bảo hiểm xã hội tự nguyện cho lao động khu vực phi chính thức.',
  paragraphs: [
    'Theo BHXH Việt Nam, số người tham gia BHXH tự nguyện tiếp tục tăng nhờ công tác tuyên truyền, đối thoại và phát triển mạng lưới đại lý thu tại xã, phường.',
    'Cơ quan BHXH các tỉnh phối hợp với chính quyền địa phương tổ chức hội nghị khách hàng, vận động người dân tham gia để được hưởng lương hưu khi về già.',
  ],
};

export const WEATHER: NewsSiteArticle = {
  slug: 'mua-lon-mien-trung',
  title: 'Mưa lớn kéo dài ở các tỉnh miền Trung',
  lead: 'Các tỉnh từ Quảng Bình đến Quảng Ngãi có mưa to đến rất to trong ba ngày tới.',
  paragraphs: ['Trung tâm Dự báo khí tượng thủy văn quốc gia cảnh báo nguy cơ lũ quét và sạt lở đất ở vùng núi.'],
};

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(article: NewsSiteArticle, url: string, published: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escape(article.title)}</title>
<link rel="canonical" href="${url}"><meta name="description" content="${escape(article.lead)}">
<meta property="article:published_time" content="${published}"></head><body><header>Báo Thử Nghiệm</header>
<article><h1>${escape(article.title)}</h1><p class="sapo"><strong>${escape(article.lead)}</strong></p>
${article.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}<p class="author">Minh Anh</p></article>
<footer>© Báo Thử Nghiệm</footer></body></html>`;
}

export interface NewsSite {
  feedUrl: string;
  urlOf(article: NewsSiteArticle): string;
  close(): Promise<void>;
}

/** Serves `articles` (newest first, an hour apart, ending now) under /tin/<slug>.html and their feed at /rss.xml. */
export async function startNewsSite(articles: NewsSiteArticle[]): Promise<NewsSite> {
  let base = '';
  const now = Date.now();
  const dated = articles.map((article, i) => ({ article, at: new Date(now - (i + 1) * 3_600_000) }));
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/rss.xml') {
      const items = dated
        .map(
          ({ article, at }) =>
            `<item><title>${escape(article.title)}</title><link>${base}/tin/${article.slug}.html</link>` +
            `<description>${escape(article.lead)}</description><guid>${article.slug}</guid>` +
            `<pubDate>${at.toUTCString()}</pubDate></item>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Thử Nghiệm</title>` +
          `<link>${base}/</link><description>Tin mới</description>${items}</channel></rss>`,
      );
      return;
    }
    const found = dated.find(({ article }) => path === `/tin/${article.slug}.html`);
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(found.article, `${base}${path}`, found.at.toISOString()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    feedUrl: `${base}/rss.xml`,
    urlOf: (article) => `${base}/tin/${article.slug}.html`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
