export { createProductsService, type ProductsService } from './products.service.js';
export { createProductFilesService, type ProductFilesService } from './product-files.service.js';
export { productsRepository, type ProductRow } from './products.repository.js';
export { productFilesRepository } from './product-files.repository.js';
export { createProductStoriesService, type ProductStoriesService } from './product-stories.service.js';
export { productStoriesRepository } from './product-stories.repository.js';
export { registerProductsRoutes } from './products.routes.js';
