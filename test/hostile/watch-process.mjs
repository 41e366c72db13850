// Loaded with --import into every corpus run: records the peak memory and any attempt to reach
// the network, into the file DECKDOWN_TEST_REPORT names, as the process exits.
import { writeFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const network = [];
const refuse = (what) =>
  function (...args) {
    network.push(`${what} ${JSON.stringify(args[0])?.slice(0, 80)}`);
    throw new Error('network access during a corpus run');
  };
net.Socket.prototype.connect = refuse('connect');
dns.lookup = refuse('dns.lookup');
process.on('exit', () => {
  writeFileSync(process.env.DECKDOWN_TEST_REPORT, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, network }));
});
