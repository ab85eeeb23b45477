import { budgetLedgerRepository } from './budget-ledger.repository.js';
import { budgetQueriesRepository } from './budget-queries.repository.js';
import { budgetRepository } from './budget.repository.js';

export { asBudgetError, createBudgetLedger, type BudgetLedger, type CommitInput } from './budget-ledger.service.js';
export { createBudgetYearsService, type BudgetYearsService } from './budget-years.service.js';
export { createAllocationsService, type AllocationsService } from './allocations.service.js';
export { createExpendituresService, type ExpendituresService } from './expenditures.service.js';
export { createNormsService, type NormsService } from './norms.service.js';
export { createNormExceptionsService, type NormExceptionsService } from './norm-exceptions.service.js';
export { createBudgetSummaryService, type BudgetSummaryService } from './budget-summary.service.js';
export { registerBudgetRoutes } from './budget.routes.js';
export { registerBudgetEntriesRoutes } from './budget-entries.routes.js';
export { registerBudgetNormsRoutes } from './budget-norms.routes.js';
export { budgetLedgerRepository, budgetQueriesRepository, budgetRepository };
