export { createUsersService, toUser, type UsersService } from './users.service.js';
export { usersRepository, type UserRow, type UsersRepository } from './users.repository.js';
export { registerUsersRoutes } from './users.routes.js';
