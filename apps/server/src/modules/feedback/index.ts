export { feedbackRepository, type FeedbackRepository } from './feedback.repository.js';
export { createFeedbackService, type FeedbackService } from './feedback.service.js';
export { registerFeedbackRoutes } from './feedback.routes.js';
export { faqRepository, type FaqRepository } from './faq.repository.js';
export { createFaqService, type FaqService } from './faq.service.js';
export { registerFaqRoutes } from './faq.routes.js';
