/**
 * The reference server for `npm run bench:collab`: @y/websocket-server 0.1.1 (the official
 * y-websocket backend, Yjs 13), exactly as its own `server.js` runs it — in-memory documents,
 * no authentication, no persistence — but on the port given by PORT (0: any) and printing
 * `listening {port}` once ready, as server/collab/standalone.ts does.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
	response.writeHead(200, { 'Content-Type': 'text/plain' });
	response.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
	wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
	console.log(`listening ${server.address().port}`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
