export { createPressContractsService, type PressContractsService } from './press-contracts.service.js';
export type { ContractLedger } from './press-contract-core.service.js';
export {
  createPressContractDeliveryService,
  type PressContractDeliveryService,
} from './press-contract-delivery.service.js';
export { pressContractsRepository } from './press-contracts.repository.js';
export { registerPressContractsRoutes } from './press-contracts.routes.js';
