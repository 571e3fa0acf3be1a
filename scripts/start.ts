/**
 * `npm start`: serves the demo (after `npm run build`) on PORT, default 8080, and prints the URL.
 */
import { fileURLToPath } from 'node:url';
import { startDemoServer } from './demo-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8080);

const demo = await startDemoServer({ port, root, host: process.env.HOST ?? '127.0.0.1' });
console.log(`Demo: ${demo.url}/`);
