/* Builds the search index once, at build time, so that a page opened from file:// loads it instead of building it.
 * Usage: node macros/search_prebuild.js SITE_DIR
 * Reads SITE_DIR/search/search_index.json; writes SITE_DIR/search/search_index.js (what Material reads from file://)
 * with the serialized lunr index beside config and docs, in `prebuilt` (the theme posts only config and docs to its
 * worker; macros/search_worker_prebuilt.js reads the index from the page). The index is built by the theme's own
 * search worker (its lunr, tokenizer and language files, from the built site), so it is the index the browser would
 * have built. */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

/** The theme's search worker (with the preludes the build put in front of it), loaded into a fresh context that
 * stands in for a Web Worker; `page`, when given, stands for the page a worker runs in from file:// (iframe-worker). */
function loadWorker(site, { page } = {}) {
  const workers = path.join(site, "assets", "javascripts", "workers");
  const file = fs.readdirSync(workers).find((name) => /^search\..*\.js$/.test(name));
  if (!file) throw new Error(`no search worker in ${workers}`);
  const events = new EventTarget();
  const posted = [];
  const context = {
    console, setTimeout, clearTimeout, MessageEvent,
    addEventListener: events.addEventListener.bind(events),
    dispatchEvent: events.dispatchEvent.bind(events),
    postMessage: (message) => posted.push(message),
    importScripts: (...urls) => urls.forEach((url) => vm.runInContext(
      fs.readFileSync(path.resolve(workers, url), "utf8"), context, { filename: url })),
  };
  context.self = context;
  if (page) context.parent = page;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(workers, file), "utf8"), context, { filename: file });
  const send = async (message) => {
    posted.length = 0;
    events.dispatchEvent(new MessageEvent("message", { data: message }));
    for (let i = 0; i < 5000 && !posted.length; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    if (!posted.length) throw new Error(`the search worker did not answer ${JSON.stringify(message).slice(0, 80)}`);
    return posted[0];
  };
  return { context, send };
}

/** The index as JSON, each document named by its number in `docs` instead of its location (a third of the size). */
function serialize(index, docs) {
  const number = new Map(docs.map((doc, i) => [doc.location, i]));
  const json = index.toJSON();
  json.fieldVectors = json.fieldVectors.map(([key, vector]) => {
    const slash = key.indexOf("/");
    return [key.slice(0, slash + 1) + number.get(key.slice(slash + 1)), vector];
  });
  json.invertedIndex = json.invertedIndex.map(([term, posting]) => {
    const out = {};
    for (const [field, refs] of Object.entries(posting)) {
      if (field === "_index") { out[field] = refs; continue; }
      out[field] = {};
      for (const [ref, metadata] of Object.entries(refs)) out[field][number.get(ref)] = metadata;
    }
    return [term, out];
  });
  return json;
}

async function prebuild(site) {
  const data = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
  const worker = loadWorker(site);
  let built = null;
  const lunr = worker.context.lunr;
  worker.context.lunr = new Proxy(lunr, { apply: (target, self, args) => (built = target.apply(self, args)) });
  const answer = await worker.send({ type: 0, data: { config: data.config, docs: data.docs, options: {} } });
  if (answer.type !== 1 || built === null) throw new Error("the theme's search worker did not build its index");
  data.prebuilt = serialize(built, data.docs);
  fs.writeFileSync(path.join(site, "search", "search_index.js"), `var __index = ${JSON.stringify(data)}`);
}

module.exports = { loadWorker };
if (require.main === module) {
  prebuild(process.argv[2]).catch((error) => { console.error(error.stack || error.message); process.exit(1); });
}
