// The fan-out baseline: a bare socket.io server that broadcasts a payload to one room when asked.
// Run as its own process (like the Fangxin server): prints its port, then serves until killed.
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer();
const io = new Server(server, { serveClient: false });
io.on('connection', (s) => void s.join('region:33'));
server.on('request', (req, res) => {
  if (req.url !== '/emit') return;
  let body = '';
  req.on('data', (d: Buffer) => (body += d.toString()));
  req.on('end', () => {
    io.to('region:33').emit('complaint:created', JSON.parse(body));
    res.end('{}');
  });
});
server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as { port: number }).port}`));
