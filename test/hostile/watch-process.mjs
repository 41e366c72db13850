// Loaded with --import into every corpus run, and so into each of its worker threads too:
// records any attempt to reach the network as it happens, from whichever thread, and the peak
// memory of the whole process as it exits, into the file DECKDOWN_TEST_REPORT names.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';
import { isMainThread } from 'node:worker_threads';

const report = process.env.DECKDOWN_TEST_REPORT;
const attempts = `${report}.network`;
const refuse = (what) =>
  function (...args) {
    appendFileSync(attempts, `${what} ${JSON.stringify(args[0])?.slice(0, 80)}\n`);
    throw new Error('network access during a corpus run');
  };
net.Socket.prototype.connect = refuse('connect');
dns.lookup = refuse('dns.lookup');
/**
 * The process's own peak memory. On Linux a child's maxRSS starts from its parent's peak when it
 * was forked (the test runner's, which can be larger than any build); VmHWM is the process's own.
 */
function peakKb() {
  const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB$/m) : null;
  return status ? Number(status[1]) : process.resourceUsage().maxRSS;
}
if (isMainThread) {
  process.on('exit', () => {
    const network = existsSync(attempts) ? readFileSync(attempts, 'utf8').split('\n').filter(Boolean) : [];
    writeFileSync(report, JSON.stringify({ maxRssKb: peakKb(), network }));
  });
}
