#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// bench-peers.mjs: names per second of the two npm release parsers on the same names
// bench-parser.c times ours on. Prints "PEER <name> <names_per_s>" per peer.
//
//   node bench-peers.mjs PEERS_DIR NAMES_FILE [seconds]
//
// vfp (@ctrl/video-filename-parser) needs to be told TV or movie; it is called as
// ../shared/tools/run_peers.mjs calls it for scoring (a TV guess, then a movie parse
// when the TV parse finds nothing), so speed and accuracy are measured on the same use.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [, , peersDir, namesFile, secondsArg] = process.argv;
if (!peersDir || !namesFile) {
  console.error('usage: bench-peers.mjs PEERS_DIR NAMES_FILE [seconds]');
  process.exit(2);
}
const seconds = Number(secondsArg || 2);
const require = createRequire(path.join(peersDir, 'package.json'));
const names = fs.readFileSync(namesFile, 'utf8').split('\n').filter(Boolean);

const vfp = await import(path.join(peersDir, 'node_modules/@ctrl/video-filename-parser/dist/src/index.js'));
const ptt = require('parse-torrent-title');
const TV_HINT = /\bS\s?\d{1,4}(?:[ .]?E\d{1,4})?\b|\b\d{1,2}x\d{1,3}\b|\bseason\s?\d*|\bepisode\b|\b(?:19|20)\d{2}[.\-_ ](?:0[1-9]|1[0-2])[.\-_ ]\d{2}\b|\bE\d{2,4}\b|\s-\s\d{1,4}(?:v\d)?\b|\[\d{1,4}\]|\bcomplete\b|\bEp\.?\s?\d/i;

const peers = {
  vfp: (name) => {
    let r = TV_HINT.test(name.replace(/_/g, ' ')) ? vfp.filenameParse(name, true) : null;
    const tvHit = r && ((r.seasons && r.seasons.length) || (r.episodeNumbers && r.episodeNumbers.length) || r.airDate);
    if (!tvHit) r = vfp.filenameParse(name, false);
    return r;
  },
  ptt: (name) => ptt.parse(name),
};

let sink = 0;
for (const [peer, fn] of Object.entries(peers)) {
  // warm up the JIT on one pass
  for (const n of names) sink += fn(n) ? 1 : 0;
  let count = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < limit) {
    for (const n of names) {
      try { sink += fn(n) ? 1 : 0; } catch (e) { sink++; }
    }
    count += names.length;
    elapsed = process.hrtime.bigint() - start;
  }
  const perSecond = count / (Number(elapsed) / 1e9);
  console.log(`PEER ${peer} ${perSecond.toFixed(0)}`);
}
if (sink < 0) console.log(sink);
