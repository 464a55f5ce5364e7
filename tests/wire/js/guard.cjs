// Loaded before every wire program (node --require): no connection leaves this machine.
const net = require("net");
const LOCAL = new Set(["127.0.0.1", "localhost", "::1"]);
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === "object" && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  const host = options.host || "localhost";
  if (!options.path && !LOCAL.has(host) && !String(host).startsWith("127.")) {
    throw new Error(`wire guard: ${host} is not on this machine`);
  }
  return connect.apply(this, args);
};
