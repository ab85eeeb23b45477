// Tests talk only to loopback (their databases, local SMTP and feed servers): any other connection fails loudly.
import net from 'node:net';

const original = net.Socket.prototype.connect;
const LOOPBACK = /^(127\.|::1$|localhost$|::ffff:127\.)/;

net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  const [first] = args;
  const options = (typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }) as {
    host?: string;
    path?: string;
  };
  const host = options.host ?? 'localhost';
  if (!options.path && typeof host === 'string' && !LOOPBACK.test(host)) {
    throw new Error(`Outbound network blocked in tests: ${host}`);
  }
  return (original as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
