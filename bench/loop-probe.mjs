/**
 * Preloaded into each server the benchmark starts (`node --import ./bench/loop-probe.mjs …`),
 * Roundtable and the reference alike, so both are measured the same way: over the IPC channel
 * it answers `{ type: 'probe', reset?, gc? }` with the event-loop delay since the last reset
 * (perf_hooks, 10 ms resolution), memory and CPU time, and `{ type: 'profile', start | stop: file }`
 * by starting a CPU profile or writing it (the measured window only, BENCH_CPU_PROF). Nothing
 * else in the server changes.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';

let inspector = null;

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

process.on('message', (message) => {
	if (message?.type === 'profile') {
		if (message.start) {
			inspector = new Session();
			inspector.connect();
			inspector.post('Profiler.enable', () =>
				inspector.post('Profiler.start', () => process.send?.({ type: 'profile' }))
			);
		} else if (inspector) {
			inspector.post('Profiler.stop', (error, result) => {
				if (!error) writeFileSync(message.stop, JSON.stringify(result.profile));
				inspector.disconnect();
				inspector = null;
				process.send?.({ type: 'profile' });
			});
		}
		return;
	}
	if (!message || message.type !== 'probe') return;
	if (message.gc && typeof globalThis.gc === 'function') {
		globalThis.gc();
		globalThis.gc();
	}
	const ms = (ns) => Number((ns / 1e6).toFixed(2));
	const usage = process.memoryUsage();
	const cpu = process.cpuUsage();
	process.send?.({
		type: 'probe',
		loopDelay: {
			p50: ms(loop.percentile(50)),
			p99: ms(loop.percentile(99)),
			max: ms(loop.max),
			mean: ms(loop.mean)
		},
		rss: usage.rss,
		heapUsed: usage.heapUsed,
		external: usage.external,
		arrayBuffers: usage.arrayBuffers,
		cpuSeconds: (cpu.user + cpu.system) / 1e6
	});
	if (message.reset) loop.reset();
});
// The IPC channel must not keep a server alive that is otherwise done.
process.channel?.unref();
