// Preloaded with `node --import`: prints the process's peak resident set size (worker threads
// included: they share the process) to stderr as it exits, for bench/memory.mjs.
import fs from 'node:fs';

process.on('exit', () => fs.writeSync(2, `piiguard-peak-rss-kb ${process.resourceUsage().maxRSS}\n`));
