/* Node: the site's search worker given a query per key typed, as the theme sends them, with no pause between keys.
 * Usage: node THIS SITE WORDS. Prints one JSON line: {answers, same}: how many answers the worker posted, and
 * whether the last one equals its answer to WORDS asked alone after a pause. */
"use strict";
const fs = require("fs");
const path = require("path");
const { loadWorker } = require("../macros/search_prebuild.js");

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main([site, words]) {
  const json = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
  const worker = loadWorker(site);
  await worker.send({ type: 0, data: { config: json.config, docs: json.docs, options: {} } });
  const posted = [];
  const post = worker.context.postMessage;
  worker.context.postMessage = (message) => posted.push(message);
  for (let i = 1; i <= words.length; i++) {
    worker.context.dispatchEvent(new MessageEvent("message", { data: { type: 2, data: words.slice(0, i) } }));
    await sleep(10);                   // keys 10 ms apart: a fast typist on a fast computer
  }
  await sleep(1500);
  const typed = posted.slice();
  worker.context.postMessage = post;
  const alone = await worker.send({ type: 2, data: words });
  console.log(JSON.stringify({ answers: typed.length,
                               same: typed.length > 0 && JSON.stringify(typed.at(-1)) === JSON.stringify(alone) }));
}
main(process.argv.slice(2)).catch((error) => { console.error(error.stack || error.message); process.exit(1); });
