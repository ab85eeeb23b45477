export { createUsersService, toUser, type UsersService } from './users.service.js';
export { userColumns, usersRepository, type UserRow, type UsersRepository } from './users.repository.js';
export { users } from './users.table.js';
export { registerUsersRoutes } from './users.routes.js';
