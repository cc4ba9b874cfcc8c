/**
 * `npm start`: the production entry as it is compiled into build/roundtable/start.js at build
 * time (vite.config.ts, `compiledServer`), so the server starts without TypeScript's compiler.
 */
import { main } from './index';

await main();
